"""Local transcription: the `Transcriber` protocol, the faster-whisper engine, model resolution, the cache.

Public surface: `transcribe.engine.WhisperEngine` / `Transcriber`, `transcribe.scripted.ScriptedTranscriber`,
`transcribe.models.resolve_model` / `list_models` / `model_status`, `transcribe.subtitles_import.load_subtitles`.
Heavy imports (faster_whisper, av, numpy) happen inside the functions that need them.
"""
