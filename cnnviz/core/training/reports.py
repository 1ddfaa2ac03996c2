"""Every event a training run reports, as one type, and where the events go.

Each event is a dataclass defined beside what makes it: events.py holds the run's progress and
its end, timelapse.py and timelapse_embedding.py the frames they record. Those two modules
build on histograms.py's schedule, which builds on events.py, so the union of them all lives
here, above every module that defines one of its members.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeAlias

from cnnviz.core.training.events import JsonEvent
from cnnviz.core.training.timelapse import TimelapseEvent
from cnnviz.core.training.timelapse_embedding import EmbeddingEvent

#: every event a run emits: ``Trainer.run``'s sink gets each of these as it happens
TrainingEvent: TypeAlias = JsonEvent | TimelapseEvent | EmbeddingEvent
#: where a run's events go
EventSink: TypeAlias = Callable[[TrainingEvent], None]
