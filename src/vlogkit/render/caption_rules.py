"""What a good caption is, per language: the caption profile, the words a line may not end on, and the check that
reports every cue still breaking a rule.

The default profile follows the Netflix timed-text style guide: at most 42 characters a line and 2 lines a cue; a cue
on screen between 5/6 s and 7 s; at most 17 characters a second for Dutch and French (and most languages), 20 for
English. A cue or a line never ends on an article, preposition, possessive, auxiliary or conjunction while its
sentence goes on ("ask not what your / country"), and no word stands alone while its sentence goes on.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from vlogkit.domain import Word

if TYPE_CHECKING:
    from vlogkit.render.captions import Cue

SENTENCE_END = (".", "?", "!", "…", '."', '?"', '!"', ".»", "?»", "!»")
CLAUSE_END = (",", ";", ":", "—", "–", ',"', ",»")

# Words a line or cue must not end on while the sentence goes on: articles, prepositions, possessives,
# auxiliaries and conjunctions (the issue's list first, then the usual companions).
_EN = """
and or but so that nor yet because if when while than as
a an the
of in on at to for with from by about into onto over under between through after before without within upon
around against during toward towards
my your his her its our their
am is are was were be been being have has had will would shall should can could may might must
"""
_NL = """
en of maar dus dat want omdat als wanneer terwijl
de het een 't
van in op aan met voor naar bij om uit tot over door onder tussen zonder tegen na sinds
mijn je jouw zijn haar ons onze hun uw
ben bent is was waren heb hebt heeft hebben had hadden word wordt worden werd werden zal zult zullen zou zouden
kan kunt kunnen kon konden moet moeten mag mogen wil wilt willen
"""
_FR = """
et ou mais donc que qu car si quand comme
le la les l un une des du de d
à au aux en dans sur sous avec pour par sans chez entre vers depuis pendant
mon ma mes ton ta tes son sa ses notre nos votre vos leur leurs
suis es est sommes êtes sont ai as a avons avez ont était étaient avait avaient sera seront aura auront
va vais vont peut peux peuvent doit doivent
"""
FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset(_EN.split()), "nl": frozenset(_NL.split()), "fr": frozenset(_FR.split()),
}
FUNCTION_WORDS[""] = FUNCTION_WORDS["en"] | FUNCTION_WORDS["nl"] | FUNCTION_WORDS["fr"]  # language not known
_EDGE_PUNCT = re.compile(r"^[\W_]+|[\W_]+$")


@dataclass(frozen=True, slots=True)
class CaptionProfile:
    """How cues are cut, in one value. `cps` lists languages with their own reading speed."""

    name: str = "netflix"
    max_chars: int = 42
    max_lines: int = 2
    min_ms: int = 833  # 5/6 s
    max_ms: int = 7000
    default_cps: float = 17.0
    cps: tuple[tuple[str, float], ...] = (("en", 20.0),)
    pause_ms: int = 1500  # a pause this long always ends a cue
    max_words: int = 0  # 0: no limit (the punchy reel style shows 1-3 words)
    orphans: bool = True  # whether a lone word (while its sentence goes on) counts as a fault

    def max_cps(self, language: str) -> float:
        lang = base_language(language)
        return next((v for k, v in self.cps if k == lang), self.default_cps)

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "max_chars": self.max_chars, "max_lines": self.max_lines, "min_ms": self.min_ms,
                "max_ms": self.max_ms, "default_cps": self.default_cps, "cps": dict(self.cps),
                "max_words": self.max_words}


NETFLIX = CaptionProfile()


def burnt_in(max_chars: int) -> CaptionProfile:
    """The profile for captions burnt into a frame: the same rules with the frame's shorter lines."""
    return replace(NETFLIX, name=f"burnt-in {max_chars}", max_chars=max_chars)


def punchy(max_chars: int = 18) -> CaptionProfile:
    """1-3 words a cue on one line, shown while they are said (reels)."""
    return CaptionProfile(name="punchy", max_chars=max_chars, max_lines=1, min_ms=0, max_ms=3000, default_cps=99.0,
                          cps=(), pause_ms=700, max_words=3, orphans=False)


def base_language(code: str) -> str:
    return (code or "").split("-")[0].split("_")[0].lower()


def language_of(word: Word, default: str) -> str:
    """A word's own language when the transcript records one per word (mixed-language vlogs), else `default`."""
    return str(getattr(word, "language", "") or default)


def bare(text: str) -> str:
    """The word without surrounding punctuation, lower case, elisions split off (l'équipe -> l)."""
    t = unicodedata.normalize("NFC", text.strip().lower()).replace("’", "'")
    if "'" in t[1:3]:  # French elision: l', d', qu', n', j', s', c'
        t = t.split("'", 1)[0]
    return _EDGE_PUNCT.sub("", t)


