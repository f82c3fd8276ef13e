"""The activity log's details ("consent internal -> external, given 2026-11-02, recorded by Els") in the UI language.

The log is an audit record: the services write its details in English, and `vlogkit log` prints them as written.
The Activity dialog shows each detail through `activity_detail`, which knows the shapes the services write; a detail
it does not know (a refusal's own words, a setting's value) is shown unchanged. Names, dates, file names and ids stay
as written.
"""

from __future__ import annotations

import re

from vlogkit.catalogue import VALUE_WORDS
from vlogkit.ui.i18n import N_, tr, tr_known

# the values the details carry: consent scopes, quote reviews, how far a package is trusted
_WORDS = {
    **VALUE_WORDS,
    "team": N_("our team"), "foreign": N_("another team"), "unsigned": N_("unsigned"), "unknown": N_("unknown"),
}
_VALUES = frozenset({"a", "b", "scope", "trust", "sender"})  # fields whose value is one of _WORDS

_FIXED = frozenset({N_("signed with the team key"), N_("unsigned (no team key set)")})

_PACKAGE = r"(?P<name>.+) from (?P<sender>.+) \((?P<trust>team|foreign|unsigned)\)"
_PATTERNS = (
    (re.compile(r"quote (?P<id>\S+): (?P<a>\w+) -> (?P<b>\w+)"), N_("quote {id}: {a} → {b}")),
    (re.compile(r"consent (?P<a>\w+) -> (?P<b>\w+), given (?P<date>[^,]+), expires (?P<until>[^,]+), "
                r"recorded by (?P<who>.+)"),
     N_("consent {a} → {b}, given {date}, until {until}, recorded by {who}")),
    (re.compile(r"consent (?P<a>\w+) -> (?P<b>\w+), given (?P<date>[^,]+), recorded by (?P<who>.+)"),
     N_("consent {a} → {b}, given {date}, recorded by {who}")),
    (re.compile(_PACKAGE + r"; consent as given: (?P<scope>\w+)"),
     N_("{name} from {sender} ({trust}); consent as given: {scope}")),
    (re.compile(_PACKAGE + r"; consent none until confirmed \(claimed (?P<scope>\w+)\)"),
     N_("{name} from {sender} ({trust}); no consent until confirmed (it claims {scope})")),
    (re.compile(r"taken over from " + _PACKAGE + r": (?P<scope>\w+)"),
     N_("taken over from {name} from {sender} ({trust}): {scope}")),
    (re.compile(r"confirmed the package's consent: (?P<scope>\w+)"), N_("confirmed the package's consent: {scope}")),
    (re.compile(r"transcript text, (?P<n>\d+) characters"), N_("transcript text, {n} characters")),
    (re.compile(r"incomplete: (?P<a_n>\d+) of (?P<b_n>\d+) card\(s\) written before the export stopped"),
     N_("incomplete: {a_n} of {b_n} cards written before the export stopped")),
    (re.compile(r"removed (?P<a_n>\d+) item\(s\), rebuilt (?P<b_n>\d+), (?P<c_n>\d+) shared file\(s\) to rebuild"),
     N_("items removed: {a_n}, rebuilt: {b_n}, shared files to rebuild: {c_n}")),
)


def _value(field: str, value: str) -> str:
    return tr(_WORDS[value]) if field in _VALUES and value in _WORDS else value


def activity_detail(detail: str) -> str:
    """`detail` in the UI language when the services wrote it in a shape this knows; unchanged otherwise."""
    return tr_known(detail, _FIXED, _PATTERNS, _value)
