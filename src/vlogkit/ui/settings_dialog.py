"""Settings: model (bundled `base`; larger ones downloaded only on request), default language, glossary, UI language,
brand kit (logo, colour, caption font from the bundled fonts), loudness target, export folder, CSV separator."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QColorDialog,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from vlogkit.config import locale_csv_separator
from vlogkit.errors import VlogkitError
from vlogkit.ui.i18n import LANGUAGES, error_text, tr
from vlogkit.ui.import_dialog import fill_language_combo
from vlogkit.ui.resources import bundled_fonts

if TYPE_CHECKING:
    from vlogkit.services import App
    from vlogkit.ui.jobs import Job, JobManager

MODEL_SIZES = {"base": "145 MB", "small": "484 MB", "medium": "1.5 GB", "large-v3": "3.1 GB",
               "large-v3-turbo": "1.6 GB", "distil-large-v3": "1.5 GB"}


class SettingsDialog(QDialog):
    def __init__(self, app: App, jobs: JobManager, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app, self.jobs = app, jobs
        self.download_job: Job | None = None
        s = app.settings
        self.setWindowTitle(tr("Settings"))
        self.setMinimumWidth(620)
        lay = QVBoxLayout(self)

        tgroup = QGroupBox(tr("Transcription"))
        tf = QFormLayout(tgroup)
        self.model = QComboBox()
        self.model_note = QLabel()
        self.model_note.setWordWrap(True)
        self.download_button = QPushButton(tr("Download this model"))
        self._fill_models(s.model)
        mrow = QHBoxLayout()
        mrow.addWidget(self.model, 1)
        mrow.addWidget(self.download_button)
        tf.addRow(tr("Model"), mrow)
        tf.addRow("", self.model_note)
        self.language = QComboBox()
        fill_language_combo(self.language, s.default_language)
        tf.addRow(tr("Spoken language"), self.language)
        self.languages = QLineEdit(s.languages)
        self.languages.setPlaceholderText("nl,fr,en")
        self.languages.setToolTip(tr("With automatic language, each stretch of a vlog is read in one of these "
                                     "(codes such as nl,fr,en), or in any language Whisper knows ('any')."))
        self.languages_note = QLabel("")
        self.languages_note.setStyleSheet("color: #c62828;")
        tf.addRow(tr("Languages a vlog may switch between"), self.languages)
        tf.addRow("", self.languages_note)
        self.glossary = QPlainTextEdit(s.glossary)
        self.glossary.setPlaceholderText(tr("Names and words Whisper should know, one per line"))
        self.glossary.setMaximumHeight(70)
        tf.addRow(tr("Glossary"), self.glossary)
        self.auto = QCheckBox(tr("Transcribe automatically after import"))
        self.auto.setChecked(s.auto_transcribe)
        tf.addRow("", self.auto)
        lay.addWidget(tgroup)

        bgroup = QGroupBox(tr("Brand kit and export"))
        bf = QFormLayout(bgroup)
        self.logo = QLineEdit(s.brand_logo)
        logo_button = QPushButton(tr("Browse…"))
        logo_button.clicked.connect(self._on_logo_clicked)
        lrow = QHBoxLayout()
        lrow.addWidget(self.logo, 1)
        lrow.addWidget(logo_button)
        bf.addRow(tr("Logo"), lrow)
        self.color = QPushButton(s.brand_color)
        self._paint_color(s.brand_color)
        self.color.clicked.connect(self._on_color_clicked)
        bf.addRow(tr("Caption colour"), self.color)
        self.font = QComboBox()
        for family in bundled_fonts():
            self.font.addItem(family)
        self.font.setCurrentIndex(max(0, self.font.findText(s.caption_font)))
        bf.addRow(tr("Caption font"), self.font)
        self.loudness = QDoubleSpinBox()
        self.loudness.setRange(-30.0, -8.0)
        self.loudness.setSuffix(" LUFS")
        self.loudness.setValue(float(s.loudness_target))
        bf.addRow(tr("Loudness target"), self.loudness)
        self.export_dir = QLineEdit(s.export_dir or str(app.paths.default_export_dir))
        bf.addRow(tr("Export folder"), self.export_dir)
        self.csv_separator = QComboBox()
        auto = tr("Semicolons") if locale_csv_separator() == ";" else tr("Commas")
        for code, label in (("", tr("As this computer's spreadsheet expects ({s})", s=auto.lower())),
                            (",", tr("Commas")), (";", tr("Semicolons (Excel in Belgium, the Netherlands, France)"))):
            self.csv_separator.addItem(label, code)
        self.csv_separator.setCurrentIndex(max(0, self.csv_separator.findData(s.csv_separator)))
        self.csv_separator.setToolTip(tr("Between the cells of a quote bank CSV: a spreadsheet that expects the "
                                         "other one shows every quote in one column."))
        bf.addRow(tr("CSV cells"), self.csv_separator)
        lay.addWidget(bgroup)

        team = QGroupBox(tr("Team"))
        tmf = QFormLayout(team)
        self.user_name = QLineEdit(s.user_name)
        self.user_name.setPlaceholderText(app.user)
        self.user_name.setToolTip(tr("Kept with approvals, consent changes and exports"))
        tmf.addRow(tr("Your name"), self.user_name)
        self.library_url = QLineEdit(s.library_url)
        self.library_url.setPlaceholderText(tr("empty: this computer's own library"))
        self.library_url.setToolTip("postgresql://user@server/vlogkit")
        tmf.addRow(tr("Team library"), self.library_url)
        self.media_root = QLineEdit(s.media_root)
        tmf.addRow(tr("Team media folder"), self.media_root)
        self.team_key = QLineEdit(s.team_key)
        self.team_key.setEchoMode(QLineEdit.EchoMode.Password)
        self.team_key.setToolTip(tr("Signs hand-off packages; the same on every desk of the team"))
        tmf.addRow(tr("Team key"), self.team_key)
        self.inbox_dir = QLineEdit(s.inbox_dir)
        self.inbox_dir.setToolTip(tr("Hand-off packages that arrive in this folder are imported"))
        tmf.addRow(tr("Inbox folder"), self.inbox_dir)
        note = QLabel(tr("Team settings apply when vlogkit starts again."))
        note.setWordWrap(True)
        tmf.addRow("", note)
        lay.addWidget(team)

        ugroup = QGroupBox(tr("Interface"))
        uf = QFormLayout(ugroup)
        self.ui_language = QComboBox()
        self.ui_language.addItem(tr("System language"), "")
        for code, name in LANGUAGES.items():
            self.ui_language.addItem(name, code)
        self.ui_language.setCurrentIndex(max(0, self.ui_language.findData(s.ui_language)))
        uf.addRow(tr("Language"), self.ui_language)
        uf.addRow("", QLabel(tr("A new interface language applies when vlogkit starts again.")))
        self.theme = QComboBox()
        for code, label in (("", tr("Follow the system")), ("light", tr("Light")), ("dark", tr("Dark"))):
            self.theme.addItem(label, code)
        self.theme.setCurrentIndex(max(0, self.theme.findData(s.theme)))
        uf.addRow(tr("Theme"), self.theme)
        lay.addWidget(ugroup)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(tr("Save"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Cancel"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.model.currentIndexChanged.connect(self._on_model_changed)
        self.download_button.clicked.connect(self.download_model)
        self._on_model_changed()

    def _fill_models(self, current: str) -> None:
        try:
            from vlogkit.transcribe.models import list_models

            models = list_models()
        except Exception:  # noqa: BLE001 - the list is informative; fall back to the bundled model
            models = [{"name": "base", "status": "bundled", "kind": "bundled"}]
        for m in models:
            name = str(m["name"])
            status = {"installed": tr("installed"), "bundled": tr("bundled"), "available": tr("not downloaded"),
                      "missing": tr("missing")}.get(str(m["status"]), str(m["status"]))
            size = MODEL_SIZES.get(name, f"{m.get('size_mb') or '?'} MB")
            self.model.addItem(f"{name}  ({size}, {status})", name)
            self.model.setItemData(self.model.count() - 1, str(m["status"]), 257)
        self.model.setCurrentIndex(max(0, self.model.findData(current)))

    def _on_model_changed(self) -> None:
        status = self.model.currentData(257)
        needs = status == "available"
        self.download_button.setVisible(needs)
        self.model_note.setText(tr("This model is downloaded only when you click Download (needs the internet "
                                   "once); until then transcription uses it only after the download.")
                                if needs else tr("Ready to use offline."))

    def download_model(self) -> None:
        name = str(self.model.currentData())
        self.model_note.setText(tr("Downloading {m}… (progress in the jobs area)", m=name))
        self.download_button.setEnabled(False)
        job = self.jobs.run_process(tr("Download model {m}", m=name), "download_model", name=name)
        job.failed.connect(self.model_note.setText)
        job.succeeded.connect(lambda _r: self.model_note.setText(tr("Model {m} is ready.", m=name)))
        job.ended.connect(lambda: self.download_button.setEnabled(True))
        self.download_job = job

    def _paint_color(self, value: str) -> None:
        self.color.setText(value)
        self.color.setStyleSheet(f"background: {value}; color: #000;")

    def _on_color_clicked(self) -> None:
        c = QColorDialog.getColor(QColor(self.color.text()), self, tr("Caption colour"))
        if c.isValid():
            self._paint_color(c.name().upper())

    def _on_logo_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, tr("Logo"), "", tr("Images (*.png *.jpg *.svg)"))
        if path:
            self.logo.setText(path)

    def save(self) -> None:
        s = self.app.settings
        try:
            s.languages = self.app.transcription.allowed_languages(self.languages.text())
        except VlogkitError as exc:
            self.languages_note.setText(error_text(exc))
            return
        s.model = str(self.model.currentData())
        s.default_language = str(self.language.currentData())
        s.glossary = self.glossary.toPlainText().strip()
        s.auto_transcribe = self.auto.isChecked()
        s.brand_logo = self.logo.text().strip()
        s.brand_color = self.color.text()
        s.caption_font = self.font.currentText() or s.caption_font
        s.loudness_target = float(self.loudness.value())
        s.export_dir = self.export_dir.text().strip()
        s.csv_separator = str(self.csv_separator.currentData())
        s.ui_language = str(self.ui_language.currentData())
        s.user_name = self.user_name.text().strip()
        s.library_url = self.library_url.text().strip()
        s.media_root = self.media_root.text().strip()
        s.team_key = self.team_key.text()
        s.inbox_dir = self.inbox_dir.text().strip()
        s.theme = str(self.theme.currentData())
        self.app.save_settings()
        from vlogkit.ui.theme import install_theme

        install_theme(s.theme)  # a theme applies at once
        self.accept()
