"""`vlogkit prompts` and `vlogkit record --prompt/--prompt-number`: the real command in a subprocess, against a
TinyDB library in the test's home - the same list the app's Record tab offers."""

from __future__ import annotations

import json
from pathlib import Path

from vlogkit.services.prompts import EXAMPLES


def _texts(cli) -> list[str]:  # type: ignore[no-untyped-def]
    r = cli("prompts", "list", "--json")
    assert r.returncode == 0, r.stderr
    return [p["text"] for p in r.json()]


def test_add_list_edit_remove_and_refuse_duplicates(cli, home: Path) -> None:  # type: ignore[no-untyped-def]
    empty = cli("prompts", "list")
    assert empty.returncode == 0 and empty.stdout == "" and "No prompts yet" in empty.stderr
    assert cli("prompts", "list", "--json").json() == []

    r = cli("prompts", "add", "  What did your   team ship this week? ", "--json")
    assert r.returncode == 0, r.stderr
    first = r.json()
    assert set(first) == {"number", "id", "text"}
    assert first["number"] == 1 and first["text"] == "What did your team ship this week?"
    assert cli("prompts", "add", "Who helped you most?").stdout == "Added as prompt 2: Who helped you most?\n"
    assert cli("prompts", "add", "What surprised you?").returncode == 0

    db = home / "library.json"
    before = db.read_bytes()
    dup = cli("prompts", "add", "What did your team ship this week?")
    assert dup.returncode == 2 and dup.stderr == ("vlogkit: error: That question is already prompt 1 in the list; "
                                                  "nothing was changed.\n")
    empty_q = cli("prompts", "add", "   ")
    assert empty_q.returncode == 2 and empty_q.stderr.count("\n") == 1 and "cannot be empty" in empty_q.stderr
    too_long = cli("prompts", "add", "why " * 100)
    assert too_long.returncode == 2 and "at most 300 characters" in too_long.stderr
    assert db.read_bytes() == before  # refused: the library is untouched

    listed = cli("prompts", "list", "--json").json()
    assert [(p["number"], p["text"]) for p in listed] == [
        (1, "What did your team ship this week?"), (2, "Who helped you most?"), (3, "What surprised you?")]
    assert listed[0]["id"] == first["id"]
    plain = cli("prompts", "list").stdout.splitlines()
    assert plain == ["  1  What did your team ship this week?", "  2  Who helped you most?", "  3  What surprised you?"]

    edited = cli("prompts", "edit", "2", "Who helped you most this month?", "--json")
    assert edited.returncode == 0 and edited.json()["number"] == 2 and edited.json()["id"] == listed[1]["id"]
    clash = cli("prompts", "edit", "3", "Who helped you most this month?")
    assert clash.returncode == 2 and "already prompt 2" in clash.stderr

    by_number = cli("prompts", "remove", "1", "--json")
    assert by_number.returncode == 0, by_number.stderr
    assert by_number.json()["removed"]["text"] == "What did your team ship this week?"
    assert [p["number"] for p in by_number.json()["prompts"]] == [1, 2]  # the rest move up
    by_text = cli("prompts", "remove", "What   surprised you?")
    assert by_text.returncode == 0 and by_text.stdout == "Removed prompt 2: What surprised you?\n"
    assert _texts(cli) == ["Who helped you most this month?"]

    missing = cli("prompts", "remove", "7")
    assert missing.returncode == 1 and missing.stderr == ("vlogkit: error: No prompt number 7: the list has 1 "
                                                          "(`vlogkit prompts list` shows them).\n")
    unknown = cli("prompts", "remove", "Nobody asked this")
    assert unknown.returncode == 1 and "No prompt reads 'Nobody asked this'" in unknown.stderr
    odd = cli("prompts", "remove", "²")
    assert odd.returncode == 1 and "No prompt reads '²'" in odd.stderr
    assert "Traceback" not in missing.stderr + unknown.stderr + odd.stderr
    assert _texts(cli) == ["Who helped you most this month?"]


