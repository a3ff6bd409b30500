"""Replaces pyinstaller-hooks-contrib's hook, which collects every phonenumbers submodule.

Custodia only parses and formats numbers: the region metadata (phonenumbers.data) and the short
number tables are needed, the geocoder, carrier and time-zone tables (about 45 MB) are not.
"""

from PyInstaller.utils.hooks import collect_submodules  # type: ignore[import-untyped]

UNUSED = ("geocoder", "geodata", "carrier", "carrierdata", "timezone", "tzdata", "prefix")


def _wanted(name: str) -> bool:
    parts = name.split(".")
    return len(parts) < 2 or parts[1] not in UNUSED


hiddenimports = collect_submodules("phonenumbers", filter=_wanted)
