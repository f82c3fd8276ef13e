"""Word frequencies from `wordfreq` (offline: its word lists ship inside the wheel), on the Zipf scale.

Zipf 7 is "the", 5.5 about the 300th most common word, 3 a rare but real word, 0 a word the list does not know
(a name, a typo, a fresh compound). A list loads lazily, once per language per process. It is read straight from
the package's data file in wordfreq's documented "cBpack" format (`wordfreq.read_cBpack`: a gzipped msgpack list,
a header, then one bucket of words per centibel of frequency), which skips importing wordfreq's tokenizers; when
that file is not where it should be, wordfreq itself is asked.
"""

from __future__ import annotations

import gc
import gzip
import importlib.util
import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

# French (and Dutch/English) elided articles and pronouns glued to the next word: wordfreq counts the word alone
_ELISION = re.compile(r"^(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu|z|'t)'(?=\w)")
FALLBACK = "en"


def _data_file(language: str) -> Path | None:
    spec = importlib.util.find_spec("wordfreq")
    if spec is None or not spec.submodule_search_locations:
        return None
    for folder in spec.submodule_search_locations:
        for size in ("large", "small"):
            path = Path(folder) / "data" / f"{size}_{language}.msgpack.gz"
            if path.is_file():
                return path
    return None


def _read_cbpack(path: Path) -> list[list[str]]:
    import msgpack  # a dependency of wordfreq

    collecting = gc.isenabled()
    gc.disable()  # 300,000 small strings: the cyclic collector would walk them again and again for nothing
    try:
        with gzip.open(path, "rb") as f:
            data = msgpack.load(f, raw=False)
    finally:
        if collecting:
            gc.enable()
    header = data[0]
    if not isinstance(header, dict) or header.get("format") != "cB" or header.get("version") != 1:
        raise ValueError(f"unexpected wordfreq data header in {path}")
    return data[1:]


@lru_cache(maxsize=16)
def _buckets(language: str) -> list[list[str]]:
    """Bucket i holds the words of frequency 10^(-i/100), so their Zipf value is 9 - i/100."""
    path = _data_file(language)
    if path is not None:
        try:
            return _read_cbpack(path)
        except (OSError, ValueError, ImportError):
            pass
    import wordfreq

    try:
        return wordfreq.get_frequency_list(language, wordlist="best")
    except (LookupError, ValueError, OSError):  # no list for it here (the desktop bundle carries en, nl, fr)
        if language == FALLBACK:
            raise
        return _buckets(FALLBACK)


_KNOWN: dict[str, dict[str, float]] = {}  # language -> token -> Zipf, for the tokens asked about so far


def prefetch(tokens: Iterable[str], language: str) -> None:
    """Look up many lower-case tokens in one pass over the list (a few ms), rather than building a 300,000-entry
    table the first time (a tenth of a second and more)."""
    code = supported(language)
    known = _KNOWN.setdefault(code, {})
    wanted: dict[str, set[str]] = {}  # form to look up -> the tokens it answers for
    for tok in tokens:
        if tok in known:
            continue
        forms = {tok, _ELISION.sub("", tok), tok.replace("'", "")} if "'" in tok else {tok}
        for form in forms:  # a form shared by two tokens ("équipe", "l'équipe") answers for both
            wanted.setdefault(form, set()).add(tok)
    if not wanted:
        return
    need = set(wanted)
    found: dict[str, float] = {}
    for index, bucket in enumerate(_buckets(code)):
        hits = need.intersection(bucket)
        if hits:
            for form in hits:
                for tok in wanted[form]:
                    if tok not in found or form == tok:  # the commonest form, unless the token itself is listed
                        found[tok] = round(9.0 - index / 100.0, 2)
            need -= hits
            if not need:
                break
    for toks in wanted.values():
        for tok in toks:
            known[tok] = found.get(tok, 0.0)


def supported(language: str) -> str:
    """The language code whose list is used for `language` (Whisper codes such as 'nl', 'fr', 'en')."""
    code = (language or FALLBACK).lower()[:2]
    return code if code.isalpha() else FALLBACK


def zipf(token: str, language: str) -> float:
    """Zipf frequency of one lower-case token (accents kept); 0.0 when unknown."""
    known = _KNOWN.get(supported(language))
    if known is None or token not in known:
        prefetch((token,), language)
        known = _KNOWN[supported(language)]
    return known[token]
