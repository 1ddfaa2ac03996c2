"""Training on several processes, GPUs and machines with PyTorch's own engine: torchrun
launches the processes, torch.distributed connects them, DistributedDataParallel keeps their
weights equal.

The trainer talks to a ProcessGroup and never asks how many processes there are: a single
process is a group of one whose collectives do nothing, so one code path trains both ways.
The rules a distributed run follows (each stated where it is done):
- ``--batch-size`` stays the global batch: each of N ranks takes batch/N images a step from
  its own equal, disjoint slice of the epoch's seeded permutation (the same on every rank);
- loss, accuracy and the test pass are summed over the ranks, so what is logged is global and
  the test accuracy covers every test image exactly once;
- rank 0 alone writes the run folder and its checkpoints; a stop request on any rank stops
  every rank at the same step.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

import numpy as np
import torch
import torch.distributed as dist
from torch import nn

from cnnviz.core.errors import CnnvizError
from cnnviz.core.threads import available_cores
from cnnviz.core.training.evaluation import EvaluationResult, result_from_counts

#: how long a rank waits for the others at a collective before it gives up
TIMEOUT = timedelta(minutes=10)


def peer_failed(error: BaseException) -> bool:
    """Whether a collective failed because another rank went away. gloo reports a dead peer
    as a plain RuntimeError whose message tells it; NCCL as DistBackendError."""
    text = str(error)
    return isinstance(error, dist.DistBackendError) or any(
        sign in text for sign in ("Connection reset by peer", "Connection closed by peer",
                                  "Broken pipe", "connectFullMesh"))  # fmt: skip


def launched_by_torchrun() -> bool:
    """torchrun (and torch.distributed.run) sets these for every process it starts."""
    return all(name in os.environ for name in ("RANK", "LOCAL_RANK", "WORLD_SIZE"))


def restart_count() -> int:
    """How often torchrun's elastic agent has restarted this job (--max-restarts)."""
    return int(os.environ.get("TORCHELASTIC_RESTART_COUNT", "0"))


