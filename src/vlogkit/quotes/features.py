"""Explainable features of a stretch of speech, after Danescu-Niculescu-Mizil et al. (2012, "You had me at hello":
memorable lines use distinctive words in common syntax and are general rather than tied to a time, place or person)
and Bendersky & Smith (2012, quotable phrases): distinctiveness, generality, rhetorical form, stance - and what an
editor skips: logistics, status, announcements, cliches, greetings, questions and lines that lean on context.

Each feature is a number (mostly 0..1) and, where it found words, the words it found. How many points a feature is
worth is fitted on the tuning corpus (see `model.py`), not set here. Punctuation never changes a feature, except
the question mark (worth at most a few points) and where a sentence starts.
Rhetorical form and what joins two sentences are in `rhetoric.py`; form that travels across writers in `form.py`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from vlogkit.domain import Word
from vlogkit.quotes.form import FORM_PAIR, add_form
from vlogkit.quotes.lexicons import Lexicon
from vlogkit.quotes.rhetoric import PAIR, add_rhetoric, stem
from vlogkit.quotes.text import display_text, is_filler
from vlogkit.quotes.tokens import SpanText, Token, span_text
from vlogkit.quotes.wording import not_quoted_in

UNSURE_WORD = 0.4
LOW_CONFIDENCE = 0.6
COMMON_ZIPF = 5.5  # about the 300 most common words of a language
LONG_WORDS = 30  # longer than this, a line gets long for a card or a slide (how much that costs is fitted)
SLOW_S = 15.0  # ... and a clip longer than this many seconds
NAME_ZIPF = 4.2  # a capitalised word more common than this is an everyday word, not a name
KNOWN_ZIPF = 3.0  # ... and one more common than this may be either
_ELIDED_HEADS = frozenset("c d j l m n s t qu".split())
_DIGIT = re.compile(r"\d")
_FR_INVERSION = re.compile(r"^\W*\w+-(?:t-)?(?:vous|tu|il|elle|on|nous|ils|elles)\b", re.I)
_EN_AUX = frozenset("is are do does did can could would will should was were has have shall may might 's".split())
_EN_WH = frozenset("what why how when where who which".split())
_NL_WH = frozenset("wat waarom hoe wanneer waar wie welke welk hoeveel".split())
_FR_WH = frozenset("pourquoi comment quand combien quel quelle quels quelles qu'est".split())
_EN_SUBJECTS = frozenset("i you we they he she it there everybody everyone anyone anybody the a any your our this that".split())
_INTRO_WORDS = frozenset("i'm am is name's naam ben heet suis c'est ici here".split())
_INTRO_SUBJECTS = {"am": frozenset({"i"}), "is": frozenset("name naam this dit here hier".split()),
                   "ben": frozenset({"ik"}), "suis": frozenset({"je"}), "heet": frozenset({"ik"})}
_NL_PARTICIPLE_EXCEPTIONS = frozenset(
    "geen gewoon gewoonte gewoontes gelukkig geleden geduld geld gebouw gebouwen gemeente gezin genoeg gesprek "
    "gelijk gezond gevoel geheim gebruik getal gezicht geluid geven gerust gehele gedurende gemiddeld gemiddelde "
    "geweldig gezellig gewicht gebied gevaar gevaarlijk geloven geloof gedrag".split()
)
_FR_IMPARFAIT_EXCEPTIONS = frozenset("jamais mais français anglais frais désormais palais niais biais".split())
_EN_ED_EXCEPTIONS = frozenset("need needed speed indeed feed seed bed red shed hundred sacred".split())


@dataclass(frozen=True, slots=True)
class Span:
    """What the features look at: the kept words (fillers inside included), their sentences, and some context."""

    words: tuple[Word, ...]
    language: str
    parts: tuple[tuple[Word, ...], ...] = ()  # the sentences, when the span holds more than one
    stripped: str = ""  # a connective dropped from the start ("and so")
    edge: bool = False  # the first or last lines of the vlog
    position: float = 0.5  # where the span starts in the vlog, 0..1
    context: Mapping[str, int] | None = None  # how often each word stem occurs in the whole vlog


@dataclass
class Features:
    values: dict[str, float] = field(default_factory=dict)
    evidence: dict[str, str] = field(default_factory=dict)
    words: int = 0
    seconds: float = 0.0

    def set(self, name: str, value: float, evidence: str = "") -> None:
        if value:
            self.values[name] = float(value)
            if evidence:
                self.evidence[name] = evidence


def _capped(count: int, cap: int) -> float:
    return min(count, cap) / cap


def _is_number(tok: Token, lex: Lexicon) -> bool:
    return bool(_DIGIT.search(tok.orig)) or tok.key in lex.number_words


def _is_name(tok: Token, lex: Lexicon) -> bool:
    """A capitalised word inside a sentence that is not an everyday word, or an acronym: a person, a product, a
    supplier, a site. (An everyday word with a capital is a sentence start whose full stop went missing.)"""
    if tok.starts_sentence or tok.key in lex.time_words or tok.low in ("i", "i'm", "i've", "i'd", "i'll"):
        return False
    if "'" in tok.key[1:4] and tok.key.split("'")[0] in _ELIDED_HEADS:  # "C'est", "L'équipe": never a name
        return False
    if len(tok.orig) >= 2 and tok.orig.isupper():
        return tok.key not in lex.acronyms_common
    return tok.orig[:1].isupper() and tok.zipf < NAME_ZIPF


def _is_proper_name(tok: Token, lex: Lexicon) -> bool:
    """A name that is no real word too: a capitalised real word ("Assumptions" after a lost full stop) still counts as
    a word of the line, so a missing full stop does not take its distinctiveness away."""
    return _is_name(tok, lex) and tok.zipf < KNOWN_ZIPF


# Read on a two-sentence span as a whole: its length, its opening and ending, where it sits, rhetoric that may run
# across the two sentences, delivery. Every other feature of a pair is the mean of its two sentences' values, so a
# pair is worth what its sentences are worth together plus what joins them - gluing a weak sentence onto a strong one
# only dilutes it, and a set-up and its punchline, each weak alone, can be strong together.
WHOLE = frozenset({"short", "long", "slow", "contrast", "comparison", "repetition", "triad", "context_open",
                   "question", "question_mark", "edge", "fillers", "low_confidence"})


def words_key(words: Sequence[Word]) -> tuple[int, int, int]:
    """Which words of a transcript a span holds (its first word's start, its last word's end, how many)."""
    return (words[0].start, words[-1].end, len(words)) if words else (0, 0, 0)


def extract(span: Span, lex: Lexicon, known: Mapping[tuple[int, int, int], Features] | None = None) -> Features:
    """The features of one sentence, or of two (see WHOLE). `known`: features already read of single sentences (by
    `words_key`, in the same language and context), so a pair does not read its sentences again."""
    whole = _features(span, lex)
    if len(span.parts) < 2 or not whole.values:
        return whole
    known = known or {}
    halves = [known.get(words_key(p)) or _features(Span(p, span.language, (), "", span.edge, span.position,
                                                        span.context), lex)
              for p in span.parts]
    f = Features(words=whole.words, seconds=whole.seconds)
    names = set(whole.values) | set(halves[0].values) | set(halves[1].values)
    for name in sorted(names):
        if name in WHOLE or name in PAIR or name in FORM_PAIR:
            f.set(name, whole.values.get(name, 0.0), whole.evidence.get(name, ""))
        else:
            value = (halves[0].values.get(name, 0.0) + halves[1].values.get(name, 0.0)) / 2
            found = halves[0].evidence.get(name) or halves[1].evidence.get(name) or whole.evidence.get(name, "")
            f.set(name, value, found)
    if f.evidence.get("plain_words"):  # the two halves' words: one quoted for the pair is not quoted against it
        f.evidence["plain_words"] = not_quoted_in(f.evidence["plain_words"], f.evidence.get("quotable_words", ""))
    return f


def _features(span: Span, lex: Lexicon) -> Features:
    words = span.words
    spoken = [w for w in words if not is_filler(w)]
    st = span_text(display_text(words), span.language, lex)
    f = Features(words=len(st), seconds=(words[-1].end - words[0].start) / 1000.0 if words else 0.0)
    if not st.tokens:
        return f
    parts = [span_text(display_text(p), span.language, lex) for p in span.parts] if len(span.parts) > 1 else [st]
    last = parts[-1]
    _length(f, st)
    _lexical(f, st, lex, span.context)
    _specifics(f, st, lex)
    _speech_acts(f, st, last, lex, span)
    _stance(f, st, lex)
    add_rhetoric(f, st, parts, lex)
    _delivery(f, words, spoken)
    add_form(f, st, parts)
    f.set("edge", 1.0 if span.edge else 0.0)
    return f


def _length(f: Features, st: SpanText) -> None:
    n = len(st)
    f.set("short", max(0, 8 - n) / 4, str(n))
    f.set("long", min(2.0, max(0, n - LONG_WORDS) / 10), str(n))
    f.set("slow", min(2.0, max(0.0, f.seconds - SLOW_S) / 5), f"{f.seconds:.0f}")


def _lexical(f: Features, st: SpanText, lex: Lexicon, context: Mapping[str, int] | None) -> None:
    """Distinctive words in common syntax: how rare the rarest real words are - counting only words this line
    brings (a topic word the whole vlog repeats is jargon, not a fresh image) - and how much is everyday glue."""
    content = [t for t in st.tokens
               if 0 < t.zipf < COMMON_ZIPF and not _is_proper_name(t, lex) and not _is_number(t, lex) and len(t.key) > 2]
    if context is not None:
        here = Counter(stem(t.key) for t in st.tokens)
        content = [t for t in content if context.get(stem(t.key), 0) <= here[stem(t.key)]]
    rare = sorted(content, key=lambda t: t.zipf)[:3]
    if rare:
        f.set("distinct", sum(min(3.0, COMMON_ZIPF - t.zipf) for t in rare) / len(rare) / 3.0,
              ", ".join(list(dict.fromkeys(t.orig for t in rare))[:2]))  # a word said twice is quoted once
    common = sum(1 for t in st.tokens if t.zipf >= COMMON_ZIPF)
    f.set("common", common / len(st))
    unknown = [t for t in st.tokens
               if t.zipf == 0 and not _is_name(t, lex) and not _is_number(t, lex) and len(t.key) > 2]
    f.set("unknown", _capped(len(unknown), 2), ", ".join(t.orig for t in unknown[:2]))


def _specifics(f: Features, st: SpanText, lex: Lexicon) -> None:
    """What ties a line to one day, one place, one system or one person: names, figures, times, places, tools."""
    names = [t for t in st.tokens if _is_name(t, lex)]
    # a capitalised real word may be a sentence start whose full stop went missing: it counts a third
    count = sum(1 / 3 if t.zipf >= KNOWN_ZIPF else 1.0 for t in names)
    f.set("names", min(count, 3) / 3, ", ".join(dict.fromkeys(t.orig for t in names[:3])))
    runs, current, first = 0, False, ""
    for t in st.tokens:
        num = _is_number(t, lex)
        if num and not current:
            runs += 1
            first = first or t.orig
        current = num
    f.set("figures", _capped(runs, 3), first)
    clock = next((f"{a.orig} {b.orig}" for a, b in zip(st.tokens, st.tokens[1:], strict=False)
                  if b.key.replace(".", "") in ("am", "pm") and _is_number(a, lex)), "")  # "10 am", never "I am"
    f.set("time", _capped(st.count("time_words") + bool(clock), 2), st.first("time_words") or clock)
    for name, lexfield, cap in (("place", "places", 2), ("tool", "tools", 2),
                                ("booking", "bookings", 2), ("status", "status", 2), ("future", "future", 2)):
        f.set(name, _capped(st.count(lexfield), cap), st.first(lexfield))
    # a dated announcement ("next week we will share ...", "vanaf maandag gaan we ..."): a plan, not a quote
    dated = st.has("future") and (st.has("time_words") or bool(clock))
    f.set("plan", 1.0 if dated else 0.0, st.first("time_words") or clock or st.first("future"))


def _speech_acts(f: Features, st: SpanText, last: SpanText, lex: Lexicon, span: Span) -> None:
    greeting = _greeting(st) or _intro(st)
    f.set("greeting", 1.0 if greeting else 0.0, greeting)
    f.set("meta", 1.0 if st.has("meta") else 0.0, st.first("meta"))
    f.set("request", 1.0 if st.has("requests") else 0.0, st.first("requests"))
    f.set("cliche", 1.0 if st.has("cliches") else 0.0, st.first("cliches"))
    f.set("setup", 1.0 if st.has("setups") else 0.0, st.first("setups"))
    q = _question(last, lex)
    f.set("question", 1.0 if q else 0.0, q)
    mark = last.text.rstrip().rstrip("\"'”’»)").endswith("?")
    f.set("question_mark", 1.0 if mark else 0.0)
    first = st.keys[0]
    f.set("context_open", 1.0 if first in lex.context_openers else 0.0, st.tokens[0].orig)
    f.set("context_phrase", 1.0 if st.has("context_phrases") else 0.0, st.first("context_phrases"))


_DETERMINERS = frozenset("""the a an our their your my his her this that every no de het een ons onze hun jullie mijn
    je zijn haar dat die elk elke geen le la les l' un une des du ce cet cette mon ma mes ton ta son sa ses notre nos
    votre vos leur leurs au aux""".split())


def _greeting(st: SpanText) -> str:
    """A greeting or a sign-off, unless a determiner right before it names it as a thing ("save the goodbye")."""
    return next((st.said(i, phrase) for i, phrase in st.hits.get("greetings", ())
                 if i == 0 or st.keys[i - 1] not in _DETERMINERS), "")


def _intro(st: SpanText) -> str:
    """ "I'm Tom", "ik ben Els", "je suis Marc", "moi c'est Léa": a speaker introducing themselves."""
    toks = st.tokens
    for i, t in enumerate(toks[:-1]):
        nxt = toks[i + 1]
        said_by = _INTRO_SUBJECTS.get(t.key)  # "is", "am", "ben", "suis" introduce someone after "name"/"I"/"ik"/"je"
        if said_by is not None and (i == 0 or toks[i - 1].key not in said_by):
            continue  # "... niet goed is Zoet, ...": a sentence whose full stop went missing, not an introduction
        if (t.key in _INTRO_WORDS and nxt.orig[:1].isupper() and not nxt.starts_sentence and nxt.low != "i"
                and nxt.zipf < NAME_ZIPF):  # a name, not an everyday word whose full stop went missing
            return f"{t.orig} {nxt.orig}"
    return ""


def _question(st: SpanText, lex: Lexicon) -> str:
    """A question by its words, so a missing or extra question mark changes little."""
    k = st.keys
    if not k:
        return ""
    two = " ".join(k[:2])
    code = lex.code
    if code in ("en", "any"):
        if k[0] in _EN_WH and len(k) > 1 and k[1] in _EN_AUX:
            return two
        if k[0] in _EN_AUX and len(k) > 1 and k[1] in _EN_SUBJECTS:
            return two
        if two in ("any questions", "any thoughts", "any ideas"):
            return two
    if code in ("nl", "any"):
        if k[0] in _NL_WH and len(k) > 1 and k[1] in lex.question_verbs:
            return two
        if k[0] in lex.question_verbs and len(k) > 1 and k[1] in lex.subject_pronouns | {"er", "de", "het"}:
            return two
    if code in ("fr", "any"):
        if k[0] == "quand" and k[1:2] != ["est"] and not _FR_INVERSION.search(st.text.split(None, 1)[-1]):
            return ""  # "Quand on répare un fil, ...": when, not a question ("Quand est-ce que ...", "Quand part-il")
        if k[0] in _FR_WH or two in ("est ce", "qu'est ce") or st.has("question_openers") and st.positions(
                "question_openers")[0] == 0:
            return two
        if _FR_INVERSION.search(st.text):
            return two
    return ""


def _stance(f: Features, st: SpanText, lex: Lexicon) -> None:
    """Who the line is about and how it speaks: general people and present tense, or one person's past."""
    f.set("conviction", 1.0 if st.has("conviction") else 0.0, st.first("conviction"))
    hearsay = _hearsay(st, lex)
    f.set("hearsay", 1.0 if hearsay else 0.0, hearsay)
    people = st.count("general_people")
    f.set("people", _capped(people, 2), st.first("general_people"))
    firsts = st.count("first_person")
    if lex.code in ("fr", "any"):
        firsts += sum(1 for k in st.keys if k.startswith(("j'", "m'")))
    f.set("first_person", _capped(firsts, 3))
    f.set("third_person", _capped(st.count("third_person"), 2), st.first("third_person"))
    past, example = _past(st, lex)
    f.set("past", _capped(past, 3), example)
    f.set("present", 1.0 if st.has("copulas") else 0.0)
    k0 = st.keys[0]
    # "Nobody", "Everyone", "The best ...", or "A trainee who ..." told in the present: "A pink shell was found" is
    # one event, not a general statement
    generic = ((k0 in lex.indefinite and not past) or k0 in lex.general_people or k0 in lex.absolutes
               or any(i == 0 for i in st.positions("superlatives")))
    subject = st.tokens[: 2 if k0 in lex.indefinite and len(st) > 2 else 1]  # "A trainee", "Nobody"
    f.set("generic_subject", 1.0 if generic else 0.0, " ".join(t.orig for t in subject))
    f.set("absolute", 1.0 if st.has("absolutes") else 0.0, st.first("absolutes"))
    f.set("superlative", 1.0 if st.has("superlatives") else 0.0, st.first("superlatives"))
    f.set("insight", 1.0 if st.has("insight_words") else 0.0, st.first("insight_words"))
    f.set("imperative", 1.0 if k0 in lex.imperatives and not st.has("requests") else 0.0, st.tokens[0].orig)
    f.set("simile", 1.0 if st.has("similes") else 0.0, st.first("similes"))
    f.set("concrete", _capped(st.count("concrete"), 2), st.first("concrete"))
    f.set("emotion", 1.0 if st.has("emotion") else 0.0, st.first("emotion"))
    # a word inside a conviction ("I really believe", "ik ben echt overtuigd") is the conviction, not an intensifier
    held = {j for i, phrase in st.hits.get("conviction", ()) for j in range(i, i + len(phrase.split()))}
    boost = [(i, phrase) for i, phrase in st.hits.get("intensifiers", ()) if i not in held]
    f.set("intensifier", _capped(len(boost), 2), st.said(*boost[0]) if boost else "")
    f.set("hedge", _capped(st.count("hedges"), 2), st.first("hedges"))


