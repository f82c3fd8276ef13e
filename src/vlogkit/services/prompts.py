"""Prompt cards: the questions the comms team writes for people recording at their desk.

They live in the library (so a team library hands every desk the same questions). Import and export as a plain
text file, one prompt per line (blank lines and lines starting with `#` are ignored on import).
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import TYPE_CHECKING

from vlogkit.domain.prompt import Prompt, PromptTextError, clean_prompt
from vlogkit.errors import N_, MediaError, NotFoundError, UsageError
from vlogkit.fileutil import atomic_write_text, check_output_file, export_mode, read_bounded

if TYPE_CHECKING:
    from vlogkit.services.app import App


def _clean(text: str) -> str:
    try:
        return clean_prompt(text)
    except PromptTextError as exc:
        raise UsageError(exc.template, **exc.fields) from None


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
        raise NotFoundError(N_("No prompt with id '{id}'."), id=prompt_id)

    @staticmethod
    def clean(text: str) -> str:
        """The question as the list keeps it (one line, spaces folded); UsageError when it is empty or too long."""
        return _clean(text)

    def add(self, text: str) -> Prompt:
        """Append a prompt; an identical one already there is returned instead of a duplicate."""
        return self.repo.add_many([_clean(text)])[0]

    def add_new(self, text: str) -> Prompt:
        """Append a question that is not in the list yet; the same question again is refused (`vlogkit prompts
        add`), so a script learns it is there already."""
        cleaned = _clean(text)
        self._refuse_duplicate(cleaned)
        return self.repo.add_many([cleaned])[0]

    def ensure(self, text: str) -> tuple[Prompt, bool]:
        """The prompt with this text, appended when it is new (a question given to `vlogkit record --prompt`, so the
        app offers it next time); True when it was added."""
        cleaned = _clean(text)
        found = self.find(cleaned)
        return (found, False) if found is not None else (self.repo.add_many([cleaned])[0], True)

    def find(self, text: str) -> Prompt | None:
        """The prompt reading `text` (spaces folded as when it was added), or None."""
        text = " ".join(str(text).split())
        return next((p for p in self.all() if p.text == text), None)

    def resolve(self, ref: str, by: str = "either") -> Prompt:
        """The prompt `ref` names. `by="number"`: its place in the list (1 = the first, as `vlogkit prompts list`
        shows them); `by="text"`: its exact text (spaces folded); `by="either"` (a bare PROMPT argument): a number
        is its place and anything else its text - an all-digit question ("2026") is found by its text when the list
        is shorter, and refused as ambiguous when the number is also another prompt's place."""
        if by not in ("either", "number", "text"):
            raise ValueError(f"resolve by {by!r}")
        prompts = self.all()
        ref = " ".join(str(ref).split())
        if by == "text":
            return self._by_text(ref)
        is_number = ref.isascii() and ref.isdigit()  # '²' is a digit to str.isdigit, not a number to int()
        if by == "number" and not is_number:
            raise UsageError(f"'{ref[:80]}' is not a prompt number: give its place in the list (1 = the first), as "
                             "`vlogkit prompts list` shows it.")
        if not is_number:
            return self._by_text(ref)
        n = int(ref)
        placed = prompts[n - 1] if 1 <= n <= len(prompts) else None
        if by == "either":
            named = self.find(ref)
            if named is not None and placed is None:
                return named
            if named is not None and placed is not None and named.id != placed.id:
                raise UsageError(f"'{ref}' is both prompt number {n} and the question reading '{ref}' (prompt "
                                 f"{self.number(named.id)}): say which with --number {n} or --text '{ref}'.")
        if placed is None:
            have = f"the list has {len(prompts)}" if prompts else "the list is empty"
            raise NotFoundError(f"No prompt number {n}: {have} (`vlogkit prompts list` shows them).")
        return placed

    def _by_text(self, text: str) -> Prompt:
        found = self.find(text)
        if found is None:
            raise NotFoundError(f"No prompt reads '{text[:80]}': give its number or its exact text "
                                "(`vlogkit prompts list` shows them).")
        return found

    def number(self, prompt_id: str) -> int:
        """Where a prompt stands in the list, 1 = the first (0 when it is not there)."""
        return next((n for n, p in enumerate(self.all(), start=1) if p.id == prompt_id), 0)

    def move(self, prompt_id: str, number: int) -> int:
        """Put a prompt at `number` in the list (1 = first; past the end = last), the others in their order;
        returns where it is now."""
        if number < 1:
            raise UsageError(N_("Prompts are numbered from 1 (the first); {n} is not a place in the list."),
                             n=str(number))
        self.repo.move(prompt_id, number - 1)
        return self.number(prompt_id)

    def _refuse_duplicate(self, text: str, except_id: str = "") -> None:
        for n, p in enumerate(self.all(), start=1):
            if p.text == text and p.id != except_id:
                raise UsageError(N_("That question is already prompt {n} in the list; nothing was changed."),
                                 n=str(n))

    def add_examples(self, language: str) -> list[Prompt]:
        """Add the example questions in `language` (English when there are none in it); returns them. Ones already
        in the list are not added twice."""
        return self.repo.add_many([_clean(t) for t in EXAMPLES.get(language, EXAMPLES["en"])])

    def update(self, prompt_id: str, text: str) -> Prompt:
        """Reword a prompt; a text another prompt already has is refused (the list holds each question once)."""
        cleaned = _clean(text)
        self._refuse_duplicate(cleaned, except_id=prompt_id)
        return self.repo.update(prompt_id, cleaned)

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
        raw = read_bounded(path, 4 << 20, N_("prompt list"), error=MediaError)
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise MediaError(N_("{path}: is not a UTF-8 text file; save it as UTF-8 text and try again."),
                             path=path) from exc
        cleaned: list[str] = []
        for n, line in enumerate(text.splitlines(), start=1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            try:
                cleaned.append(_clean(line))
            except UsageError as exc:
                raise UsageError(N_("{path}, line {n}: {reason} Nothing was imported."), path=path, n=n,
                                 reason=exc) from exc
        before = {p.text for p in self.all()}
        self.repo.add_many(cleaned)
        return len(set(cleaned) - before)

    def export_text(self, path: Path | str, *, overwrite: bool = False) -> int:
        """Write the prompts, one a line. An existing file is refused unless `overwrite` (the app's save dialog has
        asked the user already); never a device (`/dev/null` would be replaced by a file)."""
        path = Path(path)
        check_output_file(path)
        if path.exists() and not overwrite:
            raise UsageError(N_("{path} exists already; choose another name."), path=path)
        prompts = self.all()
        atomic_write_text(path, "".join(p.text + "\n" for p in prompts), mode=export_mode())
        return len(prompts)
