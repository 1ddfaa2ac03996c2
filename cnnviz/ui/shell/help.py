"""Help: a short guide to the tabs (opened at start until the user says not to), every
keyboard shortcut on one page, and the way to the documentation site.

The documentation (``docs/``, built with ``mkdocs build``) opens from the built site when there
is one (the folder ``$CNNVIZ_DOCS``, or ``site/`` next to the checkout, where ``mkdocs build``
writes it), and from the online site otherwise.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QLabel,
    QMessageBox,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cnnviz.ui.shell.i18n import active_language

if TYPE_CHECKING:
    from cnnviz.ui.main_window import MainWindow

#: the online documentation: the same URL as ``Documentation`` in pyproject.toml's
#: [project.urls] (tests/test_docs.py checks that they agree). PLACEHOLDER: the site is not
#: published yet; ``.example`` is a reserved domain that can never be someone else's site.
ONLINE_DOCS = "https://docs.cnnviz.example/"

#: the documentation page of each part of the app, as the built site names it (the page
#: ``docs/guide/learn.md`` is ``guide/learn.html``); the guide's "more" links point here
DOC_PAGES = {
    "index": "index.html",
    "start": "getting-started.html",
    "learn": "guide/learn.html",
    "train": "guide/train.html",
    "runs": "guide/runs.html",
    "inspect": "guide/inspect.html",
    "draw": "guide/draw.html",
    "evaluate": "guide/evaluate-explain.html",
    "units": "guide/units.html",
    "lecture": "guide/lecture-hall.html",
    "offline": "offline.html",
}


#: the guide; ``{draw}``, ``{start}``... are the pages of DOC_PAGES (a translation keeps them)
_GUIDE = QT_TRANSLATE_NOOP("GuideDialog", """<h3>What cnnviz shows</h3>
<p><b>Draw</b>: draw a digit and watch the network read it as you draw; it works offline with
the weights cnnviz ships. <a href="{draw}">more</a> <b>Training</b>: press <b>Train</b> (Ctrl+R)
and watch the loss and accuracy stream in. <a href="{train}">more</a> <b>Runs</b>: every run is
a folder; tick runs to draw them over each other and compare their settings.
<a href="{runs}">more</a> <b>Inspect</b>: the layers of the model, their output sizes and
receptive fields, every channel's feature map for an input, the filters, and where the network
looked (Explain). <a href="{inspect}">more</a> <b>Evaluate</b>: the confusion matrix and the
mistakes, most confidently wrong first. <a href="{evaluate}">more</a> <b>Learn</b>: the
tutorial's ideas as live demos: a neuron, small fully connected nets, a convolution step by
step, pooling, weight sharing, and its architecture pattern as a model to build and train.
<a href="{learn}">more</a></p>
<h3>What to try first</h3>
<ol>
<li>Draw a 7, then a 1 that looks like a 7: what does the network say?</li>
<li>Press Train: the tutorial's CNN on MNIST, one epoch.</li>
<li>Open Inspect while it trains, and watch the first layer's filters change.</li>
<li>Choose lenet5 or tinyvgg, train them too, and compare the runs in Runs.</li>
<li>In Learn, step through a convolution, then change the stride until the filter no longer
tiles the input evenly: see which rows and columns PyTorch drops.</li>
</ol>
<p>Everything else is in the documentation (Help &gt; Documentation):
<a href="{start}">the first five minutes</a>, a page per tab, the command line,
and <a href="{offline}">working offline</a>.</p>
""")


def guide_html() -> str:
    """The guide in the interface language, its links naming documentation pages."""
    return QCoreApplication.translate("GuideDialog", _GUIDE).format(**DOC_PAGES)


def local_site() -> Path | None:
    """The built documentation site, when there is one: ``$CNNVIZ_DOCS`` (a folder holding
    ``index.html``), else ``site/`` in the checkout cnnviz runs from (``mkdocs build`` writes
    it there); None for an installed package without a built site."""
    import cnnviz

    candidates = []
    if os.environ.get("CNNVIZ_DOCS"):
        candidates.append(Path(os.environ["CNNVIZ_DOCS"]).expanduser())
    candidates.append(Path(cnnviz.__file__).resolve().parents[1] / "site")
    for folder in candidates:
        if (folder / "index.html").is_file():
            return folder
    return None


def docs_url(page: str = "index.html", language: str | None = None) -> QUrl:
    """The URL of a documentation page (``guide/learn.html``, optionally with ``#anchor``):
    in the built site when there is one, else online. ``language`` "zh" gives the Chinese
    page (the site's ``zh/`` half); by default the interface language picks."""
    path, _, anchor = page.partition("#")
    if (language or active_language()).lower().startswith("zh"):
        path = f"zh/{path}"
    site = local_site()
    url = QUrl.fromLocalFile(str(site / path)) if site is not None else QUrl(ONLINE_DOCS + path)
    if anchor:
        url.setFragment(anchor)
    return url


#: shortcuts that belong to a tab rather than to a menu action
TAB_SHORTCUTS = [
    ("Esc, Delete", QT_TRANSLATE_NOOP("ShortcutsDialog", "Draw: clear the canvas")),
    ("Ctrl+Z", QT_TRANSLATE_NOOP("ShortcutsDialog",
                                 "Draw: take back the last stroke, or the clear")),
    ("Up, Down", QT_TRANSLATE_NOOP("ShortcutsDialog", "Inspect: the layer before or after")),
    ("Left, Right", QT_TRANSLATE_NOOP("ShortcutsDialog", "Inspect: the channel before or after")),
]


class GuideDialog(QDialog):
    """The guide; unticking its box keeps it from opening at start again."""

    def __init__(self, parent: QWidget, shown_at_start: bool,
                 open_page: Callable[[str], object] | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.setObjectName("guideDialog")
        self.setWindowTitle(self.tr("Welcome to cnnviz"))
        text = QLabel(guide_html(), objectName="guideText")
        text.setWordWrap(True)
        # a "more" link names a documentation page; open_page opens it (built site or online)
        text.setOpenExternalLinks(False)
        if open_page is not None:
            text.linkActivated.connect(open_page)
        self.text = text
        self.at_start = QCheckBox(self.tr("Show this guide when cnnviz starts"),
                                  objectName="guideAtStart")  # fmt: skip
        self.at_start.setChecked(shown_at_start)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        # scrolled where the screen is too short for it (presenting at 1280x720), never cut
        scroll = QScrollArea(objectName="guideScroll", widgetResizable=True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(text)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll)
        layout.addWidget(self.at_start)
        layout.addWidget(buttons)
        self.setMinimumWidth(560)


class ShortcutsDialog(QDialog):
    """Every menu action with a shortcut, and the tabs' own keys."""

    def __init__(self, parent: QWidget, actions: list[QAction]) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        rows = [(action.shortcut().toString(QKeySequence.SequenceFormat.NativeText),
                 action.text().replace("&", "").rstrip("."))
                for action in actions if not action.shortcut().isEmpty()]  # fmt: skip
        rows += [(keys, self.tr(what)) for keys, what in TAB_SHORTCUTS]
        table = QTableWidget(len(rows), 2, objectName="shortcutsTable")
        table.setHorizontalHeaderLabels([self.tr("Keys"), self.tr("What they do")])
        table.verticalHeader().hide()
        for row, (keys, what) in enumerate(rows):
            table.setItem(row, 0, QTableWidgetItem(keys))
            table.setItem(row, 1, QTableWidgetItem(what))
        table.resizeColumnsToContents()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(table)
        layout.addWidget(buttons)
        self.resize(480, 420)


def _as_bool(value: object) -> bool:
    """QSettings' .ini files give booleans back as "true" and "false"."""
    return value if isinstance(value, bool) else str(value).lower() == "true"


class HelpActions:
    """The Help menu's work for one window: the guide, the documentation, the shortcuts."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.settings = window.settings

    def open_documentation(self, page: str = "index.html") -> QUrl:
        """Open a page of the documentation in the browser: the built site when there is one
        (``site/`` next to the checkout, or ``$CNNVIZ_DOCS``), else the online one."""
        url = docs_url(page)
        translate = QCoreApplication.translate
        if QDesktopServices.openUrl(url):
            text = translate("HelpActions", "opened the documentation: {url}")
        else:
            text = translate("HelpActions", "could not open a browser; the documentation is at "
                                            "{url}")
        self.window.show_status(text.format(url=url.toDisplayString()))
        return url

    def show_guide(self) -> GuideDialog:
        guide = GuideDialog(self.window,
                            self.settings.value("help/guide_at_start", True, _as_bool),
                            self.open_documentation)  # fmt: skip
        guide.at_start.toggled.connect(lambda on: self.settings.set("help/guide_at_start", on))
        self.window.show_dialog(guide)
        return guide

    def show_guide_at_start(self) -> None:
        """The guide opens when cnnviz starts, until the user unticks it."""
        if self.settings.value("help/guide_at_start", True, _as_bool):
            self.show_guide()

    def show_shortcuts(self) -> ShortcutsDialog:
        dialog = ShortcutsDialog(self.window, self.window.findChildren(QAction))
        self.window.show_dialog(dialog)
        return dialog

    def about(self) -> None:
        import cnnviz

        translate = QCoreApplication.translate
        QMessageBox.about(self.window, translate("HelpActions", "About cnnviz"),
                          translate("HelpActions", "cnnviz {version}: see how convolutional "
                                                   "networks learn.")
                          .format(version=cnnviz.__version__))  # fmt: skip