def test_move_puts_a_question_at_another_place(cli) -> None:  # type: ignore[no-untyped-def]
    for q in ("One?", "Two?", "Three?"):
        assert cli("prompts", "add", q).returncode == 0
    r = cli("prompts", "move", "3", "1")
    assert r.returncode == 0 and r.stdout.splitlines() == ["  1  Three?", "  2  One?", "  3  Two?"]
    moved = cli("prompts", "move", "One?", "9", "--json")
    assert [(p["number"], p["text"]) for p in moved.json()] == [(1, "Three?"), (2, "Two?"), (3, "One?")]
    bad = cli("prompts", "move", "1", "0")
    assert bad.returncode == 2 and bad.stderr == ("vlogkit: error: Prompts are numbered from 1 (the first); 0 is not "
                                                  "a place in the list.\n")
    assert _texts(cli) == ["Three?", "Two?", "One?"]


def test_an_all_digit_question_is_named_by_text_or_number_and_an_ambiguous_one_is_refused(  # type: ignore[no-untyped-def]
        cli, home: Path) -> None:
    for q in ("One?", "2026", "3", "Four?"):
        assert cli("prompts", "add", q).returncode == 0
    r = cli("prompts", "edit", "--text", "2026", "What happened in 2026?", "--json")
    assert r.returncode == 0, r.stderr
    assert r.json()["number"] == 2 and r.json()["text"] == "What happened in 2026?"

    agree = cli("prompts", "remove", "3")  # place 3 holds the question "3": both readings name it
    assert agree.returncode == 0 and agree.stdout == "Removed prompt 3: 3\n"
    assert cli("prompts", "add", "3").returncode == 0  # back, now as prompt 4
    before = (home / "library.json").read_bytes()
    clash = cli("prompts", "remove", "3")
    assert clash.returncode == 2 and clash.stderr == (
        "vlogkit: error: '3' is both prompt number 3 and the question reading '3' (prompt 4): say which with "
        "--number 3 or --text '3'.\n")
    assert (home / "library.json").read_bytes() == before  # refused: nothing removed

    moved = cli("prompts", "move", "--text", "3", "1")
    assert moved.returncode == 0 and moved.stdout.splitlines() == [
        "  1  3", "  2  One?", "  3  What happened in 2026?", "  4  Four?"]
    by_number = cli("prompts", "remove", "--number", "3", "--json")
    assert by_number.returncode == 0 and by_number.json()["removed"]["text"] == "What happened in 2026?"
    assert cli("prompts", "add", "2027").returncode == 0
    beyond = cli("prompts", "remove", "2027")  # no place 2027 in a list of 4: it can only be the question
    assert beyond.returncode == 0 and beyond.stdout == "Removed prompt 4: 2027\n"
    assert _texts(cli) == ["3", "One?", "Four?"]

    not_a_number = cli("prompts", "remove", "--number", "two")
    assert not_a_number.returncode == 2 and "'two' is not a prompt number" in not_a_number.stderr
    missing = cli("prompts", "edit", "--text", "2026", "Again?")
    assert missing.returncode == 1 and "No prompt reads '2026'" in missing.stderr
    none = cli("prompts", "remove")
    assert none.returncode == 2 and "one of the arguments PROMPT --number --text is required" in none.stderr
    both = cli("prompts", "remove", "1", "--text", "One?")
    assert both.returncode == 2 and "not allowed with" in both.stderr
    assert "Traceback" not in not_a_number.stderr + missing.stderr + none.stderr + both.stderr
    assert _texts(cli) == ["3", "One?", "Four?"]


def test_examples_are_the_apps_and_never_added_twice(cli, home: Path) -> None:  # type: ignore[no-untyped-def]
    assert cli("prompts", "add", "Wat heeft je team deze week geleerd?").returncode == 0  # one of them, typed by hand
    r = cli("prompts", "examples", "--language", "nl", "--json")
    assert r.returncode == 0, r.stderr
    out = r.json()
    assert out["language"] == "nl" and out["added"] == 4
    assert [p["text"] for p in out["prompts"]] == list(EXAMPLES["nl"])
    assert out["prompts"][1]["text"] == "Waar ben je deze maand trots op?"
    again = cli("prompts", "examples", "--language", "nl")
    assert again.returncode == 0 and "nothing was added" in again.stderr
    assert len(again.stdout.splitlines()) == 5
    fr = cli("prompts", "examples", "--language", "fr", "--json").json()
    assert fr["added"] == 5 and _texts(cli) == [*EXAMPLES["nl"], *EXAMPLES["fr"]]
    bad = cli("prompts", "examples", "--language", "de")
    assert bad.returncode == 2 and "invalid choice: 'de'" in bad.stderr


