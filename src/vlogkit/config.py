"""Where vlogkit keeps things, and the user's settings.

`VLOGKIT_HOME` moves all state (library, caches, settings, logs, default exports) into one folder.
The assembled Whisper model is shared read-only: platform cache dir, or `VLOGKIT_MODEL_DIR`.
"""

from __future__ import annotations

import errno
import json
import os
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

APP = "vlogkit"
APP_LANGUAGES = ("en", "nl", "fr")  # the languages the app speaks (its UI, its example prompts)


def system_locale() -> str:
    """The system locale as language[_territory] ("nl_BE", "fr_BE", "en"; on Windows "Dutch_Belgium"), "" when none."""
    import locale

    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        val = os.environ.get(var, "")
        if val and val not in ("C", "POSIX") and not val.startswith("C."):
            return val.split(".")[0].split(":")[0].split("@")[0]
    try:
        return (locale.getlocale()[0] or "").split(".")[0]
    except ValueError:
        return ""


def system_language() -> str:
    """The system locale's language when the app speaks it, else English."""
    code = system_locale().split("_")[0].lower()
    return code if code in APP_LANGUAGES else "en"


def app_language(chosen: str | None = "") -> str:
    """The app's language: the one chosen in Settings ('' = the system's), English when the app does not speak it."""
    code = (chosen or system_language()).lower()
    return code if code in APP_LANGUAGES else "en"


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
    def forgotten_file(self) -> Path:
        return self.home / "forgotten.json"  # tombstones: id + fingerprint of forgotten vlogs, never restored over

    @property
    def export_log_file(self) -> Path:
        return self.home / "export-log.json"  # kept apart from library.json, so a restore never replaces it

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
        """Create the folders; a home that cannot be written (read-only disk or mount, no permission) is one clear
        error naming it - every command writes there (locks, logs), so none can work without it."""
        import tempfile

        try:
            for p in (self.home, self.media_dir, self.cache_dir, self.thumbnails_dir, self.transcripts_dir,
                      self.logs_dir):
                p.mkdir(parents=True, exist_ok=True)
            with tempfile.TemporaryFile(dir=self.home):
                pass
        except OSError as exc:
            from vlogkit.errors import LibraryError

            why = "it is read-only" if exc.errno == errno.EROFS else (exc.strerror or str(exc)).lower()
            raise LibraryError(f"The vlogkit folder {self.home} cannot be written ({why}): make it writable, or set "
                               "VLOGKIT_HOME to a folder you can write.") from None


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
    timezone: str = ""  # IANA zone consent days are counted in ("" = this machine's zone)
    release_text: str = ""  # the release wording people agree to ("" = vlogkit's default wording)
    release_version: str = ""  # bump when the wording changes; each consent record keeps the version in force
    csv_separator: str = ""  # "," or ";" between CSV cells ("" = what this computer's spreadsheet opens: see below)

    @classmethod
    def load(cls, path: Path) -> Settings:
        """The settings in `path`; a value of the wrong kind (or a file that is not a JSON object) is replaced by
        the default, so one bad value never breaks every command (`settings_problems` names it for doctor)."""
        s = cls()
        values, _ = _read_settings(path)
        for k, v in values.items():
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


CSV_SEPARATORS = {"comma": ",", "semicolon": ";"}
# Where a comma is the decimal mark, Excel splits CSV cells at semicolons (Windows' list separator there): a file with
# commas opens as one column. By language or territory, as the locale names them on Linux/macOS ("nl_BE") and Windows.
_SEMICOLON_LANGUAGES = frozenset("""nl fr de es it pt da sv nb nn no fi pl cs sk sl hr sr bs hu ro bg ru uk lt lv et
    tr el is dutch french german spanish italian portuguese danish swedish norwegian finnish polish czech""".split())
_SEMICOLON_TERRITORIES = frozenset("""be nl fr de at ch lu es it pt dk se no fi pl cz br belgium netherlands france
    germany austria switzerland luxembourg spain italy portugal""".split())


def locale_csv_separator() -> str:
    """The separator this computer's spreadsheet expects: ";" for a Belgian, Dutch, French, German ... locale, ","
    elsewhere (and when the locale is unknown)."""
    language, _, territory = system_locale().lower().partition("_")
    return ";" if language in _SEMICOLON_LANGUAGES or territory in _SEMICOLON_TERRITORIES else ","


def csv_separator(settings: Settings) -> str:
    """The `csv_separator` setting, else `locale_csv_separator()`."""
    return settings.csv_separator if settings.csv_separator in CSV_SEPARATORS.values() else locale_csv_separator()


# Settings a team shares through its library (`vlogkit library settings KEY=VALUE`): every desk uses the team's
# value over its own. The rest (paths, user name, window, interface language) stays per desk.
TEAM_SETTINGS = ("brand_color", "caption_font", "loudness_target", "glossary", "release_text", "release_version",
                 "languages")


def apply_team_settings(settings: Settings, shared: dict[str, Any]) -> list[str]:
    """Put the team's values over this desk's; returns the keys applied (unknown or mistyped values are skipped)."""
    applied = []
    known = {f.name: f for f in fields(Settings)}
    for key, value in shared.items():
        if key in TEAM_SETTINGS and key in known and isinstance(value, type(getattr(Settings(), key))):
            setattr(settings, key, value)
            applied.append(key)
    return applied


SETTINGS_MAX_BYTES = 1 << 20


def _read_settings(path: Path) -> tuple[dict[str, Any], list[str]]:
    """(the well-formed known values, a sentence per problem) of a settings file."""
    if not path.exists():
        return {}, []
    try:
        with open(path, "rb") as fh:
            raw = fh.read(SETTINGS_MAX_BYTES + 1)
        if len(raw) > SETTINGS_MAX_BYTES:
            return {}, [f"{path} is larger than 1 MiB: not read, defaults used"]
        data = json.loads(raw.decode("utf-8"))
    except (OSError, ValueError, UnicodeDecodeError, RecursionError) as exc:
        return {}, [f"{path} cannot be read ({exc.__class__.__name__}): defaults used; fix or remove it"]
    if not isinstance(data, dict):
        return {}, [f"{path} is not a JSON object: defaults used; fix or remove it"]
    defaults = Settings()
    values: dict[str, Any] = {}
    problems: list[str] = []
    for f in fields(Settings):
        if f.name not in data:
            continue
        v, want = data[f.name], type(getattr(defaults, f.name))
        ok = isinstance(v, want) and not (want is not bool and isinstance(v, bool))
        if want is float and isinstance(v, int) and not isinstance(v, bool):
            v, ok = float(v), True
        if ok and want is dict:
            ok = all(isinstance(k, str) and isinstance(x, str) for k, x in v.items())
        if ok:
            values[f.name] = v
        else:
            problems.append(f"{path}: '{f.name}' should be {want.__name__}, not {json.dumps(v)[:40]} (default used)")
    return values, problems


def settings_problems(path: Path) -> list[str]:
    """What is wrong with a settings file (for `vlogkit doctor`); [] when nothing."""
    return _read_settings(path)[1]


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
