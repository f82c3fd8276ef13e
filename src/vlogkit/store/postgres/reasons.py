"""Why the team library's server could not be used, in words a user can act on (and the app can translate).

The database driver words its failures in English for a DBA ("connection failed: connection to server at
"10.0.0.5", port 5432 failed: FATAL:  password authentication failed for user "comms""). `reason()` names the common
causes with an `N_()` phrase; the driver's own text goes to the log only (`Database.error` writes it there). Connection
failures carry no SQLSTATE in psycopg 3, so they are told apart by the driver's message; server errors by their code.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from vlogkit.errors import N_, Phrase

# (what the driver says, lower-cased, any of these) -> the reason in words; checked in order
_BY_TEXT: tuple[tuple[tuple[str, ...], str], ...] = (
    (("failed to resolve host", "could not translate host name", "name or service not known",
      "nodename nor servname", "temporary failure in name resolution"),
     N_("the server's name {host} is not known; check the address")),
    (("connection refused",),
     N_("the server is not running or does not accept connections")),
    (("timeout expired", "timed out", "connection timeout"),
     N_("the server did not answer in time")),
    (("password authentication failed", "authentication failed", "no password supplied", "no pg_hba.conf entry",
      "password is required"),
     N_("the server did not accept the user name or password")),
    (("server closed the connection", "terminating connection", "connection is closed", "consuming input failed",
      "connection is lost", "ssl syscall error: eof"),
     N_("the server closed the connection")),
)
_BY_CODE = {
    "28P01": N_("the server did not accept the user name or password"),
    "28000": N_("the server did not accept the user name or password"),
    "42501": N_("the library's database user may not do this (permission denied)"),
    "53100": N_("the server's disk is full"),
    "57P01": N_("the server closed the connection"),
    "57P03": N_("the server is starting up or shutting down"),
}
_NO_DATABASE = re.compile(r'database "([^"]+)" does not exist')
_NO_ROLE = re.compile(r'role "([^"]+)" does not exist')


def reason(driver_text: str, sqlstate: str | None, url: str) -> Phrase:
    """The cause of a failure, as a phrase the app translates. Unknown causes say where the details are."""
    text = driver_text.lower()
    found = _NO_DATABASE.search(driver_text)
    if found or sqlstate == "3D000":
        name = found.group(1) if found else _database(url)
        return Phrase(N_("there is no database {name} on that server"), name=name)
    found = _NO_ROLE.search(driver_text)
    if found:
        return Phrase(N_("the server has no user {name}"), name=found.group(1))
    for needles, phrase in _BY_TEXT:
        if any(n in text for n in needles):
            return Phrase(phrase, host=_host(url)) if "{host}" in phrase else Phrase(phrase)
    if sqlstate in _BY_CODE:
        return Phrase(_BY_CODE[sqlstate])
    return Phrase(N_("the database server reported an error; the details are in the log file"))


def _host(url: str) -> str:
    try:
        return urlsplit(url).hostname or "?"
    except ValueError:
        return "?"


def _database(url: str) -> str:
    try:
        return urlsplit(url).path.lstrip("/") or "?"
    except ValueError:
        return "?"