def test_examples_follow_the_apps_language(cli, home: Path) -> None:  # type: ignore[no-untyped-def]
    """Without --language: the language chosen in the app's settings, else the system's (like the app's menu)."""
    system_fr = {"LC_ALL": "", "LC_MESSAGES": "", "LANG": "fr_BE.UTF-8", "LANGUAGE": ""}
    assert cli("prompts", "examples", "--json", env=system_fr).json()["language"] == "fr"
    assert _texts(cli)[0] == "Qu'est-ce que ton équipe a appris cette semaine ?"
    settings = home / "settings.json"
    data = json.loads(settings.read_text()) if settings.exists() else {}
    settings.write_text(json.dumps({**data, "ui_language": "nl"}))
    r = cli("prompts", "examples", env=system_fr)
    assert r.returncode == 0 and "(nl)" in r.stderr and _texts(cli)[5:] == list(EXAMPLES["nl"])


def test_import_and_export_a_text_file(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    src = tmp_path / "week 48.txt"
    src.write_text("# questions for week 48\nWhat did you fix?\n\nWhat are you proud of?\n", encoding="utf-8")
    r = cli("prompts", "import", str(src), "--json")
    assert r.returncode == 0 and r.json()["added"] == 2
    assert cli("prompts", "import", str(src), "--json").json()["added"] == 0
    out = tmp_path / "out.txt"
    assert cli("prompts", "export", str(out)).returncode == 0
    assert out.read_text(encoding="utf-8") == "What did you fix?\nWhat are you proud of?\n"
    gone = cli("prompts", "import", str(tmp_path / "missing.txt"))
    assert gone.returncode == 1 and gone.stderr.count("\n") == 1 and "missing.txt" in gone.stderr


def _record(cli, desk_vlog: Path, *args: str):  # type: ignore[no-untyped-def]
    return cli("record", "--from-file", str(desk_vlog), "--duration", "1", "--countdown", "0", "--speaker", "Ann",
               "--consent", "internal", "--no-transcribe", "--json", *args)


def test_record_prompt_joins_the_list_and_prompt_number_picks_one(cli, desk_vlog: Path) -> None:  # type: ignore[no-untyped-def]
    cli("prompts", "add", "Who helped you most?")
    r = _record(cli, desk_vlog, "--prompt", "What did   your team learn this week?")
    assert r.returncode == 0, r.stderr
    assert "Added the question to the prompt list as number 2" in r.stderr
    assert r.json()["take"]["prompt"] == "What did your team learn this week?"
    assert _texts(cli) == ["Who helped you most?", "What did your team learn this week?"]

    again = _record(cli, desk_vlog, "--prompt", "What did your team learn this week?")
    assert again.returncode == 0 and "Added the question" not in again.stderr  # known: not added twice
    assert len(_texts(cli)) == 2

    picked = _record(cli, desk_vlog, "--prompt-number", "2")
    assert picked.returncode == 0, picked.stderr
    assert picked.json()["take"]["prompt"] == "What did your team learn this week?"
    assert "Prompt: What did your team learn this week?" in picked.stderr
    shown = cli("show", picked.json()["id"], "--json").json()
    assert json.dumps(shown).count("What did your team learn this week?") >= 1

    kept = cli("list", "--json").json()
    wrong = _record(cli, desk_vlog, "--prompt-number", "5")
    assert wrong.returncode == 1 and wrong.stderr.strip().endswith("No prompt number 5: the list has 2 "
                                                                   "(`vlogkit prompts list` shows them).")
    both = _record(cli, desk_vlog, "--prompt", "x", "--prompt-number", "1")
    assert both.returncode == 2 and "not allowed with argument" in both.stderr
    assert cli("list", "--json").json() == kept  # the refused runs recorded nothing
