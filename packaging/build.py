"""Build the one-folder pmdesk bundle, trim it, check it, and report its size.

    .venv/bin/python packaging/build.py          # → dist/pmdesk/ (run from the repo root)

Needs the `package` extra (`pip install -e '.[package]'`). After building it runs the
bundle's own `--smoke-test` and exports a .docx and an .xlsx with it, so a bundle that
misses a data file or module fails here, not on a user's machine.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DIST = ROOT / "dist"
BUNDLE = DIST / "pmdesk"
#: Qt's own translations to keep (standard buttons and dialogs in Chinese).
KEEP_QT_TRANSLATIONS = ("qtbase_zh_CN.qm", "qt_zh_CN.qm")
#: Size limits of the bundle (issue #20): unpacked, and as the compressed archive.
MAX_UNPACKED = 110 * 2**20
MAX_ARCHIVE = 50 * 10**6
#: Qt plugin folders the app does not use (no network, sensors, touch or framebuffer).
DROP_PLUGINS = (
    "egldeviceintegrations",
    "generic",
    "networkinformation",
    "tls",
    "designer",
    "qmltooling",
    "sqldrivers",
    "multimedia",
    "position",
    "sensors",
    "canbus",
    "webview",
    "renderers",
    "sceneparsers",
    "geometryloaders",
    "assetimporters",
    "texttospeech",
)


#: Platform plugins kept: X11, Wayland, and offscreen (the smoke test and CI).
KEEP_PLATFORMS = ("libqxcb", "libqwayland", "libqoffscreen", "qwindows", "qcocoa", "qoffscreen")
#: Wayland plugins for compositors and old shells (clients use xdg-shell and EGL/SHM).
WAYLAND_UNUSED = {
    "wayland-graphics-integration-client": ("libdmabuf-server", "libdrm-egl-server", "libvulkan"),
    "wayland-shell-integration": ("libivi-shell", "libqt-shell", "libfullscreen", "libwl-shell"),
}
#: Image formats kept: PNG is built into QtGui; the icon is .ico/.svg.
KEEP_IMAGE_FORMATS = ("qico", "qsvg")
#: ICU locales kept (Qt uses ICU for case mapping, collation and codecs): the app's two
#: languages and ICU's root; plus every item that is not a locale's (.cnv kept: GB18030).
KEEP_ICU_LOCALES = ("root", "en", "zh", "yue")
KEEP_ICU_CONVERTERS = ("gb18030.cnv",)


def folder_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink())


def trim(bundle: Path) -> None:
    """Remove what PyInstaller's PySide6 hook brings in that pmdesk never loads."""
    qt = next(bundle.rglob("PySide6/Qt"), None)
    if qt is None:
        return
    translations = qt / "translations"
    if translations.is_dir():
        for file in translations.iterdir():
            if file.name not in KEEP_QT_TRANSLATIONS:
                file.unlink()
    plugins = qt / "plugins"
    for name in DROP_PLUGINS:
        shutil.rmtree(plugins / name, ignore_errors=True)
    for folder, keep in (("platforms", KEEP_PLATFORMS), ("imageformats", KEEP_IMAGE_FORMATS)):
        for plugin in (plugins / folder).glob("*"):
            if not plugin.name.startswith(keep) and plugin.stem.lstrip("lib") not in keep:
                plugin.unlink()
    for folder, unused in WAYLAND_UNUSED.items():
        for plugin in (plugins / folder).glob("*"):
            if plugin.name.startswith(unused):
                plugin.unlink()
    dropped = ("Quick", "Qml", "Pdf", "3D", "WebEngine", "EglFS", "EglFs", "OpenGL", "WlShell")
    for library in (qt / "lib").glob("libQt6*"):
        if any(part in library.name for part in dropped):
            library.unlink()
    for data in (qt / "lib").glob("libicudata.so.*"):
        trim_icu(data)