def ends_sentence(w: Word) -> bool:
    return w.display.rstrip().endswith(SENTENCE_END)


def ends_clause(w: Word) -> bool:
    return w.display.rstrip().endswith(CLAUSE_END)


def dangles(w: Word, language: str) -> bool:
    """Whether a line or cue ending on `w` leaves its sentence hanging (no punctuation after a function word)."""
    if ends_sentence(w) or ends_clause(w):
        return False
    words = FUNCTION_WORDS.get(base_language(language_of(w, language)))
    if words is None:
        return False
    t = w.display.strip().lower().replace("’", "'")
    return bare(w.display) in words or (t.endswith("'") and bool(t[:-1]))  # "l'" / "qu'" typed as a word


def text_of(words: Sequence[Word]) -> str:
    return " ".join(w.display.strip() for w in words)


# -- the check ------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CueIssue:
    """One rule one cue still breaks."""

    cue: int  # index of the cue
    start: int
    end: int
    rule: str  # chars | lines | short | long | cps | dangling-line | dangling-cue | orphan | words
    detail: str
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"cue": self.cue, "start_ms": self.start, "end_ms": self.end, "rule": self.rule, "detail": self.detail,
                "text": self.text}

    def describe(self) -> str:
        return f"cue {self.cue + 1} ({self.start / 1000:.2f}-{self.end / 1000:.2f} s, \"{self.text}\"): {self.detail}"


def check_cues(cues: Sequence[Cue], profile: CaptionProfile, language: str, *, until: int | None = None) -> list[CueIssue]:
    """Every rule of `profile` that a cue breaks. `until`: the end of the clip (a cue cut short by the clip's end is
    not too short)."""
    issues: list[CueIssue] = []
    for i, c in enumerate(cues):
        words = c.words
        text = " / ".join(text_of(line) for line in c.lines)
        lang = language_of(words[0], language) if words else language

        def add(rule: str, detail: str, i: int = i, c: Cue = c, text: str = text) -> None:
            issues.append(CueIssue(i, c.start, c.end, rule, detail, text))

        for line in c.lines:
            n = len(text_of(line))
            if n > profile.max_chars and len(line) > 1:
                add("chars", f"a line of {n} characters (at most {profile.max_chars})")
        if len(c.lines) > profile.max_lines:
            add("lines", f"{len(c.lines)} lines (at most {profile.max_lines})")
        if profile.max_words and len(words) > profile.max_words:
            add("words", f"{len(words)} words (at most {profile.max_words})")
        dur = c.end - c.start
        next_start = cues[i + 1].start if i + 1 < len(cues) else None
        room = (next_start if next_start is not None else until)
        if dur < profile.min_ms and (room is None or room - c.start >= profile.min_ms):
            add("short", f"on screen {dur / 1000:.2f} s (at least {profile.min_ms / 1000:.2f} s)")
        if dur > profile.max_ms:
            add("long", f"on screen {dur / 1000:.2f} s (at most {profile.max_ms / 1000:.0f} s)")
        chars = sum(len(text_of(line)) for line in c.lines)
        limit = profile.max_cps(lang)
        if dur > 0 and chars / (dur / 1000) > limit + 0.05:
            add("cps", f"{chars / (dur / 1000):.1f} characters a second (at most {limit:g})")
        last_of_cue = words[-1] if words else None
        goes_on = i + 1 < len(cues) and last_of_cue is not None and not ends_sentence(last_of_cue)
        for line in c.lines[:-1]:
            if dangles(line[-1], language):
                add("dangling-line", f"a line ends on \"{line[-1].display.strip()}\"")
        if goes_on and last_of_cue is not None and dangles(last_of_cue, language):
            add("dangling-cue", f"the cue ends on \"{last_of_cue.display.strip()}\"")
        if profile.orphans and words:
            alone = len(words) == 1 and in_longer_sentence(cues, i)
            short_last = len(c.lines) > 1 and len(c.lines[-1]) == 1
            if alone or short_last:
                add("orphan", f"\"{(words[0] if alone else c.lines[-1][0]).display.strip()}\" stands alone")
    return issues


def in_longer_sentence(cues: Sequence[Cue], i: int) -> bool:
    """Whether the single word of cue `i` belongs to a sentence that goes on in the cue before or after it (a pause
    long enough to end a cue on its own makes it a sentence of its own)."""
    (w,) = cues[i].words
    before = cues[i - 1].words[-1] if i > 0 and cues[i - 1].words else None
    after = cues[i + 1].words[0] if i + 1 < len(cues) and cues[i + 1].words else None
    joined_before = before is not None and not ends_sentence(before) and w.start - before.end < 1500
    joined_after = after is not None and not ends_sentence(w) and after.start - w.end < 1500
    return joined_before or joined_after
