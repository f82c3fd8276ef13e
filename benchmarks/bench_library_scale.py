"""A library of 1,000 vlogs: time to add them one by one, to open the library (repository, CLI, GUI view) and to
search it, against a bare `json.loads` of the same file and a bare `python -c "import vlogkit"` in the same run.

Records are inserted through `LibraryRepository.add_unique` (one locked transaction each, as `vlogkit import`
does) with realistic fields: speaker, team, consent with history, media streams, transcript/thumbnail/clip
references in `extra`; every vlog points at one real 160x90 JPEG thumbnail, so the GUI draws real pictures.
Prints a summary and `RESULT {json}`; writes benchmarks/results/library_scale.json; exits 1 when opening the library
in the GUI takes more than 3 s or `vlogkit list` more than 5 s.
Usage: QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_library_scale.py [N]
"""

from __future__ import annotations

import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
TEAMS = ("Ops", "Finance", "Sales Benelux", "Klantendienst", "Équipe Bruxelles", "Platform", "HR", "Legal")
FIRST = ("Ann", "Bo", "Chloé", "Dirk", "Els", "Fatima", "Geert", "Hélène", "Ilse", "Jan", "Karim", "Lotte")


def build(paths, n: int, thumb: Path) -> float:  # type: ignore[no-untyped-def]
    """Insert n vlogs one transaction at a time; returns the seconds it took."""
    from vlogkit.domain import Consent, ConsentScope, MediaInfo, Speaker, Vlog, VlogState
    from vlogkit.domain.media import AudioStream, VideoStream
    from vlogkit.store.library import LibraryRepository, make_id

    rnd = random.Random(11)
    repo = LibraryRepository(paths.library_db)
    t0 = time.perf_counter()
    for i in range(n):
        fp = f"{i:08d}" + "ab" * 28
        portrait = rnd.random() < 0.6
        media = MediaInfo(rnd.randint(20_000, 240_000), "mov,mp4,m4a,3gp,3g2,mj2",
                          (VideoStream(1080 if portrait else 1920, 1920 if portrait else 1080, 30.0, "h264",
                                       90 if portrait and rnd.random() < 0.3 else 0),),
                          (AudioStream(2, 48000, "aac"),), rnd.randint(5, 400) * 1_000_000)
        scope = rnd.choice(list(ConsentScope))
        consent = Consent(scope, f"2026-{rnd.randint(1, 11):02d}-{rnd.randint(1, 28):02d}",
                          "2027-06-30" if rnd.random() < 0.2 else "")
        vid = make_id(fp)
        vlog = Vlog(
            id=vid, path=f"/home/comms/Videos/roadshow/{rnd.choice(FIRST).lower()}_{i:04d} phone clip.mp4",
            fingerprint=fp, media=media,
            speaker=Speaker(f"{rnd.choice(FIRST)} {chr(65 + i % 26)}.", rnd.choice(("Engineer", "Manager", "Nurse")),
                            rnd.choice(TEAMS), "Acme"),
            language=rnd.choice(("auto", "nl", "fr", "en")), consent=consent,
            consent_history=(Consent(ConsentScope.INTERNAL, "2026-01-05"), consent),
            created=f"2026-{1 + i * 11 // n:02d}-{1 + i % 28:02d}T10:{i % 60:02d}:00+01:00",
            state=rnd.choice(list(VlogState)), title=f"Roadshow {TEAMS[i % len(TEAMS)]} take {i}",
            detected_language=rnd.choice(("nl", "fr", "en")),
            extra={"thumbnail": str(thumb), "transcript": f"{vid}.json",
                   "clips": [{"path": f"/home/comms/Exports/{vid}_reel.mp4", "preset": "reel", "duration": 18.2,
                              "created": "2026-11-02T10:00:00+01:00"}] if i % 3 == 0 else []},
        )
        repo.add_unique(vlog)
    return time.perf_counter() - t0


def timed(fn: Callable[[], object], runs: int = 5) -> tuple[float, object]:
    """(median seconds, last result)."""
    times, out = [], None
    for _ in range(runs):
        t0 = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), out


