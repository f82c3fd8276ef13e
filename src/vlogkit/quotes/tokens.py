"""The words of a stretch of speech as the features see them: tokens with case, accents and frequency, sentence
starts, and an index of every phrase of up to six tokens for fast lexicon look-ups. Punctuation only marks where a
sentence starts; it never changes a token."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache

from vlogkit.quotes.frequency import prefetch, zipf
from vlogkit.quotes.lexicons import Lexicon, fields
from vlogkit.quotes.text import fold

_TOKEN_RE = re.compile(r"\w[\w']*")
_ENDERS = ".!?…:;"
_SKIP = " \t\n\"'”’»)"
MAX_PHRASE = 6
IMPERSONAL_IL = "il-"  # the key of an impersonal French "il": no word list holds it


@dataclass(frozen=True, slots=True)
class Token:
    orig: str  # as written, punctuation stripped
    low: str  # lower case, accents kept (for frequencies)
    key: str  # folded: lower case, no accents (for the word lists)
    starts_sentence: bool
    zipf: float


@dataclass
class SpanText:
    """Tokens of a display text in one language, with every lexicon field's hits found once."""

    text: str
    language: str
    lex: Lexicon
    tokens: list[Token] = field(init=False)
    keys: list[str] = field(init=False)
    hits: dict[str, list[tuple[int, str]]] = field(init=False)  # lexicon field -> [(position, phrase)]
    hyphened: frozenset[int] = field(init=False)  # positions of tokens written after a hyphen ("peut-être")

    def __post_init__(self) -> None:
        text = self.text.replace("’", "'").replace("‘", "'")
        toks: list[Token] = []
        hyphened: set[int] = set()  # tokens written after a hyphen: "peut-être" (maybe) is not "peut être" (can be)
        prefetch(lower_words(text), self.language)
        for m in _TOKEN_RE.finditer(text):
            orig = m.group(0).rstrip("'")
            j = m.start() - 1
            while j >= 0 and text[j] in _SKIP:
                j -= 1
            starts = not toks or (j >= 0 and text[j] in _ENDERS)
            if toks and m.start() > 0 and text[m.start() - 1] == "-":
                hyphened.add(len(toks))
            low = orig.casefold()
            toks.append(Token(orig, low, fold(low), starts, zipf(low, self.language)))
        for i in range(len(toks) - 1):  # "il faut", "il y a", "il semble": an "il" that is nobody in particular
            if toks[i].key == "il" and toks[i + 1].key in _IMPERSONAL:
                toks[i] = replace(toks[i], key=IMPERSONAL_IL)
        self.tokens = toks
        self.keys = [t.key for t in toks]
        self.hyphened = frozenset(hyphened)
        self.hits = _index(tuple(self.keys), self.lex, self.hyphened)

    def __len__(self) -> int:
        return len(self.tokens)

    def has(self, name: str) -> bool:
        return bool(self.hits.get(name))

    def first(self, name: str) -> str:
        """The first phrase of a lexicon field found here, as said (case and accents kept: "peut-être", "Nous")."""
        found = self.hits.get(name)
        return self.said(*found[0]) if found else ""

    def said(self, i: int, phrase: str) -> str:
        """The words of `phrase`, found at token `i`, as said."""
        words = [("-" if j in self.hyphened and j > i else " ") + self.tokens[j].orig
                 for j in range(i, i + len(phrase.split()))]
        return "".join(words)[1:]

    def count(self, name: str) -> int:
        return len(self.hits.get(name, ()))

    def positions(self, name: str) -> list[int]:
        return [i for i, _ in self.hits.get(name, ())]


def lower_words(text: str) -> list[str]:
    """The lower-case tokens (accents kept) of a text, as `SpanText` and the word lists see them."""
    return [m.group(0).rstrip("'").casefold() for m in _TOKEN_RE.finditer(text.replace("’", "'").replace("‘", "'"))]


@lru_cache(maxsize=4096)
def span_text(text: str, language: str, lex: Lexicon) -> SpanText:
    """The analysed tokens of a text, shared: a sentence is read once even when it is also half of a pair."""
    return SpanText(text, language, lex)


@lru_cache(maxsize=8)
def _phrase_table(lex: Lexicon) -> dict[str, tuple[str, ...]]:
    """phrase -> the lexicon fields that list it."""
    table: dict[str, list[str]] = {}
    for f in fields(Lexicon):
        value = getattr(lex, f.name)
        if isinstance(value, frozenset):
            for phrase in value:
                key = " ".join(t.rstrip("'") for t in _TOKEN_RE.findall(phrase))  # "est-ce que" -> "est ce que"
                if key:
                    table.setdefault(key, []).append(f.name)
    return {k: tuple(v) for k, v in table.items()}


