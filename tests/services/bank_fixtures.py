"""Shared set-up for the bank service tests: a 30 s synthetic vlog with a scripted transcript."""

from __future__ import annotations

from tests.quotes.helpers import make_transcript

from vlogkit.config import Paths
from vlogkit.domain import ConsentScope, Speaker
from vlogkit.services import App
from vlogkit.services.library import ImportOptions
from vlogkit.transcribe.scripted import ScriptedTranscriber

VLOG_TEXT = """Hoi, ik ben Els, en ik neem dit op met mijn gsm.
Ik ben ervan overtuigd dat je dit werk niet doet voor het loon, maar voor het moment dat een patiënt je hand vastpakt.
De vergadering is donderdag om twee uur in zaal drie.
Niemand had het haar gevraagd, en toch was zij de eerste tegen wie hij weer iets zei.
Tot ziens!"""

SPEAKER = Speaker("Els Peeters", "Verpleegkundige", "Geriatrie", "AZ Sint-Jan")


CONVICTION = "Ik ben ervan overtuigd"  # the two lines an editor would pull from VLOG_TEXT
STORY = "Niemand had het haar gevraagd"


def rank_of(app, vlog_id: str, opening: str) -> int:  # noqa: ANN001
    """The finder's rank of the candidate that opens with `opening`: the bank tests are about the bank, not about
    which of the vlog's two good lines the finder puts first."""
    return next(c.rank for c in app.quotes.candidates(vlog_id) if c.text.startswith(opening))


def synth_vlog(synth):  # noqa: ANN001, ANN201
    return synth(
        "quotes_30s.mp4", "-f", "lavfi", "-i", "testsrc2=s=320x240:r=10:d=30", "-f", "lavfi", "-i", "sine=f=330:d=30",
        "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest",
    )


def make_app(home, video, consent: ConsentScope = ConsentScope.EXTERNAL, text: str = VLOG_TEXT,  # noqa: ANN001
             speaker: Speaker = SPEAKER, language: str = "nl"):  # noqa: ANN201
    transcript = make_transcript(text, language)
    app = App(Paths(home), transcriber=ScriptedTranscriber(transcript))
    r = app.library.import_file(video, ImportOptions(speaker=speaker, consent=consent, language=language))
    assert r.ok, r.error
    return app, r.vlog, transcript
