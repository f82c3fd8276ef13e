"""Working as a team: the shared library on PostgreSQL, hand-off packages, the inbox folder."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from vlogkit.config import library_url, media_root
from vlogkit.errors import UsageError

if TYPE_CHECKING:
    from vlogkit.services.app import App


class TeamService:
    def __init__(self, app: App) -> None:
        self.app = app

    def team_settings(self, changes: dict[str, str] | None = None) -> dict[str, Any]:
        """The settings the team shares through its library; `changes` (KEY -> text) sets some first."""
        from dataclasses import fields

        from vlogkit.config import TEAM_SETTINGS, Settings

        repo = self.app.store.team_settings
        if repo is None:
            raise UsageError("Team settings live in a team library (VLOGKIT_LIBRARY_URL); this desk uses its own "
                             "library, whose settings are in Settings.")
        known = {f.name for f in fields(Settings)} & set(TEAM_SETTINGS)
        for key, raw in (changes or {}).items():
            if key not in known:
                raise UsageError(f"'{key}' is not a team setting: use one of {', '.join(sorted(known))}.")
            kind = type(getattr(Settings(), key))
            try:
                value = kind(raw)
            except ValueError:
                raise UsageError(f"{key} must be a {kind.__name__}, not '{raw}'.") from None
            if key == "languages":  # the codes a vlog may switch between, checked as the transcriber reads them
                value = self.app.transcription.allowed_languages(str(value))
            repo.set(key, value)
            self.app.export_log.record("team-setting", vlog_ids=[], outputs=[], audience="-", detail=f"{key} = {value}")
        return repo.all()

    def init_library(self, url: str | None = None) -> dict[str, Any]:
        """Create or upgrade the team library's schema (idempotent) and the shared media folder."""
        from vlogkit.store.postgres import init_library, mask_url

        url = (url or library_url(self.app.settings)).strip()
        if not url:
            raise UsageError("No team library given: set VLOGKIT_LIBRARY_URL=postgresql://user@host/database "
                             "(or pass --url).")
        root = media_root(self.app.settings)
        applied, schema = init_library(url, root)
        return {"url": mask_url(url), "applied": applied, "schema": schema,
                "media_root": str(Path(root).resolve()) if root else ""}
