"""Help > Documentation and the guide's "more" links open the right page of the built site,
or of the online one, without opening a browser here (QDesktopServices.openUrl is replaced)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import QLabel

from cnnviz.ui.shell import help as help_module
from cnnviz.ui.shell.help import DOC_PAGES, ONLINE_DOCS, guide_html


@pytest.fixture
def opened(monkeypatch):
    urls = []

    def open_url(url):
        urls.append(url)
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(open_url))
    return urls


def test_help_documentation_opens_the_online_site_without_a_built_one(window, opened,
                                                                     monkeypatch):
    monkeypatch.setattr(help_module, "local_site", lambda: None)
    action = window.findChild(QAction, "documentationAction")
    assert action is not None and action.text() == "&Documentation"
    action.trigger()
    assert [url.toString() for url in opened] == [ONLINE_DOCS + "index.html"]
    assert "opened the documentation" in window.statusBar().currentMessage()


def test_help_documentation_opens_the_built_site_when_there_is_one(window, opened,
                                                                  monkeypatch, tmp_path):
    site = tmp_path / "site"
    (site / "guide").mkdir(parents=True)
    (site / "index.html").write_text("<html></html>")
    monkeypatch.setenv("CNNVIZ_DOCS", str(site))
    window.findChild(QAction, "documentationAction").trigger()
    (url,) = opened
    assert url.isLocalFile() and Path(url.toLocalFile()) == site / "index.html"
    assert help_module.docs_url("guide/learn.html#pooling").fragment() == "pooling"
    chinese = help_module.docs_url("guide/learn.html", language="zh")
    assert Path(chinese.toLocalFile()) == site / "zh" / "guide" / "learn.html"


def test_a_browser_that_does_not_open_leaves_the_address_in_the_status_bar(window,
                                                                          monkeypatch):
    monkeypatch.setattr(help_module, "local_site", lambda: None)
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: False))
    window.help.open_documentation()
    assert ONLINE_DOCS in window.statusBar().currentMessage()


def test_the_guides_more_links_open_the_page_of_their_tab(window, opened, monkeypatch):
    monkeypatch.setattr(help_module, "local_site", lambda: None)
    guide = window.help.show_guide()
    label = guide.findChild(QLabel, "guideText")
    hrefs = re.findall(r'<a href="([^"]+)">more</a>', guide_html())
    assert hrefs == [DOC_PAGES[tab] for tab in
                     ("draw", "train", "runs", "inspect", "evaluate", "learn")]
    for href in hrefs:
        label.linkActivated.emit(href)
    assert [url.toString() for url in opened] == [ONLINE_DOCS + href for href in hrefs]
    guide.close()
