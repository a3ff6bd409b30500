"""Entities of a case (phones, e-mails, handles…), normalised, with links to other cases."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from intake.drafts import DraftService
from intake.entities import SOCIAL_PLATFORMS, EntityService, normalise_social
from intake.errors import InvalidEntityError
from intake.models import EntityKind, EntityLink
from ui.errors import user_message
from ui.form_drafts import ENTITY_ADD, DraftForm, form_state
from ui.formatting import term, when
from ui.operations import CASES, ENTITIES, ChangeListener, operations
from ui.reason_dialog import ask_reason
from ui.widgets import heading, plain_label
from vault.errors import CustodiaError

log = logging.getLogger(__name__)


PLATFORM_NAMES = {
    "telegram": "Telegram",
    "whatsapp": "WhatsApp",
    "facebook": "Facebook",
    "instagram": "Instagram",
    "tiktok": "TikTok",
    "viber": "Viber",
    "signal": "Signal",
}


class EntitiesTab(DraftForm, QWidget):
    open_case = Signal(str)  # case id of a linked case

    def __init__(
        self, entities: EntityService, case_id: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._entities = entities
        self.case_id = case_id
        self._links: list[EntityLink] = []
        self.kind_combo = QComboBox(self)
        self.kind_combo.setAccessibleName(self.tr("Kind of entity"))
        for kind in EntityKind:
            self.kind_combo.addItem(term(kind), kind.value)
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        # A handle means nothing without its platform: "@ana" on Telegram is not "@ana" on TikTok.
        self.platform_combo = QComboBox(self)
        self.platform_combo.setAccessibleName(self.tr("Platform"))
        self.platform_combo.addItem(self.tr("Platform…"), "")
        for platform in SOCIAL_PLATFORMS:
            self.platform_combo.addItem(PLATFORM_NAMES.get(platform, platform), platform)
        self.value_edit = QLineEdit(self)
        self.value_edit.setAccessibleName(self.tr("Value"))
        self.value_edit.setPlaceholderText(self.tr("e.g. +40 712 345 678"))
        self.value_edit.returnPressed.connect(self._add_clicked)
        self.note_edit = QLineEdit(self)
        self.note_edit.setAccessibleName(self.tr("Note"))
        self.note_edit.setPlaceholderText(self.tr("Note (optional)"))
        self.add_button = QPushButton(self.tr("&Add"), self)
        self.add_button.setAccessibleName(self.tr("Add the entity to the case"))
        self.add_button.clicked.connect(self._add_clicked)
        self.message = plain_label("", self)
        self.message.setObjectName("errorText")
        form = QHBoxLayout()
        form.addWidget(self.kind_combo)
        form.addWidget(self.platform_combo)
        form.addWidget(self.value_edit, 2)
        form.addWidget(self.note_edit, 1)
        form.addWidget(self.add_button)
        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Kind"), self.tr("Value"), self.tr("Note"), self.tr("Added")]
        )
        self.table.setAccessibleName(self.tr("Entities in the case"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.unlink_button = QPushButton(self.tr("&Remove from case…"), self)
        self.unlink_button.setAccessibleName(self.tr("Remove the chosen entity from the case"))
        self.unlink_button.setToolTip(
            self.tr("For an entry made by mistake; the removal and its reason are audited.")
        )
        self.unlink_button.clicked.connect(self._unlink_clicked)
        table_buttons = QHBoxLayout()
        table_buttons.addStretch(1)
        table_buttons.addWidget(self.unlink_button)
        upper = QWidget(self)
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.addWidget(self.table, 1)
        upper_layout.addLayout(table_buttons)
        self.cross_list = QListWidget(self)
        self.cross_list.setAccessibleName(self.tr("Links to other cases"))
        self.cross_list.setWordWrap(True)
        self.cross_list.itemActivated.connect(self._cross_activated)
        lower = QWidget(self)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(heading(self.tr("Also found in other cases"), lower))
        lower_layout.addWidget(self.cross_list)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(upper)
        splitter.addWidget(lower)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(splitter, 1)
        # Entities added or removed here or by an import; a case renamed changes the links' words.
        ChangeListener(
            self, (ENTITIES, CASES), self.refresh, vault_open=lambda: entities.vault.is_open
        )
        self._kind_changed()
        self.refresh()
        # Typed but not added when the vault locks: kept as a draft, offered back.
        self.track_draft(ENTITY_ADD, case_id=case_id)

    def _kind_changed(self) -> None:
        social = self.kind_combo.currentData() == EntityKind.SOCIAL.value
        self.platform_combo.setVisible(social)
        self.value_edit.setPlaceholderText(
            self.tr("e.g. @name or t.me/name") if social else self.tr("e.g. +40 712 345 678")
        )

    def refresh(self) -> None:
        links = self._links = self._entities.for_case(self.case_id)
        self.table.clearSelection()
        self.table.setRowCount(len(links))
        for row, link in enumerate(links):
            values = [term(link.entity.kind), link.entity.display, link.note, when(link.created_at)]
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))
        self.cross_list.clear()
        for cross in self._entities.cross_case_links(self.case_id):
            others = [
                (cid, ref)
                for cid, ref in zip(cross.case_ids, cross.case_references, strict=True)
                if cid != self.case_id
            ]
            for case_id, reference in others:
                item = QListWidgetItem(
                    self.tr("%1 %2 also appears in case %3")
                    .replace("%1", term(cross.entity.kind))
                    .replace("%2", cross.entity.display)
                    .replace("%3", reference)
                )
                item.setData(Qt.ItemDataRole.UserRole, case_id)
                self.cross_list.addItem(item)
        if self.cross_list.count() == 0:
            self.cross_list.addItem(QListWidgetItem(self.tr("No links to other cases.")))
        self._selection_changed()

    def selected_link(self) -> EntityLink | None:
        rows = self.table.selectionModel().selectedRows()
        return self._links[rows[0].row()] if rows else None

    def _selection_changed(self) -> None:
        self.unlink_button.setEnabled(self.selected_link() is not None)

    def unlink(self, link_id: str, reason: str) -> None:
        self._entities.unlink(link_id, reason)
        operations().notify(ENTITIES)

    def _unlink_clicked(self) -> None:
        link = self.selected_link()
        if link is None:
            return
        reason = ask_reason(
            self,
            self.tr("Remove from case"),
            self.tr("Why should %1 be removed from this case? The reason is recorded.").replace(
                "%1", link.entity.display
            ),
        )
        if reason is None:
            return
        try:
            self.unlink(link.link_id, reason)
        except CustodiaError as exc:
            self.message.setText(user_message(exc))
            return
        self.message.clear()

    def add(
        self, kind: EntityKind, raw: str, note: str = "", *, platform: str | None = None
    ) -> EntityLink:
        link = self._entities.add(self.case_id, kind, raw, note=note, platform=platform)
        operations().notify(ENTITIES)
        return link

    def _add_clicked(self) -> None:
        kind = EntityKind(str(self.kind_combo.currentData()))
        platform = str(self.platform_combo.currentData() or "") or None
        raw = self.value_edit.text()
        if kind is EntityKind.SOCIAL and platform is None and not self._names_platform(raw):
            self.message.setText(self.tr("Choose the platform of the handle."))
            self.platform_combo.setFocus()
            return
        try:
            self.add(kind, raw, self.note_edit.text().strip(), platform=platform)
        except CustodiaError as exc:
            self.message.setText(user_message(exc))
            return
        self.message.clear()
        self.value_edit.clear()
        self.note_edit.clear()
        self._draft_initial = form_state(self)  # added: nothing left to offer back
        if self.draft_id is not None:
            draft_id, self.draft_id = self.draft_id, None
            try:
                DraftService(self._entities.vault).discard(draft_id, used=True)
            except CustodiaError as exc:
                log.warning("entity draft not removed after use: %s", exc.code)

    @staticmethod
    def _names_platform(raw: str) -> bool:
        """Whether the text says its platform itself ("telegram:@x", "t.me/x")."""
        try:
            return not normalise_social(raw)[0].startswith("unspecified:")
        except InvalidEntityError:
            return False

    def _cross_activated(self, item: QListWidgetItem) -> None:
        case_id = item.data(Qt.ItemDataRole.UserRole)
        if case_id:
            self.open_case.emit(str(case_id))
