"""Caption cues from timed words - the one place where captions are cut, for SRT/VTT sidecars, burnt-in line
captions, karaoke, the punchy reel style and the GUI's live preview.

`build_cues` chooses where cues end by dynamic programming over each stretch of speech (a pause of
`profile.pause_ms` or a new speaker always ends a cue): every possible cue is priced and the cheapest sequence wins.

- A cue must fit the profile's lines (`layout`) and last at most `max_ms` while its words are said; a single word
  longer than a line gets a line of its own.
- Cheapest ends: after a sentence, then after a comma/semicolon/colon, then at a pause. Ending on a function word
  ("the", "of", "your", "and"; `caption_rules.FUNCTION_WORDS`) while the sentence goes on costs a lot, and so does a
  word left alone. Two sentences share a cue only when that reads better (short ones).
- Reading speed: a cue whose characters would need more than `max_cps` in the time before the next cue costs more.
- Lines inside a cue are balanced, broken after punctuation when one is near the middle, never after a function word.

A cue appears when its first word is said and stays until it has been on screen `min_ms` and long enough to read
(never over the next cue, never past `until`, the end of the clip). `caption_events` turns cues into what is drawn.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from vlogkit.domain import Word
from vlogkit.domain.export import CaptionStyle, ExportPreset
from vlogkit.render.caption_rules import (
    NETFLIX,
    CaptionProfile,
    burnt_in,
    dangles,
    ends_clause,
    ends_sentence,
    language_of,
    punchy,
    text_of,
)

_INF = float("inf")
_PUNCT_LINE_BONUS = 12  # characters of imbalance a punctuation line break is worth
_DANGLING = 60  # a line or cue that ends on a function word while the sentence goes on
_ORPHAN = 50  # a word left alone while its sentence goes on
_PER_CUE = 10


@dataclass(frozen=True, slots=True)
class Cue:
    start: int
    end: int
    lines: tuple[tuple[Word, ...], ...]

    @property
    def text(self) -> str:
        return "\n".join(line_text(line) for line in self.lines)

    @property
    def words(self) -> tuple[Word, ...]:
        return tuple(w for line in self.lines for w in line)


def line_text(words: Sequence[Word]) -> str:
    return text_of(words)


def layout(words: Sequence[Word], max_chars: int, max_lines: int, language: str = "") -> tuple[tuple[Word, ...], ...] | None:
    """Break `words` into the fewest lines that fit, balanced, or None when they cannot fit in `max_lines`."""
    found = _layout(tuple(words), max_chars, max_lines, language)
    return None if found is None else found[1]


def _layout(words: tuple[Word, ...], max_chars: int, max_lines: int,
            language: str) -> tuple[float, tuple[tuple[Word, ...], ...]] | None:
    """(cost, lines) of the best layout on the fewest lines, or None."""
    if not words:
        return 0.0, ()
    lengths = [len(w.display.strip()) for w in words]
    n = len(words)

    def width(i: int, j: int) -> int:
        return sum(lengths[i:j]) + (j - i - 1)

    def fits(i: int, j: int) -> bool:
        return j - i == 1 or width(i, j) <= max_chars

    for count in range(1, max_lines + 1):
        target = width(0, n) / count
        best: dict[tuple[int, int], tuple[float, tuple[int, ...]] | None] = {}

        def solve(i: int, k: int, target: float = target,
                  best: dict[tuple[int, int], tuple[float, tuple[int, ...]] | None] = best) -> tuple[float, tuple[int, ...]] | None:
            """Cheapest way to lay words[i:] out on exactly k lines: (cost, break indices)."""
            if (i, k) in best:
                return best[(i, k)]
            result: tuple[float, tuple[int, ...]] | None = None
            if k == 1:
                result = ((width(i, n) - target) ** 2, ()) if fits(i, n) else None
                if result is not None and n - i == 1 and i > 0:
                    result = (result[0] + _ORPHAN * 4, ())  # a lone word on the last line
            else:
                for j in range(i + 1, n - k + 2):
                    if not fits(i, j):
                        break
                    rest = solve(j, k - 1)
                    if rest is None:
                        continue
                    cost = (width(i, j) - target) ** 2 + rest[0]
                    prev = words[j - 1]
                    if ends_sentence(prev) or ends_clause(prev):
                        cost -= _PUNCT_LINE_BONUS * target / 4
                    elif dangles(prev, language):
                        cost += _DANGLING * max(target, 10.0)
                    if result is None or cost < result[0]:
                        result = (cost, (j, *rest[1]))
            best[(i, k)] = result
            return result

        found = solve(0, count)
        if found is not None:
            cuts = (0, *found[1], n)
            lines = tuple(words[a:b] for a, b in zip(cuts, cuts[1:], strict=False))
            return found[0] / max(target, 1.0), lines
    return None


def _cue_cost(block: Sequence[Word], i: int, j: int, profile: CaptionProfile, language: str,
              next_start: int | None) -> tuple[float, tuple[tuple[Word, ...], ...]] | None:
    """Price of a cue holding block[i:j] (None: impossible), and its lines."""
    ws = tuple(block[i:j])
    n = len(block)
    single = j - i == 1
    if profile.max_words and j - i > profile.max_words:
        return None
    if not single and ws[-1].end - ws[0].start > profile.max_ms:
        return None
    laid = _layout(ws, profile.max_chars, profile.max_lines, language)
    if laid is None:
        return None
    cost = _PER_CUE + laid[0]
    last = ws[-1]
    if j < n:  # the cue ends while the stretch of speech goes on
        gap = block[j].start - last.end
        if ends_sentence(last):
            pass
        elif ends_clause(last):
            cost += 4
        else:
            cost += 10 if gap >= 700 else 18 if gap >= 250 else 25  # mid-phrase: worse than one cue more
            if dangles(last, language):
                cost += _DANGLING
    cost += sum(15 for w in ws[:-1] if ends_sentence(w))  # two sentences in one cue: only when it reads better
    if single and n > 1:
        goes_on = (i > 0 and not ends_sentence(block[i - 1])) or (j < n and not ends_sentence(last))
        if profile.orphans and goes_on:
            cost += _ORPHAN
        elif not profile.orphans:
            cost += 6  # punchy: two or three words read better than one
    nxt = block[j].start if j < n else next_start
    room = min(ws[0].start + profile.max_ms, nxt) if nxt is not None else ws[0].start + profile.max_ms
    room = max(room - ws[0].start, last.end - ws[0].start, 1)
    chars = sum(len(line_text(line)) for line in laid[1])
    limit = profile.max_cps(language_of(ws[0], language))
    cps = chars / (room / 1000)
    if cps > limit:
        cost += 10 + 40 * (cps / limit - 1)
    if room < profile.min_ms and nxt is not None:
        cost += 20 * (1 - room / profile.min_ms) + 5
    return cost, laid[1]


def _blocks(words: Sequence[Word], profile: CaptionProfile) -> list[list[Word]]:
    """Stretches of speech: a long pause or a new speaker always ends a cue."""
    blocks: list[list[Word]] = []
    for w in words:
        if blocks and (w.start - blocks[-1][-1].end >= profile.pause_ms or w.speaker != blocks[-1][-1].speaker):
            blocks.append([w])
        elif blocks:
            blocks[-1].append(w)
        else:
            blocks.append([w])
    return blocks


def _cut(block: Sequence[Word], profile: CaptionProfile, language: str,
         next_start: int | None) -> list[tuple[tuple[Word, ...], ...]]:
    """The cheapest sequence of cues for one stretch of speech: each cue as its lines."""
    n = len(block)
    best: list[tuple[float, int, tuple[tuple[Word, ...], ...]]] = [(0.0, 0, ())] + [(_INF, 0, ())] * n
    max_chars = profile.max_chars * profile.max_lines
    for j in range(1, n + 1):
        chars = -1
        for i in range(j - 1, -1, -1):
            chars += len(block[i].display.strip()) + 1
            if i < j - 1 and (chars > max_chars or block[j - 1].end - block[i].start > profile.max_ms):
                break
            if best[i][0] == _INF:
                continue
            priced = _cue_cost(block, i, j, profile, language, next_start)
            if priced is None:
                continue
            total = best[i][0] + priced[0]
            if total < best[j][0]:
                best[j] = (total, i, priced[1])
    cues: list[tuple[tuple[Word, ...], ...]] = []
    j = n
    while j > 0:
        _, i, lines = best[j]
        if best[j][0] == _INF:  # cannot happen (a single word always fits); keep every word regardless
            i, lines = j - 1, ((block[j - 1],),)
        cues.append(lines)
        j = i
    return cues[::-1]


def build_cues(words: Sequence[Word], profile: CaptionProfile = NETFLIX, *, language: str = "",
               until: int | None = None) -> list[Cue]:
    """Cues for `words` (in spoken order), following the rules in this module's docstring. `language`: the
    transcript's language (a word's own language wins when it has one); `until`: the end of the clip."""
    words = [w for w in words if w.display.strip()]
    blocks = _blocks(words, profile)
    grouped: list[tuple[tuple[Word, ...], ...]] = []
    for b, block in enumerate(blocks):
        next_start = blocks[b + 1][0].start if b + 1 < len(blocks) else until
        grouped.extend(_cut(block, profile, language, next_start))
    cues: list[Cue] = []
    for k, lines in enumerate(grouped):
        ws = [w for line in lines for w in line]
        start = ws[0].start
        spoken_end = max(w.end for w in ws)
        chars = sum(len(line_text(line)) for line in lines)
        reading = round(chars * 1000 / profile.max_cps(language_of(ws[0], language)))
        end = min(max(spoken_end, start + profile.min_ms, start + reading), start + profile.max_ms)
        if k + 1 < len(grouped):
            end = min(end, grouped[k + 1][0][0].start)
        if until is not None:
            end = min(end, until)
        cues.append(Cue(start, max(end, start + 1), lines))
    return cues


# -- what is drawn --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CaptionEvent:
    """Text on screen from `start` to `end` (clip ms): the words line by line, and which word is being said
    (karaoke; an index over all the event's words)."""

    start: int
    end: int
    lines: tuple[tuple[str, ...], ...]
    highlight: int | None = None
    style: str = "caption"  # caption | punchy

    @property
    def text(self) -> str:
        return "\n".join(" ".join(line) for line in self.lines)

    def to_dict(self) -> dict[str, Any]:
        return {"start_ms": self.start, "end_ms": self.end, "lines": [list(line) for line in self.lines],
                "highlight": self.highlight, "style": self.style}


def profile_for(style: CaptionStyle, preset: ExportPreset) -> CaptionProfile:
    """The rules burnt-in captions of `style` follow on `preset`'s frame."""
    if style is CaptionStyle.PUNCHY:
        return punchy(max(8, round(preset.caption_chars * 0.75)))
    return burnt_in(preset.caption_chars)


def caption_events(cues: Sequence[Cue], style: CaptionStyle) -> tuple[CaptionEvent, ...]:
    """What is drawn for `cues` in `style`: karaoke gives one event per word (the whole cue, that word
    highlighted, from when it is said until the next word is); line and punchy one event per cue."""
    out: list[CaptionEvent] = []
    if style is CaptionStyle.OFF:
        return ()
    kind = "punchy" if style is CaptionStyle.PUNCHY else "caption"
    for cue in cues:
        lines = tuple(tuple(w.display.strip() for w in line) for line in cue.lines)
        if style is not CaptionStyle.KARAOKE:
            out.append(CaptionEvent(cue.start, cue.end, lines, None, kind))
            continue
        ws = cue.words
        for i, w in enumerate(ws):
            s = cue.start if i == 0 else max(cue.start, w.start)
            e = min(ws[i + 1].start, cue.end) if i + 1 < len(ws) else cue.end
            if e > s:
                out.append(CaptionEvent(s, e, lines, i, kind))
    return tuple(out)


def capitalised(words: list[Word]) -> list[Word]:
    """The clip's words with a capital on the first one when the clip starts mid-sentence ("ask not what" ->
    "Ask not what", as the quote's own text reads); a word with a capital inside ("iPhone") is left as said."""
    if not words:
        return words
    first = words[0].display
    if not first[:1].islower() or first != first.lower():
        return words
    return [replace(words[0], corrected=first[0].upper() + first[1:]), *words[1:]]


def events_for(words: Sequence[Word], style: CaptionStyle, preset: ExportPreset, *, language: str = "",
               until: int | None = None) -> tuple[CaptionEvent, ...]:
    """Words on the clip's clock -> what a burnt-in caption of `style` shows on `preset`: the one function the
    export, the preview frame and the GUI's live caption preview all call."""
    if style is CaptionStyle.OFF:
        return ()
    return caption_events(build_cues(words, profile_for(style, preset), language=language, until=until), style)


def event_at(events: Sequence[CaptionEvent], t_ms: int) -> CaptionEvent | None:
    """The event on screen at `t_ms` (for a live preview), or None."""
    return next((e for e in events if e.start <= t_ms < e.end), None)
