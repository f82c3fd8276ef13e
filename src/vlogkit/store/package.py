"""Hand-off packages (`.vlogkit`): one vlog, its transcript, speaker, consent record and prompt, in one signed file.

A package is a zip file:

    manifest.json       format, version, who sent it and when, and a SHA-256 and size for every part below
    signature.json      {"key_id": ..., "hmac_sha256": ...}: HMAC-SHA256 of manifest.json's bytes with the team key
    media/<name>        the original recording, byte for byte (stored, not recompressed)
    vlog.json           title, language, media facts, created, detected language
    speaker.json        the speaker profile
    consent.json        the consent record in force and its history (scope, expiry, release wording and version,
                        who recorded it and when: whatever the domain's consent record holds)
    prompt.json         the prompt card the person answered ("" for free talk)
    transcript.json     the transcript with corrections (absent when the vlog was never transcribed)

Checksums show damage; the signature shows origin. Because the manifest lists every part's SHA-256, signing the
manifest signs everything. `read_package` verifies all of it while streaming the parts into a temporary folder and
returns only when every byte checked out, so a caller never acts on half a package.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import re
import shutil
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from vlogkit.errors import N_, VlogkitError

FORMAT = "vlogkit-handoff"
VERSION = 1
SUFFIX = ".vlogkit"
JSON_PARTS = ("vlog.json", "speaker.json", "consent.json", "prompt.json", "transcript.json")
REQUIRED = ("vlog.json", "speaker.json", "consent.json", "prompt.json")
MAX_MANIFEST = 1 << 20  # 1 MiB
MAX_JSON_PART = 64 << 20  # 64 MiB (a two-hour transcript is ~5 MiB)
MAX_MEDIA = 64 << 30  # 64 GiB
MAX_ENTRIES = 12
_MEDIA_NAME = re.compile(r"media/[A-Za-z0-9][A-Za-z0-9._ -]{0,120}\.[A-Za-z0-9]{1,8}")
_CHUNK = 1 << 20


class PackageError(VlogkitError):
    """A hand-off package is damaged, incomplete, tampered with or not a package."""


class PackageIncomplete(PackageError):
    """The file is not a whole zip yet (still being copied) - or it was cut short."""


def key_id(key: bytes) -> str:
    """A short public name of a team key (derived with HMAC, so it reveals nothing of the key)."""
    return hmac.new(key, b"vlogkit team key id", hashlib.sha256).hexdigest()[:12]


def sign(manifest: bytes, key: bytes) -> dict[str, str]:
    return {"key_id": key_id(key), "hmac_sha256": hmac.new(key, manifest, hashlib.sha256).hexdigest()}


@dataclass
class Package:
    """A verified package unpacked in `folder` (a temporary folder the caller removes with `cleanup()`)."""

    path: Path
    folder: Path
    manifest: dict[str, Any]
    parts: dict[str, Any]  # the JSON parts, parsed
    media: Path  # the verified media file inside `folder`
    trust: str  # "team" (signed with our key), "foreign" (signed with another key), "unsigned"
    package_sha256: str = ""

    @property
    def sender(self) -> str:
        return str(self.manifest.get("sender", ""))

    def cleanup(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


def write_package(dest_tmp: Path, *, media: Path, media_name: str, parts: dict[str, Any], sender: str,
                  key: bytes) -> dict[str, Any]:
    """Write a package to `dest_tmp` (the caller renames it into place); returns the manifest."""
    blobs = {name: json.dumps(value, ensure_ascii=False, indent=1).encode("utf-8") for name, value in parts.items()}
    entries = []
    h, size = hashlib.sha256(), 0
    with open(media, "rb") as fh:
        while chunk := fh.read(_CHUNK):
            h.update(chunk)
            size += len(chunk)
    entries.append({"name": f"media/{media_name}", "sha256": h.hexdigest(), "size": size})
    for name, blob in blobs.items():
        entries.append({"name": name, "sha256": hashlib.sha256(blob).hexdigest(), "size": len(blob)})
    manifest = {"format": FORMAT, "version": VERSION, "sender": sender,
                "created": dt.datetime.now().astimezone().isoformat(timespec="seconds"), "parts": entries}
    manifest_bytes = json.dumps(manifest, ensure_ascii=False, indent=1).encode("utf-8")
    with zipfile.ZipFile(dest_tmp, "w") as zf:
        zf.writestr(zipfile.ZipInfo("manifest.json", (2026, 1, 1, 0, 0, 0)), manifest_bytes, zipfile.ZIP_DEFLATED)
        if key:
            zf.writestr("signature.json", json.dumps(sign(manifest_bytes, key)), zipfile.ZIP_DEFLATED)
        zf.write(media, f"media/{media_name}", compress_type=zipfile.ZIP_STORED)
        for name, blob in blobs.items():
            zf.writestr(name, blob, zipfile.ZIP_DEFLATED)
    return manifest


TOO_LARGE = {
    "manifest": N_("{path}: its manifest is larger than a package's manifest may be; it is not a vlogkit package. "
                   "Nothing was imported."),
    "signature": N_("{path}: its signature is larger than a package's signature may be; it is not a vlogkit package. "
                    "Nothing was imported."),
}


def _bounded(zf: zipfile.ZipFile, name: str, limit: int, what: str, path: Path) -> bytes:
    with zf.open(name) as fh:
        data = fh.read(limit + 1)
    if len(data) > limit:
        raise PackageError(TOO_LARGE[what], path=path)
    return data


def _manifest(zf: zipfile.ZipFile, path: Path) -> tuple[bytes, dict[str, Any]]:
    names = zf.namelist()
    if "manifest.json" not in names:
        raise PackageError(N_("{path}: not a vlogkit hand-off package (no manifest.json inside). Nothing was imported."),
                           path=path)
    raw = _bounded(zf, "manifest.json", MAX_MANIFEST, "manifest", path)
    try:
        manifest = json.loads(raw.decode("utf-8"))
        if manifest.get("format") != FORMAT or not isinstance(manifest.get("parts"), list):
            raise ValueError("not a hand-off manifest")
    except (ValueError, UnicodeDecodeError, AttributeError) as exc:
        raise PackageError(N_("{path}: its manifest is damaged ({reason}). Nothing was imported."), path=path,
                           reason=str(exc)) from None
    if int(manifest.get("version", 0)) > VERSION:
        raise PackageError(N_("{path}: made by a newer vlogkit (package version {version}); update vlogkit to import "
                              "it."), path=path, version=manifest.get("version"))
    return raw, manifest


def check_complete(path: Path) -> None:
    """Raise `PackageIncomplete` unless `path` is a whole zip with a readable manifest (cheap: no part is read).

    For an inbox: a file still being copied has no central directory at its end yet."""
    try:
        with zipfile.ZipFile(path) as zf:
            _manifest(zf, path)
    except zipfile.BadZipFile as exc:
        raise PackageIncomplete(N_("{path}: not a complete zip file ({reason})."), path=path, reason=str(exc)) from None
    except OSError as exc:
        raise PackageIncomplete(N_("{path}: cannot be read ({reason})."), path=path,
                                reason=exc.strerror or str(exc)) from None


def read_package(path: Path, key: bytes, work_dir: Path | None = None) -> Package:
    """Verify `path` completely and unpack it into a temporary folder. Raises `PackageError` saying what is wrong."""
    path = Path(path)
    folder = Path(tempfile.mkdtemp(prefix="vlogkit-package-", dir=work_dir))
    try:
        return _read(path, key, folder)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise


def _read(path: Path, key: bytes, folder: Path) -> Package:
    try:
        zf = zipfile.ZipFile(path)
    except zipfile.BadZipFile as exc:
        raise PackageError(N_("{path}: not a vlogkit hand-off package, or cut short ({reason}). Nothing was imported."),
                           path=path, reason=str(exc)) from None
    except OSError as exc:
        raise PackageError(N_("{path}: cannot be read ({reason})."), path=path, reason=exc.strerror or str(exc)) from None
    with zf:
        manifest_bytes, manifest = _manifest(zf, path)
        listed = {}
        for part in manifest["parts"]:
            try:
                name, digest, size = str(part["name"]), str(part["sha256"]), int(part["size"])
            except (KeyError, TypeError, ValueError):
                raise PackageError(N_("{path}: its manifest lists a part without name, sha256 and size. Nothing was "
                                      "imported."), path=path) from None
            listed[name] = (digest, size)
        media_names = [n for n in listed if n.startswith("media/")]
        allowed = set(JSON_PARTS)
        unknown = [n for n in listed if n not in allowed and not _MEDIA_NAME.fullmatch(n)]
        if unknown or len(media_names) != 1 or not set(REQUIRED) <= set(listed):
            raise PackageError(N_("{path}: the manifest does not describe one vlog (parts: {parts}). Nothing was "
                                  "imported."), path=path, parts=", ".join(sorted(listed)))
        present = set(zf.namelist())
        extra = present - set(listed) - {"manifest.json", "signature.json"}
        missing = set(listed) - present
        if extra or missing or len(present) > MAX_ENTRIES:
            if extra:
                raise PackageError(N_("{path}: the package holds {parts} that the manifest does not list: it was "
                                      "changed after it was sent. Nothing was imported."), path=path,
                                   parts=", ".join(sorted(extra)))
            raise PackageError(N_("{path}: the package lacks {parts}: it was changed after it was sent. Nothing was "
                                  "imported."), path=path, parts=", ".join(sorted(missing)))
        parts: dict[str, Any] = {}
        media = folder / Path(media_names[0]).name
        for name, (digest, size) in listed.items():
            limit = min(size, MAX_MEDIA if name.startswith("media/") else MAX_JSON_PART)
            target = media if name.startswith("media/") else folder / name
            _extract_checked(zf, name, target, digest, size, limit, path)
            if name in JSON_PARTS:
                try:
                    parts[name] = json.loads(target.read_text(encoding="utf-8"))
                except (ValueError, UnicodeDecodeError) as exc:
                    raise PackageError(N_("{path}: {name} is not valid JSON ({reason}). Nothing was imported."),
                                       path=path, name=name, reason=str(exc)) from None
        trust = _trust(zf, manifest_bytes, key, path)
    return Package(path, folder, manifest, parts, media, trust, _sha256(path))


def _extract_checked(zf: zipfile.ZipFile, name: str, target: Path, digest: str, size: int, limit: int,
                     path: Path) -> None:
    h, n = hashlib.sha256(), 0
    try:
        with zf.open(name) as src, open(target, "wb") as out:
            while chunk := src.read(_CHUNK):
                n += len(chunk)
                if n > limit:
                    break
                h.update(chunk)
                out.write(chunk)
    except (zipfile.BadZipFile, EOFError, OSError, ValueError) as exc:  # a bad CRC, a cut stream
        raise PackageError(N_("{path}: {name} is damaged ({reason}). Nothing was imported; ask the sender to send it "
                              "again."), path=path, name=name, reason=str(exc)) from None
    if n != size or not hmac.compare_digest(h.hexdigest(), digest):
        raise PackageError(N_("{path}: {name} does not match its checksum in the manifest: the package was changed "
                              "or damaged after it was sent. Nothing was imported; ask the sender to send it again."),
                           path=path, name=name)


def _trust(zf: zipfile.ZipFile, manifest_bytes: bytes, key: bytes, path: Path) -> str:
    if "signature.json" not in zf.namelist():
        return "unsigned"
    try:
        sig = json.loads(_bounded(zf, "signature.json", 4096, "signature", path))
        their_id, mac = str(sig["key_id"]), str(sig["hmac_sha256"])
    except (ValueError, KeyError, TypeError, UnicodeDecodeError):
        raise PackageError(N_("{path}: its signature is damaged. Nothing was imported."), path=path) from None
    if not key or their_id != key_id(key):
        return "foreign"
    if not hmac.compare_digest(mac, sign(manifest_bytes, key)["hmac_sha256"]):
        raise PackageError(N_("{path}: signed with your team's key, but the signature does not match the contents: "
                              "it was changed after it was sent. Nothing was imported."), path=path)
    return "team"


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(_CHUNK):
            h.update(chunk)
    return h.hexdigest()
