"""The checkpoint a run starts from: one it continues exactly (resume) or one whose weights
it starts from (init_from).

Loading and checking the parent come before any data is read, so that a run that cannot
continue exactly says why at once; the model's code, when it comes from the parent, runs only
when the user trusted it.
"""

from __future__ import annotations

from functools import reduce
from pathlib import Path

from cnnviz.core.errors import CheckpointError, CnnvizError, error_message
from cnnviz.core.models.model_code import ModelCode, UntrustedModelCodeError
from cnnviz.core.models.spec import ModelSpec
from cnnviz.core.training.checkpoint import (
    Checkpoint,
    apply_weights,
    checkpoint_model_code,
    load_checkpoint,
)
from cnnviz.core.training.config import TrainConfig, resume_conflicts
from cnnviz.core.training.distributed import ProcessGroup
from cnnviz.core.training.state import TrainState, augmentation_seed
from cnnviz.core.translatable import QT_TRANSLATE_NOOP, error_text


def load_parent(config: TrainConfig) -> Checkpoint | None:
    """The checkpoint ``config``'s run continues (resume) or starts from (init_from), or None.
    A resume whose settings differ from the run's is refused with the differences named."""
    path = config.resume or config.init_from
    if path is None:
        return None
    checkpoint = load_checkpoint(Path(path))
    if config.resume is not None:
        recorded = {"model": checkpoint.meta.model, **checkpoint.meta.config}
        problems = resume_conflicts(recorded, config)
        if problems:
            raise CnnvizError(error_message(QT_TRANSLATE_NOOP(
                "Error", "{path}: cannot continue that run exactly, since these settings "
                         "differ: {differences}. To train on from its weights with these "
                         "settings, start a new run with --init-from {path}"),
                path=path, differences=_listed(problems)))
    return checkpoint


def _listed(items: list[str]) -> str:
    """``items`` joined by "; ", as Messages that translate each item with the list."""
    return reduce(lambda listed, item: error_message(QT_TRANSLATE_NOOP(
        "Error", "{listed}; {item}"), listed=listed, item=item), items)


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
        raise CnnvizError(error_message(QT_TRANSLATE_NOOP(
            "Error", "{source}: the code of {name} changed since it was trusted (SHA-256 now "
                     "{now}..., trusted {trusted}...); open it again to review and trust it"),
            source=source, name=code.name, now=code.short_hash,
            trusted=config.trusted_code_sha256[:12]))
    if from_parent and config.trusted_code_sha256 is None and not config.trust_model_code:
        raise UntrustedModelCodeError(code, source)
    return code


def restore(state: TrainState, checkpoint: Checkpoint, config: TrainConfig,
            group: ProcessGroup) -> None:  # fmt: skip
    """Put a resumed run's checkpoint back into ``state``: the weights, the optimiser, the
    schedule, the random state, the position and the best accuracy so far."""
    path = config.resume
    meta = checkpoint.meta
    if list(meta.class_names) != list(state.data.info.class_names):
        raise CheckpointError(error_message(QT_TRANSLATE_NOOP(
            "Error", "{path}: was trained on {dataset} ({classes} classes), not on {data}"),
            path=path, dataset=meta.dataset, classes=len(meta.class_names),
            data=state.data.info.name))
    apply_weights(checkpoint, state.model, str(path))
    try:
        if checkpoint.optimizer_state is not None:
            state.optimizer.load_state_dict(checkpoint.optimizer_state)
        if state.scheduler is not None and checkpoint.scheduler_state is not None:
            state.scheduler.load_state_dict(checkpoint.scheduler_state)
        if group.distributed:  # the checkpoint holds rank 0's draws only
            state.generator.manual_seed(augmentation_seed(config.seed, group.rank, meta.step))
        elif checkpoint.generator_state is not None:
            state.generator.set_state(checkpoint.generator_state)
    except (ValueError, KeyError, RuntimeError, TypeError) as exc:
        raise CheckpointError(error_message(QT_TRANSLATE_NOOP(
            "Error", "{path}: its optimiser state does not fit: {error}"),
            path=path, error=error_text(exc))) from None
    state.epoch, state.batch, state.step = meta.epoch, meta.batch_in_epoch, meta.step
    state.best_acc = float(meta.metrics.get("best_test_acc", 0.0))
