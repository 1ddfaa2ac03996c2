"""The run panel's form comes from TrainConfig's settings: ranges, defaults, choices, help;
its names are never cut off, it says what it wants, and its progress is the current model's."""

import pytest
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QFileDialog,
    QLabel,
    QSpinBox,
    QStyle,
    QStyleOptionComboBox,
)

from cnnviz.core.training.config import SETTINGS, TrainConfig
from cnnviz.ui.shell.settings import AppSettings
from cnnviz.ui.train.run_panel import ChoiceCombo, RunPanel


def test_the_form_derives_from_the_settings(qtbot):
    panel = RunPanel(AppSettings())
    qtbot.addWidget(panel)
    defaults = TrainConfig()
    for name, widget in panel.fields.items():
        setting, default = SETTINGS[name], getattr(defaults, name)
        if isinstance(widget, QSpinBox | QDoubleSpinBox):
            assert (widget.minimum(), widget.maximum()) == setting.span, name
            assert widget.value() == (default if default is not None else setting.span[0])
        if setting.choices is not None:
            assert isinstance(widget, ChoiceCombo)
            assert [widget.itemData(i) for i in range(widget.count())] == list(setting.choices)
            assert widget.toolTip() == setting.described(default)
    config = panel.config()
    assert {n: getattr(config, n) for n in panel.fields if n != "device"} == {
        n: getattr(defaults, n) for n in panel.fields if n != "device"}


def test_a_folder_and_a_model_file_are_shown_by_their_display_names(qtbot, tmp_path):
    panel = RunPanel(AppSettings())
    qtbot.addWidget(panel)
    panel.dataset_combo.select(f"folder:{tmp_path / 'cats'}")
    panel.model_combo.select(f"{tmp_path / 'net.py'}:Net")
    assert panel.dataset_combo.currentText() == "folder cats"
    assert panel.model_combo.currentText() == "net.Net"


def edit_field_width(combo) -> int:
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    return combo.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                        QStyle.SubControl.SC_ComboBoxEditField, combo).width()


@pytest.mark.parametrize("presenting", [False, True])
def test_a_long_model_name_is_never_cut_off(qtbot, window, presenting):
    """``pattern:n=2,m=2,k=1`` in the model box at 1280x720 (and in presentation mode): it
    is elided in the middle where it does not fit, and the tool tip names it whole."""
    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)
    if presenting:
        window.presentation.enter()
        window.presentation.side_panel.show()  # the panel, as a user opening it again sees it
    spec = "pattern:n=2,m=2,k=1"
    combo = window.panel.model_combo
    combo.select(spec)
    qtbot.wait(10)
    fits = combo.fontMetrics().horizontalAdvance(spec) <= edit_field_width(combo)
    assert fits or combo.toolTip() == spec
    assert combo.fontMetrics().horizontalAdvance(combo.shown_text()) <= edit_field_width(combo)
    assert combo.shown_text() == spec or "…" in combo.shown_text()
    if presenting:
        window.presentation.leave()


def test_the_image_folder_dialog_says_what_layout_it_expects(qtbot, monkeypatch, tmp_path):
    panel = RunPanel(AppSettings())
    qtbot.addWidget(panel)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *args, **kwargs: pytest.fail(
        "a folder dialog that does not say what layout it wants"))
    panel.browse_image_folder()
    dialog = panel.findChild(QFileDialog, "imageFolderDialog")
    text = dialog.findChild(QLabel, "imageFolderHelp").text()
    for words in ("one sub-folder per class", "train/ and test/", "a tenth", ".png", ".jpg"):
        assert words in text, words
    dialog.fileSelected.emit(str(tmp_path / "cats"))
    assert panel.dataset_combo.currentText() == "folder cats"
    dialog.close()


def test_the_progress_shows_the_current_models_state_not_an_earlier_run(qtbot, window):
    """After a run, choosing another model: no "done: test accuracy 98.42%" left over."""
    from tests.ui.test_main_window import wait_idle

    window.start_training()
    wait_idle(qtbot, window)
    progress, checkpoint = window.panel.progress, window.session.current.path
    assert progress.format().startswith("done: test accuracy")
    assert window.status_labels.state_label.text() == "finished"
    window.panel.model_combo.select("lenet5")
    qtbot.waitUntil(lambda: window.session.current.meta.model == "lenet5", timeout=5_000)
    assert progress.format() == "untrained: Train trains it" and progress.value() == 0
    assert window.status_labels.state_label.text() == "idle"
    window.files.open_checkpoint(checkpoint)  # the run's weights again: their accuracy
    accuracy = window.session.current.meta.metrics["test_acc"]
    assert progress.format() == f"trained: test accuracy {accuracy:.2%}"
