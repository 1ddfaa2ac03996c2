"""Inspect's "What excites this channel": an input optimised to excite the chosen channel (or
its centre unit), with Lucid's tricks (cnnviz.core.analysis.feature_vis), beside the best test
image scored the same way. It takes a second or a few, in the background, with progress and
Cancel; each result is kept for the model, so going back to a channel shows it again at once.
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox

from cnnviz.core.analysis.feature_vis import Objective, Visualisation, best_in_split, visualize
from cnnviz.ui.inspect.unit_view import UnitView
from cnnviz.ui.workers.background import TaskState

Found = tuple[Visualisation, tuple[float, int] | None, str]


class FeatureVisPanel(UnitView):
    verb = "visualise"
    def __init__(self) -> None:
        super().__init__("What excites this channel", "Visualise", "featureVis",
                         "featureVisView")  # fmt: skip
        self.objective_combo = QComboBox(objectName="featureVisObjective")
        self.objective_combo.addItem("the channel's mean", "channel")
        self.objective_combo.addItem("its centre unit", "unit")
        self.controls.addWidget(self.objective_combo)
        self.objective_combo.currentIndexChanged.connect(lambda _: self.redraw())
        self.results: dict[Objective, Found] = {}

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

        self.caption.setText(f"Optimising an input for {self.layer}, channel {self.channel}...")
        self.task_bar.run(work, lambda found: self._on_done(objective, found), self._on_error)

    def redraw(self) -> None:
        found = self.results.get(self.objective()) if self.layer else None
        if found is None:
            self._show_hint(f"Optimise an input to excite {self.layer or 'a layer'}, "
                            f"channel {self.channel}: what it responds to.")
            return
        result, best, label = found
        image = result.image
        self.draw_picture(image[0] if image.shape[0] == 1 else image.transpose(1, 2, 0))
        compared = ("" if best is None else
                    f"; the best test image (#{best[1]}) reaches {best[0]:.4g}")  # fmt: skip
        self.caption.setText(f"{self.layer}, channel {self.channel}: {result.activation:.4g} "
                             f"for this image{compared}. Weights: {label}.")
