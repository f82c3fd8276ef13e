"""Probe media files with PyAV (imageio-ffmpeg ships no ffprobe)."""

from __future__ import annotations

import os
from pathlib import Path

from vlogkit.domain import AudioStream, MediaInfo, VideoStream
from vlogkit.errors import N_, MediaError, Number

# Single-image and text "formats" that libav will happily open but that are not vlogs.
_PICTURE_FORMATS = {"image2", "png_pipe", "jpeg_pipe", "bmp_pipe", "webp_pipe", "gif", "svg_pipe", "tiff_pipe",
                    "heif", "avif", "jpegxl_pipe", "gif_pipe", "apng", "pgm_pipe", "ppm_pipe", "qoi_pipe"}
_NOT_MEDIA_FORMATS = {"tty", "txt", *_PICTURE_FORMATS}


def _picture_kind(fmt: str, path: Path) -> str:
    """PNG, JPEG, GIF...: what a person calls the picture ffmpeg names `png_pipe`, `image2`..."""
    first = fmt.split(",")[0]
    if first == "image2":
        return path.suffix.lstrip(".").upper() or "image"
    return first.removesuffix("_pipe").upper()


def _is_cover_art(stream: object) -> bool:
    """An MP3's or M4A's embedded picture (a "video" stream of one frame at 90000 fps). PyAV 18's disposition is an
    IntFlag whose str() is the number ("1024"): the flag is tested, not the text."""
    import av

    flag = getattr(getattr(av.stream, "Disposition", None), "attached_pic", 1024)
    try:
        return bool(int(getattr(stream, "disposition", 0) or 0) & int(flag))
    except (TypeError, ValueError):
        return "attached_pic" in repr(getattr(stream, "disposition", "")).lower()


def _legacy_rotation(stream: object) -> int:
    meta = getattr(stream, "metadata", {}) or {}
    try:
        return int(meta.get("rotate", 0)) % 360
    except ValueError:
        return 0


