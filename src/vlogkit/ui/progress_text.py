"""The services' progress lines ("Measuring loudness", "Transcribing (nl)") in the UI language.

Jobs report progress in English (the CLI prints it as is); the jobs panel shows each line through `progress_text`,
which knows the fixed lines and the few that carry a number or a name. A line it does not know is shown unchanged.
"""

from __future__ import annotations

import re

from vlogkit.ui.i18n import N_, tr_known

_FIXED = frozenset({
    N_("Loading the Whisper model"), N_("Reading the audio"), N_("Identifying languages"), N_("Detecting speech"),
    N_("Transcribed"), N_("From the cache"), N_("Finding quotes"), N_("Preparing"), N_("Finding faces"),
    N_("Faces found"), N_("Measuring loudness"), N_("Rendering"), N_("Exported"), N_("Thumbnail"), N_("Imported"),
    N_("Packing"), N_("Packed"), N_("Checking the package"), N_("Copying the video into the library"),
    N_("Writing the deck"), N_("Saving the take"), N_("Kept"), N_("Waveform"),
})

_PATTERNS = (
    (re.compile(r"Identifying languages \((?P<a>\d+)/(?P<b>\d+)\)"), N_("Identifying languages ({a}/{b})")),
    (re.compile(r"Transcribing \((?P<lang>[\w-]+)\)"), N_("Transcribing ({lang})")),
    (re.compile(r"Transcribing (?P<id>\S+) first \(it has no transcript yet\)"),
     N_("Transcribing {id} first (it has no transcript yet)")),
    (re.compile(r"(?P<n>\d+) candidates"), N_("{n} candidates")),
    (re.compile(r"Card (?P<a>\d+) of (?P<b>\d+)"), N_("Card {a} of {b}")),
    (re.compile(r"Slide (?P<a>\d+) of (?P<b>\d+)"), N_("Slide {a} of {b}")),
    (re.compile(r"Copying (?P<name>.+) to the team's media folder"), N_("Copying {name} to the team's media folder")),
    (re.compile(r"Copying (?P<name>.+)"), N_("Copying {name}")),
    (re.compile(r"Probing (?P<name>.+)"), N_("Probing {name}")),
)


def progress_text(message: str) -> str:
    """`message` in the UI language when it is one of the services' progress lines; unchanged otherwise."""
    return tr_known(message, _FIXED, _PATTERNS)
