"""Prompt cards: the questions the comms team writes for people recording at their desk.

Stored in the library database (table `prompts`), in the order the team set. Import and export as a plain text
file, one prompt per line (blank lines and lines starting with `#` are ignored on import).
"""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass
from pathlib import Path

from tinydb import Query

from vlogkit.errors import MediaError, NotFoundError, UsageError
from vlogkit.fileutil import atomic_write_text
from vlogkit.store.db import Database

MAX_PROMPT_CHARS = 300


@dataclass(frozen=True, slots=True)
class Prompt:
    id: str
    text: str
    position: int = 0

    def to_dict(self) -> dict[str, object]:
        return {"id": self.id, "text": self.text, "position": self.position}


def _clean(text: str) -> str:
    text = " ".join(str(text).split())
    if not text:
        raise UsageError("A prompt cannot be empty.")
    if len(text) > MAX_PROMPT_CHARS:
        raise UsageError(f"A prompt is at most {MAX_PROMPT_CHARS} characters (this one has {len(text)}); shorten it.")
    return text


class PromptRepository:
    TABLE = "prompts"

    def __init__(self, path: Path) -> None:
        self.db = Database(path)

    def all(self) -> list[Prompt]:
        with self.db.transaction() as tdb:
            rows = tdb.table(self.TABLE).all()
        return sorted((Prompt(str(r["id"]), str(r["text"]), int(r.get("position", 0))) for r in rows),
                      key=lambda p: (p.position, p.id))

    def get(self, prompt_id: str) -> Prompt:
        for p in self.all():
            if p.id == prompt_id:
                return p
        raise NotFoundError(f"No prompt with id '{prompt_id}'.")

    def add(self, text: str) -> Prompt:
        """Append a prompt; an identical one already there is returned instead of a duplicate."""
        text = _clean(text)
        with self.db.transaction() as tdb:
            table = tdb.table(self.TABLE)
            row = table.get(Query().text == text)
            if row is not None:
                return Prompt(str(row["id"]), str(row["text"]), int(row.get("position", 0)))
            position = max((int(r.get("position", 0)) for r in table.all()), default=-1) + 1
            prompt = Prompt(uuid.uuid4().hex[:8], text, position)
            table.insert(prompt.to_dict())
        return prompt

    def update(self, prompt_id: str, text: str) -> Prompt:
        text = _clean(text)
        with self.db.transaction() as tdb:
            table = tdb.table(self.TABLE)
            if not table.update({"text": text}, Query().id == prompt_id):
                raise NotFoundError(f"No prompt with id '{prompt_id}'.")
        return self.get(prompt_id)

    def remove(self, prompt_id: str) -> None:
        with self.db.transaction() as tdb:
            if not tdb.table(self.TABLE).remove(Query().id == prompt_id):
                raise NotFoundError(f"No prompt with id '{prompt_id}'.")

    def pick(self, rng: random.Random | None = None, exclude: str = "") -> Prompt | None:
        """A random prompt (for "shuffle"), avoiding `exclude` (the one shown) when there is a choice."""
        prompts = self.all()
        choices = [p for p in prompts if p.id != exclude] or prompts
        return (rng or random).choice(choices) if choices else None

    def import_text(self, path: Path) -> int:
        """Add the prompts in a text file (one per line); returns how many were new."""
        path = Path(path)
        try:
            raw = path.read_bytes()
        except OSError as exc:
            raise MediaError(f"{path}: cannot be read ({exc.strerror or exc}).") from exc
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise MediaError(f"{path}: is not a UTF-8 text file; save it as UTF-8 text and try again.") from exc
        cleaned: list[str] = []
        for n, line in enumerate(text.splitlines(), start=1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            try:
                cleaned.append(_clean(line))
            except UsageError as exc:
                raise UsageError(f"{path}, line {n}: {exc} Nothing was imported.") from exc
        added = 0
        with self.db.transaction() as tdb:
            table = tdb.table(self.TABLE)
            known = {str(r["text"]) for r in table.all()}
            position = max((int(r.get("position", 0)) for r in table.all()), default=-1) + 1
            for line in cleaned:
                if line in known:
                    continue
                known.add(line)
                table.insert(Prompt(uuid.uuid4().hex[:8], line, position).to_dict())
                position += 1
                added += 1
        return added

    def export_text(self, path: Path) -> int:
        prompts = self.all()
        atomic_write_text(Path(path), "".join(p.text + "\n" for p in prompts))
        return len(prompts)
