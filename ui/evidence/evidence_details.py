"""An evidence item's record: number, file, fingerprint and acquisition, as plain text."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QWidget

from intake.models import Evidence
from ui.formatting import size, system_text, when
from ui.widgets import data_label


class EvidenceDetails(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fields = {
            key: data_label("", self)
            for key in (
                "label",
                "file",
                "type",
                "size",
                "sha256",
                "ingested",
                "acquired",
                "by",
                "from",
                "where",
                "method",
                "tool",
                "url",
                "notes",
            )
        }
        self.fields["sha256"].setObjectName("hash")
        form = QFormLayout(self)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        captions = {
            "label": self.tr("Number:"),
            "file": self.tr("Original file:"),
            "type": self.tr("Type:"),
            "size": self.tr("Size:"),
            "sha256": self.tr("SHA-256:"),
            "ingested": self.tr("Added:"),
            "acquired": self.tr("Obtained:"),
            "by": self.tr("Obtained by:"),
            "from": self.tr("Obtained from:"),
            "where": self.tr("Where:"),
            "method": self.tr("Method:"),
            "tool": self.tr("Tool:"),
            "url": self.tr("Source URL:"),
            "notes": self.tr("Notes:"),
        }
        for key, label in self.fields.items():
            label.setAccessibleName(captions[key].rstrip(":"))
            form.addRow(captions[key], label)

    def show_item(self, item: Evidence | None) -> None:
        if item is None:
            for label in self.fields.values():
                label.clear()
            return
        acq = item.acquisition
        values = {
            "label": item.label + (f" · {item.kind}" if item.kind else ""),
            "file": item.original_filename,
            "type": item.media_type,
            "size": size(item.size),
            "sha256": item.sha256,
            "ingested": f"{when(item.ingested_at)} · {item.ingested_by}",
            "acquired": when(acq.acquired_at),
            "by": acq.acquired_by,
            "from": acq.acquired_from,
            "where": acq.location,
            "method": system_text(acq.method),
            "tool": " ".join(p for p in (acq.tool, acq.tool_version) if p),
            "url": acq.source_url,
            "notes": item.notes,
        }
        for key, value in values.items():
            self.fields[key].setText(value or "—")
