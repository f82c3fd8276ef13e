"""Rhetorical form: contrast and antithesis, comparison, repetition (a chiasmus too), triads - and, of two
sentences, what joins them: an echo, a turn, a parallel start, a link back, a short punchline after a set-up.

Each is a feature of `features.Features` (set here), worth the points the fitting script gives it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from vlogkit.quotes.form import restarts
from vlogkit.quotes.lexicons import Lexicon
from vlogkit.quotes.tokens import IMPERSONAL_IL, SpanText, Token

_FUNCTION = frozenset(
    "the a an of to in and on for at with is it that de het een van en te met op voor dat die le la les des du et "
    "un une pour dans que qui est d l en à a".split()
) | {IMPERSONAL_IL}  # an impersonal "il" ("il faut") is no parallel start
_INTERJECTIONS = frozenset("ha haha oh ah okay ok right anyway well allez awel bon ben bref voila oke".split())

PAIR = frozenset({"merged", "loose_pair", "punchline", "turn", "echo", "parallel", "link", "shift", "antithesis"})  # what joins two sentences


def is_negation(key: str, lex: Lexicon) -> bool:
    return key in lex.negations or key.startswith("n'") and lex.code in ("fr", "any")


def add_rhetoric(f, st: SpanText, parts: list[SpanText], lex: Lexicon) -> None:  # noqa: ANN001 - a Features
    """Contrast and antithesis, comparison, repetition and parallel form, triads, set-up and punchline."""
    contrast = _contrast(st, lex)
    f.set("contrast", 1.0 if contrast else 0.0, contrast)
    comp = st.positions("comparisons")
    f.set("comparison", 1.0 if len(comp) >= 2 else 0.0, " ... ".join(st.keys[i] for i in comp[:2]))
    said_again = set(restarts(st.keys)[0])  # a self-correction is not a rhetorical repetition
    once = [t for i, t in enumerate(st.tokens) if i not in said_again]
    keys = [t.key for t in once]
    stems = Counter(_stem(t) for t in once if _content(t))
    rep = _chiasmus(keys) or _word_of(once, next((s for s, c in stems.items() if c >= 2), ""))
    f.set("repetition", 1.0 if rep else 0.0, rep)
    counts = Counter(t.key for t in once if _content(t) and t.key not in lex.hedges)
    tri = [k for k, c in counts.items() if c >= 3]  # "like ... like ... like" or "deze" three times is no rhythm
    f.set("triad", 1.0 if tri and len(st) <= 32 else 0.0, tri[0] if tri else "")
    if len(parts) < 2 or not parts[0].tokens or not parts[-1].tokens:
        return
    a, b = parts[0], parts[-1]
    f.set("punchline", 1.0 if len(b) <= 10 and len(a) >= 6 else 0.0)
    neg_a = any(is_negation(k, lex) for k in a.keys)
    neg_b = any(is_negation(k, lex) for k in b.keys)
    shared = sorted({_stem(t) for t in a.tokens if _content(t)} & {_stem(t) for t in b.tokens if _content(t)})
    grams_a = {" ".join(a.keys[i : i + 2]) for i in range(len(a.keys) - 1)}
    grams_b = {" ".join(b.keys[i : i + 2]) for i in range(len(b.keys) - 1)}
    echo_words = _word_of(b.tokens, shared[0]) if shared else next(iter(sorted(grams_a & grams_b)), "")
    f.set("echo", 1.0 if echo_words else 0.0, echo_words)
    parallel = (a.keys[0] == b.keys[0] and a.keys[0] not in _FUNCTION) or a.keys[:2] == b.keys[:2]
    f.set("parallel", 1.0 if parallel else 0.0, " ".join(t.orig for t in b.tokens[:2]))
    link = (b.keys[0] in lex.context_openers or b.keys[0] in lex.subject_pronouns) and _antecedent(b.keys[0], a, lex)
    f.set("link", 1.0 if link else 0.0, b.tokens[0].orig)
    shift = b.keys[0] in lex.connectives or b.keys[0] in _INTERJECTIONS or b.has("greetings") or b.has("meta")
    f.set("shift", 1.0 if shift else 0.0, b.tokens[0].orig)
    marker = next((p for i, p in b.hits.get("turn_markers", []) if i <= 3), "")
    turned = neg_a != neg_b or bool(marker)
    f.set("turn", 1.0 if turned else 0.0, marker)
    f.set("antithesis", 1.0 if turned and (echo_words or link or parallel) else 0.0, echo_words or b.tokens[0].orig)
    # two sentences tied together (an echo, a parallel start, a link back, a turn marker, a short answer) or only
    # in a row: the fit weighs both
    bound = bool(echo_words or parallel or link or marker or _points_back(b, a, lex) or len(b) <= SHORT_ANSWER)
    f.set("merged", 1.0 if bound else 0.0)
    f.set("loose_pair", 0.0 if bound else 1.0)


SHORT_ANSWER = 4  # words: a second sentence this short answers the first ("Assumptions do.")
_POSSESSIVES = frozenset("their its his her hun zijn haar diens leur leurs son sa ses".split())
_SPEAKERS = frozenset("i you we ik je jij ge gij u wij jullie j tu nous vous on".split())  # point at us, not back


def _points_back(b: SpanText, a: SpanText, lex: Lexicon) -> bool:
    """One of the second sentence's first two words points back to the first - "It's the conversation.", "Their
    eyes go to the left.", "C'est ...", "Dat is ..." (a contraction read as its pronoun)."""
    for k in b.keys[:2]:
        head = k.split("'")[0]
        if {k, head, head + "'"} & (lex.context_openers | lex.subject_pronouns | _POSSESSIVES) and head not in _SPEAKERS:
            return _antecedent(head, a, lex)
    return False


