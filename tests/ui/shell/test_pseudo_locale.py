"""The pseudo-locale finds strings that were never wrapped: under it, every area that is
wrapped shows no text outside ⟦ ⟧ (see pseudo_locale.py for the walk and what is allowed).

An area not wrapped yet is listed with a strict xfail: it fails the day its last string is
wrapped, and its mark comes off then, so a wrapped area can never quietly regress."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMainWindow, QWidget

from cnnviz.core.models.model_code import ModelCode
from cnnviz.session.session import TrainChoice, TrainMode
from cnnviz.ui.evaluate.explain_panel import ExplainPanel
from cnnviz.ui.learn.learn_tab import LearnTab
from cnnviz.ui.shell.dialogs import TrustDialog, train_mode_box
from cnnviz.ui.shell.help import GuideDialog, ShortcutsDialog
from cnnviz.ui.shell.i18n import add_language_menu
from cnnviz.ui.shell.settings import AppSettings
from tests.ui.shell.pseudo_locale import install_pseudo_locale, is_unmarked, unmarked_texts

Fixture = Callable[[str], Any]  # pytest's request.getfixturevalue


@pytest.fixture
def pseudo(qapp, tmp_path):
    translator = install_pseudo_locale(tmp_path)
    yield
    QCoreApplication.removeTranslator(translator)


@pytest.fixture
def parent(qtbot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def _trust(get: Fixture) -> QWidget:
    # a bidirectional character in the source, so that the warning shows too
    path = str(get("tmp_path") / "net.py")
    code = ModelCode.from_source(path, "Net", "class Net:\n    pass  # \u202e\n")
    return TrustDialog(get("parent"), code, "model.pt", lambda code: None)


def _train_mode(get: Fixture) -> QWidget:
    """Both kinds of box, each with the other's parent: Continue offered, and not."""
    modes = [TrainMode.CONTINUE, TrainMode.FROM_WEIGHTS, TrainMode.FRESH]
    checkpoint = get("tmp_path") / "a.pt"
    offered = train_mode_box(get("parent"), TrainChoice(modes, checkpoint, [], 3),
                             lambda mode: None)  # fmt: skip
    choice = TrainChoice(modes[1:], checkpoint, ["lr 0.001 -> 0.01"])
    return train_mode_box(offered, choice, lambda mode: None).parent()


def _overview(get: Fixture) -> QWidget:
    """The Overview, its columns drawn (their titles are the core's layer kinds)."""
    tab = get("window").overview_tab
    get("window").tabs.setCurrentWidget(tab)
    get("qtbot").waitUntil(lambda: tab.overview is not None, timeout=30_000)
    return tab


def _core_error(get: Fixture) -> QWidget:
    """A core error in its message box: a checkpoint file that is empty."""
    empty = get("tmp_path") / "empty.pt"
    empty.write_bytes(b"")
    window = get("window")
    window.files.open_checkpoint(empty)
    return window.dialog


def _language_menu(get: Fixture) -> QWidget:
    window = QMainWindow(get("parent"))
    add_language_menu(window, window.menuBar().addMenu("⟦View⟧"), AppSettings())
    return window.menuBar()


def _learn(page: str | None = None) -> Callable[[Fixture], QWidget]:
    """The Learn tab (its page tabs and Notes button), or one of its pages, whole: the tab
    shows only its current page, so each page is walked on its own, notes and all."""

    def build(get: Fixture) -> QWidget:
        learn = LearnTab(get("parent"))
        return learn if page is None else getattr(learn, page)

    return build


def _inspect(page: int) -> Callable[[Fixture], QWidget]:
    """Inspect on one of its pages (its last, Explain, is Evaluate's panel), showing the shipped
    model's layers and a test image."""

    def build(get: Fixture) -> QWidget:
        tab = get("window").inspect_tab
        get("window").tabs.setCurrentWidget(tab)
        get("qtbot").waitUntil(lambda: tab.result is not None, timeout=30_000)
        tab.pages.setCurrentIndex(page)
        return tab

    return build


#: each area of the interface: how to build it (with pytest's fixtures), to walk it
AREAS: dict[str, Callable[[Fixture], QWidget]] = {
    "guide": lambda get: GuideDialog(get("parent"), shown_at_start=True),
    "shortcuts": lambda get: ShortcutsDialog(get("parent"), []),
    "trust": _trust,
    "train mode": _train_mode,
    "language menu": _language_menu,
    "menus": lambda get: get("window").menuBar(),
    "run panel": lambda get: get("window").panel,
    "tabs": lambda get: get("window").tabs,
    "status bar": lambda get: get("window").statusBar(),
    "learn": _learn(),
    **{f"learn: {page}": _learn(page) for page in (
        "neuron_demo", "fc_net_demo", "conv_demo", "pool_demo", "sharing_panel",
        "pattern_builder")},
    "inspect": _inspect(0),
    "inspect filters": _inspect(1),
    "inspect channel": _inspect(2),
    "inspect architecture": _inspect(3),
    "draw": lambda get: get("window").draw_tab,
    "overview": _overview,
    "core error": _core_error,
    "evaluate": lambda get: get("window").evaluate_tab,  # before its first run
    "evaluate results": lambda get: get("window").evaluate_tab.results_page,
    "explain panel": lambda get: ExplainPanel(get("parent")),
    "projector": lambda get: get("window").projector_tab,  # before its first projection
    "projector's hover panel": lambda get: get("window").projector_tab.side,
    "training plots": lambda get: get("window").plots,
    "runs tab": lambda get: get("window").runs_tab,
    "histograms tab": lambda get: get("window").histograms_tab,
}
NOT_WRAPPED_YET: set[str] = set()


@pytest.mark.parametrize("area", [
    pytest.param(area, marks=pytest.mark.xfail(strict=True, reason="not wrapped yet (issue 25)"))
    if area in NOT_WRAPPED_YET else area for area in AREAS])  # fmt: skip
def test_every_visible_text_of_a_wrapped_area_is_translated(area, pseudo, request):
    widget = AREAS[area](request.getfixturevalue)  # built under the pseudo-locale
    assert unmarked_texts(widget) == []


def test_a_string_left_unwrapped_is_found(pseudo, parent):
    guide = GuideDialog(parent, shown_at_start=True)
    assert unmarked_texts(guide) == []
    guide.at_start.setText("Show this guide when cnnviz starts")  # as if never wrapped
    guide.at_start.setToolTip("⟦Shown at start⟧")
    assert unmarked_texts(guide) == ["Show this guide when cnnviz starts"]


@pytest.mark.parametrize(("text", "unmarked"), [
    ("⟦Train⟧", False),
    ("⟦Continue: ⟦on to epoch 3⟧.⟧", False),
    ("<b>⟦Warning⟧</b>&nbsp;", False),
    ("97.9%, 0.001, 28x28, 1.5 GiB", False),
    ("simple-cnn, lenet5, mnist, CIFAR10", False),
    ("block1.conv1, classifier.fc2, layer1.0, Conv2d, MaxPool2d, Flatten, flatten", False),
    ("the hidden layer1", True),
    ("Ctrl+Shift+E, Esc, F11", False),
    ("English", False),
    ("conv1 (layer1.0), BatchNorm2d, fc1 (fc), layer3.1.downsample.0", False),
    ("3 epochs", True),
    ("⟦Train⟧ now", True),
    ("&Train", True),
])
def test_the_marks_and_the_allowed_exceptions(text, unmarked):
    assert is_unmarked(text) is unmarked