def trim_icu(library: Path) -> None:
    """Rebuild ICU's data library with only pmdesk's locales (31 MiB → 8 MiB on Linux).

    The library holds one symbol, `icudtNN_dat`: the ICU common data file. Its items are
    listed and removed with `icupkg` (Debian's icu-devtools), items another kept item
    depends on are put back, and the result is linked into a library of the same name
    and symbol. Skipped, with a note, where icupkg or a C compiler is missing."""
    icupkg, cc = shutil.which("icupkg"), shutil.which("cc") or shutil.which("gcc")
    if sys.platform != "linux" or not icupkg or not cc:
        print("ICU data not trimmed (needs Linux, icupkg from icu-devtools and a C compiler)")
        return
    version = library.name.split(".so.")[1].split(".")[0]
    symbol = f"icudt{version}_dat"
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        full, small = work / f"icudt{version}l.dat", work / "out" / f"icudt{version}l.dat"
        small.parent.mkdir()
        full.write_bytes(_symbol_bytes(library, symbol))
        listing = subprocess.run(
            [icupkg, "-l", str(full)], check=True, capture_output=True, text=True
        ).stdout.split()
        drop = {item for item in listing if not _icu_item_kept(item)}
        for _ in range(10):
            (work / "drop.txt").write_text("\n".join(sorted(drop)) + "\n")
            result = subprocess.run(
                [icupkg, "-r", str(work / "drop.txt"), str(full), str(small)],
                capture_output=True,
                text=True,
            )
            needed = {
                line.rsplit(" ", 1)[1]
                for line in result.stderr.splitlines()
                if "depends on missing item" in line
            }
            if not needed:
                break
            drop -= needed
        if result.returncode != 0 or not small.exists():
            raise SystemExit(f"icupkg failed: {result.stderr}")
        assembly = work / "icudata.S"
        assembly.write_text(
            f"    .section .rodata\n    .globl {symbol}\n    .type {symbol}, @object\n"
            f'    .balign 16\n{symbol}:\n    .incbin "{small}"\n'
            f"    .size {symbol}, . - {symbol}\n"
            '    .section .note.GNU-stack,"",@progbits\n'
        )
        built = work / library.name
        subprocess.run(
            [
                cc,
                "-shared",
                "-nostdlib",
                f"-Wl,-soname,{library.name}",
                "-s",
                "-o",
                str(built),
                str(assembly),
            ],
            check=True,
        )
        before = library.stat().st_size
        shutil.copyfile(built, library)
        print(
            f"ICU data: {len(listing) - len(drop)} of {len(listing)} items kept, "
            f"{before / 2**20:.1f} → {library.stat().st_size / 2**20:.1f} MiB"
        )


def _icu_item_kept(item: str) -> bool:
    name = item.rsplit("/", 1)[-1]
    if item.startswith(("translit/", "brkitr/")):
        # Transliteration, and break iteration (Qt finds word and line breaks with its
        # own Unicode tables; ICU's dictionaries alone are 3 MiB).
        return False
    if name.endswith(".cnv"):
        return name in KEEP_ICU_CONVERTERS
    if name == "unames.icu":  # character names: Qt never asks ICU for them
        return False
    if not name.endswith(".res"):
        return True
    stem = name[: -len(".res")]
    locale = stem.split("_")[0]
    is_locale = stem[:1].islower() and (len(locale) in (2, 3) or stem == "root")
    return not is_locale or locale in KEEP_ICU_LOCALES


