"""Why the quote finder scored a line, in the UI language: one template per stable reason `code`.

`quotes/features.py` gives each reason a stable code and an English text with the numbers and the quoted words in it.
The UI translates by the code: the template's `{fields}` are read back from the English text with a pattern made for
that code. Quoted words stay as spoken. An unknown code, or a text the pattern no longer reads, shows the English text.
"""

from __future__ import annotations

import re
from typing import Any

from vlogkit.ui.i18n import N_, tr

_QUOTED = r"'(?P<words>.*)'"

# code -> (English pattern of the finder's text, template in the catalogue)
REASON_TEMPLATES: dict[str, tuple[str, str]] = {
    "too_short": (r"too short \((?P<n>\d+) words\)", N_("too short ({n} words)")),
    "too_long": (r"too long \((?P<n>\d+) words, (?P<s>[\d.]+) s\)", N_("too long ({n} words, {s} s)")),
    "short": (r"short \((?P<n>\d+) words, (?P<s>[\d.]+) s\)", N_("short ({n} words, {s} s)")),
    "good_length": (r"good length \((?P<n>\d+) words, (?P<s>[\d.]+) s\)", N_("good length ({n} words, {s} s)")),
    "dangling_opener": (rf"opens with {_QUOTED}", N_("opens with '{words}'")),
    "self_contained": (r"self-contained", N_("self-contained")),
    "trails_off": (rf"trails off with {_QUOTED}", N_("trails off with '{words}'")),
    "conviction": (rf"first-person conviction \({_QUOTED}\)", N_("first-person conviction ('{words}')")),
    "general": (rf"general statement \({_QUOTED}\)", N_("general statement ('{words}')")),
    "contrast": (rf"strong contrast \({_QUOTED}\)", N_("strong contrast ('{words}')")),
    "insight": (rf"insight \({_QUOTED}\)", N_("insight ('{words}')")),
    "no_stance": (r"a plain statement: no stance, contrast or insight",
                  N_("a plain statement: no stance, contrast or insight")),
    "greeting": (rf"greeting or sign-off \({_QUOTED}\)", N_("greeting or sign-off ('{words}')")),
    "setup": (rf"sets up what follows \({_QUOTED}\)", N_("sets up what follows ('{words}')")),
    "meta": (rf"talks about the recording \({_QUOTED}\)", N_("talks about the recording ('{words}')")),
    "logistics": (rf"logistics or schedule \({_QUOTED}\)", N_("logistics or schedule ('{words}')")),
    "question": (r"a question", N_("a question")),
    "fillers": (r"many fillers \((?P<n>\d+) of (?P<total>\d+) words\)", N_("many fillers ({n} of {total} words)")),
    "low_confidence": (r"low recognition confidence \((?P<pct>\d+)%, (?P<n>\d+) unsure words\)",
                       N_("low recognition confidence ({pct}%, {n} unsure words)")),
    "merged": (r"two sentences that work better together", N_("two sentences that work better together")),
}

# whether a reason speaks for the line (+1) or against it (-1); unknown codes are neutral
REASON_TONE: dict[str, int] = {
    "good_length": 1, "self_contained": 1, "conviction": 1, "general": 1, "contrast": 1, "insight": 1, "merged": 1,
    "too_short": -1, "too_long": -1, "dangling_opener": -1, "trails_off": -1, "no_stance": -1, "greeting": -1,
    "setup": -1, "meta": -1, "logistics": -1, "question": -1, "fillers": -1, "low_confidence": -1,
}

_COMPILED = {code: re.compile(pattern + r"\Z", re.S) for code, (pattern, _t) in REASON_TEMPLATES.items()}


def reason_tone(reason: Any) -> int:
    code = reason.get("code", "") if isinstance(reason, dict) else getattr(reason, "code", "")
    return REASON_TONE.get(str(code), 0)


def reason_text(reason: Any) -> str:
    """A `Reason(code, text)` (or its dict) in the UI language."""
    code, text = (reason.get("code", ""), reason.get("text", "")) if isinstance(reason, dict) else \
        (getattr(reason, "code", ""), getattr(reason, "text", ""))
    code, text = str(code), str(text)
    if code not in REASON_TEMPLATES:
        return text
    found = _COMPILED[code].match(text)
    if found is None:  # the finder's wording changed: English beats a wrong translation
        return text
    return tr(REASON_TEMPLATES[code][1], **found.groupdict())