def main(argv: list[str]) -> int:
    n = int(argv[0]) if argv else 1000
    from PySide6.QtGui import QImage
    from PySide6.QtWidgets import QApplication

    from vlogkit.config import Paths
    from vlogkit.services import App
    from vlogkit.store.library import LibraryRepository
    from vlogkit.ui.i18n import set_language
    from vlogkit.ui.library_view import LibraryView

    qapp = QApplication.instance() or QApplication([])
    set_language("en")
    with tempfile.TemporaryDirectory(prefix="vlogkit-libscale-") as tmp:
        home = Path(tmp) / "home"
        paths = Paths(home)
        thumb = Path(tmp) / "thumb.jpg"
        img = QImage(160, 90, QImage.Format.Format_RGB32)
        img.fill(0x3366AA)
        img.save(str(thumb))
        build_s = build(paths, n, thumb)
        size_mb = paths.library_db.stat().st_size / 1e6
        raw = paths.library_db.read_bytes()
        json_s, _ = timed(lambda: json.loads(raw.decode("utf-8")))
        repo_s, vlogs = timed(lambda: LibraryRepository(paths.library_db).all())
        assert len(vlogs) == n  # type: ignore[arg-type]
        app = App(paths)
        view = LibraryView(app)
        gui_s, _ = timed(view.refresh, runs=3)
        assert view.list.count() == n
        view.search.blockSignals(True)
        view.search.setText("klantendienst engineer")
        view.search.blockSignals(False)
        search_s, _ = timed(view.refresh, runs=3)
        matches = view.list.count()
        assert 0 < matches < n
        env = {**os.environ, "VLOGKIT_HOME": str(home)}
        py = sys.executable
        bare_py_s, _ = timed(lambda: subprocess.run([py, "-c", "import vlogkit"], env=env, check=True), runs=3)
        help_s, _ = timed(lambda: subprocess.run([py, "-m", "vlogkit", "--help"], env=env, check=True,
                                                 capture_output=True), runs=3)
        list_s, out = timed(lambda: subprocess.run([py, "-m", "vlogkit", "list"], env=env, check=True,
                                                   capture_output=True, text=True), runs=3)
        assert len(out.stdout.splitlines()) == n  # type: ignore[union-attr]
        listj_s, _ = timed(lambda: subprocess.run([py, "-m", "vlogkit", "list", "--json"], env=env, check=True,
                                                  capture_output=True), runs=3)
        one = vlogs[n // 2].id  # type: ignore[index]
        show_s, _ = timed(lambda: subprocess.run([py, "-m", "vlogkit", "show", one], env=env, check=True,
                                                 capture_output=True), runs=3)
        del view, qapp
    result = {
        "name": "library_scale", "vlogs": n, "file_mb": round(size_mb, 2),
        "build_one_by_one_s": round(build_s, 1), "per_import_write_ms_avg": round(build_s / n * 1000, 1),
        "json_loads_ms": round(json_s * 1000, 1), "repository_all_ms": round(repo_s * 1000, 1),
        "repository_vs_json": round(repo_s / json_s, 1),
        "gui_library_view_ms": round(gui_s * 1000, 1), "gui_search_ms": round(search_s * 1000, 1),
        "gui_search_matches": matches,
        "python_import_vlogkit_s": round(bare_py_s, 2), "cli_help_s": round(help_s, 2), "cli_list_s": round(list_s, 2),
        "cli_list_json_s": round(listj_s, 2), "cli_show_s": round(show_s, 2),
        "cli_list_minus_help_s": round(list_s - help_s, 2),
        "load_avg_1m": round(os.getloadavg()[0], 2),
    }
    result["ok"] = gui_s < 3.0 and list_s < 5.0
    print(f"{n} vlogs ({size_mb:.1f} MB library.json), added one locked transaction at a time in {build_s:.1f} s "
          f"({build_s / n * 1000:.0f} ms each on average)")
    print(f"open: bare json.loads {json_s * 1000:.0f} ms; LibraryRepository.all() {repo_s * 1000:.0f} ms "
          f"({repo_s / json_s:.1f}x json.loads); GUI library view {gui_s * 1000:.0f} ms; GUI search "
          f"{search_s * 1000:.0f} ms ({matches} matches)")
    print(f"CLI: python -c 'import vlogkit' {bare_py_s:.2f} s, vlogkit --help {help_s:.2f} s, vlogkit list "
          f"{list_s:.2f} s, list --json {listj_s:.2f} s, show ID {show_s:.2f} s")
    print("RESULT " + json.dumps(result))
    out_dir = ROOT / "benchmarks" / "results"
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "library_scale.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0 if result["ok"] else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
