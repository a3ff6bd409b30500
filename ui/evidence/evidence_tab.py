"""Evidence of a case: add by drag-and-drop or file picker (in a worker, with progress and
cancel), the list, and the selected item's record, custody timeline and preview."""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from intake.chats import ChatService
from intake.custody import CustodyService
from intake.evidence import EvidenceService
from intake.models import Acquisition, Evidence, ReverifyResult
from intake.people import PeopleService
from ui.evidence.acquisition_dialog import AcquisitionDialog
from ui.evidence.conversation_view import ConversationView
from ui.evidence.custody_event_dialog import CustodyEventDialog
from ui.evidence.custody_timeline import CustodyTimeline
from ui.evidence.description_dialog import DescriptionDialog
from ui.evidence.evidence_details import EvidenceDetails
from ui.evidence.preview_widget import PreviewWidget
from ui.form_drafts import EVIDENCE_ACQUISITION, EVIDENCE_CUSTODY, EVIDENCE_DESCRIPTION
from ui.formatting import size, when
from ui.job_panel import JobPanel
from ui.operations import CUSTODY, EVIDENCE, ChangeListener, operations
from ui.widgets import plain_label
from ui.workers import Job, ProgressFn

log = logging.getLogger(__name__)


class EvidenceTab(QWidget):
    def __init__(
        self,
        evidence: EvidenceService,
        custody: CustodyService,
        people: PeopleService,
        case_id: str,
        actor: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._evidence = evidence
        self._people = people
        self.case_id = case_id
        self.actor = actor
        self._items: list[Evidence] = []
        self._custody = custody
        self.acquisition_dialog: AcquisitionDialog | None = None
        self.setAcceptDrops(True)
        self.add_button = QPushButton(self.tr("&Add files…"), self)
        self.add_button.setAccessibleName(self.tr("Add evidence files"))
        self.add_button.clicked.connect(self._pick_files)
        self.drop_hint = plain_label(self.tr("or drop files here"), self, wrap=False)
        self.capture_button = QPushButton(self.tr("Capture a &web page…"), self)
        self.capture_button.setAccessibleName(self.tr("Capture a web page into this case"))
        self.capture_button.clicked.connect(self.open_capture)
        self.panel = JobPanel(
            self,
            progress_name=self.tr("Adding files"),
            result_name=self.tr("Evidence status"),
            cancel_name=self.tr("Cancel adding files"),
        )
        self.panel.idle.connect(self._finished)
        self.progress, self.status = self.panel.progress, self.panel.result
        self.custody_button = QPushButton(self.tr("Record custody &event…"), self)
        self.custody_button.setAccessibleName(self.tr("Record a custody event for this item"))
        self.custody_button.clicked.connect(self.open_custody_event)
        self.describe_button = QPushButton(self.tr("Edit &description…"), self)
        self.describe_button.setAccessibleName(self.tr("Edit the kind and notes of this item"))
        self.describe_button.clicked.connect(self.open_description)
        self.verify_button = QPushButton(self.tr("Re-check &hash"), self)
        self.verify_button.setAccessibleName(
            self.tr("Decrypt the item and compare its SHA-256 with the recorded one")
        )
        self.verify_button.clicked.connect(self.reverify)
        top = QHBoxLayout()
        top.addWidget(self.add_button)
        top.addWidget(self.drop_hint)
        top.addWidget(self.capture_button)
        top.addStretch(1)
        item_buttons = QHBoxLayout()
        item_buttons.addWidget(self.describe_button)
        item_buttons.addWidget(self.custody_button)
        item_buttons.addWidget(self.verify_button)
        item_buttons.addStretch(1)

        self.table = QTableWidget(0, 5, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("No."), self.tr("File"), self.tr("Type"), self.tr("Size"), self.tr("Added")]
        )
        self.table.setAccessibleName(self.tr("Evidence items"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._selection_changed)

        self.details = EvidenceDetails(self)
        self.timeline = CustodyTimeline(custody, self)
        self.preview = PreviewWidget(evidence, self, custody=custody)
        self.detail_tabs = QTabWidget(self)
        self.detail_tabs.setAccessibleName(self.tr("Evidence item"))
        self.detail_tabs.addTab(self.details, self.tr("Record"))
        self.detail_tabs.addTab(self.timeline, self.tr("Custody"))
        self.detail_tabs.addTab(self.preview, self.tr("Preview"))
        # Chat exports: the parsed conversation, on a tab shown only for them.
        self.conversation = ConversationView(ChatService(evidence.vault), self)
        self.detail_tabs.addTab(self.conversation, self.tr("Conversation"))
        # The list keeps room for six rows: the viewers' size hints must not squeeze it to two.
        rows = self.table.verticalHeader().defaultSectionSize()
        self.table.setMinimumHeight(self.table.horizontalHeader().sizeHint().height() + 6 * rows)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail_tabs)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.panel)
        layout.addWidget(splitter, 1)
        layout.addLayout(item_buttons)
        # Evidence added or described, custody recorded (here, by an export, by a re-check).
        ChangeListener(
            self, (EVIDENCE, CUSTODY), self.refresh, vault_open=lambda: evidence.vault.is_open
        )
        self.refresh()

    @property
    def job(self) -> Job | None:
        return self.panel.job

    # List ----------------------------------------------------------------------------------

    def refresh(self, select: str | None = None) -> None:
        current = select or self.selected_id()
        self._items = self._evidence.list_for_case(self.case_id)
        self.table.blockSignals(True)
        self.table.setRowCount(len(self._items))
        for row, item in enumerate(self._items):
            values = [
                item.label,
                item.original_filename,
                item.media_type,
                size(item.size),
                when(item.ingested_at),
            ]
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))
            if item.evidence_id == current:
                self.table.selectRow(row)
        self.table.blockSignals(False)
        if self.selected_item() is None and self._items:
            self.table.selectRow(0)
        self._selection_changed()

    def selected_id(self) -> str | None:
        item = self.selected_item()
        return None if item is None else item.evidence_id

    def selected_item(self) -> Evidence | None:
        model = self.table.selectionModel()
        rows = model.selectedRows() if model is not None else []
        return self._items[rows[0].row()] if rows else None

    def _selection_changed(self) -> None:
        item = self.selected_item()
        self.custody_button.setEnabled(item is not None)
        self.describe_button.setEnabled(item is not None)
        self.verify_button.setEnabled(item is not None and self.job is None)
        self.details.show_item(item)
        self.timeline.show_item(None if item is None else item.evidence_id)
        self.preview.show_item(item)
        self.detail_tabs.setTabVisible(
            self.detail_tabs.indexOf(self.conversation), self.conversation.show_item(item)
        )

    # Adding --------------------------------------------------------------------------------

    def _pick_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(self, self.tr("Add evidence files"))
        if names:
            self.ask_and_ingest([Path(n) for n in names])

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and self.job is None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        files = [p for p in paths if p.is_file()]
        if files:
            event.acceptProposedAction()
            self.ask_and_ingest(files)

    def ask_and_ingest(self, paths: list[Path]) -> AcquisitionDialog:
        """Ask how the files were obtained, then ingest them (the dialog is not modal-blocking)."""
        dialog = AcquisitionDialog(
            [p.name for p in paths], self._people.list_for_case(self.case_id), self.actor, self
        )
        dialog.track_draft(
            EVIDENCE_ACQUISITION,
            case_id=self.case_id,
            context={"paths": [str(p) for p in paths]},
        )
        dialog.accepted.connect(
            lambda: self.start_ingest(
                paths, dialog.acquisition(), kind=dialog.kind, kinds=dialog.kinds
            )
        )
        self.acquisition_dialog = dialog
        dialog.open()
        return dialog

    def start_ingest(
        self,
        paths: list[Path],
        acquisition: Acquisition | None = None,
        *,
        kind: str = "",
        kinds: list[str] | None = None,
    ) -> Job:
        """Encrypt ``paths`` into the vault in a worker; progress and cancel stay live.

        ``kinds`` gives each file its own kind (a batch of a photo, a chat and a contract).
        """
        if self.job is not None:
            return self.job
        evidence, case_id = self._evidence, self.case_id
        per_file = list(kinds or [])
        # Chat exports among the files are recognised and parsed.
        chats = ChatService(evidence.vault)

        def ingest(progress: ProgressFn, cancel: threading.Event) -> list[Evidence]:
            if len(per_file) != len(paths) or len(set(per_file)) <= 1:
                return chats.ingest_many(
                    case_id,
                    paths,
                    kind=per_file[0] if per_file else kind,
                    acquisition=acquisition,
                    progress=progress,
                    cancel=cancel,
                )
            # Files keep their order (and so their E-numbers); progress spans the batch.
            sizes = [p.stat().st_size if p.is_file() else 0 for p in paths]
            total, done = sum(sizes), 0
            items: list[Evidence] = []
            for path, file_size, file_kind in zip(paths, sizes, per_file, strict=True):

                def file_progress(d: int, _t: int, base: int = done) -> None:
                    progress(base + d, total)

                items.append(
                    chats.ingest_file(
                        case_id,
                        path,
                        kind=file_kind,
                        acquisition=acquisition,
                        progress=file_progress,
                        cancel=cancel,
                    )
                )
                done += file_size
            return items

        self.add_button.setEnabled(False)
        # Files completed before a cancel or a failure stay in the vault: the layer announces
        # the change whatever the outcome, and this tab refreshes on it.
        job = operations().run(
            ingest, name="ingest", reads_vault=True, changes={EVIDENCE, CUSTODY}, parent=self
        )
        self.panel.follow(
            job,
            step=self.tr("Encrypting %n file(s) into the vault…", "", len(paths)),
            cancelled=self.tr(
                "Cancelled. Files already completed stay in the vault; nothing partial does."
            ),
        )
        job.success(self._ingested)
        self._selection_changed()
        return job

    def cancel_ingest(self) -> None:
        self.panel.cancel()

    def _ingested(self, items: object) -> None:
        assert isinstance(items, list)
        self.panel.set_verdict(self.tr("%n file(s) added.", "", len(items)), "ok")
        self.refresh(select=items[-1].evidence_id if items else None)

    def _finished(self) -> None:
        self.add_button.setEnabled(True)
        self._selection_changed()

    # Custody and re-verification -------------------------------------------------------------

    def open_capture(self) -> QWidget:
        """Capture a web page (or import a WARC/WACZ) into this case (issue 17)."""
        from ui.capture.capture_dialog import CaptureDialog

        dialog = CaptureDialog(self._evidence.vault, self.case_id, self)
        dialog.open()
        return dialog

    def open_description(self) -> DescriptionDialog | None:
        item = self.selected_item()
        if item is None:
            return None
        dialog = DescriptionDialog(self._evidence, item, self)
        dialog.track_draft(EVIDENCE_DESCRIPTION, case_id=self.case_id, subject_id=item.evidence_id)
        dialog.accepted.connect(lambda: operations().notify(EVIDENCE))
        dialog.open()
        return dialog

    def open_custody_event(self) -> CustodyEventDialog | None:
        item = self.selected_item()
        if item is None:
            return None
        dialog = CustodyEventDialog(self._custody, item.evidence_id, item.label, self.actor, self)
        dialog.track_draft(EVIDENCE_CUSTODY, case_id=self.case_id, subject_id=item.evidence_id)
        dialog.accepted.connect(lambda: operations().notify(CUSTODY))
        dialog.open()
        return dialog

    def reverify(self) -> Job | None:
        """Decrypt the item and compare its hash in a worker; the result is a custody event."""
        item = self.selected_item()
        if item is None or self.job is not None:
            return None
        evidence = self._evidence

        def check(progress: ProgressFn, cancel: threading.Event) -> ReverifyResult:
            return evidence.reverify(item.evidence_id, progress=progress, cancel=cancel)

        # The re-check records a "verified" custody event.
        job = operations().run(
            check, name="reverify", reads_vault=True, changes={CUSTODY}, parent=self
        )
        self.panel.follow(
            job,
            step=self.tr("Re-checking %1…").replace("%1", item.label),
            cancelled=self.tr("Cancelled."),
        )
        job.success(self._reverified)
        self._selection_changed()
        return job

    def _reverified(self, result: object) -> None:
        assert isinstance(result, ReverifyResult)
        label = next((i.label for i in self._items if i.evidence_id == result.evidence_id), "")
        if result.matches:
            self.panel.set_verdict(
                self.tr("%1 is intact: its SHA-256 matches the recorded one.").replace("%1", label),
                "ok",
            )
        else:
            self.panel.set_verdict(
                self.tr("%1 does NOT match its recorded SHA-256.").replace("%1", label), "bad"
            )
        self.timeline.show_item(result.evidence_id)
