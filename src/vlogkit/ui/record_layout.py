"""The Record tab's widgets and their layout, sized to fit a 1280x720 screen: the preview scales down (16:9, at
least 320x180), the take's side panel sits beside it, and the "how to fix it" steps and the script fold away.

`setup_record_tab(tab)` makes the widgets as attributes of the tab (as a Designer `setupUi` would); the tab wires them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from vlogkit.ui.i18n import tr
from vlogkit.ui.record_preview import PreviewLabel
from vlogkit.ui.record_widgets import KeepForm, NoDevicePanel, PromptCard, RecoveryBanner

if TYPE_CHECKING:
    from vlogkit.ui.record_tab import RecordTab


def setup_record_tab(self: RecordTab) -> None:
    self.no_device = NoDevicePanel()
    self.recovery = RecoveryBanner()
    self.prompt_card = PromptCard(self.app.prompts)
    self.preview = PreviewLabel()  # 16:9, as large as the window allows (fits a 1280x720 screen)
    self.level_meter = QProgressBar()
    self.level_meter.setRange(0, 100)
    self.level_meter.setTextVisible(False)
    self.level_meter.setMaximumHeight(10)
    self.level_meter.setToolTip(tr("Microphone level"))
    self.timer_label = QLabel()
    self.timer_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    self.timer_label.setMinimumWidth(90)
    f = QFont(self.timer_label.font())
    f.setPointSize(22)
    f.setBold(True)
    self.timer_label.setFont(f)
    self.status_label = QLabel()
    self.status_label.setWordWrap(True)
    self.camera_box, self.mic_box = QComboBox(), QComboBox()
    for box in (self.camera_box, self.mic_box):
        box.setMinimumContentsLength(12)
        box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    self.resolution_box = QComboBox()
    self.resolution_box.addItems(["720p", "1080p"])
    self.mirror_check = QCheckBox(tr("Mirror preview"))
    self.mirror_check.setChecked(True)
    self.mirror_check.setToolTip(tr("Only the preview is mirrored; the recording never is."))
    self.audio_only_check = QCheckBox(tr("Audio only"))
    self.limit_box = QSpinBox()
    self.limit_box.setRange(10, 600)
    self.limit_box.setSuffix(" s")
    self.limit_box.setValue(int(self.app.settings.record_limit_s))
    self.script = QPlainTextEdit()
    self.script.setPlaceholderText(tr("Optional: paste a short script; it scrolls while you record."))
    self.script.setMaximumHeight(80)
    self.script.hide()
    self.script_button = QToolButton()  # the script folds away: most takes have none
    self.script_button.setText(tr("Script"))
    self.script_button.setCheckable(True)
    self.script_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    self.script_button.setArrowType(Qt.ArrowType.RightArrow)
    self.record_button = QPushButton(tr("● Record"))
    self.stop_button = QPushButton(tr("■ Stop"))
    self.retake_button = QPushButton(tr("Retake"))
    self.keep_button = QPushButton(tr("Keep"))
    self.keep_button.setDefault(True)
    self.keep_form = KeepForm(self.app.capture.last_speaker())

    devices = QHBoxLayout()
    for label, w in ((tr("Camera"), self.camera_box), (tr("Microphone"), self.mic_box),
                     (tr("Resolution"), self.resolution_box), (tr("Limit"), self.limit_box)):
        devices.addWidget(QLabel(label))
        devices.addWidget(w, 1 if isinstance(w, QComboBox) and w is not self.resolution_box else 0)
    devices.addWidget(self.audio_only_check)
    buttons = QHBoxLayout()
    for b in (self.record_button, self.stop_button, self.retake_button):
        buttons.addWidget(b)
    buttons.addStretch(1)
    buttons.addWidget(self.mirror_check)
    buttons.addWidget(self.script_button)
    left = QVBoxLayout()
    left.addWidget(self.preview, 1)
    left.addWidget(self.level_meter)
    left.addLayout(buttons)
    left.addWidget(self.script)
    clock = QHBoxLayout()
    clock.addWidget(self.timer_label)
    clock.addWidget(self.status_label, 1)
    right = QVBoxLayout()
    right.addLayout(clock)
    right.addWidget(self.keep_form)
    right.addWidget(self.keep_button)
    right.addStretch(1)
    side = QWidget()  # the take's side panel keeps its width; the preview takes the rest
    side.setLayout(right)
    side.setMinimumWidth(340)
    side.setMaximumWidth(460)
    right.setContentsMargins(0, 0, 0, 0)
    middle = QHBoxLayout()
    middle.addLayout(left, 1)
    middle.addWidget(side)
    lay = QVBoxLayout(self)
    lay.setSpacing(6)
    lay.addWidget(self.no_device)
    lay.addWidget(self.recovery)
    lay.addWidget(self.prompt_card)
    lay.addLayout(devices)
    lay.addLayout(middle, 1)

    self.script_button.toggled.connect(self._on_script_button_toggled)
