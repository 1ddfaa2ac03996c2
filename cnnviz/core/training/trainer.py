"""The training loop: a plain object driven by a config, reporting through events.

``Trainer(config).run(on_event, should_stop)`` loads the data, builds the model, trains, and
returns the terminal event (finished, stopped or failed). It never raises for a problem the
user can fix: those arrive as a FailedEvent with a clear message.

Setting the run up is setup.py's, the checkpoint it starts from is resume.py's, and what it
carries from step to step is a TrainState (state.py); this module is the loop itself.

Why it is fast: the whole data set is one uint8 tensor (on the GPU when it fits), a batch is
one index gather plus tensor-op augmentation and normalisation, and the host only syncs with
the device when the metrics are collected (every step on the CPU, where syncing is free;
every few steps on a GPU).
"""

from __future__ import annotations

import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

from cnnviz.core.data.batches import BatchPipeline, Normalizer
from cnnviz.core.data.types import ImageSplit, LoadedDataset, ProgressFn
from cnnviz.core.errors import (
    CancelledError,
    CnnvizError,
    DatasetNotFoundError,
    TrainingDivergedError,
)
from cnnviz.core.models.model_code import ModelCode
from cnnviz.core.models.registry import count_parameters
from cnnviz.core.models.shape import InputShape
from cnnviz.core.thread_tuner import ThreadTuner
from cnnviz.core.training.config import TrainConfig
from cnnviz.core.training.devices import resolve_device
from cnnviz.core.training.distributed import ProcessGroup, peer_failed
from cnnviz.core.training.evaluation import EvaluationResult, evaluate
from cnnviz.core.training.events import (
    EpochEvent,
    EvaluationEvent,
    FailedEvent,
    FinishedEvent,
    StartedEvent,
    StepEvent,
    StoppedEvent,
    TerminalEvent,
    WeightsEvent,
)
from cnnviz.core.training.histograms import HistogramRecorder, Recorder, SnapshotSchedule
from cnnviz.core.training.reports import EventSink, TrainingEvent
from cnnviz.core.training.resume import load_parent, restore, run_model_code
from cnnviz.core.training.run_folder import CHECKPOINT, RunFolder
from cnnviz.core.training.setup import (
    RunSetup,
    build_network,
    claim_folder,
    load_data,
    make_optimizer,
    make_schedule,
    open_folder,
    run_setup,
    set_threads,
)
from cnnviz.core.training.state import TrainState, augmentation_seed, epoch_order
from cnnviz.core.training.tensorboard_log import summary_writer_class
from cnnviz.core.training.timelapse import TimelapseRecorder
from cnnviz.core.training.timelapse_embedding import EmbeddingRecorder
from cnnviz.core.translatable import QT_TRANSLATE_NOOP, Message, error_text

#: one step's loss and correct count, still on the device, and its batch size
Pending = tuple[torch.Tensor, torch.Tensor, int]


def _never() -> bool:
    return False


def _ignore(event: TrainingEvent) -> None:
    return None


@dataclass
class _EpochTotals:
    """The epoch's training loss and accuracy so far, summed on the device."""

    loss_sum: torch.Tensor
    correct_sum: torch.Tensor
    seen: int = 0

    @staticmethod
    def zero(device: torch.device) -> _EpochTotals:
        return _EpochTotals(torch.zeros((), device=device),
                            torch.zeros((), device=device, dtype=torch.int64))  # fmt: skip

    def add(self, loss: float, correct: int, size: int) -> None:
        self.loss_sum += loss * size
        self.correct_sum += correct
        self.seen += size

    @property
    def accuracy(self) -> float:
        return int(self.correct_sum) / max(1, self.seen)


@dataclass
class _Snapshots:
    """The histogram and timelapse recorders, when they record, and the test's projection."""

    schedule: SnapshotSchedule
    recorders: list[Recorder]
    projections: EmbeddingRecorder


