"""Where vlogkit keeps things, and the user's settings.

`VLOGKIT_HOME` moves all state (library, caches, settings, logs, default exports) into one folder.
The assembled Whisper model is shared read-only: platform cache dir, or `VLOGKIT_MODEL_DIR`.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

APP = "vlogkit"


@dataclass(frozen=True)
class Paths:
    home: Path

    @classmethod
    def from_env(cls) -> Paths:
        env = os.environ.get("VLOGKIT_HOME")
        if env:
            return cls(Path(env).expanduser().resolve())
        from platformdirs import user_data_path

        return cls(user_data_path(APP, appauthor=False))

    @property
    def library_db(self) -> Path:
        return self.home / "library.json"

    @property
    def bank_db(self) -> Path:
        return self.home / "bank.json"

    @property
    def media_dir(self) -> Path:
        return self.home / "media"  # copies made by `import --copy` and kept recordings

    @property
    def cache_dir(self) -> Path:
        return self.home / "cache"

    @property
    def thumbnails_dir(self) -> Path:
        return self.home / "thumbnails"

    @property
    def transcripts_dir(self) -> Path:
        return self.home / "transcripts"

    @property
    def logs_dir(self) -> Path:
        return self.home / "logs"

    @property
    def settings_file(self) -> Path:
        return self.home / "settings.json"

    @property
    def window_state_file(self) -> Path:
        return self.home / "window.ini"

    @property
    def default_export_dir(self) -> Path:
        if os.environ.get("VLOGKIT_HOME"):
            return self.home / "exports"
        from platformdirs import user_videos_path

        return user_videos_path() / "vlogkit"

    @property
    def captures_dir(self) -> Path:
        return self.home / "captures"  # takes in progress (crash recovery)

    def ensure(self) -> None:
        for p in (self.home, self.media_dir, self.cache_dir, self.thumbnails_dir, self.transcripts_dir, self.logs_dir):
            p.mkdir(parents=True, exist_ok=True)


def model_cache_dir() -> Path:
    env = os.environ.get("VLOGKIT_MODEL_DIR")
    if env:
        return Path(env).expanduser().resolve()
    from platformdirs import user_cache_path

    return user_cache_path(APP, appauthor=False) / "models"


@dataclass
class Settings:
    """User settings, declared once. Window state is kept apart (Qt's own file)."""

    model: str = "base"
    default_language: str = "auto"
    languages: str = "nl,fr,en"  # what "auto" chooses from, stretch by stretch ("any" = every Whisper language)
    glossary: str = ""
    ui_language: str = ""  # "" = system locale
    theme: str = ""  # "" = follow the system, "light" or "dark"
    auto_transcribe: bool = True
    export_dir: str = ""
    loudness_target: float = -14.0
    brand_color: str = "#FFC400"
    brand_logo: str = ""
    caption_font: str = "Lato"
    record_limit_s: int = 90
    last_speaker: dict[str, str] = field(default_factory=dict)
    welcome_seen: bool = False
    user_name: str = ""  # recorded with approvals, consent changes and exports ("" = the operating-system user)
    library_url: str = ""  # a team library: postgresql://user@host/db ("" = this computer's TinyDB library)
    media_root: str = ""  # the team's shared media folder (content-addressed copies of every imported vlog)
    team_key: str = ""  # the team's secret for signing hand-off packages (VLOGKIT_TEAM_KEY overrides)
    inbox_dir: str = ""  # a folder the app watches for hand-off packages

    @classmethod
    def load(cls, path: Path) -> Settings:
        s = cls()
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            data = {}
        known = {f.name for f in fields(cls)}
        for k, v in data.items():
            if k in known:
                setattr(s, k, v)
        env_model = os.environ.get("VLOGKIT_MODEL")
        if env_model:
            s.model = env_model
        return s

    def save(self, path: Path) -> None:
        from vlogkit.fileutil import atomic_write_text

        atomic_write_text(path, json.dumps(asdict(self), indent=2, ensure_ascii=False))

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


# Settings a team shares through its library (`vlogkit library settings KEY=VALUE`): every desk uses the team's
# value over its own. The rest (paths, user name, window, interface language) stays per desk.
TEAM_SETTINGS = ("brand_color", "caption_font", "loudness_target", "glossary", "release_text", "release_version")


def apply_team_settings(settings: Settings, shared: dict[str, Any]) -> list[str]:
    """Put the team's values over this desk's; returns the keys applied (unknown or mistyped values are skipped)."""
    applied = []
    known = {f.name: f for f in fields(Settings)}
    for key, value in shared.items():
        if key in TEAM_SETTINGS and key in known and isinstance(value, type(getattr(Settings(), key))):
            setattr(settings, key, value)
            applied.append(key)
    return applied


def current_user(settings: Settings) -> str:
    """The `user_name` setting, else the operating-system user."""
    if settings.user_name.strip():
        return settings.user_name.strip()
    import getpass

    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no user name in some containers
        return "unknown"


def library_url(settings: Settings) -> str:
    """`VLOGKIT_LIBRARY_URL`, else the `library_url` setting ("" = the local TinyDB library)."""
    env = os.environ.get("VLOGKIT_LIBRARY_URL")
    return (env if env is not None else settings.library_url).strip()


def media_root(settings: Settings) -> Path | None:
    """`VLOGKIT_MEDIA_ROOT`, else the `media_root` setting: where a team library keeps its media."""
    raw = os.environ.get("VLOGKIT_MEDIA_ROOT") or settings.media_root
    return Path(raw).expanduser() if raw else None


def team_key(settings: Settings) -> bytes:
    """`VLOGKIT_TEAM_KEY`, else the `team_key` setting (b"" when neither is set)."""
    raw = os.environ.get("VLOGKIT_TEAM_KEY") or settings.team_key
    return raw.encode("utf-8") if raw else b""
