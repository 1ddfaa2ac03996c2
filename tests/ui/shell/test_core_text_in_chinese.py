"""In the Chinese interface, what the core and the session say is Chinese too: the weights'
label, the Overview's layer kinds, a core error in a message box, the data's loading
progress, the settings that rule out Continue, the model builder's reason, a setting no run
can use and a folder that holds no run (each made Qt-free, as a Message)."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtWidgets import QGraphicsSimpleTextItem, QMessageBox, QSpinBox, QWidget

from cnnviz.core.data.datasets import load_dataset
from cnnviz.core.training.config import TrainConfig, resume_conflicts
from cnnviz.core.training.trainer import Trainer
from cnnviz.session.session import TrainChoice, TrainMode
from cnnviz.ui.shell.dialogs import train_mode_box


def test_the_weights_label_is_chinese(chinese, window):
    for label in (window.overview_tab.source_label, window.draw_tab.weights_label):
        assert label.text().startswith("权重：mnist 上的 simple-cnn，自带的权重（"), label.text()
    assert "shipped" not in window.inspect_tab.picker.source_label.text()


def test_the_overviews_layer_kinds_are_chinese(chinese, window, qtbot):
    tab = window.overview_tab
    window.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab.overview is not None, timeout=30_000)
    drawn = {" ".join(item.text().split()) for item in tab.view.box.allChildItems()
             if isinstance(item, QGraphicsSimpleTextItem)}  # a caption may wrap: as one line
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


def test_the_model_builders_reason_is_chinese(chinese, window):
    builder = window.learn_tab.pattern_builder
    builder.findChild(QSpinBox, "patternMSpin").setValue(5)  # 28 -> 14 -> 7 -> 3 -> 1 -> 0
    assert builder.problem_label.text() == (
        "无法搭建：pattern:n=2,m=5,k=1 无法处理 28x28 的图像：第 5 块的池化之后只剩 0x0 个像素；"
        "请减少块数 (m)、用更小的卷积核，或用更大的图像")


def test_a_setting_no_run_can_use_is_chinese_in_the_failure_box(chinese, window, tmp_path):
    final = Trainer(TrainConfig(lr=0.0, out_dir=tmp_path / "run")).run(lambda event: None)
    window.controller.ended.emit(final)
    box = window.dialog
    assert isinstance(box, QMessageBox) and box.windowTitle() == "训练失败"
    assert box.text() == "学习率必须是正数（现在是 0.0）"
    box.close()


def test_a_folder_that_holds_no_run_is_chinese_in_its_message_box(chinese, window, tmp_path):
    assert not window.files.open_run(tmp_path)
    box = window.dialog
    assert isinstance(box, QMessageBox) and box.windowTitle() == "无法打开运行"
    assert box.text() == (f"{tmp_path} 里没有训练记录（它本身和其中的文件夹里都没有 config.json、"
                          "metrics.jsonl 或检查点 checkpoint.pt）")
    box.close()
