"""The documentation cannot drift: the CLI page matches the parsers, every page exists in
English and Chinese and is in the navigation, the links the app opens name real pages, and
the README stays a landing page whose first two commands are the ones CI runs."""

from __future__ import annotations

import importlib.util
import posixpath
import re
from pathlib import Path

import pytest

from cnnviz.cli import build_parser

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"


def _cli_reference():
    spec = importlib.util.spec_from_file_location("cli_reference",
                                                  DOCS / "hooks" / "cli_reference.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _pages() -> list[str]:
    """Every page, as its English path relative to docs/ (hooks/ is not a page)."""
    return sorted(str(p.relative_to(DOCS)) for p in DOCS.rglob("*.md")
                  if not p.name.endswith(".zh.md") and "hooks" not in p.parts)


def test_the_cli_page_matches_the_parsers():
    reference = _cli_reference()
    page = (DOCS / "cli.md").read_text(encoding="utf-8")
    expected = reference.replace_block(page, reference.render(build_parser()))
    assert page == expected, ("docs/cli.md's reference differs from the parsers: run "
                              "`python docs/hooks/cli_reference.py` and commit the page")


def test_the_cli_page_names_every_subcommand_and_option():
    page = (DOCS / "cli.md").read_text(encoding="utf-8")
    reference = _cli_reference()
    for name, sub in reference.subcommands(build_parser()).items():
        assert f"### `cnnviz {name}`" in page
        for action in sub._actions:
            for option in action.option_strings:
                if option not in ("-h", "--help"):
                    assert f"`{option}" in page, f"cnnviz {name} {option}"


def test_every_page_is_in_both_languages_and_in_the_navigation():
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    in_nav = set(re.findall(r"^\s*- [^:\n]+: (\S+\.md)\s*$", config, re.M))
    pages = _pages()
    assert pages and set(pages) == in_nav
    for page in pages:
        assert (DOCS / page.replace(".md", ".zh.md")).is_file(), f"{page} has no Chinese page"
    orphans = [p for p in DOCS.rglob("*.zh.md")
               if not (p.parent / p.name.replace(".zh.md", ".md")).is_file()]
    assert not orphans, f"Chinese pages without an English one: {orphans}"
    assert "fallback_to_default: false" in config  # a missing page says so, never falls back


def test_an_untranslated_page_says_so_and_links_to_the_english_one():
    stubs = 0
    for zh in DOCS.rglob("*.zh.md"):
        text = zh.read_text(encoding="utf-8")
        if "本页尚无中文版" not in text:
            continue
        stubs += 1
        (href,) = re.findall(r'<a href="([^"]+)">英文版</a>', text)
        # the Chinese site is the zh/ folder of the English one: one level deeper
        built = posixpath.join("zh", zh.relative_to(DOCS).parent.as_posix())
        english = posixpath.normpath(posixpath.join(built, href))
        assert english == zh.relative_to(DOCS).as_posix().replace(".zh.md", ".html"), href
    assert stubs < len(_pages())  # some pages are translated


def test_the_pages_the_app_opens_exist():
    from cnnviz.ui.shell.help import DOC_PAGES, ONLINE_DOCS, guide_html

    for page in DOC_PAGES.values():
        assert (DOCS / page.replace(".html", ".md")).is_file(), page
    for href in re.findall(r'href="([^"]+)"', guide_html()):
        assert href in DOC_PAGES.values()
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert f'Documentation = "{ONLINE_DOCS}"' in pyproject


@pytest.mark.parametrize("readme", ["README.md", "README.zh-CN.md"])
def test_the_readme_is_a_landing_page(readme):
    text = (ROOT / readme).read_text(encoding="utf-8")
    assert len(text.splitlines()) <= 150
    for image in re.findall(r"!\[[^\]]*\]\(([^)]+)\)", text):
        assert image.startswith("resources/screenshots/") and (ROOT / image).is_file()
    for link in re.findall(r"\]\(((?:docs/|README)[^)#]+)", text):
        assert (ROOT / link).is_file(), link


def test_ci_takes_the_app_and_test_commands_from_the_first_two_bash_blocks():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"^```bash\n(.*)\n", text, re.M)
    assert blocks[0].endswith("cnnviz") and "pip install ." in blocks[0]
    assert "pytest" in blocks[1] and '".[test]"' in blocks[1]


def test_the_screenshots_live_in_one_place():
    """The docs link screenshots as assets/screenshots/NAME, which the hook serves from
    resources/screenshots/; no copy lives in docs/."""
    shots = ROOT / "resources" / "screenshots"
    for page in DOCS.rglob("*.md"):
        for name in re.findall(r"assets/screenshots/([^)\s]+)\)", page.read_text("utf-8")):
            assert (shots / name).is_file(), f"{page}: {name}"
    assert not list(DOCS.rglob("*.png")) and not list(DOCS.rglob("*.gif"))
