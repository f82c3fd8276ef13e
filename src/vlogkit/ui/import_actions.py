"""The main window's import and transcription actions: pick files or a folder, ask who speaks, import in a
background job, then transcribe (in a worker process) and analyse faces. A mixin of `MainWindow`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QFileDialog

from vlogkit.ui.i18n import error_text, tr, trn
from vlogkit.ui.import_dialog import ImportDialog
from vlogkit.ui.jobs import DONE, Job

if TYPE_CHECKING:
    from vlogkit.services import App
    from vlogkit.ui.jobs import JobManager
    from vlogkit.ui.library_view import LibraryView
    from vlogkit.ui.vlog_editor import VlogEditor


class ImportActions:
    """Needs from the window: `app`, `jobs`, `library`, `editor`, `transcribing`, `statusBar()`, `show_error()`,
    `open_vlog()`."""

    app: App
    jobs: JobManager
    library: LibraryView
    editor: VlogEditor
    transcribing: dict[str, Job]

    # -- import ---------------------------------------------------------------------------------------
    def choose_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(self, tr("Import videos"), "",
                                                tr("Video and audio (*.mp4 *.mov *.m4v *.mkv *.webm *.avi *.mp3 "
                                                   "*.m4a *.wav *.flac *.ogg);;All files (*)"))
        if files:
            self.import_paths(files)

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, tr("Import a folder"))
        if folder:
            self.import_paths([folder])

    def import_paths(self, paths: list[str]) -> None:
        """Ask who speaks (non-modal dialog), then import in a background job."""
        dlg = ImportDialog(self.app.settings, len(paths), self, consent=self.app.consent)
        dlg.accepted.connect(lambda: self._on_import_accepted(dlg, paths))
        self.import_dialog = dlg
        dlg.open()

    def _on_import_accepted(self, dlg: ImportDialog, paths: list[str]) -> None:
        dlg.remember()
        self.app.save_settings()
        self.start_import(paths, dlg.options())

    def start_import(self, paths: list[str], options: Any) -> Job:
        job = self.jobs.run(trn("Import {n} item", "Import {n} items", len(paths)), self._import_job, list(paths), options)
        job.succeeded.connect(lambda results, j=job: self._on_import_done(results, j))  # queued: it cannot end before
        return job

    def _import_job(self, paths: list[str], options: Any, ctx: Any) -> list[Any]:
        files, results = self.app.library.expand(paths)
        for i, f in enumerate(files):
            ctx.raise_if_cancelled()
            results.append(self.app.library.import_file(f, options, ctx=ctx.sub(i / len(files), (i + 1) / len(files))))
        return results

    def _on_import_done(self, results: list[Any], job: Job | None = None) -> None:
        self.library.refresh()
        errors = [error_text(r.failure or r.error) for r in results if not r.ok]
        new = [r.vlog.id for r in results if r.ok and not r.existing]
        if job is not None and errors:  # the jobs area says what happened, not a plain "Done"
            job.summary = ", ".join(([trn("{n} vlog imported", "{n} vlogs imported", len(new))] if new else [])
                                    + [trn("{n} file failed", "{n} files failed", len(errors))])
            job.problem = True
        if errors:
            self.show_error("\n".join(errors[:8]))
        found = [r for r in results if r.ok and r.existing and r.warnings]  # its file had moved: it uses this one
        message = trn("Imported {n} vlog", "Imported {n} vlogs", len(new))
        if found:
            message += " " + trn("{n} vlog found its file again at its new place.", "{n} vlogs found their files again at their new place.", len(found))
        self.statusBar().showMessage(message, 10000)
        if new and self.app.settings.auto_transcribe:
            self.transcribe(new)
        self.analyse_faces([r.vlog.id for r in results if r.ok and not r.existing and r.vlog.media.has_video])

    def import_sample(self) -> Job:
        """The sample vlog (synthetic voice, drawn picture), imported and transcribed like any other; then opened."""
        from vlogkit.services.sample import import_sample

        return self.jobs.run(tr("Import the sample vlog"), import_sample, self.app, on_result=self._on_sample_imported)

    def _on_sample_imported(self, result: Any) -> None:
        if not result.ok:
            self.show_error(error_text(result.failure or result.error))
            return
        self._on_import_done([result])
        self.open_vlog(result.vlog.id)
        self.statusBar().showMessage(tr("The sample vlog is open: it is being transcribed. Then pick a quote, "
                                        "select words to set the clip, and export it (Ctrl+E)."), 20000)

    def analyse_faces(self, ids: list[str]) -> None:
        """Face tracks for reframing, in the background after import (exports then reuse the cache)."""
        if self.app._transcriber is not None:  # test setups with scripted engines: exports analyse on demand
            return
        for vid in ids:
            self.jobs.run_process(tr("Analyse faces"), "analyse_faces", quiet=True, vlog_id=vid)

    def _on_record_take_kept(self, vlog_id: str) -> None:
        self.library.refresh()
        if self.app.settings.auto_transcribe:
            self.transcribe([vlog_id])

    # -- transcription --------------------------------------------------------------------------------
    def transcribe(self, ids: list[str]) -> None:
        for vid in ids:
            if vid in self.transcribing:
                continue
            try:
                vlog = self.app.library.get(vid)
            except Exception as exc:  # noqa: BLE001 - NotFound etc.: one line
                self.show_error(error_text(exc))
                continue
            title = tr("Transcribe {t}", t=vlog.title or vid)
            lang = None if vlog.language == "auto" else vlog.language
            if self.app._transcriber is None:  # the real engine: in a worker process, never in this one
                job = self.jobs.run_process(title, "transcribe", vlog_id=vid, language=lang)
            else:  # an injected (test) transcriber lives in this process
                job = self.jobs.run(title, self.app.transcription.transcribe, vid, language=lang)
            self.transcribing[vid] = job
            self.library.busy.add(vid)
            job.ended.connect(lambda v=vid, j=job: self._on_transcription_ended(v, j))
        self.library.refresh()

    def _on_transcription_ended(self, vlog_id: str, job: Job) -> None:
        self.transcribing.pop(vlog_id, None)
        self.library.busy.discard(vlog_id)
        self.library.refresh()
        if job.state == DONE and self.editor.vlog is not None and self.editor.vlog.id == vlog_id:
            self.editor.reload_transcript()
        if job.state == DONE:
            lost = (job.result.get("edits_lost", []) if isinstance(job.result, dict)
                    else [w.display for w in self.app.transcription.last_edits_lost])
            if lost:
                self.statusBar().showMessage(trn(
                    "Transcribed again: your fixes were kept, except {n} edit on a word it did not hear again "
                    "({words}) - make it again in the transcript.",
                    "Transcribed again: your fixes were kept, except {n} edits on words it did not hear again "
                    "({words}) - make them again in the transcript.", len(lost), words=", ".join(lost[:5])))
