"""A different file must never be taken for another person's vlog (issue 18): the old fingerprint hashed the size and
three 1 MiB samples, so a file that differs only outside them mapped to someone else's vlog and consent."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from vlogkit.config import Paths
from vlogkit.domain import ConsentScope, Speaker
from vlogkit.media.fingerprint import fingerprint, legacy_fingerprint
from vlogkit.services import App
from vlogkit.services.library import ImportOptions


@pytest.fixture(scope="module")
def big_pair(synth: Callable[..., Path], tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """Two real videos of more than 3 MiB, identical except for bytes outside the old fingerprint's samples."""
    a = synth("fp_big.mp4", "-f", "lavfi", "-i", "testsrc2=s=640x480:r=25:d=10", "-f", "lavfi", "-i",
              "sine=f=440:d=10", "-c:v", "libx264", "-preset", "ultrafast", "-b:v", "8M", "-pix_fmt", "yuv420p",
              "-c:a", "aac", "-shortest")
    size = a.stat().st_size
    assert size > 4 << 20, size
    data = bytearray(a.read_bytes())
    at = size // 4  # between the head sample and the middle one
    data[at:at + 64] = bytes(b ^ 0x5A for b in data[at:at + 64])
    b = tmp_path_factory.mktemp("fp") / "other_person.mp4"
    b.write_bytes(bytes(data))
    return a, b


def test_the_old_sample_could_not_tell_them_apart_the_new_fingerprint_can(big_pair: tuple[Path, Path]) -> None:
    a, b = big_pair
    assert legacy_fingerprint(a) == legacy_fingerprint(b)  # the flaw, kept for comparing old records
    assert fingerprint(a) != fingerprint(b)


def test_a_different_file_is_never_mapped_to_another_persons_vlog(home: Path, big_pair: tuple[Path, Path]) -> None:
    a, b = big_pair
    app = App(Paths(home))
    an = app.library.import_file(a, ImportOptions(speaker=Speaker("An"), consent=ConsentScope.EXTERNAL))
    other = app.library.import_file(b, ImportOptions())
    assert an.ok and other.ok, (an.error, other.error)
    assert not other.existing and other.vlog.id != an.vlog.id
    assert other.vlog.consent.scope is ConsentScope.NONE and other.vlog.speaker.name == ""


def test_an_old_record_is_compared_sensibly(home: Path, big_pair: tuple[Path, Path], tmp_path: Path) -> None:
    """A library made by an older vlogkit stores the old fingerprint: the same file is still found (and checked),
    a look-alike is a new vlog, and a look-alike put in place of the file is refused as changed."""
    a, b = big_pair
    app = App(Paths(home))
    r = app.library.import_file(a, ImportOptions(speaker=Speaker("An"), consent=ConsentScope.EXTERNAL))
    old = app.vlogs.modify(r.vlog.id, lambda v: v.with_(fingerprint=legacy_fingerprint(a)))  # as an old version
    again = app.library.import_file(a, ImportOptions())
    assert again.existing and again.vlog.id == old.id
    assert app.library.check_source(app.vlogs.get(old.id)) == Path(old.path)
    lookalike = app.library.import_file(b, ImportOptions())
    assert not lookalike.existing and lookalike.vlog.id != old.id
    swapped = tmp_path / "a_copy.mp4"
    swapped.write_bytes(a.read_bytes())
    app.vlogs.modify(old.id, lambda v: v.with_(path=str(swapped)))
    assert app.library.check_source(app.vlogs.get(old.id)) == swapped  # the same content elsewhere: fine
    swapped.write_bytes(b.read_bytes())  # the file replaced by the look-alike
    from vlogkit.errors import MediaError

    with pytest.raises(MediaError, match="changed since import"):
        app.library.check_source(app.vlogs.get(old.id))
