"""An evidence item's chain of custody, oldest first."""

from __future__ import annotations

from PySide6.QtWidgets import QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from intake.custody import CustodyService
from ui.formatting import party, system_text, term, when


class CustodyTimeline(QWidget):
    def __init__(self, custody: CustodyService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._custody = custody
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Chain of custody"))
        self.list.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)

    def show_item(self, evidence_id: str | None) -> None:
        self.list.clear()
        if evidence_id is None:
            return
        for event in self._custody.events(evidence_id):
            parts = [when(event.at), term(event.event_type), event.actor]
            parts.append(self._route(event.from_party, party(event.to_party)))
            parts.append(system_text(event.purpose))
            parts += [system_text(event.method), system_text(event.notes)]
            if event.hash_observed:
                parts.append("SHA-256 " + event.hash_observed[:12] + "…")
            self.list.addItem(QListWidgetItem(" · ".join(p for p in parts if p)))

    def _route(self, source: str, target: str) -> str:
        """Where the item went, never an arrow with nothing at one end."""
        source, target = source.strip(), target.strip()
        if source and target:
            return f"{source} → {target}"
        if source:
            return self.tr("from %1").replace("%1", source)
        if target:
            return self.tr("to %1").replace("%1", target)
        return ""
