"""A read-only, seekable QIODevice over an encrypted evidence blob, decrypting on read.

PDF and media viewers read through it, so that no plaintext copy of the original exists on disk
and memory stays at a few decrypted chunks whatever the size of the file.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QIODevice, QObject

from vault.blobs import BlobReader
from vault.errors import CustodiaError

log = logging.getLogger(__name__)


class BlobDevice(QIODevice):
    def __init__(self, reader: BlobReader, parent: QObject) -> None:
        super().__init__(parent)
        self._reader = reader
        self.failed = False  # a chunk failed to authenticate: what was shown may be partial
        self.open(QIODevice.OpenModeFlag.ReadOnly)

    def isSequential(self) -> bool:
        return False

    def size(self) -> int:
        return self._reader.size

    def bytesAvailable(self) -> int:
        return max(0, self._reader.size - self.pos()) + super().bytesAvailable()

    def readData(self, maxlen: int) -> bytes | None:
        if self._reader.closed:
            return None
        try:
            return self._reader.read_at(self.pos(), maxlen)
        except CustodiaError as exc:
            # The decoder sees a read error; the viewer says the file is damaged.
            self.failed = True
            log.warning("evidence read failed: %s", exc.code)
            return None

    def writeData(self, _data: bytes, _len: int) -> int:  # type: ignore[override]
        return -1

    def close(self) -> None:
        super().close()
        self._reader.close()
