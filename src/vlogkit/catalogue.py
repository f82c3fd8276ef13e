"""The Dutch and French texts of `resources/i18n/<code>.json`, Qt-free: the app's UI reads them (`vlogkit.ui.i18n`),
and so do the files vlogkit writes for people to show - a deck's title slide is in the app's language."""

from __future__ import annotations

import json
from functools import lru_cache

from vlogkit.errors import N_
from vlogkit.resources import resource

# the values a consent scope and a quote's review take, as people read them (the files vlogkit writes, the Activity
# dialog): each said in a language with `say`
VALUE_WORDS = {
    "none": N_("none"), "internal": N_("internal"), "external": N_("external"),
    "candidate": N_("candidate"), "approved": N_("approved"), "rejected": N_("rejected"),
}


@lru_cache(maxsize=4)
def catalogue(code: str) -> dict[str, str]:
    """English source text -> its translation in `code` (empty for English, or a catalogue that cannot be read)."""
    if code == "en":
        return {}
    try:
        data = json.loads(resource("i18n", f"{code}.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {str(k): str(v) for k, v in data.items() if v}


def say(text: str, language: str, /, **fields: object) -> str:
    """`text` (an `N_()`-marked English text) in `language`, its `{fields}` filled in after translating."""
    out = catalogue(language).get(text, text)
    return out.format(**fields) if fields else out
