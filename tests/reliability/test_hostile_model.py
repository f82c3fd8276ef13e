"""Damaged model weights (issue 18): doctor says so, and a transcription never runs on them - the bundled model is
assembled again from the installed packages, so no empty transcript is made (or cached) with exit 0."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from vlogkit.transcribe import models
from vlogkit.transcribe.models import model_status, resolve_model, verify_bundled


@pytest.fixture
def damaged_model_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    good = resolve_model(None).path
    root = tmp_path / "models"
    shutil.copytree(good, root / "base")
    weights = root / "base" / "model.bin"
    st = weights.stat()
    with open(weights, "r+b") as fh:  # flip bytes in the middle of the weights; keep the size and the time
        fh.seek(st.st_size // 2)
        chunk = fh.read(4096)
        fh.seek(st.st_size // 2)
        fh.write(bytes(b ^ 0xFF for b in chunk))
    os.utime(weights, ns=(st.st_atime_ns, st.st_mtime_ns))
    mark = json.loads((root / "base" / "vlogkit-model.json").read_text())
    mark.update(size=st.st_size, mtime_ns=st.st_mtime_ns)  # as if it had been assembled with this very file
    (root / "base" / "vlogkit-model.json").write_text(json.dumps(mark))
    monkeypatch.setenv("VLOGKIT_MODEL_DIR", str(root))
    models._VERIFIED.clear()
    return root


def test_doctor_verifies_the_models_checksum(damaged_model_dir: Path) -> None:
    status, detail, fix = model_status("base")
    assert status == "fail" and "damaged" in detail and "checksum" in detail, detail


def test_damaged_weights_are_assembled_again_before_they_are_loaded(damaged_model_dir: Path) -> None:
    r = resolve_model("base", verify=True)
    assert r.path == damaged_model_dir / "base" and verify_bundled(r.path)
    assert model_status("base")[0] == "ok"


@pytest.mark.timeout(300)
def test_a_transcription_with_damaged_weights_still_gives_the_real_words(cli, damaged_model_dir: Path,  # noqa: ANN001
                                                                          media: Path) -> None:
    env = {"VLOGKIT_MODEL_DIR": str(damaged_model_dir)}
    vid = cli("import", str(media / "en" / "jfk.flac"), "--json", env=env).json()[0]["id"]
    r = cli("transcribe", vid, env=env, timeout=280)
    assert r.returncode == 0 and "Americans" in r.stdout, r.stderr
    doc = {c["check"]: c for c in cli("doctor", "--json", env=env).json()}
    assert doc["model"]["status"] == "ok"
