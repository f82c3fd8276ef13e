"""Decoding to 16 kHz and telling ordinary stereo from one-speaker-per-channel stereo."""

from __future__ import annotations

import pytest

from vlogkit.errors import MediaError, NoAudioError
from vlogkit.transcribe.audio import SAMPLE_RATE, decode, is_split_stereo, load_audio


def test_same_voice_stereo_is_mixed_down(media) -> None:
    audio = load_audio(media / "en" / "jfk.flac")
    assert audio.source_channels == 2 and not audio.split
    assert len(audio.channels) == 1 and audio.duration_ms == 11000


def test_one_speaker_per_channel_is_kept_apart(media) -> None:
    audio = load_audio(media / "en" / "stereo_diarization.wav")
    assert audio.split and len(audio.channels) == 2 and audio.duration_ms == 5000


def test_a_dead_channel_is_not_a_second_speaker(media) -> None:
    data, _ = decode(media / "en" / "jfk.flac")
    assert not is_split_stereo(data[0], data[0] * 0.001)  # one channel ~60 dB down: mic on one side only


def test_video_audio_resampled_to_16k(small_video) -> None:
    data, channels = decode(small_video)
    assert channels == 1 and data.dtype.name == "float32"
    assert abs(data.shape[1] - 3 * SAMPLE_RATE) < SAMPLE_RATE // 10


def test_video_without_audio_and_non_media(synth, tmp_path) -> None:
    silent = synth("noaudio.mp4", "-f", "lavfi", "-i", "testsrc2=s=160x120:r=10:d=1", "-c:v", "libx264",
                   "-preset", "ultrafast", "-pix_fmt", "yuv420p")
    with pytest.raises(NoAudioError, match="no audio track"):
        load_audio(silent)
    junk = tmp_path / "notes.mp3"
    junk.write_text("not audio")
    with pytest.raises(MediaError):
        load_audio(junk)
