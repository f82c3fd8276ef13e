"""Why the team library cannot be used, said in the user's language: the common causes against a real PostgreSQL
server (and a refused port, a name nobody knows, a server that never answers), with the driver's own English words
in the log only."""

from __future__ import annotations

import logging
import socket
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from vlogkit.errors import LibraryError
from vlogkit.store.postgres.database import Database
from vlogkit.ui.i18n import error_text, set_language


@pytest.fixture(scope="module")
def guarded_cluster() -> Iterator[object]:
    """A server of this module's own whose user `secretive` must give a password (the session's server trusts all)."""
    from tests.pgcluster import own_server

    with own_server() as cluster:
        cluster.execute("CREATE ROLE secretive LOGIN PASSWORD 'right'")
        hba = ("host all secretive 127.0.0.1/32 scram-sha-256\nhost all all 127.0.0.1/32 trust\n"
               "local all all trust\n")
        cmd = ["sh", "-c", f"cat > {cluster.data / 'pg_hba.conf'}"]
        subprocess.run(["runuser", "-u", "postgres", "--", *cmd] if cluster.as_root else cmd, input=hba, text=True,
                       check=True)
        cluster.execute("SELECT pg_reload_conf()")
        yield cluster


@pytest.fixture(autouse=True)
def english_afterwards() -> Iterator[None]:
    yield
    set_language("en")


def _failure(url: str) -> LibraryError:
    db = Database(url)
    try:
        with pytest.raises(LibraryError) as caught:
            db.schema_version()
    finally:
        db.close()
    return caught.value


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _said(exc: LibraryError, lang: str) -> str:
    set_language(lang)
    return error_text(exc)


CASES = {
    # case: (English reason, Dutch reason, French reason, the driver's words that stay in the log)
    "refused": ("the server is not running or does not accept connections",
                "de server draait niet of aanvaardt geen verbindingen",
                "le serveur ne tourne pas ou n'accepte pas de connexions", "Connection refused"),
    "no database": ("there is no database nope on that server", "er is geen database nope op die server",
                    "il n'y a pas de base de données nope sur ce serveur", 'database "nope" does not exist'),
    "wrong password": ("the server did not accept the user name or password",
                       "de server aanvaardde de gebruikersnaam of het wachtwoord niet",
                       "le serveur n'a pas accepté le nom d'utilisateur ou le mot de passe",
                       'password authentication failed for user "secretive"'),
    "unknown user": ("the server has no user ghost", "de server kent geen gebruiker ghost",
                     "le serveur ne connaît pas d'utilisateur ghost", 'role "ghost" does not exist'),
    "unknown host": ("the server's name no-such-host.invalid is not known; check the address",
                     "de servernaam no-such-host.invalid is onbekend; controleer het adres",
                     "le nom de serveur no-such-host.invalid est inconnu ; vérifiez l'adresse",
                     "failed to resolve host 'no-such-host.invalid'"),
}


@pytest.mark.parametrize("case", list(CASES))
def test_a_common_cause_is_said_in_english_dutch_and_french_and_the_driver_words_go_to_the_log(
    case: str, guarded_cluster, caplog: pytest.LogCaptureFixture  # noqa: ANN001
) -> None:
    port = guarded_cluster.port
    url = {"refused": f"postgresql://comms:s3cret@127.0.0.1:{_free_port()}/team",
           "no database": f"postgresql://vlogkit@127.0.0.1:{port}/nope",
           "wrong password": f"postgresql://secretive:wrong@127.0.0.1:{port}/postgres",
           "unknown user": f"postgresql://ghost@127.0.0.1:{port}/postgres",
           "unknown host": "postgresql://comms@no-such-host.invalid/team"}[case]
    en, nl, fr, driver = CASES[case]
    caplog.set_level(logging.WARNING, logger="vlogkit")
    exc = _failure(url)
    line = str(exc)
    assert line.startswith("Cannot reach the team library at ") and f"({en}). Nothing was changed." in line
    assert driver not in line and "FATAL" not in line and "s3cret" not in line and "\n" not in line
    assert f"({nl}). Er is niets veranderd." in _said(exc, "nl")
    assert f"({fr}). Rien n'a été modifié." in _said(exc, "fr")
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert driver in logged and "s3cret" not in logged


def test_a_server_that_never_answers_times_out_in_words(monkeypatch: pytest.MonkeyPatch,
                                                        caplog: pytest.LogCaptureFixture) -> None:
    """A port that accepts the connection and then says nothing (a firewall, a hung server)."""
    monkeypatch.setattr("vlogkit.store.postgres.database.CONNECT_TIMEOUT_S", 1)
    caplog.set_level(logging.WARNING, logger="vlogkit")
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(4)
        exc = _failure(f"postgresql://comms@127.0.0.1:{silent.getsockname()[1]}/team")
    assert "(the server did not answer in time). Nothing was changed." in str(exc)
    assert "(de server antwoordde niet op tijd)" in _said(exc, "nl")
    assert "(le serveur n'a pas répondu à temps)" in _said(exc, "fr")
    assert "timeout" in "\n".join(r.getMessage() for r in caplog.records).lower()


def test_an_unknown_cause_says_where_its_words_are(pg_url: str, caplog: pytest.LogCaptureFixture) -> None:
    """A server error no rule names (here: a table the library does not have) is not shown in the driver's words."""
    from sqlalchemy import text

    caplog.set_level(logging.WARNING, logger="vlogkit")
    db = Database(pg_url)
    try:
        with pytest.raises(LibraryError) as caught, db.begin() as conn:
            conn.execute(text("SELECT * FROM no_such_table"))
    finally:
        db.close()
    line = str(caught.value)
    assert "(the database server reported an error; the details are in the log file)" in line
    assert "no_such_table" not in line
    assert "(de databaseserver meldde een fout; de details staan in het logbestand)" in _said(caught.value, "nl")
    assert 'relation "no_such_table" does not exist' in "\n".join(r.getMessage() for r in caplog.records)


def test_the_cli_says_a_refused_port_in_one_line_and_logs_the_driver_text(tmp_path: Path) -> None:
    from tests.team.test_team_library import desk

    home = tmp_path / "desk"
    r = desk(home, {"VLOGKIT_LIBRARY_URL": f"postgresql://comms:s3cret@127.0.0.1:{_free_port()}/team"})("list")
    lines = r.stderr.strip().splitlines()
    assert r.returncode == 1 and len(lines) == 1, r.stderr
    assert "(the server is not running or does not accept connections). Nothing was changed." in lines[0]
    assert "Connection refused" not in r.stderr and "s3cret" not in r.stderr
    log = (home / "logs" / "vlogkit.log").read_text(encoding="utf-8")
    assert "Connection refused" in log and "s3cret" not in log
