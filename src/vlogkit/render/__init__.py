"""Rendering: caption cues and subtitle text (SRT, WebVTT), and later the clip export plan and its ffmpeg run."""
