"""The run panel's form comes from TrainConfig's settings: ranges, defaults, choices, help."""

from PySide6.QtWidgets import QDoubleSpinBox, QSpinBox

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
