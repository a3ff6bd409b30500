"""Hostile ZIPs: refused from the central directory, nothing written, memory bounded."""

from __future__ import annotations

import os
import resource
import stat
import struct
import zipfile
import zlib
from pathlib import Path

import pytest

from exports.errors import UnsafeArchiveError
from exports.safezip import SafeZip
from exports.verify import verify_bundle


def _plain(tmp_path: Path, name: str, entries: list[tuple[str, bytes]]) -> Path:
    path = tmp_path / name
    with zipfile.ZipFile(path, "w") as zf:
        for entry_name, data in entries:
            zf.writestr(zipfile.ZipInfo(entry_name), data)
    return path


def traversal_zip(tmp_path: Path) -> Path:
    return _plain(
        tmp_path,
        "traversal.zip",
        [("bag/bagit.txt", b"BagIt-Version: 1.0\n"), ("bag/../../escaped.txt", b"x")],
    )


def absolute_zip(tmp_path: Path) -> Path:
    return _plain(
        tmp_path,
        "absolute.zip",
        [("bag/bagit.txt", b"x"), (str(tmp_path / "absolute-escape.txt"), b"x")],
    )


def symlink_zip(tmp_path: Path) -> Path:
    path = tmp_path / "symlink.zip"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("bag/bagit.txt", b"x")
        info = zipfile.ZipInfo("bag/data/evil")
        info.external_attr = (stat.S_IFLNK | 0o777) << 16
        zf.writestr(info, "/etc/passwd")
    return path


def huge_entry_zip(tmp_path: Path) -> Path:
    """A stored entry whose central directory declares 10 GB (only a few bytes exist)."""
    path = _plain(tmp_path, "huge.zip", [("bag/bagit.txt", b"x"), ("bag/data/big.bin", b"ABCD")])
    data = bytearray(path.read_bytes())
    central = data.rfind(b"PK\x01\x02")  # the last central entry is big.bin
    ten_gb = 10 * 10**9
    # ZIP64 would be the honest way; a forged 32-bit field suffices to lie about size.
    struct.pack_into("<I", data, central + 24, 0xFFFFFFFF)
    extra = struct.pack("<HHQ", 0x0001, 8, ten_gb)
    name_len, extra_len = struct.unpack_from("<HH", data, central + 28)
    insert_at = central + 46 + name_len + extra_len
    data[insert_at:insert_at] = extra
    struct.pack_into("<H", data, central + 30, extra_len + len(extra))
    eocd = data.rfind(b"PK\x05\x06")
    cd_size, _cd_offset = struct.unpack_from("<II", data, eocd + 12)
    struct.pack_into("<I", data, eocd + 12, cd_size + len(extra))
    path.write_bytes(bytes(data))
    return path


def bomb_zip(tmp_path: Path) -> Path:
    """100 MiB of zeros deflated to ~100 KB (ratio ~1000:1)."""
    path = tmp_path / "bomb.zip"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("bag/bagit.txt", b"x")
        with zf.open("bag/data/zeros.bin", "w") as out:
            chunk = bytes(1 << 20)
            for _ in range(100):
                out.write(chunk)
    return path


def overlap_bomb_zip(tmp_path: Path) -> Path:
    """Many central entries pointing at the same data (Fifield's overlapping-files bomb)."""
    payload = os.urandom(64 * 1024)  # stored, incompressible: only the overlap gives it away
    crc = zlib.crc32(payload)
    name = b"bag/data/a"
    local = struct.pack(
        "<4sHHHHHIIIHH",
        b"PK\x03\x04",
        20,
        0,
        0,
        0,
        0,
        crc,
        len(payload),
        len(payload),
        len(name),
        0,
    )
    body = local + name + payload
    central = b""
    for index in range(50):
        entry_name = f"bag/data/f{index:03d}".encode()
        central += (
            struct.pack(
                "<4sHHHHHHIIIHHHHHII",
                b"PK\x01\x02",
                20,
                20,
                0,
                0,
                0,
                0,
                crc,
                len(payload),
                len(payload),
                len(entry_name),
                0,
                0,
                0,
                0,
                0,
                0,
            )
            + entry_name
        )
    eocd = struct.pack("<4sHHHHIIH", b"PK\x05\x06", 0, 0, 50, 50, len(central), len(body), 0)
    path = tmp_path / "overlap.zip"
    path.write_bytes(body + central + eocd)
    return path


HOSTILE = {
    "traversal": (traversal_zip, "escapes"),
    "absolute": (absolute_zip, "absolute"),
    "symlink": (symlink_zip, "symbolic link"),
    "huge": (huge_entry_zip, "declares 10000000000 bytes"),
    "bomb": (bomb_zip, "compression ratio"),
    "overlap": (overlap_bomb_zip, "overlapping"),
}


@pytest.mark.parametrize("kind", sorted(HOSTILE))
def test_hostile_zip_is_refused(kind: str, tmp_path: Path) -> None:
    make, reason = HOSTILE[kind]
    work = tmp_path / "work"
    work.mkdir()
    archive = make(work)
    before = set(tmp_path.rglob("*"))
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    with pytest.raises(UnsafeArchiveError, match=reason):
        SafeZip(archive)
    verdict = verify_bundle(archive)
    assert verdict.exit_code == 1
    assert verdict.problems[0].code == "verify.unsafe_archive"
    assert reason in verdict.problems[0].detail
    assert set(tmp_path.rglob("*")) == before  # nothing written anywhere near
    assert not (tmp_path / "escaped.txt").exists()
    assert not (tmp_path / "absolute-escape.txt").exists()
    rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    assert rss_after - rss_before < 64 * 1024  # KiB: no decompression into memory


def test_lying_entry_is_stopped_while_streaming(tmp_path: Path) -> None:
    """An entry that produces more than it declares is cut off (never trust declared sizes)."""
    path = _plain(tmp_path, "liar.zip", [("bag/data/a.bin", b"A" * 1000)])
    data = bytearray(path.read_bytes())
    central = data.rfind(b"PK\x01\x02")
    struct.pack_into("<I", data, central + 24, 10)  # declares 10 bytes uncompressed
    path.write_bytes(bytes(data))
    with (
        pytest.raises(UnsafeArchiveError),
        SafeZip(path) as safe,
        safe.open("bag/data/a.bin") as chunks,
    ):
        for _ in chunks:
            pass


def test_extract_stays_inside(tmp_path: Path) -> None:
    path = _plain(tmp_path, "ok.zip", [("bag/bagit.txt", b"x"), ("bag/data/a.txt", b"hello")])
    target = tmp_path / "out"
    target.mkdir()
    with SafeZip(path) as safe:
        safe.extract_to(target)
    assert (target / "bag/data/a.txt").read_bytes() == b"hello"
    assert sorted(os.listdir(target)) == ["bag"]
