"""Caption cues from timed words: the readability rules in one place, and SRT/WebVTT writers.

The rules (`LineRules`), used for subtitle files and, with shorter lines, for burnt-in captions:

1. A cue holds at most `max_lines` lines (2) of at most `max_chars` characters (42). A word is never split; a single
   word longer than a line gets a line of its own.
2. A cue lasts between `min_ms` (1 s) and `max_ms` (7 s). Short cues are lengthened into the silence after them, but
   never over the next cue; a cue whose words run longer than `max_ms` is cut before the word that would exceed it.
3. A new cue starts after a pause of `pause_ms` (0.7 s) or more, when the speaker changes, and after the end of a
   sentence (. ? ! ...) once the cue has lasted `min_ms`.
4. When the next word does not fit (rules 1-2), the cue is broken at the last sentence end, else the last clause
   punctuation (, ; :), else the last short pause inside it - provided what stays in the cue is at least a third of
   it - else just before that word.
5. Lines inside a cue are balanced in length, and a line break falls after punctuation when one is near the middle.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from vlogkit.domain import Word

SENTENCE_END = (".", "?", "!", "…", '."', '?"', '!"')
CLAUSE_END = (",", ";", ":", "—", "–", ",\"")
SHORT_PAUSE_MS = 250
_PUNCT_LINE_BONUS = 12  # characters of imbalance a punctuation line break is worth


@dataclass(frozen=True)
class LineRules:
    max_chars: int = 42
    max_lines: int = 2
    min_ms: int = 1000
    max_ms: int = 7000
    pause_ms: int = 700


@dataclass(frozen=True)
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
    return " ".join(w.display.strip() for w in words)


def ends_sentence(w: Word) -> bool:
    return w.display.rstrip().endswith(SENTENCE_END)


def ends_clause(w: Word) -> bool:
    return w.display.rstrip().endswith(CLAUSE_END)


def layout(words: Sequence[Word], max_chars: int, max_lines: int) -> tuple[tuple[Word, ...], ...] | None:
    """Break `words` into the fewest balanced lines that fit, or None when they cannot fit in `max_lines`."""
    words = tuple(words)
    if not words:
        return ()
    lengths = [len(w.display.strip()) for w in words]

    def width(i: int, j: int) -> int:
        return sum(lengths[i:j]) + (j - i - 1)

    def fits(i: int, j: int) -> bool:
        return j - i == 1 or width(i, j) <= max_chars

    n = len(words)
    for count in range(1, max_lines + 1):
        target = width(0, n) / count
        best: dict[tuple[int, int], tuple[float, tuple[int, ...]] | None] = {}

        def solve(i: int, k: int, target: float = target, best: dict = best) -> tuple[float, tuple[int, ...]] | None:
            """Cheapest way to lay words[i:] out on exactly k lines: (cost, break indices)."""
            if (i, k) in best:
                return best[(i, k)]
            result: tuple[float, tuple[int, ...]] | None = None
            if k == 1:
                result = ((width(i, n) - target) ** 2, ()) if fits(i, n) else None
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
                    if result is None or cost < result[0]:
                        result = (cost, (j, *rest[1]))
            best[(i, k)] = result
            return result

        found = solve(0, count)
        if found is not None:
            cuts = (0, *found[1], n)
            return tuple(words[a:b] for a, b in zip(cuts, cuts[1:], strict=False))
    return None


def _best_break(cue: list[Word], rules: LineRules) -> int:
    """Where to end a full cue: index k such that cue[:k] stays and cue[k:] moves to the next cue."""
    total = len(line_text(cue))
    candidates: list[tuple[int, int]] = []  # (class, k): 3 sentence end, 2 clause, 1 short pause
    for k in range(1, len(cue)):
        if len(line_text(cue[:k])) * 3 < total:
            continue
        prev, nxt = cue[k - 1], cue[k]
        if ends_sentence(prev):
            candidates.append((3, k))
        elif ends_clause(prev):
            candidates.append((2, k))
        elif nxt.start - prev.end >= SHORT_PAUSE_MS:
            candidates.append((1, k))
    if not candidates:
        return len(cue)
    return max(candidates)[1]


def _group(words: Sequence[Word], rules: LineRules) -> list[list[Word]]:
    def fits(ws: list[Word]) -> bool:
        return layout(ws, rules.max_chars, rules.max_lines) is not None and ws[-1].end - ws[0].start <= rules.max_ms

    groups: list[list[Word]] = []
    cur: list[Word] = []
    for w in words:
        if cur:
            prev = cur[-1]
            if (
                w.start - prev.end >= rules.pause_ms
                or w.speaker != prev.speaker
                or (ends_sentence(prev) and prev.end - cur[0].start >= rules.min_ms)
            ):
                groups.append(cur)
                cur = []
            elif not fits([*cur, w]):
                k = _best_break(cur, rules)
                groups.append(cur[:k])
                cur = cur[k:]
                if cur and not fits([*cur, w]):
                    groups.append(cur)
                    cur = []
        cur.append(w)
    if cur:
        groups.append(cur)
    return groups


def build_cues(words: Sequence[Word], rules: LineRules = LineRules(), until: int | None = None) -> list[Cue]:  # noqa: B008
    """Cues for `words` (in spoken order) following the rules in this module's docstring; no cue outlasts `until`
    (the end of the clip the cues belong to)."""
    words = [w for w in words if w.display.strip()]
    groups = _group(words, rules)
    cues: list[Cue] = []
    for i, g in enumerate(groups):
        start = g[0].start
        end = max(max(w.end for w in g), start + 1)
        if end - start < rules.min_ms:
            end = start + rules.min_ms
            if i + 1 < len(groups):
                end = max(min(end, groups[i + 1][0].start), max(w.end for w in g))
        end = min(end, start + rules.max_ms)
        if until is not None:
            end = max(start + 1, min(end, until))
        lines = layout(g, rules.max_chars, rules.max_lines) or tuple((w,) for w in g)
        cues.append(Cue(start, end, lines))
    return cues


def format_timestamp(ms: int, sep: str = ",") -> str:
    ms = max(0, int(ms))
    h, rest = divmod(ms, 3_600_000)
    m, rest = divmod(rest, 60_000)
    s, milli = divmod(rest, 1000)
    return f"{h:02d}:{m:02d}:{s:02d}{sep}{milli:03d}"


_SRT_SAFE = str.maketrans({"<": "‹", ">": "›", "{": "(", "}": ")"})


def srt_text(text: str) -> str:
    """SRT has no escapes and players read <...> and {...} as tags: show such characters as look-alikes."""
    return text.replace("-->", "->").translate(_SRT_SAFE)


def to_srt(cues: Sequence[Cue]) -> str:
    blocks = [
        f"{i}\n{format_timestamp(c.start)} --> {format_timestamp(c.end)}\n{srt_text(c.text)}\n"
        for i, c in enumerate(cues, 1)
    ]
    return "\n".join(blocks)


def _vtt_escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def to_vtt(cues: Sequence[Cue]) -> str:
    blocks = [
        f"{format_timestamp(c.start, '.')} --> {format_timestamp(c.end, '.')}\n{_vtt_escape(c.text)}\n" for c in cues
    ]
    return "WEBVTT\n\n" + "\n".join(blocks)
