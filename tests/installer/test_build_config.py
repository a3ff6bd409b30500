"""Fast checks of the installer's configuration and packaging logic; no PyInstaller run."""

from __future__ import annotations

import configparser
import json
import os
import plistlib
import shutil
import stat
import subprocess
import sys
import tarfile
from pathlib import Path
from types import ModuleType

import pytest


def test_spec_settings_point_at_existing_files(build: ModuleType) -> None:
    settings = build.spec_settings()
    for key in ("launcher", "gui_launcher", "icon", "entitlements"):
        assert Path(settings[key]).is_file(), key
    assert all(Path(path).is_dir() for path in settings["hookspath"])
    assert settings["version"] == build.project_version()
    for source, destination in settings["datas"]:
        assert Path(source).is_file(), source
        assert destination == "resources" or destination.startswith("resources/")
    shipped = {
        Path(destination, Path(source).name).as_posix() for source, destination in settings["datas"]
    }
    for required in build.REQUIRED_RESOURCES:
        assert f"resources/{required}" in shipped
    assert build.missing_required_resources() == []


def test_resources_keep_their_layout(build: ModuleType, tmp_path: Path) -> None:
    (tmp_path / "fonts").mkdir()
    (tmp_path / "fonts" / "A.ttf").write_bytes(b"font")
    (tmp_path / "translations").mkdir()
    (tmp_path / "translations" / "ro.mo").write_bytes(b"mo")
    (tmp_path / "translations" / "ro.po").write_text('msgid ""')
    (tmp_path / "__init__.py").write_text("")
    (tmp_path / "__pycache__").mkdir()
    (tmp_path / "__pycache__" / "x.pyc").write_bytes(b"")
    (tmp_path / "style.qss").write_text("")
    pairs = build.resource_datas(tmp_path)
    assert sorted((Path(src).name, dest) for src, dest in pairs) == [
        ("A.ttf", "resources/fonts"),
        ("ro.mo", "resources/translations"),
        ("style.qss", "resources"),
    ]
    assert build.translation_languages(tmp_path) == ["en", "ro"]


def test_every_project_package_and_metadata_is_collected(build: ModuleType) -> None:
    assert set(build.PROJECT_PACKAGES) == {"vault", "intake", "exports", "ui", "resources"}
    # bagit reads its own version at import time; the CLI and the report read these too.
    assert {"custodia", "bagit", "keyring"} <= set(build.METADATA_DISTRIBUTIONS)
    excluded = set(build.EXCLUDES)
    for used in build.QT_MODULES:
        assert f"PySide6.{used}" not in excluded
    assert {"PySide6.QtWebEngineCore", "PySide6.QtQuick", "PySide6.Qt3DCore"} <= excluded


def test_spec_is_valid_python_and_uses_the_settings() -> None:
    spec = Path(__file__).resolve().parents[2] / "installer" / "custodia.spec"
    source = spec.read_text(encoding="utf-8")
    compile(source, str(spec), "exec")
    assert "spec_settings()" in source
    assert "prune_binaries" in source


@pytest.mark.parametrize(
    ("destination", "wanted"),
    [
        ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
        ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
        ("PySide6/Qt/plugins/platforms/libqwayland.so", True),
        ("PySide6/Qt/plugins/platforms/libqeglfs.so", False),
        ("PySide6/Qt/plugins/platforms/libqvnc.so", False),
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", False),
        ("PySide6/Qt/plugins/platformthemes/libqxdgdesktopportal.so", True),
        ("PySide6/Qt/plugins/generic/libqevdevmouseplugin.so", False),
        ("PySide6/Qt/plugins/tls/qopensslbackend.dll", False),
        ("PySide6/Qt/plugins/platforms/qwindows.dll", True),
        ("PySide6/Qt/lib/libQt6Core.so.6", True),
        ("libgtk-3.so.0", True),
    ],
)
def test_unwanted_qt_plugins(build: ModuleType, destination: str, wanted: bool) -> None:
    assert build.wanted_qt_plugin(destination) is wanted


