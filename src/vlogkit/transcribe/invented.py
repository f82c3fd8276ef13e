"""Segments Whisper may have invented: subtitle credits and sign-offs, and loops that copy an earlier sentence.

Whisper learnt from subtitled video, so in silence, noise or a language it was not told about it writes what subtitle
files end with ("Ondertiteld door de Amara.org gemeenschap", "Sous-titrage ST' 501", "Thanks for watching!"), or it
repeats an earlier sentence. Such a segment is flagged (`Segment.flag`), never deleted: the editor shows it, and
subtitles, captions and quotes leave it out until someone keeps it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import replace

from vlogkit.domain import Segment
from vlogkit.domain.transcript import FLAG_CREDIT, FLAG_REPEAT

# Credits nobody says in a vlog: flagged wherever they appear in a segment. Matched on folded text (lower case, no
# accents, punctuation kept).
_CREDITS = re.compile(
    r"amara\s*\.?\s*org"
    r"|\bondertiteld\s+door\b|\bondertiteling\s+(door|van|:)|\bondertitels\s+(door|van|:)|\btv\s+gelderland\b"
    r"|\bsous[- ]?titrage\b|\bsous[- ]?titres?\s+(realises|faits?|par)\b|\bsociete\s+radio[- ]canada\b"
    r"|\bsubtitles?\s+(by|made\s+by|created\s+by)\b|\bcaptions?\s+by\b|\btranscri(bed|ption)\s+by\b"
)
# Sign-offs a speaker may really say: flagged only when they are (nearly) the whole segment, which is what Whisper
# writes into silence at the end of a recording.
_SIGN_OFFS = re.compile(
    r"\bthank(s|\s+you)(\s+(so|very)\s+much)?\s+for\s+watching\b|\b(please\s+)?(like\s+and\s+)?subscribe\b"
    r"|\bbedankt\s+voor\s+het\s+(kijken|luisteren)\b|\bdank\s*(je|u)\s+(wel\s+)?voor\s+het\s+kijken\b"
    r"|\babonneer\b|\bmerci\s+d'avoir\s+regarde\b|\babonnez[- ]vous\b"
)
SIGN_OFF_SHARE = 0.6  # the sign-off's words make up at least this share of the segment's
NGRAM = 3
REPEAT_SHARE = 0.4  # at least this share of a segment's word triples were said before (or earlier in it)
LOW_CONFIDENCE = 0.7  # mean word probability under this: a repeat is a loop, not a speaker repeating themselves
MIN_WORDS = 4


def fold(text: str) -> str:
    """Lower case, accents removed, curly apostrophes straightened."""
    text = unicodedata.normalize("NFKD", text.lower().replace("\u2019", "'"))
    return "".join(c for c in text if not unicodedata.combining(c))


def tokens(segment: Segment) -> list[str]:
    """The segment's words, folded and without punctuation."""
    out = []
    for w in segment.words:
        t = re.sub(r"[^\w']+", "", fold(w.display))
        if t:
            out.append(t)
    return out


def credit(segment: Segment) -> bool:
    """A subtitle credit, or a sign-off that is (nearly) the whole segment."""
    text = fold(segment.text)
    if _CREDITS.search(text):
        return True
    n = max(1, len(tokens(segment)))
    said = sum(len(m.group(0).split()) for m in _SIGN_OFFS.finditer(text))
    return said / n >= SIGN_OFF_SHARE


def mean_probability(segment: Segment) -> float | None:
    """The mean probability of the segment's words; None when they carry none (imported or typed text)."""
    probs = [w.probability for w in segment.words if w.probability is not None]
    return sum(probs) / len(probs) if probs else None


def flag_invented(segments: Sequence[Segment]) -> list[Segment]:
    """`segments` (in time order) with `flag` set on credits and on low-confidence repeats of earlier speech.

    Segments a person already kept, or that carry no word probabilities (imported subtitles, typed text), are left
    alone."""
    seen: set[tuple[str, ...]] = set()
    out: list[Segment] = []
    for seg in segments:
        words = tokens(seg)
        grams = [tuple(words[i : i + NGRAM]) for i in range(len(words) - NGRAM + 1)]
        mean = mean_probability(seg)
        flag = seg.flag
        if not seg.kept and mean is not None:
            if credit(seg):
                flag = FLAG_CREDIT
            elif len(words) >= MIN_WORDS and grams and mean < LOW_CONFIDENCE:
                inside: set[tuple[str, ...]] = set()
                repeated = 0
                for g in grams:
                    repeated += g in seen or g in inside
                    inside.add(g)
                if repeated / len(grams) >= REPEAT_SHARE:
                    flag = FLAG_REPEAT
        if not flag or seg.kept:
            seen.update(grams)  # only speech taken as said counts as "earlier"
        out.append(replace(seg, flag=flag) if flag != seg.flag else seg)
    return out
