"""Every CLI command against every file of the bad-input corpus: it works, or one line and exit 1.

Never a traceback, never a hang, never a library change on failure.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.reliability.corpus import build_corpus


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory, ffmpeg_exe: str, desk_vlog: Path) -> dict[str, tuple[Path, str]]:
    return build_corpus(tmp_path_factory.mktemp("corpus"), ffmpeg_exe, desk_vlog)


def _one_line_error(stderr: str) -> bool:
    lines = [ln for ln in stderr.splitlines() if ln.strip()]
    return len(lines) >= 1 and all(ln.startswith("vlogkit: ") for ln in lines) and "Traceback" not in stderr


def test_import_each_corpus_file(cli, home: Path, corpus: dict[str, tuple[Path, str]]) -> None:  # type: ignore[no-untyped-def]
    for name, (path, expect) in corpus.items():
        db = home / "library.json"
        before = db.read_bytes() if db.exists() else None
        r = cli("import", str(path), "--json", timeout=120)
        if expect == "error":
            assert r.returncode == 1, f"{name}: expected an error, got {r.returncode} {r.stdout}"
            assert _one_line_error(r.stderr), f"{name}: {r.stderr!r}"
            after = db.read_bytes() if db.exists() else None
            assert after == before, f"{name}: the library changed on failure"
        else:
            assert r.returncode == 0, f"{name}: {r.stderr}"
            obj = r.json()[0]
            assert obj["id"] and obj["duration"] > 0, name
            if expect == "warn":
                assert "no audio track" in r.stderr
    assert not (Path.cwd() / "HACKED").exists()
    names = {v["path"] for v in cli("list", "--json").json()}
    assert any("日本" in n for n in names) and any(Path(n).name.startswith("-rf") for n in names)
