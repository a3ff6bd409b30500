"""What a picture says about itself: date taken, camera, GPS position and every EXIF tag.

Read from the decrypted bytes in memory with exifread, which reads JPEG, TIFF, PNG, WebP and
HEIC. Hostile files must not break the viewer: any failure gives an empty result.
"""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass, field

import exifread

log = logging.getLogger(__name__)

MAX_TAGS = 200


@dataclass
class ImageMetadata:
    taken: str = ""
    camera: str = ""
    latitude: float | None = None
    longitude: float | None = None
    altitude: str = ""
    software: str = ""
    tags: list[tuple[str, str]] = field(default_factory=list)

    @property
    def has_position(self) -> bool:
        return self.latitude is not None and self.longitude is not None


def _degrees(value: object, ref: object) -> float | None:
    parts = getattr(value, "values", None)
    if not isinstance(parts, list) or len(parts) != 3:
        return None
    try:
        d, m, s = (float(p.num) / float(p.den) if p.den else 0.0 for p in parts)
    except (AttributeError, TypeError, ZeroDivisionError):
        return None
    result = d + m / 60 + s / 3600
    return -result if str(ref).strip().upper() in ("S", "W") else result


def read_image_metadata(data: bytes) -> ImageMetadata:
    try:
        tags = exifread.process_file(io.BytesIO(data), details=False)
    except Exception:  # noqa: BLE001 - a hostile picture must not stop the viewer
        log.info("EXIF of a viewed picture could not be read")
        return ImageMetadata()
    meta = ImageMetadata()
    text = {str(k): str(v).strip() for k, v in tags.items()}
    meta.taken = text.get("EXIF DateTimeOriginal") or text.get("Image DateTime", "")
    make, model = text.get("Image Make", ""), text.get("Image Model", "")
    meta.camera = (
        model if make and model.startswith(make) else " ".join(p for p in (make, model) if p)
    )
    meta.software = text.get("Image Software", "")
    meta.latitude = _degrees(tags.get("GPS GPSLatitude"), tags.get("GPS GPSLatitudeRef", "N"))
    meta.longitude = _degrees(tags.get("GPS GPSLongitude"), tags.get("GPS GPSLongitudeRef", "E"))
    if "GPS GPSAltitude" in text:
        meta.altitude = text["GPS GPSAltitude"]
    for name in sorted(text):
        if name.startswith(("JPEGThumbnail", "Thumbnail")) or "MakerNote" in name:
            continue
        meta.tags.append((name, text[name][:200]))
        if len(meta.tags) >= MAX_TAGS:
            break
    return meta
