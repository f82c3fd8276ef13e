"""Recording at a desk on a team library: the kept take goes to the shared media folder, once, with its prompt."""

from __future__ import annotations

import time
from pathlib import Path

from vlogkit.config import Paths
from vlogkit.domain import ConsentScope, Speaker
from vlogkit.services import App


def test_a_kept_take_lands_in_the_team_media_folder_with_the_teams_prompt(
    team: dict[str, str], tmp_path: Path, desk_vlog: Path, ffmpeg_exe: str
) -> None:
    from vlogkit.capture.file_backend import FileBackend

    comms, employee = App(Paths(tmp_path / "comms")), App(Paths(tmp_path / "employee"))
    comms.prompts.add("What did you ship this week?")
    [prompt] = employee.prompts.all()  # the team's questions, at every desk
    session = employee.capture.new_session(FileBackend(desk_vlog, ffmpeg_exe=ffmpeg_exe), limit_s=30, countdown_s=0)
    session.open()
    session.start(prompt=prompt.text)
    time.sleep(1.2)
    take = session.stop()
    vlog = employee.capture.keep(take, speaker=Speaker("Ann"), consent=ConsentScope.INTERNAL, transcribe=False,
                                 session=session)
    session.close()
    kept = Path(vlog.path)
    assert kept.is_relative_to(Path(team["VLOGKIT_MEDIA_ROOT"])) and kept.is_file()
    assert not any(employee.paths.media_dir.iterdir())  # no second copy left at the desk
    [seen] = comms.library.list()
    assert seen.extra["recording"]["prompt"] == "What did you ship this week?" and Path(seen.path) == kept
