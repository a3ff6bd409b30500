from __future__ import annotations

from PySide6.QtGui import QImage

from ui.screenshots import render_all


def test_every_main_screen_renders(qapp, tmp_path):
    written = render_all(tmp_path, languages=("uk",))
    names = {path.name for path in written}
    assert {"uk_01_wizard_location.png", "uk_08_case_overview.png", "uk_16_audit_log.png"} <= names
    for path in written:
        image = QImage(str(path))
        assert not image.isNull()
        assert image.width() >= 300
