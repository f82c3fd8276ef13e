"""The embarrassment guard: swear words and slurs that must never reach a public clip or card by accident.

Whisper, forced into the wrong language, can invent a swear word nobody said ("... voor de kut" for JFK's "for your
country"); a speaker may also really swear. Authenticity first: a word a person confirmed as said is kept. Until then
the editor underlines it ("check this word"), `vlogkit quotes`/`export` list it, and an external output that would
burn it into pixels (captions, a card, a slide) stops and asks for a confirmation or a fix - `to_confirm` is that one
rule; services.wordcheck turns it into the error every export path raises.

The lists are deliberately small (common Belgian/Dutch, French and English swear words and slurs, reviewed by hand):
a word here costs a user one confirmation, a word missing can cost a public apology. Entries are folded (lower case,
no accents). A few words are innocent in another language ("con", "bite", "lul", "kut" in a French or English line):
those count only in their own language.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence

from vlogkit.domain.transcript import Word

_WORDS: dict[str, frozenset[str]] = {
    "nl": frozenset({
        "kut", "kutje", "klote", "kloten", "klootzak", "klootzakken", "godverdomme", "godverdomse", "verdomme",
        "tering", "tyfus", "kankerlijer", "kankerhoer", "kankerzooi",  # not "kanker" itself: it names the illness
        "hoer", "hoeren", "hoerenjong", "lul", "flikker", "flikkers", "mongool", "mongolen", "neger", "negers",
        "makak", "makakken", "trut", "teef", "slet", "pik", "schijt", "stront", "kkr", "gvd",
    }),
    "fr": frozenset({
        "merde", "merdique", "putain", "pute", "putes", "salope", "salopes", "salaud", "connard", "connards",
        "connasse", "con", "cons", "conne", "encule", "encules", "enculer", "enfoire", "enfoires", "batard",
        "batards", "bordel", "nique", "niquer", "foutre", "bite", "couilles", "couillon", "pd", "pede", "pedes",
        "tapette", "tapettes", "gouine", "negre", "negres", "negro", "bougnoule", "bougnoules", "youpin", "bicot",
        "chier", "chiotte", "chiottes", "fdp", "ntm",
    }),
    "en": frozenset({
        "fuck", "fucks", "fucking", "fucked", "fucker", "fuckers", "motherfucker", "motherfucking", "shit", "shits",
        "shitty", "bullshit", "bitch", "bitches", "bastard", "bastards", "asshole", "assholes", "arsehole", "dick",
        "dickhead", "cunt", "cunts", "wanker", "twat", "piss", "pissed", "prick", "slut", "whore", "nigger",
        "niggers", "nigga", "faggot", "faggots", "fag", "fags", "retard", "retarded", "spastic", "tranny", "dyke",
        "kike", "paki", "chink", "spic", "wetback", "goddamn", "goddammit", "wtf", "stfu",
    }),
}
# Innocent in another language: these count only in a line of their own language (or of unknown language).
_OWN_LANGUAGE_ONLY = frozenset({"con", "cons", "conne", "bite", "lul", "kut", "pik", "pd", "neger", "negers", "teef",
                                "trut", "tering", "slet", "fag", "fags", "dick", "piss", "pissed", "hoer", "paki",
                                "spic", "gvd", "kkr", "stront", "schijt"})
# Dutch and English build swear words by compounding: "kutweer", "klotezooi", "teringlijer", "fuckup", "shitshow".
_PREFIXES: dict[str, tuple[str, ...]] = {
    "nl": ("kut", "klote", "kankerl", "kankerh", "tering", "tyfus", "godver", "hoere", "kloot"),
    "en": ("fuck", "motherfuck", "shit", "bullshit", "nigger", "faggot"),
    "fr": ("encul", "merdi", "connar", "salop"),
}


def fold(text: str) -> str:
    """A word as the lexicon stores it: lower case, no accents, no punctuation around it."""
    text = unicodedata.normalize("NFKD", text.lower().replace("\u2019", "'"))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return text.strip(".,;:!?\"'()[]{}«»“”…-*")


def is_sensitive(text: str, language: str = "") -> bool:
    """Whether this word (as shown) is a swear word or slur in `language` ("" = any of the three), or an unambiguous
    one in another of them. Parts of a hyphenated or elided word count on their own ("klote-dag", "l'enculé")."""
    lang = (language or "").lower()[:2]
    whole = fold(text)
    parts = {whole, *(p for p in re.split(r"[-'’]", whole) if p)}
    for part in parts:
        for code, words in _WORDS.items():
            own = not lang or lang == code or lang not in _WORDS
            if part in words and (own or part not in _OWN_LANGUAGE_ONLY):
                return True
            if (own or code == "en") and any(part.startswith(p) and len(part) > len(p) + 1 for p in _PREFIXES[code]):
                return True
    return False


def sensitive_words(words: Iterable[Word], language: str = "") -> tuple[Word, ...]:
    """The words to check (confirmed or not), each judged in its own language (`language` when it has none)."""
    return tuple(w for w in words if is_sensitive(w.display, w.language or language))


def to_confirm(shown: Sequence[Word], confirmed: Sequence[str] = (), language: str = "") -> tuple[Word, ...]:
    """The sensitive words among `shown` (what an output would burn into pixels, in order; each judged in its own
    language, else `language`) that no confirmation covers.

    `confirmed` holds the words a person confirmed as said (as shown); each confirmation covers one occurrence of the
    same folded word. An output may go to an external audience only when this is empty."""
    left = Counter(fold(c) for c in confirmed)
    out: list[Word] = []
    for w in shown:
        if not is_sensitive(w.display, w.language or language):
            continue
        key = fold(w.display)
        if left[key] > 0:
            left[key] -= 1
        else:
            out.append(w)
    return tuple(out)