def probe(path: str | os.PathLike[str]) -> MediaInfo:
    """Return what `path` holds, or raise `MediaError` with a one-line reason naming the file."""
    p = Path(path)
    name = str(p)
    if not p.exists():
        raise MediaError(N_("{path}: file not found."), path=name)
    if p.is_dir():
        raise MediaError(N_("{path}: is a folder, not a media file."), path=name)
    try:
        size = p.stat().st_size
    except OSError as exc:
        raise MediaError(N_("{path}: cannot be read ({reason})."), path=name, reason=exc.strerror) from exc
    if not p.is_file():  # /dev/zero, a named pipe, a socket: endless or gone once read, never a recording
        raise MediaError(N_("{path}: is not a file but a device or a pipe: save the recording as a file and import "
                            "that."), path=name)
    if size == 0:
        raise MediaError(N_("{path}: the file is empty."), path=name)
    try:  # no read permission (another user's file): said as such, not as "not a usable media file"
        with open(p, "rb"):
            pass
    except OSError as exc:
        raise MediaError(N_("{path}: cannot be read ({reason})."), path=name, reason=exc.strerror) from exc

    import av

    try:
        container = av.open(name, metadata_errors="ignore")
    except av.error.FFmpegError as exc:
        reason = (getattr(exc, "strerror", None) or str(exc).split(":")[-1].strip().strip("'")) or exc.__class__.__name__
        if "moov" in str(exc):
            raise MediaError(N_("{path}: not a usable media file (truncated or incomplete (no index/moov atom) - was "
                                "the copy or recording interrupted?)."), path=name) from exc
        if reason.strip("'") in (name, p.name) or "/" in reason:
            raise MediaError(N_("{path}: not a usable media file (the format was not recognised)."),
                             path=name) from exc
        if reason == "Invalid data found when processing input":  # the usual word for a damaged or cut-off file
            raise MediaError(N_("{path}: not a usable media file (Invalid data found when processing input)."),
                             path=name) from exc
        raise MediaError(N_("{path}: not a usable media file ({reason})."), path=name, reason=reason) from exc
    except (OSError, UnicodeError) as exc:
        raise MediaError(N_("{path}: cannot be opened ({reason})."), path=name, reason=exc) from exc
    try:
        fmt = container.format.name
        if any(f in _PICTURE_FORMATS for f in fmt.split(",")):
            raise MediaError(N_("{path}: is a picture ({kind}), not a video or audio file: import the video or sound "
                                "recording itself."), path=name, kind=_picture_kind(fmt, p))
        if any(f in _NOT_MEDIA_FORMATS for f in fmt.split(",")):
            raise MediaError(N_("{path}: not a video or audio file (looks like {kind})."), path=name,
                             kind=container.format.long_name)
        videos: list[VideoStream] = []
        audios: list[AudioStream] = []
        for s in container.streams:
            if s.type == "video":
                cc = s.codec_context
                if not cc.width or not cc.height:
                    continue
                if _is_cover_art(s):
                    continue  # cover art in audio files
                rate = s.average_rate or s.guessed_rate or 0
                videos.append(
                    VideoStream(
                        width=int(cc.width),
                        height=int(cc.height),
                        fps=round(float(rate), 3) if rate else 0.0,
                        codec=str(cc.name),
                        rotation=_legacy_rotation(s),
                    )
                )
            elif s.type == "audio":
                cc = s.codec_context
                audios.append(AudioStream(channels=int(cc.channels or 0), sample_rate=int(cc.sample_rate or 0), codec=str(cc.name)))
        if not videos and not audios:
            raise MediaError(N_("{path}: not a video or audio file (no audio or video stream found)."), path=name)
        duration_ms = 0
        if container.duration:
            duration_ms = int(container.duration / 1000)
        else:
            for s in container.streams:
                if s.duration and s.time_base:
                    duration_ms = max(duration_ms, int(float(s.duration * s.time_base) * 1000))
        rotation = _check_decodable(container, name)
        if rotation and videos:
            v0 = videos[0]
            videos[0] = VideoStream(v0.width, v0.height, v0.fps, v0.codec, rotation % 360)
        if duration_ms <= 0:
            raise MediaError(N_("{path}: has no duration (an empty or broken stream, or a file still being recorded or "
                                "copied): import it again once it is complete."), path=name)
        if duration_ms > 2000:
            _check_tail(container, name, duration_ms)
        return MediaInfo(
            duration_ms=duration_ms,
            container=fmt,
            video=tuple(videos),
            audio=tuple(audios),
            size_bytes=size,
        )
    finally:
        container.close()


def _check_decodable(container: object, name: str) -> int:
    """Decode the first frames: catches files whose header is fine but whose data is missing.

    Returns the display rotation of the first video frame (degrees, as ffmpeg's display matrix gives it).
    """
    import av

    try:
        streams = [s for s in container.streams if s.type in ("audio", "video")]  # type: ignore[attr-defined]
        got = 0
        rotation = 0
        seen_video = not any(s.type == "video" for s in streams)
        for frame in container.decode(*streams):  # type: ignore[attr-defined]
            got += 1
            if isinstance(frame, av.VideoFrame) and not seen_video:
                seen_video = True
                rotation = int(getattr(frame, "rotation", 0) or 0)
            if got >= 3 and seen_video:
                return rotation
            if got > 400:
                return rotation
    except av.error.FFmpegError as exc:
        if "avcodec_open2" in str(exc):  # the decoder refused the track's own header (0 channels, 65535 channels...)
            raise MediaError(N_("{path}: the header of its sound or picture track is damaged, so it cannot be played "
                                "(the file was damaged or written by a faulty program): export or copy the recording "
                                "again from the phone, camera or recorder."), path=name) from exc
        raise MediaError(N_("{path}: the media data is damaged or missing ({reason})."), path=name,
                         reason=str(exc).split(":")[-1].strip()) from exc
    if got == 0:
        raise MediaError(N_("{path}: no frame could be decoded (the media data is missing or truncated)."), path=name)
    return rotation