def test_prune_keeps_only_what_remaining_binaries_need(build: ModuleType) -> None:
    toc = [
        ("PySide6/QtWidgets.abi3.so", "/src/QtWidgets.abi3.so", "EXTENSION"),
        ("PySide6/Qt/plugins/platforms/libqxcb.so", "/src/libqxcb.so", "BINARY"),
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", "/src/libqgtk3.so", "BINARY"),
        ("PySide6/Qt/lib/libQt6Widgets.so.6", "/src/libQt6Widgets.so.6", "BINARY"),
        ("libxcb-cursor.so.0", "/usr/lib/libxcb-cursor.so.0", "BINARY"),
        ("libpango-1.0.so.0", "/usr/lib/libpango-1.0.so.0", "BINARY"),
        ("libpython3.11.so.1.0", "/py/libpython3.11.so.1.0", "BINARY"),
        ("PySide6/Qt/lib/libQt6Svg.so.6", "/src/libQt6Svg.so.6", "SYMLINK"),
    ]
    imports = {
        "/src/QtWidgets.abi3.so": {"libQt6Widgets.so.6"},
        "/src/libqxcb.so": {"libxcb-cursor.so.0"},
        "/src/libqgtk3.so": {"libpango-1.0.so.0"},
    }
    kept = build.prune_binaries(toc, lambda path: imports.get(path, set()))
    assert [entry[0] for entry in kept] == [
        "PySide6/QtWidgets.abi3.so",
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "PySide6/Qt/lib/libQt6Widgets.so.6",
        "libxcb-cursor.so.0",
        "libpython3.11.so.1.0",
        "PySide6/Qt/lib/libQt6Svg.so.6",
    ]


def test_qt_translations_only_for_offered_languages(build: ModuleType) -> None:
    keep = build.keep_qt_translation
    assert keep("PySide6/Qt/translations/qtbase_ro.qm", ["en", "ro"])
    assert not keep("PySide6/Qt/translations/qtbase_de.qm", ["en", "ro"])
    assert keep("PySide6/Qt/translations/qtbase_pt_BR.qm", ["en", "pt"])
    assert keep("resources/translations/custodia_de.qm", ["en"])  # ours are never filtered


def test_icon_renders_from_svg(build: ModuleType, tmp_path: Path) -> None:
    png = build.render_icon(build.ICON_SVG, tmp_path / "icon.png", 64)
    assert png.read_bytes().startswith(b"\x89PNG")
    assert build.ICON_PNG.is_file()  # the committed 256 px icon the archive ships


def test_desktop_entry_is_well_formed(build: ModuleType) -> None:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(build.DESKTOP_ENTRY, encoding="utf-8")
    entry = parser["Desktop Entry"]
    assert entry["Type"] == "Application"
    assert entry["Exec"].split()[0] == "custodia"
    assert entry["Icon"] == "custodia"
    assert entry["Terminal"] == "false"
    if shutil.which("desktop-file-validate"):
        subprocess.run(["desktop-file-validate", str(build.DESKTOP_ENTRY)], check=True)


def test_macos_entitlements_parse(build: ModuleType) -> None:
    entitlements = plistlib.loads(build.MACOS_ENTITLEMENTS.read_bytes())
    assert entitlements == {"com.apple.security.cs.disable-library-validation": True}


def test_signing_instructions_name_the_tools() -> None:
    text = (Path(__file__).resolve().parents[2] / "installer" / "SIGNING.md").read_text("utf-8")
    for word in ("signtool sign", "/tr", "codesign", "--options runtime", "notarytool", "stapler"):
        assert word in text


def _fake_bundle(root: Path) -> Path:
    bundle = root / "custodia"
    (bundle / "_internal").mkdir(parents=True)
    program = bundle / "custodia"
    program.write_text("#!/bin/sh\necho custodia 0.0\n")
    program.chmod(0o700)
    (bundle / "_internal" / "data.bin").write_bytes(b"x")
    return bundle


