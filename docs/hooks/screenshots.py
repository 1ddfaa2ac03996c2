"""MkDocs hook: the screenshots live in one place, ``resources/screenshots/`` (where
``resources/screenshots/take.py`` writes them and where the README shows them from); the site
gets them as ``assets/screenshots/``, so that the docs link them without a copy in ``docs/``."""

from __future__ import annotations

from pathlib import Path

SCREENSHOTS = Path(__file__).resolve().parents[2] / "resources" / "screenshots"
KINDS = (".png", ".gif", ".jpg", ".svg")


def on_files(files, config):
    """Add every screenshot to the site's files, as if it were docs/assets/screenshots/NAME."""
    from mkdocs.structure.files import File

    for path in sorted(SCREENSHOTS.iterdir()):
        if path.suffix in KINDS:
            files.append(File.generated(config, f"assets/screenshots/{path.name}",
                                        abs_src_path=str(path)))
    return files