@dataclass
class ProcessGroup:
    """This process's place among the training processes, and the collectives the trainer
    uses. The default is a single process."""

    rank: int = 0
    local_rank: int = 0
    world_size: int = 1
    local_world_size: int = 1
    backend: str = ""
    #: a CPU (gloo) group beside the default one, for stop flags, barriers and objects, so
    #: that deciding whether to stop never waits for a GPU
    control: Any = field(default=None, repr=False)

    @property
    def is_main(self) -> bool:
        return self.rank == 0

    @property
    def distributed(self) -> bool:
        return self.world_size > 1

    # -- placing the work -------------------------------------------------------------------
    def device(self, requested: torch.device) -> torch.device:
        """Each rank on its LOCAL_RANK's GPU; the CPU stays the CPU."""
        if self.distributed and requested.type == "cuda":
            return torch.device("cuda", self.local_rank)
        return requested

    def local_batch(self, batch_size: int) -> int:
        if batch_size % self.world_size:
            raise CnnvizError(
                f"batch size {batch_size} does not split evenly over {self.world_size} "
                f"processes; choose a multiple of {self.world_size} (it stays the global batch)"
            )
        return batch_size // self.world_size

    def epoch_slice(self, order: torch.Tensor) -> torch.Tensor:
        """This rank's equal share of the epoch's permutation (the remainder of n / N, at most
        N - 1 random images, sits the epoch out), so that no rank waits at its end."""
        share = len(order) // self.world_size
        return order[self.rank * share : (self.rank + 1) * share]

    def test_shard(self, count: int) -> slice:
        """This rank's contiguous part of the test split: together, every image once."""
        bounds = np.linspace(0, count, self.world_size + 1).astype(int)
        return slice(int(bounds[self.rank]), int(bounds[self.rank + 1]))

    def wrap(self, model: nn.Module, sync_batchnorm: bool) -> nn.Module:
        """The model as the optimiser's steps see it: wrapped in DDP when distributed."""
        if not self.distributed:
            return model
        if sync_batchnorm:
            if self.backend != "nccl":
                raise CnnvizError(
                    f"--sync-bn needs the NCCL backend (GPUs); with {self.backend} on the CPU "
                    f"each process normalises with its own batch's statistics, and DDP gives "
                    f"every process rank 0's running statistics: leave out --sync-bn"
                )
            model = nn.SyncBatchNorm.convert_sync_batchnorm(model)
        device = next(model.parameters()).device
        ids = [device.index] if device.type == "cuda" else None
        return nn.parallel.DistributedDataParallel(model, device_ids=ids)

    # -- collectives ------------------------------------------------------------------------
    def sum(self, tensor: torch.Tensor) -> torch.Tensor:
        if self.distributed:
            dist.all_reduce(tensor, op=dist.ReduceOp.SUM)
        return tensor

    def any(self, flag: bool) -> bool:
        """True on every rank when any rank says so."""
        if not self.distributed:
            return flag
        value = torch.tensor([1.0 if flag else 0.0])
        dist.all_reduce(value, op=dist.ReduceOp.MAX, group=self.control)
        return bool(value.item())

    def barrier(self) -> None:
        if self.distributed:
            dist.barrier(group=self.control)

    def gather_objects(self, value: Any) -> list[Any]:
        if not self.distributed:
            return [value]
        gathered: list[Any] = [None] * self.world_size
        dist.all_gather_object(gathered, value, group=self.control)
        return gathered

    def share_buffers(self, model: nn.Module) -> None:
        """Give every rank rank 0's buffers (BatchNorm's running statistics). DDP sends them
        before each training forward, so after the last one each rank holds its own; a test
        pass must use the statistics the checkpoint (rank 0's) keeps."""
        if self.distributed:
            for buffer in model.buffers():
                dist.broadcast(buffer, src=0)

    def merge_evaluation(self, result: EvaluationResult, device: torch.device) -> EvaluationResult:
        """The test pass over all shards: confusion matrices and losses summed."""
        if not self.distributed:
            return result
        counts = torch.as_tensor(result.confusion, dtype=torch.float64, device=device)
        loss_sum = torch.tensor([result.loss * result.confusion.sum()], dtype=torch.float64,
                                device=device)  # fmt: skip
        self.sum(counts)
        self.sum(loss_sum)
        empty = np.zeros(0)
        return result_from_counts(counts.cpu().numpy().astype(np.int64), float(loss_sum[0]),
                                  empty.astype(np.int64), empty.astype(np.float32))

    def close(self) -> None:
        if self.distributed and dist.is_initialized():
            dist.destroy_process_group()


def join_torchrun(device: str) -> ProcessGroup:
    """Join the job torchrun started: gloo on the CPU, NCCL on CUDA (each rank on its
    LOCAL_RANK's GPU), and torch threads per rank = the cores available / local processes
    (torchrun's default of one thread leaves cores idle; the trainer then adapts the count to
    the machine's load, see thread_tuner)."""
    rank, local_rank = int(os.environ["RANK"]), int(os.environ["LOCAL_RANK"])
    world_size = int(os.environ["WORLD_SIZE"])
    local_world_size = int(os.environ.get("LOCAL_WORLD_SIZE", world_size))
    use_cuda = device != "cpu" and torch.cuda.is_available()
    backend = "nccl" if use_cuda else "gloo"
    if use_cuda:
        torch.cuda.set_device(local_rank)
    torch.set_num_threads(max(1, available_cores() // local_world_size))
    # torchrun's store outlives an elastic restart, and a new process group would read the
    # old round's addresses from it (pytorch/pytorch#167288): each round gets its own keys
    store, _, _ = next(dist.rendezvous("env://", rank, world_size, timeout=TIMEOUT))
    store = dist.PrefixStore(f"cnnviz/round-{restart_count()}", store)
    dist.init_process_group(backend, store=store, rank=rank, world_size=world_size,
                            timeout=TIMEOUT)
    control = dist.new_group(backend="gloo", timeout=TIMEOUT) if backend != "gloo" else None
    return ProcessGroup(rank, local_rank, world_size, local_world_size, backend, control)

