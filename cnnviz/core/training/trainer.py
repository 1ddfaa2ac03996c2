"""The training loop: a plain object driven by a config, reporting through events.

``Trainer(config).run(on_event, should_stop)`` loads the data, builds the model, trains, and
returns the terminal event (finished, stopped or failed). It never raises for a problem the
user can fix: those arrive as a FailedEvent with a clear message.

Why it is fast: the whole data set is one uint8 tensor (on the GPU when it fits), a batch is
one index gather plus tensor-op augmentation and normalisation, and the host only syncs with
the device when the metrics are collected (every step on the CPU, where syncing is free;
every few steps on a GPU).
"""

from __future__ import annotations

import contextlib
import math
import socket
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

from cnnviz.core.data.batches import BatchPipeline, Normalizer
from cnnviz.core.data.datasets import load_dataset
from cnnviz.core.data.types import ImageSplit, LoadedDataset, ProgressFn
from cnnviz.core.errors import (
    CancelledError,
    CheckpointError,
    CnnvizError,
    DatasetNotFoundError,
    TrainingDivergedError,
)
from cnnviz.core.models.model_code import ModelCode, UntrustedModelCodeError
from cnnviz.core.models.registry import build_model, count_parameters
from cnnviz.core.models.shape import InputShape
from cnnviz.core.models.spec import ModelSpec
from cnnviz.core.thread_tuner import ThreadTuner, starting_threads
from cnnviz.core.threads import available_cores
from cnnviz.core.training.checkpoint import (
    Checkpoint,
    CheckpointMeta,
    apply_weights,
    checkpoint_model_code,
    load_checkpoint,
)
from cnnviz.core.training.config import TrainConfig, resume_conflicts
from cnnviz.core.training.devices import resolve_device, resolve_precision
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
    WeightsEvent,
)
from cnnviz.core.training.histograms import HistogramRecorder, SnapshotSchedule
from cnnviz.core.training.run_folder import CHECKPOINT, RunFolder
from cnnviz.core.training.tensorboard_log import summary_writer_class
from cnnviz.core.training.timelapse import TimelapseRecorder
from cnnviz.core.training.timelapse_embedding import EmbeddingRecorder

EventSink = Callable[[Any], None]
STEP_DECAY_EPOCHS = 20
STEP_DECAY_FACTOR = 1 / 3
#: steps between host syncs for the metrics on an accelerator; the CPU syncs every step
ACCELERATOR_SYNC_STEPS = 10
#: seeds of the augmentation draws of rank r (and, resumed at step s, of that rank again)
RANK_SEED_STRIDE = 7919
RESUME_SEED_STRIDE = 104729


def _never() -> bool:
    return False


def _ignore(event: Any) -> None:
    return None


def _epoch_permutation(seed: int, epoch: int, n: int) -> torch.Tensor:
    """The data order of one epoch depends only on the seed and the epoch, so a resumed run
    can replay the epoch it was stopped in."""
    return torch.randperm(n, generator=torch.Generator().manual_seed(seed * 1_000_003 + epoch))


def make_optimizer(config: TrainConfig, params: Any, device: torch.device) -> torch.optim.Optimizer:
    """The fused implementations update every parameter in one kernel, where available."""
    params = list(params)
    fused = {"fused": True} if device.type in ("cpu", "cuda") else {}
    cls, kwargs = {
        "adam": (torch.optim.Adam, {}),
        "adamw": (torch.optim.AdamW, {}),
        "sgd": (torch.optim.SGD, {"momentum": 0.9, "nesterov": True}),
    }[config.optimizer]
    try:
        return cls(params, lr=config.lr, weight_decay=config.weight_decay, **kwargs, **fused)
    except (RuntimeError, TypeError, ValueError):  # an older torch without a fused kernel here
        return cls(params, lr=config.lr, weight_decay=config.weight_decay, **kwargs)


def make_schedule(
    config: TrainConfig, optimizer: torch.optim.Optimizer, steps_per_epoch: int
) -> torch.optim.lr_scheduler.LRScheduler | None:
    """A schedule that is stepped once per batch."""
    total = steps_per_epoch * config.epochs
    if config.schedule == "step":
        return torch.optim.lr_scheduler.StepLR(
            optimizer, STEP_DECAY_EPOCHS * steps_per_epoch, gamma=STEP_DECAY_FACTOR
        )
    if config.schedule == "cosine":
        return torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=total)
    if config.schedule == "onecycle":
        return torch.optim.lr_scheduler.OneCycleLR(optimizer, max_lr=config.lr, total_steps=total)
    return None