def _check_tail(container: object, name: str, duration_ms: int) -> None:
    """Seek near the end the header promises and decode: catches files cut short after a valid header.

    Each audio and video stream is tried, longest first: a phone clip's video may stop long before its sound (or the
    other way round), and the file is whole when any of its streams reaches the end."""
    import av

    target_ms = int(duration_ms * 0.9)
    streams = [s for s in container.streams if s.type in ("video", "audio")]  # type: ignore[attr-defined]
    if not streams:
        return
    streams.sort(key=lambda s: -float(s.duration * s.time_base) if s.duration and s.time_base else 0.0)
    # a seek lands on the key frame before the target: allow a long GOP, never hours
    slack_ms = max(30_000, duration_ms // 10)
    reached: float | None = None
    for stream in streams:
        try:
            if stream.time_base:
                container.seek(int(target_ms / 1000 / stream.time_base), stream=stream,  # type: ignore[attr-defined]
                               any_frame=False, backward=True)
            else:
                container.seek(target_ms * 1000, any_frame=False, backward=True)  # type: ignore[attr-defined]
            for frame in container.decode(stream):  # type: ignore[attr-defined]
                if frame.time is None:
                    return
                reached = max(reached or 0.0, float(frame.time))
                break
        except av.error.FFmpegError:
            continue
        except Exception:  # noqa: BLE001 - unseekable formats: keep the earlier checks' verdict
            return
        if reached is not None and reached * 1000 >= target_ms - slack_ms:
            return
    if reached is not None:
        raise MediaError(N_("{path}: truncated - the file ends before the {seconds} s its header promises (its data "
                            "ends near {reached} s) (an interrupted copy or download, or a damaged header?)."),
                         path=name, seconds=Number(duration_ms / 1000), reached=Number(reached))
    raise MediaError(N_("{path}: truncated - the file ends before the {seconds} s its header promises (an "
                        "interrupted copy or download, or a damaged header?)."),
                     path=name, seconds=Number(duration_ms / 1000))


def picture_end_ms(path: str | os.PathLike[str]) -> int | None:
    """Where the first video stream ends on the file's clock (ms from the file's start), when its header says; None
    when it does not or the file cannot be opened. A phone clip's picture can stop long before its sound."""
    import av

    try:
        container = av.open(str(path), metadata_errors="ignore")
    except (av.error.FFmpegError, OSError, UnicodeError):
        return None
    with container:
        if not container.streams.video:
            return None
        s = container.streams.video[0]
        if not s.duration or not s.time_base:
            return None
        start = float((s.start_time or 0) * s.time_base)
        origin = container.start_time / 1_000_000 if container.start_time else 0.0
        return int((start + float(s.duration * s.time_base) - origin) * 1000)


def check_output(path: Path, expected_ms: int, *, video: bool, audio: bool) -> None:
    """An output ffmpeg says it wrote, checked before it is renamed into place: the streams it must have and about
    the duration it must last. ffmpeg exits 0 for a range with no media in it, leaving an empty file."""
    import av

    short = N_("The export came out empty: the source holds no media in the range asked for (its header may promise "
               "more than the file holds). Nothing was written; choose a range within the media.")
    try:
        container = av.open(str(path), metadata_errors="ignore")
    except (av.error.FFmpegError, OSError) as exc:
        raise MediaError(short) from exc
    try:
        kinds = {s.type for s in container.streams if s.type in ("video", "audio") and (s.frames or s.duration)}
        got = kinds or {s.type for s in container.streams}
        missing = [k for k, want in (("video", video), ("audio", audio)) if want and k not in got]
        duration_ms = int(container.duration / 1000) if container.duration else 0
    finally:
        container.close()
    if missing or duration_ms <= 0:
        raise MediaError(short)
    if duration_ms < expected_ms - max(500, expected_ms // 10):
        raise MediaError(N_(
            "The export came out {got} s long instead of {wanted} s: the source holds no media for the rest of the "
            "range (its header may promise more than the file holds). Nothing was written; choose a range within the "
            "media."), got=Number(duration_ms / 1000), wanted=Number(expected_ms / 1000))