class Trainer:
    """One training run. Build it with a config; ``run`` does all the work."""

    def __init__(
        self,
        config: TrainConfig,
        data: LoadedDataset | None = None,
        progress: ProgressFn | None = None,
        group: ProcessGroup | None = None,
    ) -> None:
        self.config = config
        self.data = data
        self.progress = progress
        #: the processes that train together (torchrun); by default this one alone
        self.group = group or ProcessGroup()
        self.model: nn.Module | None = None
        self.device: torch.device | None = None
        #: the run folder, once training has begun (None for a run kept in memory)
        self.folder: RunFolder | None = None
        self._code: ModelCode | None = None
        self._steps_taken = 0
        #: the CPU thread count's controller, while a run adapts it (for benchmarks and tests)
        self.tuner: ThreadTuner | None = None
        self._on_event: EventSink = _ignore

    # -- public -----------------------------------------------------------------------------
    def run(
        self,
        on_event: EventSink,
        should_stop: Callable[[], bool] = _never,
        wants_weights: Callable[[], bool] = _never,
    ) -> TerminalEvent:
        """Train to the end or until ``should_stop()``; returns (and emits) the last event.

        ``wants_weights()`` is asked after every step; when it says yes, a WeightsEvent with
        a copy of the weights follows. Copying reads the weights between two steps and draws
        no random numbers, so it never changes what the run computes.
        """
        self._on_event = on_event
        threads = torch.get_num_threads()  # the run may change its thread's count: restored
        final: TerminalEvent
        try:
            final = self._run(should_stop, wants_weights)
        except CancelledError:
            final = StoppedEvent(epoch=0, step=0, checkpoint=None)
        except TrainingDivergedError as exc:
            final = FailedEvent(error_text(exc), "", kind="diverged")
        except DatasetNotFoundError as exc:
            final = FailedEvent(error_text(exc), exc.details, kind="dataset-missing")
        except CnnvizError as exc:
            final = FailedEvent(error_text(exc), "", kind="invalid")
        except torch.OutOfMemoryError as exc:
            final = FailedEvent(
                Message("Trainer", QT_TRANSLATE_NOOP("Trainer", "out of memory on {device}: try "
                                                                "a smaller batch size (now "
                                                                "{batch_size})"),
                        device=self.device, batch_size=self.config.batch_size),
                str(exc),
                kind="out-of-memory",
            )
        except Exception as exc:  # a bug, or a user's model failing in forward
            final = FailedEvent(Message("Trainer", QT_TRANSLATE_NOOP("Trainer",
                                                                     "training failed: {error}"),
                                        error=f"{type(exc).__name__}: {exc}"),
                                traceback.format_exc())  # fmt: skip
            if self.group.distributed and peer_failed(exc):
                final.message = Message("Trainer", QT_TRANSLATE_NOOP(
                    "Trainer", "another process of this distributed job stopped answering (it "
                               "died or was killed; torchrun's report names it)"))
        torch.set_num_threads(threads)
        if self.folder is not None and self._steps_taken == 0:
            self.folder.discard()  # nothing happened: leave no trace
            self.folder = None
        self._emit(final)
        if self.folder is not None:
            self.folder.close()
        return final

    def _emit(self, event: TrainingEvent) -> None:
        """Events are rank 0's to report (they are global already)."""
        if not self.group.is_main:
            return
        if self.folder is not None:
            self.folder.log(event)
        self._on_event(event)

    # -- the run ----------------------------------------------------------------------------
    def _set_up(self) -> tuple[TrainState, RunSetup]:
        """Everything before the first step, in this order: the config checked, the device,
        the parent checkpoint (checked before any data is read), the run folder claimed, the
        data, the threads, the model, the optimiser and schedule, and a resume's state."""
        cfg, group = self.config, self.group
        cfg.validate()
        device = self.device = group.device(resolve_device(cfg.device))
        if cfg.tensorboard:
            summary_writer_class()
        parent = load_parent(cfg)
        folder = claim_folder(cfg, group)
        if folder is not None:
            self.folder = folder
        data = self.data = self.data or load_data(cfg, self.progress)
        info = data.info
        augment = info.default_augment if cfg.augment == "auto" else cfg.augment
        shape = InputShape(info.channels, info.height, info.width, info.num_classes)
        self._code = run_model_code(cfg, parent)
        self.tuner = set_threads(cfg, device, group)
        net, model = build_network(cfg, shape, self._code, parent, device, group)
        self.model = model
        setup = run_setup(cfg, group, data, device, shape, augment, net)
        optimizer = make_optimizer(cfg, net.parameters(), device)
        state = TrainState(
            model=model, optimizer=optimizer,
            scheduler=make_schedule(cfg, optimizer, setup.steps_per_epoch),
            generator=torch.Generator().manual_seed(augmentation_seed(cfg.seed, group.rank)),
            data=data,
        )  # fmt: skip
        if cfg.resume is not None and parent is not None:
            restore(state, parent, cfg, group)
        return state, setup

    def _run(self, should_stop: Callable[[], bool],
             wants_weights: Callable[[], bool]) -> FinishedEvent | StoppedEvent:  # fmt: skip
        cfg, group = self.config, self.group
        state, setup = self._set_up()
        total_steps = setup.steps_per_epoch * cfg.epochs
        if should_stop():  # cancelled while the data loaded: nothing is written
            raise CancelledError("cancelled before the first step")
        open_folder(self.folder, cfg, group, setup, self._code)
        info = state.data.info
        where = str(setup.device) + (f" x{group.world_size} processes ({group.backend})"
                                     if group.distributed else "")  # fmt: skip
        self._emit(StartedEvent(
            model=cfg.model, dataset=info.name, device=where,
            parameters=count_parameters(state.model), train_size=len(setup.train),
            test_size=len(setup.test), epochs=cfg.epochs, total_steps=total_steps,
            start_step=state.step, class_names=list(info.class_names),
            input_shape=[setup.shape.channels, setup.shape.height, setup.shape.width],
            mean=list(info.mean), std=list(info.std),
        ))  # fmt: skip

        recorders: list[Recorder] = [HistogramRecorder(state.model)]
        if len(setup.test):  # the timelapse follows the test split's first image
            recorders.append(TimelapseRecorder(
                state.model, setup.test.images[0].to(setup.device), setup.normalizer,
                setup.steps_per_epoch))  # fmt: skip
        projections = EmbeddingRecorder(state.model, setup.test, setup.normalizer,
                                        setup.steps_per_epoch, total_steps, state.step,
                                        self._emit if group.is_main else None)  # fmt: skip
        projections.evaluated(state.step)  # the test set as the run starts
        snapshots = _Snapshots(SnapshotSchedule(total_steps, start_step=state.step), recorders,
                               projections)  # fmt: skip
        pipeline = BatchPipeline(setup.normalizer, setup.augment, state.generator)
        run_start = time.perf_counter()
        last_test_acc = state.best_acc
        while state.epoch < cfg.epochs:
            epoch_start = time.perf_counter()
            totals = self._train_epoch(state, setup, pipeline, snapshots, should_stop,
                                       wants_weights)  # fmt: skip
            if totals is None:
                return self._stop(state)
            state.epoch, state.batch = state.epoch + 1, 0
            result = self._test_pass(state.model, setup.test, setup.normalizer,
                                     setup.shape.num_classes, should_stop)  # fmt: skip
            if result is None:
                return self._stop(state)
            last_test_acc = result.accuracy
            projections.evaluated(state.step)
            is_best = result.accuracy >= state.best_acc
            state.best_acc = max(state.best_acc, result.accuracy)
            metrics = {"test_acc": result.accuracy, "test_loss": result.loss,
                       "best_test_acc": state.best_acc}
            saved = self._save(state, metrics, best=is_best)
            self._emit(EpochEvent(
                epoch=state.epoch, step=state.step,
                train_loss=float(totals.loss_sum) / max(1, totals.seen),
                train_acc=totals.accuracy,
                test_loss=result.loss, test_acc=result.accuracy,
                per_class_acc=result.per_class_accuracy,
                seconds=time.perf_counter() - epoch_start, checkpoint=saved,
            ))  # fmt: skip
        return FinishedEvent(
            epochs=cfg.epochs, step=state.step, test_acc=last_test_acc,
            best_test_acc=state.best_acc, train_seconds=state.train_seconds,
            wall_seconds=time.perf_counter() - run_start,
            images_per_second=(state.images_seen / state.train_seconds
                               if state.train_seconds > 0 else 0.0),
            checkpoint=str(self.folder.path / CHECKPOINT) if self.folder else None,
        )  # fmt: skip

    def _train_epoch(self, state: TrainState, setup: RunSetup, pipeline: BatchPipeline,
                     snapshots: _Snapshots, should_stop: Callable[[], bool],
                     wants_weights: Callable[[], bool]) -> _EpochTotals | None:  # fmt: skip
        """The batches of epoch ``state.epoch`` from ``state.batch`` on; None when a stop
        came first (``state`` is then where it stopped)."""
        cfg, group = self.config, self.group
        order = group.epoch_slice(epoch_order(cfg.seed, state.epoch, len(state.data.train)))
        order = order.to(setup.data_device)
        totals = _EpochTotals.zero(setup.device)
        pending: list[Pending] = []
        window_start = time.perf_counter()
        for batch in range(state.batch, setup.steps_per_epoch):
            state.batch = batch
            if group.any(should_stop()):  # every rank stops at the same step
                return None
            index = order[batch * setup.batch_size : (batch + 1) * setup.batch_size]
            pending.append(self._step(state, setup, pipeline, snapshots, index))
            if len(pending) >= setup.sync_every or batch == setup.steps_per_epoch - 1:
                self._report_window(state, setup, pending, totals,
                                    time.perf_counter() - window_start)  # fmt: skip
                pending.clear()
                window_start = time.perf_counter()
            if wants_weights():
                weights = {k: v.detach().cpu().numpy().copy()
                           for k, v in state.model.state_dict().items()}  # fmt: skip
                self._emit(WeightsEvent(state.step, state.epoch + 1, weights))
            if cfg.eval_every and state.step % cfg.eval_every == 0:
                self._evaluate_subset(state, setup)
                snapshots.projections.evaluated(state.step)
                window_start = time.perf_counter()
        return totals

    def _step(self, state: TrainState, setup: RunSetup, pipeline: BatchPipeline,
              snapshots: _Snapshots, index: torch.Tensor) -> Pending:  # fmt: skip
        """One optimiser step on the batch ``index`` names; its loss and correct count stay
        on the device until the window's sync."""
        images = setup.train.images[index].to(setup.device, non_blocking=True)
        labels = setup.train.labels[index].to(setup.device, non_blocking=True)
        inputs = pipeline.train_batch(images)
        if setup.channels_last:
            inputs = inputs.contiguous(memory_format=torch.channels_last)
        with setup.autocast():
            logits = setup.net(inputs)
            loss = F.cross_entropy(logits, labels)
        state.optimizer.zero_grad(set_to_none=True)
        loss.backward()
        # the gradients of this step, before the update; rank 0's alone are reported
        if self.group.is_main and snapshots.schedule.due(state.step + 1):
            for snapshot in snapshots.schedule.take(state.step + 1, snapshots.recorders):
                self._emit(snapshot)
        state.optimizer.step()
        if state.scheduler is not None:
            state.scheduler.step()
        state.step += 1
        self._steps_taken += 1
        correct = (logits.detach().argmax(dim=1) == labels).sum()
        return loss.detach(), correct, len(labels)

    def _report_window(self, state: TrainState, setup: RunSetup, pending: list[Pending],
                       totals: _EpochTotals, elapsed: float) -> None:  # fmt: skip
        """The steps since the last sync, read back at once: a StepEvent for each, or a
        TrainingDivergedError when a loss is not finite."""
        losses, corrects, sizes = self._window_totals(pending)
        if not np.all(np.isfinite(losses)):
            raise TrainingDivergedError(Message(
                "Trainer", QT_TRANSLATE_NOOP("Trainer", "the loss became {loss} at step {step}: "
                                                        "try a lower learning rate (now {lr})"),
                loss=losses[~np.isfinite(losses)][0], step=state.step, lr=f"{self.config.lr:g}"))
        if self.tuner is not None:
            self.tuner.observe(elapsed / len(pending))
        state.train_seconds += elapsed
        window_images = int(sizes.sum())
        state.images_seen += window_images
        rate = window_images / elapsed if elapsed > 0 else 0.0
        lr = state.optimizer.param_groups[0]["lr"]
        first_step = state.step - len(pending) + 1
        for k, (batch_loss, batch_correct, size) in enumerate(
            zip(losses, corrects, sizes, strict=True)
        ):
            totals.add(float(batch_loss), int(batch_correct), int(size))
            global_step = first_step + k
            self._emit(StepEvent(
                step=global_step, epoch=state.epoch + 1,
                epoch_fraction=global_step / setup.steps_per_epoch,
                loss=float(batch_loss), train_acc=int(totals.correct_sum) / totals.seen,
                images_per_second=rate, lr=lr,
            ))  # fmt: skip

    def _evaluate_subset(self, state: TrainState, setup: RunSetup) -> None:
        """The mid-epoch evaluation on the test split's first ``eval_subset`` images."""
        subset = ImageSplit(setup.test.images[: self.config.eval_subset],
                            setup.test.labels[: self.config.eval_subset])
        result = self._test_pass(state.model, subset, setup.normalizer, setup.shape.num_classes)
        assert result is not None
        self._emit(EvaluationEvent(state.step, state.step / setup.steps_per_epoch, result.loss,
                                   result.accuracy, len(subset)))  # fmt: skip

    def _window_totals(self, pending: list[Pending]
                       ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:  # fmt: skip
        """Each step's mean loss, correct count and batch size since the last sync, over all
        the ranks: one host sync (and one all-reduce) per window. Every rank's batch of a
        step has the same size (equal slices, a fixed local batch), so the global mean loss
        is the mean of the ranks' and the sizes need no all-reduce."""
        world = self.group.world_size
        totals = torch.stack([torch.stack([p[0] for p in pending]).float(),
                              torch.stack([p[1] for p in pending]).float()])
        sums = self.group.sum(totals).cpu().numpy()
        sizes = np.array([p[2] for p in pending], dtype=np.int64) * world
        return sums[0] / world, sums[1].astype(np.int64), sizes

    def _test_pass(self, model: nn.Module, split: ImageSplit, normalizer: Normalizer,
                   classes: int, should_stop: Callable[[], bool] | None = None
                   ) -> EvaluationResult | None:  # fmt: skip
        """A test pass over ``split``: each rank evaluates its shard and the counts are
        summed, so every image counts once. Several ranks never stop mid-pass (they would
        wait for each other); a stop waits for the next step."""
        group = self.group
        if group.distributed:
            group.share_buffers(model)
            shard = group.test_shard(len(split))
            part = ImageSplit(split.images[shard], split.labels[shard])
            result = evaluate(model, part, normalizer, classes)
            assert result is not None
            return group.merge_evaluation(result, normalizer.scale.device)
        return evaluate(model, split, normalizer, classes, should_stop=should_stop)

    # -- checkpoints ------------------------------------------------------------------------
    def _save(self, state: TrainState, metrics: dict[str, float],
              best: bool = False) -> str | None:  # fmt: skip
        """Rank 0 writes the checkpoint (atomically); then every rank passes a barrier, so no
        rank runs ahead of a checkpoint that is not on disk yet."""
        saved = None
        if self.folder is not None:
            checkpoint = state.checkpoint(self.config, self._code, metrics)
            saved = str(self.folder.save(checkpoint, best=best))
        self.group.barrier()
        return saved

    def _stop(self, state: TrainState) -> StoppedEvent:
        """Save where the run stopped, unless it took no step: then there is nothing new."""
        saved = None
        if self._steps_taken:
            saved = self._save(state, {"best_test_acc": state.best_acc})
        return StoppedEvent(epoch=state.epoch, step=state.step, checkpoint=saved)
