"""A run directory's metrics.jsonl: one JSON object per event, so that another process (the
desktop app, a notebook, ``tail -f``) can follow a run while it trains."""

from __future__ import annotations

import json
from pathlib import Path
from types import TracebackType
from typing import Any

from cnnviz.core.training.events import StepEvent, event_to_json

#: step lines are flushed in groups; every other event is flushed at once
FLUSH_EVERY_STEPS = 50


class MetricsLog:
    """Appends events to ``RUN_DIR/metrics.jsonl``; use as a context manager and as the sink."""

    def __init__(self, run_dir: Path) -> None:
        run_dir.mkdir(parents=True, exist_ok=True)
        self.path = run_dir / "metrics.jsonl"
        self._file = self.path.open("a", encoding="utf-8")
        self._unflushed = 0

    def __call__(self, event: Any) -> None:
        self._file.write(json.dumps(event_to_json(event)) + "\n")
        self._unflushed += 1
        if not isinstance(event, StepEvent) or self._unflushed >= FLUSH_EVERY_STEPS:
            self._file.flush()
            self._unflushed = 0

    def close(self) -> None:
        self._file.close()

    def __enter__(self) -> MetricsLog:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


def read_metrics(path: Path) -> list[dict[str, Any]]:
    """Every complete line of a metrics.jsonl (a line still being written is skipped)."""
    records = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        try:
            records.append(json.loads(line))
        except json.JSONDecodeError:
            continue
    return records
