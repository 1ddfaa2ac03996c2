"""The app's state in one Qt-free object: which model is current and where its weights came
from, the run that trains (its folder, config and lifecycle), and the user's trusted code.

Widgets never hold this state: they call the session and render what its events say, as
napari's views render its components. Everything here runs in the GUI thread; the training
worker's events reach it through ``handle``.
"""

from __future__ import annotations

import contextlib
import re
import time
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

from psygnal import Signal
from torch import nn

from cnnviz.core.analysis.prediction import Predictor, shipped_weights_path
from cnnviz.core.data.leftovers import remove_leftovers
from cnnviz.core.data.types import DatasetInfo, DatasetSpec
from cnnviz.core.errors import CnnvizError, ModelLoadError
from cnnviz.core.models.model_code import ModelCode, UntrustedModelCodeError
from cnnviz.core.models.registry import build_model
from cnnviz.core.models.shape import InputShape
from cnnviz.core.models.spec import ModelSpec
from cnnviz.core.paths import runs_home
from cnnviz.core.training.checkpoint import CheckpointMeta, load_checkpoint
from cnnviz.core.training.config import TrainConfig, changed_settings, resume_conflicts
from cnnviz.core.training.events import (
    TERMINAL_EVENTS,
    EpochEvent,
    StartedEvent,
    StoppedEvent,
)
from cnnviz.core.training.planning import TrainMode, plan_run
from cnnviz.core.training.reports import TrainingEvent
from cnnviz.core.training.resume import run_model_code
from cnnviz.core.training.run_folder import BEST, CHECKPOINT, METRICS, holds_run
from cnnviz.core.translatable import QT_TRANSLATE_NOOP, Message, error_text
from cnnviz.session.run_lifecycle import RunLifecycle
from cnnviz.session.trust_store import TrustStore
from cnnviz.session.weights_memory import WeightsMemory, made_for


def labelled(text: str, /, **values: object) -> Message:
    """Part of a weights' label, for the views to translate (marked under "CurrentModel")."""
    return Message("CurrentModel", text, **values)


#: how an untrained model's weights are named wherever weights are shown
UNTRAINED = labelled(QT_TRANSLATE_NOOP("CurrentModel", "untrained (random weights)"))
SHIPPED = labelled(QT_TRANSLATE_NOOP("CurrentModel", "shipped weights"))


@dataclass
class TrainChoice:
    """The modes that make sense for the settings now chosen, and why Continue is missing
    when it is (the settings that differ from the run's)."""

    modes: list[TrainMode]
    checkpoint: Path | None = None
    differences: list[str] = field(default_factory=list)
    #: the total epochs a continued run trains to
    continue_to_epoch: int = 0
    #: the run-defining settings chosen since the current weights' run (names, e.g. "lr")
    changed: list[str] = field(default_factory=list)

    @property
    def default(self) -> TrainMode:
        """What Enter does: once run-defining settings changed, the user is comparing
        settings, and a fresh run with the new ones is the fair comparison; else the
        first mode (Continue when it is offered)."""
        return TrainMode.FRESH if self.changed else self.modes[0]


@dataclass
class CurrentModel:
    """The model every view shows, with where its weights came from."""

    predictor: Predictor
    path: Path | None  # the checkpoint file
    #: e.g. "simple-cnn on mnist, this run, epoch 3 (98.1%)": a Message, which the views show
    #: translated
    label: str

    @property
    def meta(self) -> CheckpointMeta:
        return self.predictor.meta

    @property
    def code(self) -> ModelCode | None:
        """The source the model was built from (a checkpoint's stored source, or the file the
        user chose), trusted when it was loaded; None for a registry model. What runs again
        for this model (another data set, a run) is this text, never the file on disk now."""
        stored = self.meta.model_code
        return ModelCode.from_dict(stored) if stored else None

    @property
    def is_shipped(self) -> bool:
        return self.path is not None and self.path == shipped_weights_path()

    @property
    def trained(self) -> bool:
        return self.path is not None

    @property
    def run_folder(self) -> Path | None:
        """The run these weights came from, whose curves the plots show: the checkpoint's
        own folder when it holds the run's metrics, else the folder its run wrote (a copy
        saved elsewhere with Save checkpoint as) when that still holds them; None for the
        shipped weights, an untrained model, or a run that is gone."""
        if self.path is None or self.is_shipped:
            return None
        recorded = self.meta.config.get("out_dir")
        folders = [self.path.parent, *([Path(recorded)] if isinstance(recorded, str) and recorded
                                       else [])]  # fmt: skip
        return next((folder for folder in folders if (folder / METRICS).is_file()), None)


