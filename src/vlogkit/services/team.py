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
