"""Refresh the interface translations: ``pyside6-lupdate`` extracts every string that
cnnviz/**/*.py passes to ``tr`` / ``QCoreApplication.translate`` / ``QT_TRANSLATE_NOOP`` into
``resources/translations/cnnviz_<lang>.ts`` (keeping the translations already there), and
``pyside6-lrelease`` compiles each .ts into the .qm that ships in the wheel.

    python tools/update_translations.py           # refresh the .ts files and build the .qm
    python tools/update_translations.py --check   # CI: fail when a .ts is stale (lupdate would
                                                  # change it), has unfinished entries, or its
                                                  # .qm is not the .ts compiled

The .ts files are the source of truth: translate in them (Qt Linguist, ``pyside6-linguist``,
or any editor), then run this script. Entries carry no line numbers (``-locations none``), so
a .ts goes stale only when a string changes, not when code moves. A new language is a new
``cnnviz_<lang>.ts``: copy the Chinese one's header and run the script.

English is the source language, so ``cnnviz_en.ts`` holds only the entries with plural forms
(``%n``): "%n image(s)" reads "1 image" and "5 images" through it, and nothing else needs one.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import sysconfig
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FOLDER = ROOT / "resources" / "translations"
_EXTRA_COMMENT = re.compile(r"^[ \t]*<extracomment>.*?</extracomment>\n", re.MULTILINE | re.DOTALL)
#: the languages whose .ts keeps only the entries with plural forms (the source language's)
PLURALS_ONLY = {"en"}
_SINGULAR = re.compile(r"^    <message>\n.*?^    </message>\n", re.MULTILINE | re.DOTALL)
_EMPTY_CONTEXT = re.compile(r"^<context>\n    <name>[^<]*</name>\n</context>\n", re.MULTILINE)


def translation_files() -> list[Path]:
    return sorted(FOLDER.glob("cnnviz_*.ts"))


def tool(name: str) -> str:
    """A PySide6 tool (PySide6-Essentials installs them beside the Python running this)."""
    scripts = Path(sysconfig.get_path("scripts"))
    for candidate in (scripts / name, scripts / f"{name}.exe"):
        if candidate.is_file():
            return str(candidate)
    found = shutil.which(name)
    if found is None:
        sys.exit(f"{name} not found: it comes with PySide6 (pip install PySide6-Essentials)")
    return found


def language(ts: Path) -> str:
    return ts.stem.removeprefix("cnnviz_")


def run(*command: str) -> None:
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"{Path(command[0]).name} failed:\n{done.stdout}{done.stderr}")


def lupdate(ts: Path) -> None:
    """Bring ``ts`` up to date with the strings of cnnviz/**/*.py, keeping its translations.

    lupdate reads a ``#:`` comment in Python as a note to the translator, and this code base
    writes ``#:`` above a constant to document it: those notes are dropped, so that editing
    a comment never makes a .ts stale."""
    run(tool("pyside6-lupdate"), "-silent", "-locations", "none", "-no-obsolete",
        "-source-language", "en", "-target-language", language(ts), "-extensions", "py",
        "cnnviz", "-ts", str(ts))
    text = _EXTRA_COMMENT.sub("", ts.read_text(encoding="utf-8"))
    if language(ts) in PLURALS_ONLY:
        text = _EMPTY_CONTEXT.sub("", _SINGULAR.sub("", text))
    ts.write_text(text, encoding="utf-8", newline="\n")


def lrelease(ts: Path, qm: Path) -> None:
    run(tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm))


def unfinished(ts: Path) -> list[str]:
    """The source texts of the entries in ``ts`` still waiting for a translation."""
    waiting = []
    for message in ET.parse(ts).getroot().iter("message"):
        translation = message.find("translation")
        forms = [translation.text] if translation is not None else []
        if translation is not None and message.get("numerus") == "yes":
            forms = [form.text for form in translation.iter("numerusform")]
        if (translation is None or translation.get("type") == "unfinished"
                or not all(form and form.strip() for form in forms)):  # fmt: skip
            waiting.append(message.findtext("source") or "")
    return waiting


def problems() -> list[str]:
    """What ``--check`` fails on, one line each."""
    found = []
    with tempfile.TemporaryDirectory() as tmp:
        for ts in translation_files():
            name = ts.relative_to(ROOT)
            fresh = Path(tmp) / ts.name
            shutil.copyfile(ts, fresh)
            lupdate(fresh)
            if fresh.read_bytes() != ts.read_bytes():
                found.append(f"{name} is stale: run python tools/update_translations.py")
            found += [f"{name}: unfinished: {text[:70]!r}" for text in unfinished(fresh)]
            qm = Path(tmp) / f"{ts.stem}.qm"
            lrelease(ts, qm)
            shipped = ts.with_suffix(".qm")
            if not shipped.is_file() or shipped.read_bytes() != qm.read_bytes():
                found.append(f"{shipped.relative_to(ROOT)} is not {name} compiled: run "
                             f"python tools/update_translations.py")  # fmt: skip
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true",
                        help="change nothing; fail when a translation is stale or unfinished")
    args = parser.parse_args(argv)
    if args.check:
        found = problems()
        for line in found:
            print(line, file=sys.stderr)
        print(f"translations: {len(found)} problem(s) in {len(translation_files())} file(s)")
        return 1 if found else 0
    for ts in translation_files():
        lupdate(ts)
        lrelease(ts, ts.with_suffix(".qm"))
        waiting = unfinished(ts)
        print(f"{ts.relative_to(ROOT)}: {len(waiting)} unfinished")
    return 0


if __name__ == "__main__":
    sys.exit(main())
