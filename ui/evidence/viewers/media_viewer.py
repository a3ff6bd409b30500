"""Audio and video, played from a decrypting device: the decoder seeks in the encrypted blob
and no plaintext copy is written, whatever the size of the recording."""

from __future__ import annotations

import ctypes
import logging
from pathlib import Path

import PySide6
from PySide6.QtCore import QIODevice, Qt, QUrl
from PySide6.QtMultimedia import QAudioOutput, QMediaMetaData, QMediaPlayer
from PySide6.QtMultimediaWidgets import QVideoWidget
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QSizePolicy,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from ui.widgets import data_label, plain_label

log = logging.getLogger(__name__)

_quietened = False


def _quieten_ffmpeg() -> None:
    """FFmpeg prints a recording's tags (titles, comments, places) to stderr when it opens it;
    Qt's message handler never sees those lines, so FFmpeg's own log is silenced instead."""
    global _quietened
    if _quietened:
        return
    _quietened = True
    library = Path(PySide6.__file__).parent / "Qt" / "lib"
    for candidate in sorted(library.glob("libavutil.so.*")) or sorted(library.glob("avutil*.dll")):
        try:
            ctypes.CDLL(str(candidate)).av_log_set_level(-8)  # AV_LOG_QUIET
            return
        except (OSError, AttributeError):
            continue
    log.info("FFmpeg's log level could not be set")


def _clock(ms: int) -> str:
    seconds = max(0, ms) // 1000
    hours, rest = divmod(seconds, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60}:{rest % 60:02d}"


class MediaViewer(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.player = QMediaPlayer(self)
        _quieten_ffmpeg()
        self.audio = QAudioOutput(self)
        self.player.setAudioOutput(self.audio)
        self.video = QVideoWidget(self)
        self.video.setAccessibleName(self.tr("Video"))
        self.player.setVideoOutput(self.video)
        self._device: QIODevice | None = None
        self.play_button = QPushButton(self.tr("&Play"), self)
        self.play_button.clicked.connect(self.toggle)
        self.position = QSlider(Qt.Orientation.Horizontal, self)
        self.position.setAccessibleName(self.tr("Position in the recording"))
        self.position.sliderMoved.connect(self.player.setPosition)
        self.time = plain_label("", self, wrap=False)
        self.info = data_label("", self)
        self.info.setAccessibleName(self.tr("About the recording"))
        self.info.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.player.durationChanged.connect(self._duration)
        self.player.positionChanged.connect(self._position)
        self.player.playbackStateChanged.connect(self._state)
        self.player.mediaStatusChanged.connect(self._status)
        controls = QHBoxLayout()
        controls.addWidget(self.play_button)
        controls.addWidget(self.position, 1)
        controls.addWidget(self.time)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.info)
        layout.addWidget(self.video, 1)
        layout.addLayout(controls)
        # Audio has no picture: the controls stay under the recording's details, not far below.
        layout.addStretch(0)

    def show_device(self, device: QIODevice, *, video: bool) -> None:
        self.clear()
        self._device = device
        device.setParent(self)
        self.video.setVisible(video)
        self.player.setSourceDevice(device)

    def toggle(self) -> None:
        if self.player.playbackState() == QMediaPlayer.PlaybackState.PlayingState:
            self.player.pause()
        else:
            self.player.play()

    def clear(self) -> None:
        self.player.stop()
        self.player.setSource(QUrl())
        if self._device is not None:
            self._device.close()
            self._device.deleteLater()
            self._device = None
        self.info.clear()
        self.time.clear()

    def _duration(self, ms: int) -> None:
        self.position.setRange(0, ms)
        self._position(self.player.position())

    def _position(self, ms: int) -> None:
        if not self.position.isSliderDown():
            self.position.setValue(ms)
        self.time.setText(f"{_clock(ms)} / {_clock(self.player.duration())}")

    def _state(self, state: QMediaPlayer.PlaybackState) -> None:
        playing = state == QMediaPlayer.PlaybackState.PlayingState
        self.play_button.setText(self.tr("&Pause") if playing else self.tr("&Play"))

    def _status(self, status: QMediaPlayer.MediaStatus) -> None:
        if status == QMediaPlayer.MediaStatus.InvalidMedia:
            self.info.setText(self.tr("This recording cannot be played."))
        elif status == QMediaPlayer.MediaStatus.LoadedMedia:
            meta = self.player.metaData()
            parts = [
                meta.stringValue(key)
                for key in (
                    QMediaMetaData.Key.Title,
                    QMediaMetaData.Key.ContributingArtist,
                    QMediaMetaData.Key.Date,
                    QMediaMetaData.Key.FileFormat,
                )
            ]
            self.info.setText(" · ".join(p for p in parts if p))