@pytest.mark.skipif(sys.platform == "win32", reason="the tar archive is the Linux package")
def test_linux_archive_layout_and_permissions(build: ModuleType, tmp_path: Path) -> None:
    bundle = _fake_bundle(tmp_path / "dist")
    archive = build.make_linux_archive(bundle, "9.9.9", out_dir=tmp_path)
    assert archive.name == f"custodia-9.9.9-{build.platform_tag()}.tar.gz"
    with tarfile.open(archive) as tar:
        members = {member.name: member for member in tar.getmembers()}
    top = "custodia-9.9.9"
    for name in (
        "custodia",
        "_internal/data.bin",
        "custodia.desktop",
        "custodia.png",
        "custodia.svg",
        "install-desktop-entry.sh",
        "README.txt",
    ):
        assert f"{top}/{name}" in members, name
    assert members[f"{top}/custodia"].mode & 0o111 == 0o111
    assert members[f"{top}/install-desktop-entry.sh"].mode & 0o111 == 0o111
    assert members[f"{top}/custodia.png"].mode == 0o644
    assert all(member.uid == 0 and member.uname == "" for member in members.values())
    program = build.unpack(archive, tmp_path / "unpacked")
    assert program == tmp_path / "unpacked" / top / "custodia"
    assert subprocess.run([program], capture_output=True, text=True).stdout == "custodia 0.0\n"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="XDG desktop entries")
def test_install_desktop_entry_points_at_the_unpacked_folder(
    build: ModuleType, tmp_path: Path
) -> None:
    folder = tmp_path / "my apps" / "custodia-9.9.9"
    shutil.copytree(_fake_bundle(tmp_path / "dist"), folder)
    for source, name, mode in build.archive_extras():
        shutil.copy(source, folder / name)
        (folder / name).chmod(mode)
    home = tmp_path / "home"
    env = {"PATH": os.environ["PATH"], "HOME": str(home)}
    script = folder / "install-desktop-entry.sh"
    subprocess.run([script, "--command"], check=True, env=env, capture_output=True)
    entry = (home / ".local/share/applications/custodia.desktop").read_text("utf-8")
    assert f'Exec="{folder}/custodia" %U' in entry
    assert f"TryExec={folder}/custodia" in entry
    assert (home / ".local/share/icons/hicolor/256x256/apps/custodia.png").is_file()
    link = home / ".local/bin/custodia"
    assert link.resolve() == (folder / "custodia").resolve()
    mode = stat.S_IMODE((home / ".local/share/applications/custodia.desktop").stat().st_mode)
    assert mode == 0o644
    subprocess.run([script, "--uninstall"], check=True, env=env, capture_output=True)
    assert not (home / ".local/share/applications/custodia.desktop").exists()
    assert not link.exists()


def test_selftest_runs_from_the_source_tree(capsys: pytest.CaptureFixture[str]) -> None:
    """The launcher's --bundle-selftest itself works; the smoke test runs it frozen."""
    launcher = Path(__file__).resolve().parents[2] / "installer" / "launchers" / "custodia.py"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, str(launcher), "--bundle-selftest"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    report = json.loads(result.stdout)
    assert report["problems"] == {}, report["problems"]
    assert result.returncode == 0
    assert report["frozen"] is False
    assert report["sqlcipher"]["cipher_version"]
    assert "DejaVuSans.ttf" in report["resources"]["fonts"]


def test_smoke_report_compares_bundle_with_source(build: ModuleType) -> None:
    report = build.SmokeReport()
    build.check_selftest(
        report,
        {
            "frozen": True,
            "problems": {"sqlcipher": "ImportError: x"},
            "resources": {"inside_bundle": False, "root": "/src", "fonts": [], "translations": []},
            "qt": {"platform_plugins": ["libqminimal.so"]},
        },
    )
    text = "\n".join(report.problems)
    assert "selftest sqlcipher" in text
    assert "not the bundle" in text
    assert "fonts in bundle" in text
    assert "offscreen" in text
    assert not report.ok


def test_command_line_parses(build: ModuleType) -> None:
    args = build._parse(["--smoke", "--measure", "3", "--no-build"])
    assert (args.smoke, args.measure, args.no_build, args.nice) == (True, 3, True, 10)
    command = build.pyinstaller_command(clean=True, nice=0)
    assert command[1:4] == ["-m", "PyInstaller", str(build.SPEC_FILE)]
    assert "--clean" in command