def _fits_on(device: torch.device, data: LoadedDataset) -> bool:
    if device.type == "cpu":
        return True
    size = data.train.images.nbytes + data.test.images.nbytes
    if device.type == "cuda":
        free, _ = torch.cuda.mem_get_info(device)
        return size < free // 4
    return size < 1 << 30


def most_threads(group: ProcessGroup) -> int:
    """The CPU threads one process of the run may use: the cores available to it, shared
    among the processes of a torchrun job on this machine."""
    return max(1, available_cores() // group.local_world_size)


def run_model_code(config: TrainConfig, parent: Checkpoint | None) -> ModelCode | None:
    """The source a run's model is built from, or None for a registry model. A file the user
    named runs as it is on disk; one that the parent checkpoint (resume, init_from) names
    runs from the checkpoint's stored source, and only when the config trusts it
    (--trust-model-code). With ``trusted_code_sha256`` (the app's runs) the code runs only if
    it is still the text that was trusted."""
    if not ModelSpec.parse(config.model).is_file:
        return None
    from_parent = parent is not None and parent.meta.model == config.model
    source = str(config.resume or config.init_from) if from_parent else config.model
    code = (checkpoint_model_code(parent, source) if parent is not None and from_parent
            else ModelCode.read(config.model))  # fmt: skip
    if code is None:
        return None
    if config.trusted_code_sha256 is not None and code.sha256 != config.trusted_code_sha256:
        raise CnnvizError(
            f"{source}: the code of {code.name} changed since it was trusted (SHA-256 now "
            f"{code.short_hash}..., trusted {config.trusted_code_sha256[:12]}...); open it "
            f"again to review and trust it")
    if from_parent and config.trusted_code_sha256 is None and not config.trust_model_code:
        raise UntrustedModelCodeError(code, source)
    return code


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
    ) -> Any:
        """Train to the end or until ``should_stop()``; returns (and emits) the last event.

        ``wants_weights()`` is asked after every step; when it says yes, a WeightsEvent with
        a copy of the weights follows. Copying reads the weights between two steps and draws
        no random numbers, so it never changes what the run computes.
        """
        self._on_event = on_event
        threads = torch.get_num_threads()  # the run may change its thread's count: restored
        try:
            final = self._run(should_stop, wants_weights)
        except CancelledError:
            final = StoppedEvent(epoch=0, step=0, checkpoint=None)
        except TrainingDivergedError as exc:
            final = FailedEvent(str(exc), "", kind="diverged")
        except DatasetNotFoundError as exc:
            final = FailedEvent(str(exc), exc.details, kind="dataset-missing")
        except CnnvizError as exc:
            final = FailedEvent(str(exc), "", kind="invalid")
        except torch.OutOfMemoryError as exc:
            final = FailedEvent(
                f"out of memory on {self.device}: try a smaller batch size "
                f"(now {self.config.batch_size})",
                str(exc),
                kind="out-of-memory",
            )
        except Exception as exc:  # a bug, or a user's model failing in forward
            final = FailedEvent(f"training failed: {type(exc).__name__}: {exc}",
                                traceback.format_exc())
            if self.group.distributed and peer_failed(exc):
                final.message = ("another process of this distributed job stopped answering "
                                 "(it died or was killed; torchrun's report names it)")
        torch.set_num_threads(threads)
        if self.folder is not None and self._steps_taken == 0:
            self.folder.discard()  # nothing happened: leave no trace
            self.folder = None
        self._emit(final)
        if self.folder is not None:
            self.folder.close()
        return final

    def _emit(self, event: Any) -> None:
        """Events are rank 0's to report (they are global already)."""
        if not self.group.is_main:
            return
        if self.folder is not None:
            self.folder.log(event)
        self._on_event(event)

    # -- the run ----------------------------------------------------------------------------
    def _parent(self) -> Checkpoint | None:
        """The checkpoint this run continues (resume) or starts from (init_from), checked
        before any data is read: a run that cannot continue exactly says why at once."""
        cfg = self.config
        path = cfg.resume or cfg.init_from
        if path is None:
            return None
        checkpoint = load_checkpoint(Path(path))
        if cfg.resume is not None:
            recorded = {"model": checkpoint.meta.model, **checkpoint.meta.config}
            problems = resume_conflicts(recorded, cfg)
            if problems:
                raise CnnvizError(
                    f"{path}: cannot continue that run exactly, since these settings differ: "
                    f"{'; '.join(problems)}. To train on from its weights with these settings, "
                    f"start a new run with --init-from {path}"
                )
        return checkpoint

    def _prepare(self) -> tuple[LoadedDataset, InputShape, str, Checkpoint | None]:
        cfg = self.config
        cfg.validate()
        self.device = self.group.device(resolve_device(cfg.device))
        if cfg.tensorboard:
            summary_writer_class()
        parent = self._parent()
        if cfg.out_dir is not None and self.group.is_main:  # before the data: refused at once
            folder = RunFolder(Path(cfg.out_dir), tensorboard=cfg.tensorboard)
            folder.claim()
            self.folder = folder
        data = self.data or load_dataset(
            cfg.dataset, cfg.data_dir, download=cfg.download, progress=self.progress,
            image_size=cfg.image_size,
        )  # fmt: skip
        self.data = data
        info = data.info
        augment = info.default_augment if cfg.augment == "auto" else cfg.augment
        shape = InputShape(info.channels, info.height, info.width, info.num_classes)
        return data, shape, augment, parent

    def _open_folder(self, device: torch.device, augment: str, shape: InputShape,
                     precision: torch.dtype | None) -> None:  # fmt: skip
        cfg = self.config
        group = self.group
        hosts = group.gather_objects(socket.gethostname())
        if cfg.out_dir is None or not group.is_main:
            return
        folder = self.folder or RunFolder(Path(cfg.out_dir), tensorboard=cfg.tensorboard)
        details = {
            "world_size": group.world_size, "backend": group.backend or None,
            "hosts": sorted(set(hosts)),
            "device": str(device), "augment": augment,
            "precision": "bf16" if precision is not None else "fp32",
            "input_shape": [shape.channels, shape.height, shape.width],
            "classes": shape.num_classes,
            "parent_checkpoint": str(cfg.init_from) if cfg.init_from else None,
            "model_code_sha256": self._code.sha256 if self._code else None,
            "threads": (None if device.type != "cpu" else cfg.threads
                        or f"adaptive, 1 to {most_threads(group)}"),
        }  # fmt: skip
        folder.open(cfg.to_dict(), details,
                    resumed_from=str(cfg.resume) if cfg.resume else None)  # fmt: skip
        self.folder = folder

    def _run(self, should_stop: Callable[[], bool], wants_weights: Callable[[], bool]) -> Any:
        cfg = self.config
        data, shape, augment, parent = self._prepare()
        device = self.device
        assert device is not None
        self._code = run_model_code(cfg, parent)
        group = self.group
        tuner = None  # on the CPU, the thread count follows the machine's load (or is fixed)
        if device.type == "cpu" and cfg.threads:
            torch.set_num_threads(cfg.threads)
        elif device.type == "cpu":
            most = most_threads(group)
            tuner = self.tuner = ThreadTuner(most, starting_threads(most))
        torch.manual_seed(cfg.seed)  # the same initial weights on every rank
        model = build_model(cfg.model, shape, self._code).to(device)
        if cfg.init_from is not None and parent is not None:
            apply_weights(parent, model, str(cfg.init_from))
        # channels_last lets oneDNN and cuDNN pick their fastest convolution kernels (about
        # twice as fast for simple-cnn on an AVX-512 CPU); MPS gains nothing from it
        channels_last = device.type in ("cpu", "cuda")
        if channels_last:
            model = model.to(memory_format=torch.channels_last)
        net = group.wrap(model, cfg.sync_bn)  # what trains: DDP around the model, or itself
        model = getattr(net, "module", net)
        autocast_dtype = resolve_precision(cfg.precision, device)

        def mixed_precision() -> contextlib.AbstractContextManager:
            if autocast_dtype is None:
                return contextlib.nullcontext()
            return torch.autocast(device.type, dtype=autocast_dtype)
        self.model = model
        n_train = len(data.train)
        if n_train < 2 * group.world_size:
            raise CnnvizError(f"data set {data.info.name} has {n_train} training image(s); "
                              f"it needs at least {2 * group.world_size}")
        batch_size = group.local_batch(cfg.batch_size)
        n_slice = n_train // group.world_size
        steps_per_epoch = max(1, n_slice // batch_size if n_slice % batch_size == 1
                              else math.ceil(n_slice / batch_size))
        optimizer = make_optimizer(cfg, net.parameters(), device)
        scheduler = make_schedule(cfg, optimizer, steps_per_epoch)
        # augmentation draws differ per rank; rank 0 (and a single process) uses the seed
        generator = torch.Generator().manual_seed(cfg.seed + RANK_SEED_STRIDE * group.rank)
        start_epoch, start_batch, step, best_acc = 0, 0, 0, 0.0
        if cfg.resume is not None and parent is not None:
            start_epoch, start_batch, step, best_acc = self._resume(
                parent, model, optimizer, scheduler, generator, data
            )
        # the data set lives where the model does when it fits; batches are gathered there
        data_device = device if _fits_on(device, data) else torch.device("cpu")
        train, test = data.train.to(data_device), data.test.to(data_device)
        normalizer = Normalizer(data.info.mean, data.info.std, device)
        pipeline = BatchPipeline(normalizer, augment, generator)
        total_steps = steps_per_epoch * cfg.epochs
        if should_stop():  # cancelled while the data loaded: nothing is written
            raise CancelledError("cancelled before the first step")
        self._open_folder(device, augment, shape, autocast_dtype)
        on_event = self._emit
        where = str(device) + (f" x{group.world_size} processes ({group.backend})"
                               if group.distributed else "")  # fmt: skip
        on_event(StartedEvent(
            model=cfg.model, dataset=data.info.name, device=where,
            parameters=count_parameters(model), train_size=n_train, test_size=len(test),
            epochs=cfg.epochs, total_steps=total_steps, start_step=step,
            class_names=list(data.info.class_names),
            input_shape=[shape.channels, shape.height, shape.width],
            mean=list(data.info.mean), std=list(data.info.std),
        ))  # fmt: skip

        sync_every = 1 if device.type == "cpu" else ACCELERATOR_SYNC_STEPS
        schedule = SnapshotSchedule(total_steps, start_step=step)
        recorders = [HistogramRecorder(model)]
        if len(test):  # the timelapse follows the test split's first image
            recorders.append(TimelapseRecorder(model, test.images[0].to(device), normalizer,
                                               steps_per_epoch))  # fmt: skip
        projections = EmbeddingRecorder(model, test, normalizer, steps_per_epoch, total_steps,
                                        step, on_event if group.is_main else None)
        projections.evaluated(step)  # the test set as the run starts
        run_start = time.perf_counter()
        train_seconds, images_seen = 0.0, 0
        last_test_acc = best_acc
        for epoch in range(start_epoch, cfg.epochs):
            order = group.epoch_slice(_epoch_permutation(cfg.seed, epoch, n_train))
            order = order.to(data_device)
            first_batch = start_batch if epoch == start_epoch else 0
            epoch_start = time.perf_counter()
            loss_sum = torch.zeros((), device=device)
            correct_sum = torch.zeros((), device=device, dtype=torch.int64)
            seen_in_epoch = 0
            pending: list[tuple[torch.Tensor, torch.Tensor, int]] = []
            window_start = time.perf_counter()
            for batch in range(first_batch, steps_per_epoch):
                if group.any(should_stop()):  # every rank stops at the same step
                    return self._stop(epoch, batch, step, model, optimizer, scheduler,
                                      generator, data, best_acc)
                index = order[batch * batch_size : (batch + 1) * batch_size]
                images = train.images[index].to(device, non_blocking=True)
                labels = train.labels[index].to(device, non_blocking=True)
                inputs = pipeline.train_batch(images)
                if channels_last:
                    inputs = inputs.contiguous(memory_format=torch.channels_last)
                with mixed_precision():
                    logits = net(inputs)
                    loss = F.cross_entropy(logits, labels)
                optimizer.zero_grad(set_to_none=True)
                loss.backward()
                # the gradients of this step, before the update; rank 0's alone are reported
                if group.is_main and schedule.due(step + 1):
                    for snapshot in schedule.take(step + 1, recorders):
                        on_event(snapshot)
                optimizer.step()
                if scheduler is not None:
                    scheduler.step()
                step += 1
                self._steps_taken += 1
                correct = (logits.detach().argmax(dim=1) == labels).sum()
                pending.append((loss.detach(), correct, len(labels)))
                if len(pending) >= sync_every or batch == steps_per_epoch - 1:
                    losses, corrects, sizes = self._window_totals(pending)
                    if not np.all(np.isfinite(losses)):
                        raise TrainingDivergedError(
                            f"the loss became {losses[~np.isfinite(losses)][0]} at step {step}: "
                            f"try a lower learning rate (now {cfg.lr:g})"
                        )
                    elapsed = time.perf_counter() - window_start
                    if tuner is not None:
                        tuner.observe(elapsed / len(pending))
                    train_seconds += elapsed
                    window_images = int(sizes.sum())
                    images_seen += window_images
                    rate = window_images / elapsed if elapsed > 0 else 0.0
                    lr = optimizer.param_groups[0]["lr"]
                    first_step = step - len(pending) + 1
                    for k, (batch_loss, batch_correct, size) in enumerate(
                        zip(losses, corrects, sizes, strict=True)
                    ):
                        loss_sum += float(batch_loss) * int(size)
                        correct_sum += int(batch_correct)
                        seen_in_epoch += int(size)
                        global_step = first_step + k
                        on_event(StepEvent(
                            step=global_step, epoch=epoch + 1,
                            epoch_fraction=global_step / steps_per_epoch,
                            loss=float(batch_loss), train_acc=int(correct_sum) / seen_in_epoch,
                            images_per_second=rate, lr=lr,
                        ))  # fmt: skip
                    pending.clear()
                    window_start = time.perf_counter()
                if wants_weights():
                    state = {k: v.detach().cpu().numpy().copy()
                             for k, v in model.state_dict().items()}  # fmt: skip
                    on_event(WeightsEvent(step, epoch + 1, state))
                if cfg.eval_every and step % cfg.eval_every == 0:
                    subset = ImageSplit(test.images[: cfg.eval_subset],
                                        test.labels[: cfg.eval_subset])
                    result = self._test_pass(model, subset, normalizer, shape.num_classes)
                    assert result is not None
                    on_event(EvaluationEvent(step, step / steps_per_epoch, result.loss,
                                             result.accuracy, len(subset)))
                    projections.evaluated(step)
                    window_start = time.perf_counter()

            result = self._test_pass(model, test, normalizer, shape.num_classes, should_stop)
            if result is None:
                return self._stop(epoch + 1, 0, step, model, optimizer, scheduler, generator,
                                  data, best_acc)
            last_test_acc = result.accuracy
            projections.evaluated(step)
            is_best = result.accuracy >= best_acc
            best_acc = max(best_acc, result.accuracy)
            metrics = {"test_acc": result.accuracy, "test_loss": result.loss,
                       "best_test_acc": best_acc}
            saved = self._save(epoch + 1, 0, step, model, optimizer, scheduler, generator, data,
                               metrics, best=is_best)
            on_event(EpochEvent(
                epoch=epoch + 1, step=step,
                train_loss=float(loss_sum) / max(1, seen_in_epoch),
                train_acc=int(correct_sum) / max(1, seen_in_epoch),
                test_loss=result.loss, test_acc=result.accuracy,
                per_class_acc=result.per_class_accuracy,
                seconds=time.perf_counter() - epoch_start, checkpoint=saved,
            ))  # fmt: skip
        return FinishedEvent(
            epochs=cfg.epochs, step=step, test_acc=last_test_acc, best_test_acc=best_acc,
            train_seconds=train_seconds,
            wall_seconds=time.perf_counter() - run_start,
            images_per_second=images_seen / train_seconds if train_seconds > 0 else 0.0,
            checkpoint=str(self.folder.path / CHECKPOINT) if self.folder else None,
        )  # fmt: skip

    def _window_totals(self, pending: list[tuple[torch.Tensor, torch.Tensor, int]]
                       ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:  # fmt: skip
        """Each step's mean loss, correct count and batch size since the last sync, over all
        the ranks: one host sync (and one all-reduce) per window. Every rank's batch of a
        step has the same size (equal slices, a fixed local batch), so the global mean loss
        is the mean of the ranks' and the sizes need no all-reduce."""
        world = self.group.world_size
        totals = torch.stack([torch.stack([p[0] for p in pending]).float(),
                              torch.stack([p[1] for p in pending]).float()])
        totals = self.group.sum(totals).cpu().numpy()
        sizes = np.array([p[2] for p in pending], dtype=np.int64) * world
        return totals[0] / world, totals[1].astype(np.int64), sizes

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
    def _make_checkpoint(self, epoch, batch, step, model, optimizer, scheduler, generator,
                         data, metrics) -> Checkpoint:  # fmt: skip
        info = data.info
        meta = CheckpointMeta(
            model=self.config.model, dataset=info.name, class_names=list(info.class_names),
            input_shape=[info.channels, info.height, info.width], mean=list(info.mean),
            std=list(info.std), epoch=epoch, step=step, batch_in_epoch=batch,
            metrics=dict(metrics), config=self.config.to_dict(),
            model_code=self._code.to_dict() if self._code else None,
        )  # fmt: skip
        return Checkpoint(
            meta=meta,
            model_state={k: v.detach().cpu().contiguous() for k, v in model.state_dict().items()},
            optimizer_state=optimizer.state_dict(),
            scheduler_state=scheduler.state_dict() if scheduler is not None else None,
            generator_state=generator.get_state(),
        )

    def _save(self, epoch, batch, step, model, optimizer, scheduler, generator, data, metrics,
              best=False) -> str | None:  # fmt: skip
        """Rank 0 writes the checkpoint (atomically); then every rank passes a barrier, so no
        rank runs ahead of a checkpoint that is not on disk yet."""
        saved = None
        if self.folder is not None:
            checkpoint = self._make_checkpoint(epoch, batch, step, model, optimizer, scheduler,
                                               generator, data, metrics)
            saved = str(self.folder.save(checkpoint, best=best))
        self.group.barrier()
        return saved

    def _stop(self, epoch, batch, step, model, optimizer, scheduler, generator, data,
              best_acc) -> StoppedEvent:  # fmt: skip
        """Save where the run stopped, unless it took no step: then there is nothing new."""
        saved = None
        if self._steps_taken:
            saved = self._save(epoch, batch, step, model, optimizer, scheduler, generator,
                               data, {"best_test_acc": best_acc})
        return StoppedEvent(epoch=epoch, step=step, checkpoint=saved)

    def _resume(self, checkpoint: Checkpoint, model, optimizer, scheduler, generator,
                data) -> tuple[int, int, int, float]:  # fmt: skip
        path = self.config.resume
        meta = checkpoint.meta
        if list(meta.class_names) != list(data.info.class_names):
            raise CheckpointError(
                f"{path}: was trained on {meta.dataset} ({len(meta.class_names)} classes), not "
                f"on {data.info.name}"
            )
        apply_weights(checkpoint, model, str(path))
        try:
            if checkpoint.optimizer_state is not None:
                optimizer.load_state_dict(checkpoint.optimizer_state)
            if scheduler is not None and checkpoint.scheduler_state is not None:
                scheduler.load_state_dict(checkpoint.scheduler_state)
            if self.group.distributed:  # the checkpoint holds rank 0's draws only
                generator.manual_seed(self.config.seed + RANK_SEED_STRIDE * self.group.rank
                                      + RESUME_SEED_STRIDE * meta.step)  # fmt: skip
            elif checkpoint.generator_state is not None:
                generator.set_state(checkpoint.generator_state)
        except (ValueError, KeyError, RuntimeError, TypeError) as exc:
            raise CheckpointError(f"{path}: its optimiser state does not fit: {exc}") from None
        best = float(meta.metrics.get("best_test_acc", 0.0))
        return meta.epoch, meta.batch_in_epoch, meta.step, best
