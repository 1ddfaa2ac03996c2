"""In the Chinese interface, what the core and the session say is Chinese too: the weights'
label, the Overview's layer kinds, a core error in a message box, the data's loading
progress, and the settings that rule out Continue (each made Qt-free, as a Message)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtWidgets import QGraphicsSimpleTextItem, QMessageBox, QWidget

from cnnviz.core.data.datasets import load_dataset
from cnnviz.core.training.config import TrainConfig, resume_conflicts
from cnnviz.session.session import TrainChoice, TrainMode
from cnnviz.ui.shell import i18n
from cnnviz.ui.shell.dialogs import train_mode_box


@pytest.fixture
def chinese(qapp):
    """The Chinese translators, installed before the window is built (as at start-up)."""
    i18n.install_language(i18n.CHINESE)
    yield
    i18n.install_language(i18n.ENGLISH)


def test_the_weights_label_is_chinese(chinese, window):
    for label in (window.overview_tab.source_label, window.draw_tab.weights_label):
        assert label.text().startswith("权重：mnist 上的 simple-cnn，自带的权重（"), label.text()
    assert "shipped" not in window.inspect_tab.picker.source_label.text()


def test_the_overviews_layer_kinds_are_chinese(chinese, window, qtbot):
    tab = window.overview_tab
    window.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab.overview is not None, timeout=30_000)
    drawn = {item.text() for item in tab.view.box.allChildItems()
             if isinstance(item, QGraphicsSimpleTextItem)}  # fmt: skip
    assert "卷积 5x5" in drawn and "最大池化 2x2" in drawn and "全连接" in drawn, drawn
    assert not {"conv 5x5", "max pool 2x2", "fully connected"} & drawn


def test_a_core_error_shows_in_chinese_in_its_message_box(chinese, window, tmp_path):
    empty = tmp_path / "empty.pt"
    empty.write_bytes(b"")
    assert window.files.open_checkpoint(empty) is None
    box = window.dialog
    assert isinstance(box, QMessageBox) and box.objectName() == "errorDialog"
    assert box.windowTitle() == "无法打开检查点"
    assert box.text() == f"{empty}：是空文件，不是检查点"
    box.close()


def test_the_data_loading_progress_is_chinese(chinese, window):
    controller = window.controller
    load_dataset("mnist", Path(os.environ["CNNVIZ_DATA"]), download=False, splits=("test",),
                 progress=lambda message, fraction: controller.on_loading((message, fraction)))
    assert window.panel.progress.format() == "正在读取 mnist 的测试集"
    assert window.statusBar().currentMessage() == "正在读取 mnist 的测试集"


def test_the_settings_that_rule_out_continue_are_chinese(chinese, qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    differences = resume_conflicts({"lr": 0.001, "batch_size": 100},
                                   TrainConfig(lr=0.01, batch_size=100))  # fmt: skip
    choice = TrainChoice([TrainMode.FROM_WEIGHTS, TrainMode.FRESH], Path("a.pt"), differences)
    box = train_mode_box(parent, choice, lambda mode: None)
    assert "学习率 0.01（这次运行用的是 0.001）" in box.informativeText()
    assert "the run used" not in box.informativeText()
