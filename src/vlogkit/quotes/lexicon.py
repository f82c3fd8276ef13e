"""Per-language word lists the scoring features look for. All entries are folded (lower-case, no accents).

Phrases are matched on whole folded tokens; a phrase "x y" matches the tokens x followed by y.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Lexicon:
    # a sentence opening with one of these leans on what came before
    dangling_openers: frozenset[str]
    # first-person conviction or experience
    conviction: tuple[str, ...]
    # general statements
    generals: frozenset[str]
    # contrast: (first part, second part) that must appear in this order, or single markers
    contrast_pairs: tuple[tuple[str, str], ...]
    contrast_markers: tuple[str, ...]
    # insight words: lessons, what matters
    insight: tuple[str, ...]
    # greetings, introductions and sign-offs
    greetings: tuple[str, ...]
    # talk about the recording itself
    meta: tuple[str, ...]
    # logistics: dates, times, schedules, practicalities
    logistics: tuple[str, ...]
    # negations that open an antithesis ("not X, but Y"; "don't look at X, look at Y")
    negations: frozenset[str] = frozenset()
    # lines that set up what follows rather than say it ("people ask me")
    setups: tuple[str, ...] = ()


EN = Lexicon(
    dangling_openers=frozenset(
        "and but so that it he she they them which because or also then anyway plus".split()
    ),
    conviction=(
        "i believe", "i think", "i really think", "i'm convinced", "i am convinced", "i'm proud", "i am proud",
        "i learned", "i've learned", "i have learned", "i realised", "i realized", "i love", "what i love",
        "for me", "to me", "i feel", "i know", "i'm sure", "i truly", "i honestly", "my favourite", "my favorite",
        "what i've seen", "i've seen", "we believe", "we learned", "we've learned", "i'll never forget",
        "honestly", "what i'm proudest of", "i'm proudest",
    ),
    generals=frozenset(
        "nobody everyone everybody always never nothing everything anyone whoever every none no-one".split()
    ),
    contrast_pairs=(
        ("not", "but"), ("isn't", "it's"), ("not", "it's"), ("isn't", "but"), ("not about", "it's about"), ("not about", "about"),
        ("wasn't", "it was"), ("don't", "but"), ("it's not", "it's"), ("less", "more"), ("instead of", ""),
        ("rather than", ""), ("more than", ""),
    ),
    contrast_markers=("instead", "rather than"),
    insight=(
        "the key", "the secret", "what matters", "the best", "the most important", "the difference", "lesson",
        "learned", "makes the difference", "the reason", "proud", "proudest", "trust", "matters", "the truth",
        "the thing that", "what makes", "the only",
        "the moment", "the real", "worth it", "difference", "together", "customers", "impact",
    ),
    greetings=(
        "hi", "hello", "hey", "good morning", "good afternoon", "my name is", "my name's", "i'm from",
        "welcome to", "bye", "goodbye", "see you", "see ya", "thanks for watching", "thank you for watching",
        "thanks everyone", "that's it", "that's all", "take care", "cheers", "talk soon", "any questions",
        "let me know", "ping me",
    ),
    meta=(
        "recording", "record", "camera", "video", "vlog", "microphone", "mic", "filming", "my phone",
        "webcam", "sound", "audio", "wobbly", "background", "can you hear", "on screen", "take two",
    ),
    logistics=(
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "tomorrow", "yesterday",
        "today", "next week", "last week", "o'clock", "january", "february", "march", "april",
        "june", "july", "august", "september", "october", "november", "december", "meeting", "deadline",
        "schedule", "agenda", "meeting room", "parking", "lunch", "calendar", "reminder", "sign up", "register",
        "link", "email", "slot", "invite", "car park", "canteen", "update", "slides", "shared drive", "folder",
    ),
    negations=frozenset("not don't doesn't isn't wasn't aren't never can't won't".split()),
    setups=("people ask me", "people always ask me", "people often ask me", "a question i get", "i get asked"),
)

NL = Lexicon(
    dangling_openers=frozenset(
        "en maar dus dat dit die hij zij ze hen want of ook dan daarom daarna trouwens".split()
    ),
    conviction=(
        "ik geloof", "ik denk", "ik vind", "ik ben ervan overtuigd", "ik ben overtuigd", "ik ben trots",
        "ik heb geleerd", "ik leerde", "ik besefte", "ik hou van", "ik houd van", "wat ik", "voor mij",
        "ik voel", "ik weet", "ik ben zeker", "eerlijk gezegd", "we geloven", "we hebben geleerd",
        "ik zal nooit vergeten",
    ),
    generals=frozenset("niemand iedereen altijd nooit niets alles iemand elke elk ieder".split()),
    contrast_pairs=(
        ("niet", "maar"), ("geen", "maar"), ("niet om", "erom"), ("niet om", "het gaat"), ("gaat niet over", "over"), ("niet om", "om"), ("minder", "meer"),
        ("in plaats van", ""), ("eerder dan", ""), ("meer dan", ""),
    ),
    contrast_markers=("in plaats van",),
    insight=(
        "het belangrijkste", "de sleutel", "het geheim", "wat telt", "het verschil", "de beste", "les",
        "geleerd", "trots", "vertrouwen", "verschil", "samen", "klanten", "impact", "de reden",
        "de waarheid", "het moment", "de moeite",
    ),
    greetings=(
        "hallo", "hoi", "hey", "goeiemorgen", "goedemorgen", "goedemiddag", "mijn naam is",
        "ik heet", "welkom bij", "tot ziens", "tot de volgende", "tot straks", "doei", "bedankt voor het kijken",
        "dat was het", "dat was het zo'n beetje", "daag", "salut", "stuur me",
    ),
    meta=(
        "opnemen", "opname", "camera", "video", "vlog", "filmpje", "microfoon", "filmen", "gsm", "mijn telefoon",
        "webcam", "geluid", "wiebelt", "achtergrond", "hoor je me", "in beeld",
    ),
    logistics=(
        "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag", "morgen", "gisteren",
        "vandaag", "volgende week", "vorige week", "uur", "januari", "februari", "maart", "april", "mei",
        "juni", "juli", "augustus", "september", "oktober", "november", "december", "vergadering", "deadline",
        "planning", "agenda", "zaal", "lokaal", "parking", "lunch", "kalender", "inschrijven", "link", "mail",
        "teams", "uitnodiging", "shift", "ploeg", "gebouw",
    ),
    negations=frozenset("niet geen nooit".split()),
    setups=("mensen vragen me", "mensen vragen mij", "ik krijg vaak de vraag", "vragen me vaak"),
)

FR = Lexicon(
    dangling_openers=frozenset(
        "et mais donc ca cela il elle ils elles qui que parce ou aussi puis alors bref enfin".split()
    ),
    conviction=(
        "je crois", "je pense", "je suis convaincu", "je suis convaincue", "je suis fier", "je suis fiere",
        "j'ai appris", "j'ai compris", "je me suis rendu compte", "j'adore", "ce que j'aime", "pour moi",
        "je sens", "je sais", "je suis sur", "je suis sure", "honnetement", "nous croyons", "on a appris",
        "je n'oublierai jamais",
    ),
    generals=frozenset({"personne", "toujours", "jamais", "rien", "chacun", "chaque", "tout le monde"}),
    contrast_pairs=(
        ("pas", "mais"), ("ne", "mais"), ("pas une question de", "mais"), ("moins", "plus"),
        ("au lieu de", ""), ("plutot que", ""), ("plus que", ""), ("ce n'est pas", "c'est"),
    ),
    contrast_markers=("au lieu de", "plutot que"),
    insight=(
        "la cle", "le secret", "ce qui compte", "la difference", "le meilleur", "la meilleure", "le plus important",
        "lecon", "appris", "fier", "fiere", "confiance", "le plus beau", "ensemble", "clients", "impact", "la raison",
        "la verite", "le moment", "la peine",
    ),
    greetings=(
        "bonjour", "salut", "coucou", "bonsoir", "je m'appelle", "mon nom est", "bienvenue dans",
        "au revoir", "a bientot", "a la prochaine", "a plus", "merci d'avoir regarde", "merci de m'avoir",
        "c'est tout", "voila c'est tout", "bonne journee", "ciao", "n'hesitez pas",
    ),
    meta=(
        "enregistre", "enregistrer", "enregistrement", "camera", "video", "vlog", "micro", "microphone", "filme",
        "filmer", "mon telephone", "mon portable", "webcam", "bouge", "arriere-plan", "vous m'entendez",
    ),
    logistics=(
        "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "demain", "hier",
        "aujourd'hui", "la semaine prochaine", "la semaine derniere", "heures", "heure", "janvier", "fevrier",
        "mars", "avril", "mai", "juin", "juillet", "aout", "septembre", "octobre", "novembre", "decembre",
        "reunion", "deadline", "planning", "agenda", "salle", "parking", "dejeuner", "calendrier", "inscrire",
        "lien", "mail", "teams", "invitation", "equipe de nuit", "batiment", "creneau",
    ),
    negations=frozenset("pas jamais".split()),
    setups=("on me demande", "les gens me demandent", "on me pose souvent"),
)

LEXICONS = {"en": EN, "nl": NL, "fr": FR}


def _merge(*lexes: Lexicon) -> Lexicon:
    def tup(name: str) -> tuple[str, ...]:
        seen: dict[str, None] = {}
        for lx in lexes:
            for item in getattr(lx, name):
                seen[item] = None
        return tuple(seen)

    return Lexicon(
        dangling_openers=frozenset().union(*(lx.dangling_openers for lx in lexes)),
        conviction=tup("conviction"),
        generals=frozenset().union(*(lx.generals for lx in lexes)),
        contrast_pairs=tup("contrast_pairs"),  # type: ignore[arg-type]
        contrast_markers=tup("contrast_markers"),
        insight=tup("insight"),
        greetings=tup("greetings"),
        meta=tup("meta"),
        logistics=tup("logistics"),
        negations=frozenset().union(*(lx.negations for lx in lexes)),
        setups=tup("setups"),
    )


ANY = _merge(EN, NL, FR)


def lexicon_for(language: str) -> Lexicon:
    """The word lists for a Whisper language code; other or unknown languages get all three merged."""
    return LEXICONS.get((language or "").lower()[:2], ANY)
