"""The Record tab's crash recovery: the banner about a take left behind when vlogkit stopped, recovering it (with
the speaker and consent its journal kept) or discarding it."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from vlogkit.errors import VlogkitError
from vlogkit.ui.i18n import error_text, number_text, tr

if TYPE_CHECKING:
    from PySide6.QtWidgets import QLabel

    from vlogkit.capture.recovery import InterruptedTake
    from vlogkit.capture.session import Take
    from vlogkit.services import App
    from vlogkit.ui.record_widgets import KeepForm, RecoveryBanner


class RecoveryMixin:
    """Mixed into `RecordTab`, which holds these."""

    if TYPE_CHECKING:
        app: App
        take: Take | None
        take_details: dict[str, object]
        interrupted: list[InterruptedTake]
        recovery: RecoveryBanner
        keep_form: KeepForm
        status_label: QLabel
        confirm: Callable[[str], bool]

        def show_error(self, text: str) -> None: ...
        def _update_controls(self) -> None: ...

    def check_interrupted(self) -> None:
        self.interrupted = self.app.capture.interrupted()
        if not self.interrupted:
            self.recovery.hide()
            return
        it = self.interrupted[0]
        when = it.started.replace("T", " ")[:16] or tr("an earlier session")
        self.recovery.message.setText(tr("A take from {when} was left behind when vlogkit stopped unexpectedly. "
                                         "Recover it to keep it?", when=when))
        self.recovery.show()

    def recover_interrupted(self) -> None:
        if not self.interrupted or self.take is not None:
            return
        left = self.interrupted[0]
        try:
            self.take = self.app.capture.recover(left)
        except VlogkitError as exc:
            self.show_error(error_text(exc))
            return
        self.take_details = dict(left.details)
        self.check_interrupted()
        seconds = number_text(self.take.duration_ms / 1000)
        if self.keep_form.fill(self.take_details):
            self.status_label.setText(tr("Recovered {s} s, with the speaker and consent given when it was recorded: "
                                         "check them, then Keep.", s=seconds))
        else:
            self.status_label.setText(tr("Recovered {s} s. Fill in the speaker and consent, then Keep.", s=seconds))
        self._update_controls()

    def discard_interrupted(self) -> None:
        if self.interrupted and self.confirm(tr("Discard the interrupted take for good?")):
            self.app.capture.discard(self.interrupted[0])
            self.check_interrupted()
