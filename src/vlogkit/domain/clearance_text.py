"""The clearance rule's refusal messages, written once, in English, Dutch and French.

A message is "<subject head>: <reason>." - the head names the vlog or quote, the reason says why. The CLI adds the
hint (what to type to fix it); the GUI shows the message in the UI language. Keys in braces are filled from the
refusal's parameters: id (vlog), who (" (Name)" or ""), qid, other, date, audience, problem.
"""

from __future__ import annotations

LANGS = ("en", "nl", "fr")

_HEADS: dict[str, dict[str, str]] = {
    "vlog": {
        "en": "Vlog {id}{who} may not be exported",
        "nl": "Vlog {id}{who} mag niet geëxporteerd worden",
        "fr": "Le vlog {id}{who} ne peut pas être exporté",
    },
    "quote": {
        "en": "Quote {qid}{who} may not be exported",
        "nl": "Citaat {qid}{who} mag niet geëxporteerd worden",
        "fr": "La citation {qid}{who} ne peut pas être exportée",
    },
    "none": {
        "en": "Nothing may be exported",
        "nl": "Er mag niets geëxporteerd worden",
        "fr": "Rien ne peut être exporté",
    },
}

_REASONS: dict[str, dict[str, str]] = {
    "unknown_audience": {
        "en": "'{audience}' is not an audience (use internal or external)",
        "nl": "'{audience}' is geen publiek (kies intern of extern)",
        "fr": "« {audience} » n'est pas un public (choisissez interne ou externe)",
    },
    "no_consent": {
        "en": "no consent recorded",
        "nl": "er is geen toestemming vastgelegd",
        "fr": "aucun consentement n'est enregistré",
    },
    "withdrawn": {
        "en": "consent withdrawn on {date}",
        "nl": "toestemming ingetrokken op {date}",
        "fr": "consentement retiré le {date}",
    },
    "expired": {
        "en": "consent expired on {date}",
        "nl": "toestemming verlopen op {date}",
        "fr": "consentement expiré le {date}",
    },
    "consent_unreadable": {
        "en": "its consent record cannot be read ({problem})",
        "nl": "de toestemming kan niet gelezen worden ({problem})",
        "fr": "l'enregistrement du consentement est illisible ({problem})",
    },
    "consent_unknown": {
        "en": "its vlog is not in this library, so its consent is unknown",
        "nl": "de vlog staat niet in deze bibliotheek, dus de toestemming is onbekend",
        "fr": "son vlog n'est pas dans cette bibliothèque : le consentement est inconnu",
    },
    "vlog_not_local": {
        "en": "external use needs its vlog in this library with external consent (a shared file's claim is not "
              "enough)",
        "nl": "extern gebruik vraagt de vlog in deze bibliotheek met externe toestemming (wat een gedeeld bestand "
              "beweert, volstaat niet)",
        "fr": "l'usage externe exige son vlog dans cette bibliothèque avec un consentement externe (ce qu'affirme "
              "un fichier partagé ne suffit pas)",
    },
    "internal_only": {
        "en": "consent is for internal use only, not for an external audience",
        "nl": "de toestemming geldt alleen voor intern gebruik, niet voor een extern publiek",
        "fr": "le consentement vaut pour un usage interne seulement, pas pour un public externe",
    },
    "quote_capped_none": {
        "en": "consent set to none on this quote",
        "nl": "de toestemming van dit citaat staat op geen",
        "fr": "le consentement de cette citation est à aucun",
    },
    "quote_internal_only": {
        "en": "this quote is cleared for internal use only",
        "nl": "dit citaat is alleen vrijgegeven voor intern gebruik",
        "fr": "cette citation n'est autorisée qu'en interne",
    },
    "quote_rejected": {
        "en": "it was rejected in review",
        "nl": "het is afgewezen bij de controle",
        "fr": "elle a été rejetée à la relecture",
    },
    "quote_not_approved": {
        "en": "not approved yet (external use takes approved quotes only)",
        "nl": "nog niet goedgekeurd (extern gebruik vraagt goedgekeurde citaten)",
        "fr": "pas encore approuvée (l'usage externe n'accepte que les citations approuvées)",
    },
    "wrong_vlog": {
        "en": "it belongs to vlog {other}, not {id}",
        "nl": "het hoort bij vlog {other}, niet bij {id}",
        "fr": "elle appartient au vlog {other}, pas à {id}",
    },
    "unknown_value": {
        "en": "it holds a value vlogkit does not know ({problem})",
        "nl": "het bevat een waarde die vlogkit niet kent ({problem})",
        "fr": "il contient une valeur que vlogkit ne connaît pas ({problem})",
    },
    "forgotten": {
        "en": "the person was forgotten (right to be forgotten): nothing of theirs may come back",
        "nl": "de persoon is vergeten (recht op vergetelheid): niets van hen mag terugkomen",
        "fr": "la personne a été oubliée (droit à l'oubli) : rien d'elle ne peut revenir",
    },
}

_HINTS: dict[str, str] = {
    "unknown_audience": "",
    "no_consent": "record it first with `vlogkit edit {id} --consent internal` (or external)",
    "withdrawn": "if the person agrees again, record it with `vlogkit edit {id} --consent internal` (or external); "
                 "`vlogkit log {id}` lists what was exported before",
    "expired": "if the person agrees again, renew it with `vlogkit edit {id} --consent-expires YYYY-MM-DD`",
    "consent_unreadable": "record the consent again with `vlogkit edit {id} --consent ...`",
    "consent_unknown": "import the vlog into this library and record its consent",
    "vlog_not_local": "import the vlog into this library and record its external consent, or export with "
                      "--audience internal",
    "internal_only": "export with --audience internal, or record external consent with "
                     "`vlogkit edit {id} --consent external`",
    "quote_capped_none": "the quote's consent can only be narrowed; save the line again if it was a mistake",
    "quote_internal_only": "export with --audience internal",
    "quote_rejected": "`vlogkit bank approve {qid}` if it was rejected by mistake",
    "quote_not_approved": "review {qid}, then `vlogkit bank approve {qid}`",
    "wrong_vlog": "`vlogkit export {other} --quote {qid}`",
    "unknown_value": "fix or remove the record",
    "forgotten": "",
}

CODES = frozenset(_REASONS)


def _fill(template: str, params: dict[str, str]) -> str:
    class _Keep(dict[str, str]):
        def __missing__(self, key: str) -> str:
            return "?" if key != "who" else ""

    return template.format_map(_Keep(params))


def _lang(lang: str) -> str:
    return lang if lang in LANGS else "en"


def reason_for(code: str, params: dict[str, str], lang: str = "en") -> str:
    return _fill(_REASONS[code][_lang(lang)], params)


def message_for(code: str, params: dict[str, str], lang: str = "en") -> str:
    kind = "quote" if "qid" in params else "vlog" if "id" in params else "none"
    colon = " : " if _lang(lang) == "fr" else ": "
    return f"{_fill(_HEADS[kind][_lang(lang)], params)}{colon}{reason_for(code, params, lang)}."


def hint_for(code: str, params: dict[str, str]) -> str:
    hint = _HINTS.get(code, "")
    return _fill(hint, params) if hint else ""


__all__ = ["CODES", "LANGS", "hint_for", "message_for", "reason_for"]
