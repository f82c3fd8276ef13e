"""Text helpers: accent/case folding for search and matching, filler detection, display text."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from difflib import SequenceMatcher
from functools import lru_cache

from vlogkit.domain import Word

FILLERS = frozenset({"uh", "uhh", "um", "umm", "uhm", "ehm", "euh", "eh", "erm", "hmm", "mm", "ah", "uhu", "euhm"})

_PUNCT_EDGES = "\"'“”„«»‘’.,;:!?…()[]-–—"
_WORD_RE = re.compile(r"[\w']+", re.UNICODE)
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")  # diacritics


def fold(text: str) -> str:
    """Lower-case, accents removed ("ÉCOLE" -> "ecole", "één" -> "een"), ligatures expanded."""
    if text.isascii():
        return text.casefold()
    stripped = _COMBINING.sub("", unicodedata.normalize("NFKD", text))
    return stripped.casefold().replace("’", "'")


@lru_cache(maxsize=65536)
def bare(token: str) -> str:
    """A word folded and stripped of surrounding punctuation: "Uh," -> "uh"."""
    return fold(token).strip(_PUNCT_EDGES)


def tokens(text: str) -> list[str]:
    """Folded word tokens of a text."""
    return _WORD_RE.findall(fold(text))


def is_filler(word: Word) -> bool:
    return word.filler or bare(word.display) in FILLERS


_HYPHENATED = re.compile(r"^[-‑]\w")  # "États" + "-Unis"
_ELIDED = re.compile(r"^['’]\w")  # "d" + "'accord"
# words an apostrophe piece belongs to: "d'accord", "l'équipe", "qu'on" - but Dutch "uur 's morgens" stays apart
_ELISION_HEADS = frozenset("d l j m n s t c qu jusqu lorsqu puisqu".split())


def _attached(prev: str, w: str) -> bool:
    if _HYPHENATED.match(w):
        return True
    return bool(_ELIDED.match(w)) and fold(prev).rstrip("'’") in _ELISION_HEADS


def join_words(words: Sequence[str]) -> str:
    """Whisper's words as text: one space between words, none before punctuation or inside "d'accord"."""
    text = ""
    prev = ""
    for w in words:
        if not w:
            continue
        text += w if not text or _attached(prev, w) else " " + w
        prev = w
    return re.sub(r"\s+([,.;:!?…])", r"\1", text).strip()


def verbatim_text(words: Sequence[Word]) -> str:
    return join_words([w.display for w in words])


def display_text(words: Sequence[Word]) -> str:
    """The words with fillers dropped (light touch): punctuation a filler carried is moved or dropped sensibly,
    and the first letter is capitalised when a leading filler went away."""
    out: list[str] = []
    pending_end = ""
    for w in words:
        token = w.display
        if is_filler(w):
            tail = token.rstrip()[-1:] if token.rstrip()[-1:] in ".!?" else ""
            if tail:
                pending_end = tail
            continue
        if pending_end and out:
            prev = out[-1]
            if prev[-1:] not in ".!?":
                out[-1] = prev.rstrip(",;:") + pending_end
        pending_end = ""
        out.append(token)
    if pending_end and out and out[-1][-1:] not in ".!?":
        out[-1] = out[-1].rstrip(",;:") + pending_end
    text = join_words(out)
    text = re.sub(r",\s*,", ",", text)
    text = re.sub(r"^[,;:\s]+", "", text)
    if text and text[0].islower():  # a sentence cut at a pause ("ask not what...") starts with a capital
        text = text[0].upper() + text[1:]
    return text


_SPAN_RE = re.compile(r"[\w'’]+", re.UNICODE)


def follow_words(text: str, said: str, now: str) -> str | None:
    """A saved quote's `text` once the words it quotes change from `said` to `now` (a misheard word fixed, or the
    fix taken back): the changed words replaced, the text's own case and punctuation kept around them. None when
    `text` does not say `said` (case, accents, punctuation aside): its words were edited by hand, and stay."""
    if tokens(text) != tokens(said):
        return None
    mine = list(_SPAN_RE.finditer(text))
    old = [fold(m.group()) for m in _SPAN_RE.finditer(said)]
    spans = list(_SPAN_RE.finditer(now))
    new = [fold(m.group()) for m in spans]
    if [fold(m.group()) for m in mine] != old:
        return now  # the same words, cut into pieces differently: what is said now
    out = text
    for op, i1, i2, j1, j2 in reversed(SequenceMatcher(None, old, new, autojunk=False).get_opcodes()):
        if op == "equal":
            continue
        piece = now[spans[j1].start() : spans[j2 - 1].end()] if j2 > j1 else ""
        if i1 == 0:  # the text's first word changes: its capital stays; a first word dropped is what is said now
            if not piece:
                return now
            first = mine[0].group()
            if first[:1].isupper() and piece[:1].islower():
                piece = piece[0].upper() + piece[1:]
        if op == "replace":
            out = out[: mine[i1].start()] + piece + out[mine[i2 - 1].end() :]
        elif op == "insert":
            at = mine[i1 - 1].end() if i1 > 0 else mine[0].start()
            out = out[:at] + (f" {piece}" if i1 > 0 else f"{piece} ") + out[at:]
        else:  # delete: the words and the space before them
            out = out[: mine[i1 - 1].end()] + out[mine[i2 - 1].end() :]
    return out