def _hearsay(st: SpanText, lex: Lexicon) -> str:
    """ "Everybody says ...", "iedereen zegt ...", "tout le monde pense ...": an opinion reported, not held."""
    says = st.positions("say_verbs")
    for i, _ in st.hits.get("general_people", []) + st.hits.get("absolutes", []):
        for j in says:
            if 0 < j - i <= 3:
                return f"{st.keys[i]} ... {st.keys[j]}"
    return ""


def _past(st: SpanText, lex: Lexicon) -> tuple[int, str]:
    found = [p for _, p in st.hits.get("past", [])]
    code = lex.code
    has_aux = st.has("past_auxiliaries")
    for i, t in enumerate(st.tokens):
        if code in ("en", "any") and t.low.endswith("ed") and len(t.low) >= 5 and t.low not in _EN_ED_EXCEPTIONS:
            found.append(t.orig)
        elif code in ("nl", "any") and has_aux and t.key.startswith("ge") and len(t.key) >= 6 \
                and t.key.endswith(("d", "t", "en")) and t.key not in _NL_PARTICIPLE_EXCEPTIONS:
            found.append(t.orig)
        elif code in ("fr", "any"):
            if t.low.endswith(("ait", "aient", "ais")) and len(t.low) >= 5 and t.low not in _FR_IMPARFAIT_EXCEPTIONS:
                found.append(t.orig)
            elif t.key in lex.past_auxiliaries and any(
                    n.low.endswith(("é", "ée", "és", "ées", "is", "it", "u", "ue", "us", "ert"))
                    for n in st.tokens[i + 1 : i + 3]):
                found.append(t.orig)
    return len(found), (found[0] if found else "")


def _delivery(f: Features, words: Sequence[Word], spoken: Sequence[Word]) -> None:
    fillers = len(words) - len(spoken)
    if words:
        f.set("fillers", min(1.0, fillers / len(words) / 0.2), f"{fillers}/{len(words)}")
    probs = [w.probability for w in spoken if w.probability is not None]
    if probs:
        mean = sum(probs) / len(probs)
        unsure = sum(1 for p in probs if p < UNSURE_WORD)
        if mean < LOW_CONFIDENCE or unsure >= 0.3 * len(probs):
            f.set("low_confidence", 1.0, f"{mean:.0%}")
