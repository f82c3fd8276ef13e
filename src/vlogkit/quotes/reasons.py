"""Why a line scored as it did, as a plain phrase in the vlog's language (English, Dutch, French).

One entry per feature code: `{w}` is what the feature found (the words as spoken, or a number). Unknown languages
read English. The app shows a reason in its own UI language with `phrase(code, ui_language, reason.words)`.
"""

from __future__ import annotations

import re

# code -> (English, Dutch, French)
TEMPLATES: dict[str, tuple[str, str, str]] = {
    "distinct": ("distinctive words ('{w}')", "opvallende woorden ('{w}')", "des mots marquants ('{w}')"),
    "common": ("everyday words around them", "alledaagse woorden errond", "des mots de tous les jours autour"),
    "unknown": ("unfamiliar words or jargon ('{w}')", "onbekende woorden of vakjargon ('{w}')",
                "des mots inconnus ou du jargon ('{w}')"),
    "names": ("names of people, products or places ('{w}')", "namen van mensen, producten of plaatsen ('{w}')",
              "des noms de personnes, de produits ou de lieux ('{w}')"),
    "figures": ("figures ('{w}')", "cijfers ('{w}')", "des chiffres ('{w}')"),
    "time": ("a date or time ('{w}')", "een datum of tijdstip ('{w}')", "une date ou une heure ('{w}')"),
    "place": ("a place ('{w}')", "een plaats ('{w}')", "un lieu ('{w}')"),
    "tool": ("a tool or system ('{w}')", "een tool of systeem ('{w}')", "un outil ou un système ('{w}')"),
    "booking": ("logistics ('{w}')", "logistiek ('{w}')", "de la logistique ('{w}')"),
    "status": ("a status update ('{w}')", "een stand van zaken ('{w}')", "un point de situation ('{w}')"),
    "future": ("an announcement ('{w}')", "een aankondiging ('{w}')", "une annonce ('{w}')"),
    "plan": ("a plan with a date ('{w}')", "een plan met een datum ('{w}')", "un projet daté ('{w}')"),
    "greeting": ("greeting or sign-off ('{w}')", "begroeting of afsluiter ('{w}')",
                 "salutation ou formule de fin ('{w}')"),
    "meta": ("talks about the recording ('{w}')", "gaat over de opname ('{w}')", "parle de l'enregistrement ('{w}')"),
    "request": ("asks the viewers for something ('{w}')", "vraagt de kijkers iets ('{w}')",
                "demande quelque chose au public ('{w}')"),
    "cliche": ("a cliché ('{w}')", "een cliché ('{w}')", "un cliché ('{w}')"),
    "setup": ("sets up what follows ('{w}')", "leidt iets in ('{w}')", "annonce la suite ('{w}')"),
    "question": ("a question ('{w}')", "een vraag ('{w}')", "une question ('{w}')"),
    "question_mark": ("ends with a question mark", "eindigt op een vraagteken", "finit par un point d'interrogation"),
    "context_open": ("opens with '{w}', which points back", "begint met '{w}', dat terugverwijst",
                     "commence par '{w}', qui renvoie à ce qui précède"),
    "context_phrase": ("leans on what came before ('{w}')", "leunt op wat voorafging ('{w}')",
                       "s'appuie sur ce qui précède ('{w}')"),
    "connective": ("started with '{w}' (left out)", "begon met '{w}' (weggelaten)", "commençait par '{w}' (retiré)"),
    "conviction": ("first-person conviction ('{w}')", "overtuiging in de ik-vorm ('{w}')",
                   "conviction à la première personne ('{w}')"),
    "people": ("about people in general ('{w}')", "over mensen in het algemeen ('{w}')",
               "parle des gens en général ('{w}')"),
    "first_person": ("about the speaker", "over de spreker zelf", "parle de soi"),
    "third_person": ("about one other person ('{w}')", "over één andere persoon ('{w}')",
                     "parle d'une autre personne ('{w}')"),
    "past": ("tells what happened ('{w}')", "vertelt wat er gebeurde ('{w}')", "raconte ce qui s'est passé ('{w}')"),
    "present": ("present tense", "tegenwoordige tijd", "au présent"),
    "generic_subject": ("a general subject ('{w}')", "een algemeen onderwerp ('{w}')", "un sujet général ('{w}')"),
    "absolute": ("an absolute ('{w}')", "een absolute uitspraak ('{w}')", "un absolu ('{w}')"),
    "superlative": ("a superlative ('{w}')", "een overtreffende trap ('{w}')", "un superlatif ('{w}')"),
    "insight": ("insight ('{w}')", "inzicht ('{w}')", "idée clé ('{w}')"),
    "imperative": ("speaks to the listener ('{w}')", "spreekt de luisteraar aan ('{w}')",
                   "s'adresse à l'auditeur ('{w}')"),
    "simile": ("a comparison ('{w}')", "een vergelijking ('{w}')", "une comparaison imagée ('{w}')"),
    "concrete": ("concrete words you can see or hear ('{w}')", "concrete woorden die je ziet of hoort ('{w}')",
                 "des mots concrets, qu'on voit ou entend ('{w}')"),
    "emotion": ("feeling ('{w}')", "gevoel ('{w}')", "de l'émotion ('{w}')"),
    "intensifier": ("an intensifier ('{w}')", "een versterkend woord ('{w}')", "un mot d'insistance ('{w}')"),
    "hedge": ("hedging ('{w}')", "voorbehoud ('{w}')", "des hésitations ('{w}')"),
    "contrast": ("strong contrast ('{w}')", "sterk contrast ('{w}')", "contraste fort ('{w}')"),
    "comparison": ("a weighing of more and less ('{w}')", "een afweging van meer en minder ('{w}')",
                   "une pesée du plus et du moins ('{w}')"),
    "repetition": ("a word that comes back ('{w}')", "een woord dat terugkomt ('{w}')", "un mot qui revient ('{w}')"),
    "triad": ("a rhythm of three ('{w}')", "een ritme van drie ('{w}')", "un rythme à trois temps ('{w}')"),
    "merged": ("two sentences that belong together", "twee zinnen die bij elkaar horen",
               "deux phrases qui vont ensemble"),
    "loose_pair": ("two sentences in a row: editors often pull a pair",
                   "twee zinnen na elkaar: redacteurs kiezen vaak een paar",
                   "deux phrases de suite : un éditeur en retient souvent deux"),
    "punchline": ("a set-up and a short punchline", "een aanloop en een korte clou",
                  "une mise en place et une chute courte"),
    "turn": ("the second sentence turns the first around ('{w}')", "de tweede zin draait de eerste om ('{w}')",
             "la deuxième phrase retourne la première ('{w}')"),
    "echo": ("the two sentences echo each other ('{w}')", "de twee zinnen echoën elkaar ('{w}')",
             "les deux phrases se répondent ('{w}')"),
    "parallel": ("the two sentences start alike ('{w}')", "de twee zinnen beginnen gelijk ('{w}')",
                 "les deux phrases commencent pareil ('{w}')"),
    "link": ("the second sentence answers the first ('{w}')", "de tweede zin antwoordt op de eerste ('{w}')",
             "la deuxième phrase répond à la première ('{w}')"),
    "shift": ("the second sentence changes the subject ('{w}')", "de tweede zin verandert van onderwerp ('{w}')",
              "la deuxième phrase change de sujet ('{w}')"),
    "hearsay": ("reports what everybody says ('{w}')", "geeft weer wat iedereen zegt ('{w}')",
                "rapporte ce que tout le monde dit ('{w}')"),
    "antithesis": ("the second sentence answers the first with a twist ('{w}')",
                   "de tweede zin beantwoordt de eerste met een wending ('{w}')",
                   "la deuxième phrase répond à la première par un retournement ('{w}')"),
    "short": ("short ({w} words)", "kort ({w} woorden)", "courte ({w} mots)"),
    "long": ("long ({w} words)", "lang ({w} woorden)", "longue ({w} mots)"),
    "slow": ("long to play ({w} s)", "lang om af te spelen ({w} s)", "longue à écouter ({w} s)"),
    "fillers": ("many fillers ({w} words)", "veel stopwoorden ({w} woorden)", "beaucoup d'hésitations ({w} mots)"),
    "low_confidence": ("low recognition confidence ({w})", "lage herkenningszekerheid ({w})",
               "reconnaissance peu sûre ({w})"),
    "restart": ("the speaker starts over ('{w}')", "de spreker begint opnieuw ('{w}')", "le locuteur se reprend ('{w}')"),
    "doubled": ("a word said twice for emphasis ('{w}')", "een woord twee keer gezegd, met nadruk ('{w}')",
                "un mot répété pour insister ('{w}')"),
    "definition": ("says what something is ('{w}')", "zegt wat iets is ('{w}')", "dit ce qu'une chose est ('{w}')"),
    "values": ("company-value words ('{w}')", "woorden over bedrijfswaarden ('{w}')",
               "des mots de valeurs d'entreprise ('{w}')"),
    "no_specifics": ("no names, figures, dates or places", "geen namen, cijfers, data of plaatsen",
                     "ni noms, ni chiffres, ni dates, ni lieux"),
    "quotable_words": ("phrased the way quotable lines are ('{w}')", "klinkt als een citeerbare zin ('{w}')",
                       "sonne comme une phrase citable ('{w}')"),
    "plain_words": ("phrased the way everyday updates are ('{w}')", "klinkt als een alledaagse mededeling ('{w}')",
                    "sonne comme une annonce ordinaire ('{w}')"),
    "fragment": ("one of the two sentences is a fragment ({w} words)", "een van de twee zinnen is een flard ({w} woorden)",
                 "une des deux phrases est un fragment ({w} mots)"),
    "neighbour": ("said right next to line {w}, listed higher: the list spreads its picks over the vlog",
                  "vlak naast zin {w}, die hoger staat: de lijst spreidt haar keuzes over de vlog",
                  "juste à côté de la phrase {w}, mieux classée : la liste répartit ses choix sur le vlog"),
    "edge": ("at the very start or end of the vlog", "helemaal aan het begin of einde van de vlog",
             "tout au début ou à la fin du vlog"),
}

_COLUMN = {"en": 0, "nl": 1, "fr": 2}
_A_WORD = {"en": "a word", "nl": "een woord", "fr": "un mot"}


def phrase(code: str, language: str, found: str = "") -> str:
    """The reason for `code` in `language` (English for others), with what was found filled in."""
    texts = TEMPLATES.get(code)
    if texts is None:
        return code
    template = texts[_COLUMN.get((language or "").lower()[:2], 0)]
    if not found.strip():  # nothing to quote: no empty "('')"
        template = re.sub(r"\s*\([^()]*\{w\}[^()]*\)", "", template)
        template = template.replace("'{w}'", _A_WORD.get((language or "").lower()[:2], "a word"))
    return template.replace("{w}", found)


def reason_in(code: str, text: str, words: str, language: str) -> str:
    """A reason the finder gave (its code, its text in the vlog's language, the words it found) said in `language`;
    a code it no longer knows, or a reason an older finder cached with its words only inside its text, as it came."""
    template = TEMPLATES.get(code)
    if template is None or ("{w}" in template[0] and not words and "('" in text):
        return text
    return phrase(code, language, words)
