"""Inspect's "What excites this channel": an input optimised to excite the chosen channel (or
its centre unit), with Lucid's tricks (cnnviz.core.analysis.feature_vis), beside the best test
image scored the same way. It takes a second or a few, in the background, with progress and
Cancel; each result is kept for the model, so going back to a channel shows it again at once.
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox

from cnnviz.core.analysis.feature_vis import Objective, Visualisation, best_in_split, visualize
from cnnviz.ui.inspect.unit_view import UnitView
from cnnviz.ui.shell.i18n import translate_error
from cnnviz.ui.workers.background import TaskState

Found = tuple[Visualisation, tuple[float, int] | None, str]


class FeatureVisPanel(UnitView):
    def __init__(self) -> None:
        super().__init__("featureVis", "featureVisView")
        self.heading.setText(self.tr("What excites this channel"))
        self.task_bar.start_button.setText(self.tr("Visualise"))
        self.objective_combo = QComboBox(objectName="featureVisObjective")
        self.objective_combo.addItem(self.tr("the channel's mean"), "channel")
        self.objective_combo.addItem(self.tr("its centre unit"), "unit")
        self.controls.addWidget(self.objective_combo)
        self.objective_combo.currentIndexChanged.connect(lambda _: self.redraw())
        self.results: dict[Objective, Found] = {}

    def error_text(self, error: Exception) -> str:
        return self.tr("Cannot visualise {layer}: {error}").format(layer=self.layer,
                                                                    error=translate_error(error))

    def objective(self) -> Objective:
        return Objective(self.layer, self.channel, self.objective_combo.currentData())

    def start(self) -> None:
        source = self.source
        if source is None or not self.layer:
            return
        objective, model, test = self.objective(), source.copy_model(), source.test
        label = source.weights_label

        def work(state: TaskState) -> Found | None:
            result = visualize(model, objective, source.input_shape, source.normalizer,
                               should_stop=state.is_interruption_requested,
                               on_progress=state.set_progress)  # fmt: skip
            if result is None:
                return None
            if test is None:
                return result, None, label
            best = best_in_split(model, objective, test, source.normalizer,
                                 should_stop=state.is_interruption_requested)  # fmt: skip
            return None if best is None else (result, best, label)

        self.caption.setText(self.tr("Optimising an input for {layer}, channel {channel}...")
                             .format(layer=self.layer, channel=self.channel))  # fmt: skip
        self.task_bar.run(work, lambda found: self._on_done(objective, found), self._on_error)

    def redraw(self) -> None:
        found = self.results.get(self.objective()) if self.layer else None
        if found is None:
            self._show_hint(self.tr("Optimise an input to excite {layer}, channel {channel}: "
                                    "what it responds to.")
                            .format(layer=self.layer or self.tr("a layer"),
                                    channel=self.channel))  # fmt: skip
            return
        result, best, label = found
        image = result.image
        self.draw_picture(image[0] if image.shape[0] == 1 else image.transpose(1, 2, 0))
        values = {"layer": self.layer, "channel": self.channel, "label": label,
                  "value": f"{result.activation:.4g}"}
        if best is None:
            text = self.tr("{layer}, channel {channel}: {value} for this image. Weights: "
                           "{label}.")
        else:
            text = self.tr("{layer}, channel {channel}: {value} for this image; the best test "
                           "image (#{index}) reaches {best}. Weights: {label}.")
            values.update(index=best[1], best=f"{best[0]:.4g}")
        self.caption.setText(text.format(**values))