def describe(meta: CheckpointMeta, source: str) -> Message:
    """A label naming the model, the data, where the weights came from (a Message, or a file's
    name) and how good they are."""
    names = {"model": ModelSpec.parse(meta.model).display_name,
             "dataset": DatasetSpec.parse(meta.dataset).display_name, "source": source}
    accuracy = meta.metrics.get("test_acc")
    if accuracy is None:
        return labelled(QT_TRANSLATE_NOOP("CurrentModel", "{model} on {dataset}, {source}"),
                        **names)  # fmt: skip
    return labelled(QT_TRANSLATE_NOOP("CurrentModel",
                                      "{model} on {dataset}, {source} ({accuracy})"),
                    **names, accuracy=f"{accuracy:.1%}")  # fmt: skip


def run_of_checkpoint(path: Path) -> Path | None:
    """The run folder whose checkpoint (checkpoint.pt, best.pt) this file is, or None."""
    path = Path(path)
    return path.parent if path.name in (CHECKPOINT, BEST) and holds_run(path.parent) else None


def checkpoint_source(path: Path) -> str:
    """Where a checkpoint file's weights came from, for its label: its run when it is a run
    folder's checkpoint (every run's is called checkpoint.pt), else its file name."""
    path = Path(path)
    run = run_of_checkpoint(path)
    if run is None:
        return path.name
    if path.name == BEST:
        return labelled(QT_TRANSLATE_NOOP("CurrentModel", "run {name}, best"), name=run.name)
    return labelled(QT_TRANSLATE_NOOP("CurrentModel", "run {name}"), name=run.name)


def file_stem(model: str, dataset: str) -> str:
    """``model-dataset`` in characters any file system takes (an image folder is "folder")."""
    name = re.sub(r"[^A-Za-z0-9_.-]+", "_", ModelSpec.parse(model).display_name) or "model"
    return f"{name}-{'folder' if DatasetSpec.parse(dataset).is_folder else dataset}"


def suggested_file_name(meta: CheckpointMeta) -> str:
    """What Save checkpoint as suggests: model, data set and test accuracy, as in
    ``simple-cnn-mnist-98.4.pt``."""
    stem = file_stem(meta.model, str(meta.config.get("dataset", meta.dataset)))
    accuracy = meta.metrics.get("test_acc")
    return f"{stem}-{100 * accuracy:.1f}.pt" if accuracy is not None else f"{stem}.pt"


