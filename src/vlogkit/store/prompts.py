"""Prompt cards in a TinyDB library (table `prompts`), in the order the team set."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from pathlib import Path

from tinydb import Query

from vlogkit.domain.prompt import Prompt
from vlogkit.errors import N_, NotFoundError
from vlogkit.store.db import Database


def new_prompt_id() -> str:
    return uuid.uuid4().hex[:8]


class TinyPromptRepository:
    TABLE = "prompts"

    def __init__(self, path: Path) -> None:
        self.db = Database(path)

    def all(self) -> list[Prompt]:
        with self.db.transaction() as tdb:
            rows = tdb.table(self.TABLE).all()
        return sorted((Prompt(str(r["id"]), str(r["text"]), int(r.get("position", 0))) for r in rows),
                      key=lambda p: (p.position, p.id))

    def add_many(self, texts: Iterable[str]) -> list[Prompt]:
        """Append the texts not there yet (in one transaction); returns the prompts for all of them, in order."""
        out: list[Prompt] = []
        with self.db.transaction() as tdb:
            table = tdb.table(self.TABLE)
            known = {str(r["text"]): Prompt(str(r["id"]), str(r["text"]), int(r.get("position", 0)))
                     for r in table.all()}
            position = max((p.position for p in known.values()), default=-1) + 1
            for text in texts:
                if text not in known:
                    known[text] = Prompt(new_prompt_id(), text, position)
                    table.insert(known[text].to_dict())
                    position += 1
                out.append(known[text])
        return out

    def update(self, prompt_id: str, text: str) -> Prompt:
        with self.db.transaction() as tdb:
            table = tdb.table(self.TABLE)
            if not table.update({"text": text}, Query().id == prompt_id):
                raise NotFoundError(N_("No prompt with id '{id}'."), id=prompt_id)
            row = table.get(Query().id == prompt_id)
        assert row is not None
        return Prompt(str(row["id"]), str(row["text"]), int(row.get("position", 0)))

    def remove(self, prompt_id: str) -> None:
        with self.db.transaction() as tdb:
            if not tdb.table(self.TABLE).remove(Query().id == prompt_id):
                raise NotFoundError(N_("No prompt with id '{id}'."), id=prompt_id)

    def move(self, prompt_id: str, index: int) -> None:
        """Put a prompt at `index` of the list (0 = first; past the end = last); the others keep their order."""
        with self.db.transaction() as tdb:
            table = tdb.table(self.TABLE)
            ids = [str(r["id"]) for r in sorted(table.all(), key=lambda r: (int(r.get("position", 0)), str(r["id"])))]
            table.update_multiple([({"position": n}, Query().id == i) for n, i in enumerate(moved(ids, prompt_id,
                                                                                                 index))])


def moved(ids: list[str], prompt_id: str, index: int) -> list[str]:
    """`ids` with `prompt_id` taken out and put back at `index` (clamped to the list)."""
    if prompt_id not in ids:
        raise NotFoundError(N_("No prompt with id '{id}'."), id=prompt_id)
    rest = [i for i in ids if i != prompt_id]
    rest.insert(max(0, min(index, len(rest))), prompt_id)
    return rest
