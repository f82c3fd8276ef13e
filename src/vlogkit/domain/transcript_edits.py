"""Pure edits of a `Transcript` (each returns a new transcript): the editor keeps the old one on its undo stack, the
CLI `fix` saves the new one."""

from __future__ import annotations

from dataclasses import replace

from vlogkit.domain import Transcript, Word


def _locate(t: Transcript, index: int) -> tuple[int, int]:
    """(segment index, word index inside it) of the transcript's `index`-th word."""
    n = 0
    for si, seg in enumerate(t.segments):
        if index < n + len(seg.words):
            return si, index - n
        n += len(seg.words)
    raise IndexError(index)


def _with_segment_words(t: Transcript, si: int, words: tuple[Word, ...]) -> Transcript:
    seg = t.segments[si]
    start = min([seg.start, *(w.start for w in words)]) if words else seg.start
    end = max([seg.end, *(w.end for w in words)]) if words else seg.end
    segs = list(t.segments)
    segs[si] = replace(seg, words=words, start=start, end=end)
    return t.with_segments(tuple(segs))


def update_word(t: Transcript, index: int, **changes: object) -> Transcript:
    si, wi = _locate(t, index)
    words = list(t.segments[si].words)
    words[wi] = replace(words[wi], **changes)  # type: ignore[arg-type]
    return _with_segment_words(t, si, tuple(words))


def correct_word(t: Transcript, index: int, text: str) -> Transcript:
    """The user's correction; `text` as recognised is kept. Typing the original back clears the correction."""
    text = text.strip()
    w = t.words[index]
    return update_word(t, index, corrected=None if text == w.text else text)


def toggle_filler(t: Transcript, index: int) -> Transcript:
    return update_word(t, index, filler=not t.words[index].filler)


def insert_word_after(t: Transcript, index: int, text: str) -> Transcript:
    """Insert a word Whisper missed after word `index` (-1 = before the first), timed between its neighbours."""
    words = t.words
    prev = words[index] if index >= 0 else None
    nxt = words[index + 1] if index + 1 < len(words) else None
    a = prev.end if prev else max(0, (nxt.start if nxt else 0) - 300)
    b = nxt.start if nxt else a + 300
    if b - a < 80:  # no pause between the neighbours: share the previous word's tail
        a = max(prev.start if prev else a - 150, b - 150)
        if prev is not None and prev.end > a:
            t = update_word(t, index, end=max(prev.start, a))
    new = Word(text=text.strip(), start=a, end=max(a + 1, b), probability=None,
               speaker=(prev or nxt).speaker if (prev or nxt) else "",
               language=(prev or nxt).language if (prev or nxt) else "")
    if prev is not None:
        si, wi = _locate(t, index)
        seg_words = list(t.segments[si].words)
        seg_words.insert(wi + 1, new)
    else:
        si, wi = 0, 0
        seg_words = [new, *t.segments[0].words]
    return _with_segment_words(t, si, tuple(seg_words))


def set_speaker(t: Transcript, first: int, last: int, speaker: str) -> Transcript:
    """Assign `speaker` to words first..last (inclusive)."""
    for i in range(min(first, last), max(first, last) + 1):
        t = update_word(t, i, speaker=speaker)
    return t


CARRY_WINDOW_MS = 600  # a word heard again this close to where it was is the same word


def _same_word(a: str, b: str) -> bool:
    def norm(s: str) -> str:
        return "".join(ch for ch in s.casefold() if ch.isalnum())

    return norm(a) == norm(b)


def carry_edits(old: Transcript, new: Transcript) -> tuple[Transcript, tuple[Word, ...]]:
    """A fresh transcript with the user's word edits of `old` (fixes, fillers, confirmations) carried onto the same
    words heard again: same recognised text, starting within CARRY_WINDOW_MS of where it was. Returns the new
    transcript and the edited words of `old` that found no such word (words typed in are among them)."""
    lost: list[Word] = []
    taken: set[int] = set()
    new_words = new.words
    recognised = any(w.probability is not None for w in old.words)  # else it came from subtitles: no word typed in
    for w in old.words:
        changes = {k: v for k, v in (("corrected", w.corrected), ("filler", w.filler), ("confirmed", w.confirmed))
                   if v}
        if recognised and w.probability is None:  # typed in: no recognised word to find again
            lost.append(w)
            continue
        if not changes:
            continue
        near = [(abs(nw.start - w.start), i) for i, nw in enumerate(new_words)
                if i not in taken and abs(nw.start - w.start) <= CARRY_WINDOW_MS and _same_word(nw.text, w.text)]
        if not near:
            lost.append(w)
            continue
        _d, i = min(near)
        taken.add(i)
        new = update_word(new, i, **changes)
    return new, tuple(lost)