_PERSON_NOUNS = frozenset("""man woman lady guy boy girl kid child children mother father mum mom dad son daughter
    wife husband colleague customer client patient driver boss manager nurse doctor teacher student apprentice
    operator supervisor engineer friend neighbour neighbor person people somebody someone grandmother grandfather""".split())


def _antecedent(first: str, a: SpanText, lex: Lexicon) -> bool:
    """An English "he"/"she" opening the second sentence needs someone in the first to point back to: "A storm tore
    down the barn. She called his name." is two sentences about different things, not an answer."""
    if lex.code != "en" or first not in ("he", "she", "his", "her", "him"):
        return True
    return (a.has("third_person") or any(k in _PERSON_NOUNS or k.rstrip("s") in _PERSON_NOUNS for k in a.keys)
            or any(t.orig[:1].isupper() and not t.starts_sentence and t.key != "i" for t in a.tokens))


def _word_of(tokens: Sequence[Token], stem: str) -> str:
    """The word as said for a stem found in `tokens` (a reason quotes what the speaker said, never a stem)."""
    return next((t.orig for t in tokens if _content(t) and _stem(t) == stem), stem) if stem else ""


def _chiasmus(keys: Sequence[str]) -> str:
    """A B ... B A: "ask not what your country can do for you, ask what you can do for your country"."""
    seen: dict[str, list[int]] = {}
    for i, k in enumerate(keys):
        if k not in _FUNCTION and len(k) >= 2:
            seen.setdefault(k, []).append(i)
    twice = {k: v for k, v in seen.items() if len(v) == 2}
    for a, (a1, a2) in twice.items():
        for b, (b1, b2) in twice.items():
            if a != b and a1 < b1 < b2 < a2:
                return f"{a} ... {b} ... {b} ... {a}"
    return ""


_PRONOUNS = frozenset("""our ours your yours their theirs them they she her his him you we
    onze ons jullie hun hen zij wij jij haar zijn uw
    notre nos votre vos leur leurs eux elle elles nous vous lui""".split())


def _content(t: Token) -> bool:
    """A word that counts when it comes back: not one of the few dozen commonest words of the language, nor a
    pronoun ("our team ... our customers" is no echo)."""
    return len(t.key) >= 3 and t.zipf < 6.3 and t.key not in _FUNCTION and t.key not in _PRONOUNS


def _stem(t: Token) -> str:
    return stem(t.key)


def stem(key: str) -> str:
    """A crude stem of a folded word, so "build" and "builds", "client" and "clients" count as the same word."""
    return key[:4] if len(key) > 4 else key


def _contrast(st: SpanText, lex: Lexicon) -> str:
    keys = st.keys
    negs = [i for i, k in enumerate(keys) if is_negation(k, lex)]
    turns = st.positions("contrast_turns")
    for i in negs:
        for j in turns:
            if j >= i + 2:
                return f"{keys[i]} ... {keys[j]}"
    if st.has("instead"):
        return st.first("instead")
    for i in negs:  # antithesis: the same word on both sides of the negation ("not a feature, it's a cost")
        if 1 <= i <= len(keys) - 2:
            before = {_stem(t) for t in st.tokens[:i] if _content(t)}
            after = {_stem(t) for t in st.tokens[i + 1 :] if _content(t)}
            both = before & after
            if both:  # quoted as said ("she'd ... never ... she'd"), never as the stem ("she'")
                same = sorted(both)[0]
                return f"{_word_of(st.tokens[:i], same)} ... {keys[i]} ... {_word_of(st.tokens[i + 1:], same)}"
    return ""
