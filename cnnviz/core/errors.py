"""Errors that carry a message meant for the user, not a traceback.

A message the interface shows is raised as an ``error_message``: the English sentence (what
``str(error)`` and the command line say) with its source and values, which the interface
translates (cnnviz/core/translatable.py, ``error_text``).
"""

from __future__ import annotations

from cnnviz.core.translatable import Message


def error_message(text: str, /, **values: object) -> Message:
    """An error's message, for the interface to translate (marked under "Error")."""
    return Message("Error", text, **values)


class CnnvizError(Exception):
    """A failure the user can act on; its message says what happened and what to do."""


class DatasetNotFoundError(CnnvizError):
    """A data set is not on disk and could not be downloaded. The message says it in plain
    words; ``details`` keeps what the network said, for those who ask."""

    def __init__(self, message: str, details: str = "") -> None:
        super().__init__(message)
        self.details = details


class DownloadError(CnnvizError):
    """Every mirror of a file failed; ``offline`` when none could even be reached."""

    def __init__(self, message: str, offline: bool) -> None:
        super().__init__(message)
        self.offline = offline


class ModelLoadError(CnnvizError):
    """A model name or a user's model file could not be turned into a working model."""


class CheckpointError(CnnvizError):
    """A checkpoint file was refused: unreadable, corrupt, not ours, or for another model."""


class TrainingDivergedError(CnnvizError):
    """The loss became NaN or infinite."""


class CancelledError(CnnvizError):
    """Long work (loading, downloading) was cancelled by the user; nothing is wrong."""
