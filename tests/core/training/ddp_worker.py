"""Run by the distributed tests under torchrun: trains through the same Trainer and process
group that ``cnnviz train`` uses, then saves this rank's weights, so the test can compare the
ranks. Not a test module itself."""

import sys
from pathlib import Path

import torch

from cnnviz.core.training.config import TrainConfig
from cnnviz.core.training.distributed import join_torchrun
from cnnviz.core.training.trainer import Trainer


def main() -> None:
    data_dir, out, steps_dir = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
    group = join_torchrun("cpu")
    config = TrainConfig(epochs=2, batch_size=20, data_dir=data_dir, download=False,
                         out_dir=out, augment="affine")
    trainer = Trainer(config, group=group)
    final = trainer.run(lambda event: None)
    torch.save(trainer.model.state_dict(), steps_dir / f"rank{group.rank}.pt")
    (steps_dir / f"rank{group.rank}.txt").write_text(f"{type(final).__name__} {final.step}")
    group.close()


if __name__ == "__main__":
    main()
