"""Files and streams: probing (PyAV), the ffmpeg runner, thumbnails, fingerprints, face tracking."""
