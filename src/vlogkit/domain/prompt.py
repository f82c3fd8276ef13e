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


def clean_prompt(text: str) -> str:
    """One line of text, spaces folded; raises ValueError with a message a person can act on."""
    text = " ".join(str(text).split())
    if not text:
        raise ValueError("A prompt cannot be empty.")
    if len(text) > MAX_PROMPT_CHARS:
        raise ValueError(f"A prompt is at most {MAX_PROMPT_CHARS} characters (this one has {len(text)}); shorten it.")
    return text
