"""A prompt card: one question the comms team wrote for people recording at their desk."""

from __future__ import annotations

from dataclasses import dataclass

MAX_PROMPT_CHARS = 300


@dataclass(frozen=True, slots=True)
class Prompt:
    id: str
    text: str
    position: int = 0

    def to_dict(self) -> dict[str, object]:
        return {"id": self.id, "text": self.text, "position": self.position}


def N_(text: str) -> str:  # noqa: N802 - the gettext-style marker: the app translates these where it shows them
    return text


class PromptTextError(ValueError):
    """A prompt text that cannot be used: `template` (marked for the app's catalogue) with its `fields`."""

    def __init__(self, template: str, **fields: str) -> None:
        self.template = template
        self.fields = fields
        super().__init__(template.format(**fields))


def clean_prompt(text: str) -> str:
    """One line of text, spaces folded; raises PromptTextError with a message a person can act on."""
    text = " ".join(str(text).split())
    if not text:
        raise PromptTextError(N_("A prompt cannot be empty."))
    if len(text) > MAX_PROMPT_CHARS:
        raise PromptTextError(N_("A prompt is at most {limit} characters (this one has {n}); shorten it."),
                              limit=str(MAX_PROMPT_CHARS), n=str(len(text)))
    return text