def new_run_dir(config: TrainConfig, home: Path) -> Path:
    """A fresh folder name for a run, by time, model and data set; never an existing one.
    The trainer makes it when training begins, so a cancelled run leaves nothing."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    base = home / f"{stamp}-{file_stem(config.model, config.dataset)}"
    candidate, n = base, 1
    while candidate.exists():
        n += 1
        candidate = base.with_name(f"{base.name}-{n}")
    return candidate


class Session:
    """Qt-free application state. Events: ``current_changed(CurrentModel)`` when the model
    the views show changes, ``run_started(StartedEvent)`` when a run's training begins,
    ``problem(str)`` for a message the user should see (a Message); ``run.changed(Phase)`` for the
    lifecycle."""

    current_changed = Signal(object)
    run_started = Signal(object)
    problem = Signal(str)

    def __init__(self, trust: TrustStore | None = None, home: Path | None = None) -> None:
        self.trust = trust or TrustStore()
        self.home = home or runs_home()
        remove_leftovers(self.home)  # half-written checkpoints of runs that were killed
        self.run = RunLifecycle()
        self.run_config: TrainConfig | None = None
        #: each model's last weights in this window, brought back when it is chosen again
        self.memory = WeightsMemory()
        self.current: CurrentModel = self._load(shipped_weights_path(), SHIPPED,
                                                trust=False)  # fmt: skip
        self.memory.remember(self.current)

    # -- the current model ------------------------------------------------------------------
    def _load(self, path: Path, source: str, trust: Any) -> CurrentModel:
        predictor = Predictor.from_checkpoint(path, trust)
        return CurrentModel(predictor, Path(path), describe(predictor.meta, source))

    def _set_current(self, current: CurrentModel) -> CurrentModel:
        self.current = current
        self.memory.remember(current)
        self.current_changed.emit(current)
        return current

    def use_shipped(self) -> CurrentModel:
        return self._set_current(self._load(shipped_weights_path(), SHIPPED, False))

    def shows(self, model: str, dataset: str) -> bool:
        """Whether the current model is this model for this data set."""
        return made_for(self.current, model, dataset)

    def select(self, model: str, info: DatasetInfo, dataset: str | None = None
               ) -> CurrentModel:  # fmt: skip
        """The model chosen in the run panel, for this data set: when the current model is
        another, the weights this model last had in this window come back (a run's, a
        checkpoint's, the shipped ones), else a fresh one of it becomes current, labelled
        untrained until a run or a checkpoint gives it weights. A model file runs here (the
        user chose it), and one that cannot take the data set's images says why now, not at
        Train."""
        dataset = dataset or info.name
        if self.shows(model, dataset):
            return self.current
        remembered = self.memory.recall(model, dataset)
        if remembered is not None:
            return self._set_current(remembered)
        code = self._code_for(model)
        meta = CheckpointMeta(model=model, dataset=info.name, class_names=list(info.class_names),
                              input_shape=[info.channels, info.height, info.width],
                              mean=list(info.mean), std=list(info.std),
                              config={"model": model, "dataset": dataset},
                              model_code=code.to_dict() if code else None)  # fmt: skip
        network = build_model(model, meta.shape, code)
        return self._set_current(CurrentModel(Predictor(network, meta), None,
                                              describe(meta, UNTRAINED)))

    def _code_for(self, model: str) -> ModelCode | None:
        """The code a model spec runs: the current model's own when it is that model (a
        checkpoint's stored source, trusted when it was opened), else the file on disk as it
        is now, which must be trusted (chosen by the user, or trusted by its hash): a spec
        can come from a stranger's checkpoint or from the settings it left."""
        if not ModelSpec.parse(model).is_file:
            return None
        if self.current.meta.model == model and self.current.code is not None:
            return self.current.code
        code = ModelCode.read(model)
        if not self.trust(code):
            raise UntrustedModelCodeError(code, model)
        return code

    def trust_chosen_file(self, model: str) -> None:
        """The user picked this model file in a file dialog: its code as it is now runs
        without asking. A file that cannot be read is left to say so when it is selected."""
        with contextlib.suppress(ModelLoadError):
            self.trust.trust(ModelCode.read(model))

    def open_checkpoint(self, path: Path) -> CurrentModel:
        """Make a checkpoint file current. A model defined in a Python file loads only if
        the trust store trusts its code; otherwise UntrustedModelCodeError names the code,
        and the caller may ask the user, ``trust_code`` it and try again."""
        path = Path(path)
        return self._set_current(self._load(path, checkpoint_source(path), self.trust))

    def trust_code(self, code: ModelCode) -> None:
        self.trust.trust(code)

    def _trust_own_run(self, code: ModelCode) -> bool:
        """The code of a run this session started: the user chose it (or trusted its
        parent), so its checkpoints load, and are remembered as trusted."""
        self.trust.trust(code)
        return True

    # -- planning a run ---------------------------------------------------------------------
    def train_choice(self, config: TrainConfig) -> TrainChoice:
        """What Train may do now. Continue is offered only when every setting but the
        number of epochs is the run's own; the current weights are offered for a new run
        when they are of this model and data set; a fresh start always."""
        current = self.current
        if current.path is None or current.is_shipped or not current.path.is_file():
            return TrainChoice([TrainMode.FRESH])
        if not self.shows(config.model, config.dataset):
            return TrainChoice([TrainMode.FRESH])
        meta = current.meta
        recorded = {"model": meta.model, "dataset": meta.dataset, **meta.config}
        target = meta.epoch + config.epochs
        continued = replace(config, epochs=target)
        differences = resume_conflicts(recorded, continued)
        modes = [TrainMode.FROM_WEIGHTS, TrainMode.FRESH]
        if not differences:
            modes.insert(0, TrainMode.CONTINUE)
        return TrainChoice(modes, current.path, differences, target,
                           changed_settings(recorded, continued))

    def plan(self, config: TrainConfig, mode: TrainMode) -> TrainConfig:
        """The config a run in ``mode`` trains with: its folder, and what it starts from.
        A continued run of the app's own writes on in its folder; anything else (a fresh
        run, a checkpoint opened from elsewhere, a best.pt) gets a new folder."""
        # the code that runs is the one trusted when the model was shown; a file or checkpoint
        # changed since then is refused by its hash
        code = self._code_for(config.model)
        settings = {**asdict(config), "trusted_code_sha256": code.sha256 if code else None,
                    "out_dir": new_run_dir(config, self.home)}
        if mode is TrainMode.FRESH:
            return plan_run(settings)
        choice = self.train_choice(config)
        path = choice.checkpoint
        if mode not in choice.modes or path is None:
            raise CnnvizError(f"cannot {mode.value} with these settings: "
                              f"{'; '.join(choice.differences) or 'no weights to start from'}")
        if mode is TrainMode.CONTINUE:
            settings["epochs"] = choice.continue_to_epoch
            if (path.name == CHECKPOINT and holds_run(path.parent)
                    and self.home.resolve() in path.resolve().parents):  # fmt: skip
                settings["out_dir"] = path.parent
        return plan_run(settings, mode, path, self.current.meta)

    # -- the run ----------------------------------------------------------------------------
    def begin(self, config: TrainConfig) -> bool:
        """A planned run is about to start; False when one is already under way."""
        if not self.run.begin():
            return False
        self.run_config = config
        return True

    @property
    def run_dir(self) -> Path | None:
        return None if self.run_config is None else self.run_config.out_dir

    def handle(self, event: TrainingEvent) -> None:
        """An event from the training worker (in the GUI thread)."""
        if isinstance(event, StartedEvent):
            if self.run.training_started():
                self.run_started.emit(event)
        elif isinstance(event, EpochEvent) and event.checkpoint:
            self._use_run_checkpoint(Path(event.checkpoint), labelled(
                QT_TRANSLATE_NOOP("CurrentModel", "this run, epoch {epoch}"), epoch=event.epoch))
        elif isinstance(event, TERMINAL_EVENTS):
            self.run.ended(event)
            if isinstance(event, StoppedEvent) and event.checkpoint:
                self._use_run_checkpoint(Path(event.checkpoint), labelled(QT_TRANSLATE_NOOP(
                    "CurrentModel", "this run, stopped at step {step}"), step=event.step))

    def _use_run_checkpoint(self, path: Path, source: str) -> None:
        try:
            self._set_current(self._load(path, source, self._trust_own_run))
        except CnnvizError as exc:
            self.problem.emit(Message("Session", QT_TRANSLATE_NOOP(
                "Session", "cannot use the run's checkpoint: {error}"), error=error_text(exc)))

    def live_model(self, started: StartedEvent) -> nn.Module | None:
        """A fresh model of the run's architecture, to hold the weight snapshots a running
        trainer sends; built from the same code the run uses."""
        config = self.run_config
        if config is None:
            return None
        if len(started.input_shape) != 3:  # a job's event, read from its run folder
            self.problem.emit(Message("Session", QT_TRANSLATE_NOOP(
                "Session", "cannot show the live model: input shape {shape}"),
                shape=started.input_shape))
            return None
        channels, height, width = started.input_shape
        shape = InputShape(channels, height, width, len(started.class_names))
        try:
            parent_path = config.resume or config.init_from
            parent = load_checkpoint(parent_path) if parent_path else None
            return build_model(config.model, shape, run_model_code(config, parent))
        except CnnvizError as exc:
            self.problem.emit(Message("Session", QT_TRANSLATE_NOOP(
                "Session", "cannot show the live model: {error}"), error=error_text(exc)))
            return None
