"""Prompt cards: the questions the comms team writes for people recording at their desk.

They live in the library (so a team library hands every desk the same questions). Import and export as a plain
text file, one prompt per line (blank lines and lines starting with `#` are ignored on import).
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import TYPE_CHECKING

from vlogkit.domain.prompt import Prompt, clean_prompt
from vlogkit.errors import MediaError, NotFoundError, UsageError
from vlogkit.fileutil import atomic_write_text, export_mode, read_bounded

if TYPE_CHECKING:
    from vlogkit.services.app import App


def _clean(text: str) -> str:
    try:
        return clean_prompt(text)
    except ValueError as exc:
        raise UsageError(str(exc)) from None


# Example questions a new library can start from (Prompts… > Add example questions), in the app's language.
EXAMPLES: dict[str, tuple[str, ...]] = {
    "en": ("What did your team learn this week?", "What are you proud of this month?",
           "What would you tell a new colleague on their first day?", "What surprised you at work lately?",
           "Which problem did you solve this week, and how?"),
    "nl": ("Wat heeft je team deze week geleerd?", "Waar ben je deze maand trots op?",
           "Wat zou je een nieuwe collega op de eerste dag vertellen?", "Wat verraste je de laatste tijd op het werk?",
           "Welk probleem heb je deze week opgelost, en hoe?"),
    "fr": ("Qu'est-ce que ton équipe a appris cette semaine ?", "De quoi es-tu fier ou fière ce mois-ci ?",
           "Que dirais-tu à un nouveau collègue le premier jour ?",
           "Qu'est-ce qui t'a surpris au travail ces derniers temps ?",
           "Quel problème as-tu résolu cette semaine, et comment ?"),
}


class PromptService:
    def __init__(self, app: App) -> None:
        self.app = app

    @property
    def repo(self):  # noqa: ANN201 - a PromptRepository of whichever backend the library uses
        return self.app.store.prompts

    def all(self) -> list[Prompt]:
        return self.repo.all()

    def get(self, prompt_id: str) -> Prompt:
        for p in self.all():
            if p.id == prompt_id:
                return p
        raise NotFoundError(f"No prompt with id '{prompt_id}'.")

    def add(self, text: str) -> Prompt:
        """Append a prompt; an identical one already there is returned instead of a duplicate."""
        return self.repo.add_many([_clean(text)])[0]

    def add_examples(self, language: str) -> list[Prompt]:
        """Add the example questions in `language` (English when there are none in it); returns them. Ones already
        in the list are not added twice."""
        return self.repo.add_many([_clean(t) for t in EXAMPLES.get(language, EXAMPLES["en"])])

    def update(self, prompt_id: str, text: str) -> Prompt:
        return self.repo.update(prompt_id, _clean(text))

    def remove(self, prompt_id: str) -> None:
        self.repo.remove(prompt_id)

    def pick(self, rng: random.Random | None = None, exclude: str = "") -> Prompt | None:
        """A random prompt (for "shuffle"), avoiding `exclude` (the one shown) when there is a choice."""
        prompts = self.all()
        choices = [p for p in prompts if p.id != exclude] or prompts
        return (rng or random).choice(choices) if choices else None

    def import_text(self, path: Path | str) -> int:
        """Add the prompts in a text file (one per line); returns how many were new."""
        path = Path(path)
        raw = read_bounded(path, 4 << 20, "prompt list", error=MediaError)
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
        before = {p.text for p in self.all()}
        self.repo.add_many(cleaned)
        return len(set(cleaned) - before)

    def export_text(self, path: Path | str) -> int:
        prompts = self.all()
        atomic_write_text(Path(path), "".join(p.text + "\n" for p in prompts), mode=export_mode())
        return len(prompts)