def _symbol_bytes(library: Path, symbol: str) -> bytes:
    """The bytes of one defined symbol of a shared library (via nm's offset and size)."""
    listing = subprocess.run(
        ["nm", "-D", "--defined-only", "-S", str(library)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    for line in listing.splitlines():
        parts = line.split()
        if len(parts) == 4 and parts[3] == symbol:
            address, size = int(parts[0], 16), int(parts[1], 16)
            section = subprocess.run(
                ["readelf", "-SW", str(library)], check=True, capture_output=True, text=True
            ).stdout
            offset = _file_offset(section, address)
            with library.open("rb") as file:
                file.seek(offset)
                return file.read(size)
    raise SystemExit(f"{symbol} not found in {library}")


def _file_offset(sections: str, address: int) -> int:
    """File offset of a virtual address, from `readelf -SW` output."""
    for line in sections.splitlines():
        parts = line.replace("[ ", "[").split()
        if len(parts) > 5 and parts[0].startswith("[") and parts[2] in ("PROGBITS",):
            start, offset, size = int(parts[3], 16), int(parts[4], 16), int(parts[5], 16)
            if start <= address < start + size:
                return address - start + offset
    raise SystemExit("symbol's section not found")


def archive(bundle: Path) -> Path:
    """The bundle as one compressed file to download: .tar.xz (Linux, macOS) or .zip."""
    if sys.platform == "win32":
        target = bundle.parent / f"{bundle.name}-windows.zip"
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as out:
            for file in sorted(bundle.rglob("*")):
                out.write(file, file.relative_to(bundle.parent))
        return target
    target = bundle.parent / f"{bundle.name}-{sys.platform}.tar.xz"
    with tarfile.open(target, "w:xz", preset=9) as out:
        out.add(bundle, arcname=bundle.name)
    return target


def check(bundle: Path) -> None:
    """The frozen app starts, shows every tab, and writes a .docx and an .xlsx."""
    executable = bundle / ("pmdesk.exe" if sys.platform == "win32" else "pmdesk")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    with tempfile.TemporaryDirectory() as folder:
        database = Path(folder) / "check.db"

        def run(*args: str) -> str:
            result = subprocess.run(
                [str(executable), *args], env=env, capture_output=True, text=True, timeout=180
            )
            if result.returncode != 0:
                raise SystemExit(f"bundle check failed: pmdesk {' '.join(args)}\n{result.stderr}")
            return result.stdout

        run("demo", "--db", str(database), "--lang", "zh_CN")
        print(run("--db", str(database), "--smoke-test").strip())
        meeting = _kickoff_id(run("list", "meetings", "--json", "--db", str(database)))
        for kind, scope, record, suffix in (
            ("kickoff-pack", "--meeting", meeting, ".docx"),
            ("tracker", "--project", "1", ".xlsx"),
        ):
            target = Path(folder) / f"{kind}{suffix}"
            run("export", kind, scope, record, "-o", str(target), "--db", str(database))
            print(f"exported {target.name}: {target.stat().st_size:,} bytes")


def _kickoff_id(listing: str) -> str:
    import json

    meetings = json.loads(listing)
    return str(next(m["id"] for m in meetings if m["kind"] == "kickoff"))


def main() -> None:
    os.chdir(ROOT)
    subprocess.run(
        [sys.executable, "tools/translations.py", "build"], check=True
    )  # .qm files are built, never committed
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--clean",
            "--distpath",
            str(DIST),
            "--workpath",
            str(HERE / "build"),
            str(HERE / "pmdesk.spec"),
        ],
        check=True,
    )
    trim(BUNDLE)
    check(BUNDLE)
    size = folder_size(BUNDLE)
    packed = archive(BUNDLE)
    print(f"bundle: {BUNDLE} — {size / 2**20:.1f} MiB unpacked")
    print(f"archive: {packed} — {packed.stat().st_size / 10**6:.1f} MB")
    too_big = [
        f"{what} {value / unit:.1f} {name} (limit {limit / unit:.0f})"
        for what, value, limit, unit, name in (
            ("unpacked", size, MAX_UNPACKED, 2**20, "MiB"),
            ("archive", packed.stat().st_size, MAX_ARCHIVE, 10**6, "MB"),
        )
        if value > limit
    ]
    if too_big:
        raise SystemExit("bundle too big: " + "; ".join(too_big))
    print("bundle OK")


if __name__ == "__main__":
    main()