def _index(keys: tuple[str, ...], lex: Lexicon, hyphened: frozenset[int] = frozenset()) -> dict[str, list[tuple[int, str]]]:
    """Every lexicon phrase found in `keys`, longest first at each position; a shorter phrase inside a longer hit of
    the same field is not counted twice."""
    table = _phrase_table(lex)
    hits: dict[str, list[tuple[int, str]]] = {}
    covered: dict[str, int] = {}  # field -> first position not yet covered by a hit
    n = len(keys)
    for i in range(n):
        heads = [keys[i]]
        if lex.code == "fr" and (word := _ELIDED.sub("", keys[i], count=1)) != keys[i]:
            heads.append(word)  # "l'intranet" is "intranet", "d'equipe" is "equipe"
        for head in heads:
            for size in range(min(MAX_PHRASE, n - i), 0, -1):
                phrase = " ".join((head, *keys[i + 1 : i + size]))
                names = table.get(phrase)
                if not names:
                    continue
                for name in names:
                    if covered.get(name, 0) > i:
                        continue
                    if _said_otherwise(name, keys, i, hyphened, lex.past_auxiliaries):
                        continue
                    hits.setdefault(name, []).append((i, phrase))
                    covered[name] = i + size
    return hits


# the article or preposition elided before a noun ("l'intranet", "d'equipe"); "c'est", "qu'on", "n'oubliez" and
# "j'ai" are listed as said, and a short "l'a", "d'un" is a pronoun and a verb or a listed phrase
_ELIDED = re.compile(r"^[ld]'(?=\w{3})")


_BEFORE_A_VERB = frozenset("will would to can could might may should must i'll it'll you'll we'll they'll".split())
_IMPERSONAL = frozenset("""faut fallait faudra faudrait y semble semblait semblerait parait paraissait
    s'agit s'agissait suffit suffisait reste restait vaut vaudrait pleut manque""".split())
_AFTER_SO = frozenset("that i we you he she it they the a an there this".split())  # "so we ...": a connective
# "like" after these is a verb or a comparison ("I like", "looks like", "nothing like"), before these a comparison
# ("like a lift", "like the films"): only the bare filler ("it's, like, twenty boxes") hedges
_LIKE_AFTER = frozenset("""i we you they people would i'd we'd you'd they'd don't didn't doesn't look looks looked
    looking feel feels felt sound sounds seem seems seemed nothing something anything exactly just more much""".split())
_LIKE_BEFORE = frozenset("a an the somebody someone this that".split())
# a request's verb after its subject tells what someone does, it asks nothing ("ik check", "we check your", "vous
# envoyez"): a request is the bare imperative
_SUBJECTS = frozenset("i we they he she ik wij ze zij hij ge gij jij je nous vous on il elle ils elles tu".split())


def _said_otherwise(name: str, keys: tuple[str, ...], i: int, hyphened: frozenset[int] = frozenset(),
                    auxiliaries: frozenset[str] = frozenset()) -> bool:
    """A listed word used as another word here: "will please" is a verb, not a request; "And so, ...", "so we ..."
    and a sentence's first "so" join, they do not intensify; "looks like a lift" compares, it does not hedge; in "ik
    check" a verb follows its subject, it asks nothing; "peut être" (can be) is not "peut-être" (maybe)."""
    key = keys[i]
    if name == "hedges" and key == "peut" and keys[i + 1 : i + 2] == ("etre",):
        return i + 1 not in hyphened
    if name == "hedges" and key == "like":
        return (i > 0 and keys[i - 1] in _LIKE_AFTER) or " ".join(keys[i + 1 : i + 2]) in _LIKE_BEFORE
    if name == "requests" and key == "please":
        return i > 0 and keys[i - 1] in _BEFORE_A_VERB
    if name == "requests" and i > 0 and keys[i - 1] in _SUBJECTS:
        return True
    if name == "intensifiers" and key == "so":
        return i == 0 or keys[i - 1] in ("and", "but", "or") or i + 1 >= len(keys) or keys[i + 1] in _AFTER_SO
    if name == "future" and key in _FR_PARTICIPLES:  # "j'ai commencé ma carrière": a past, folded like "commence"
        return i > 0 and (keys[i - 1] in auxiliaries or keys[i - 1] in _FR_BEFORE_PARTICIPLE)
    return False


_FR_PARTICIPLES = frozenset({"commence", "demarre"})
# besides the lexicon's past auxiliaries ("ai", "a", "est", ...): the pluperfect's, and an adverb in between
_FR_BEFORE_PARTICIPLE = frozenset({"etait", "avait", "deja", "bien"})
