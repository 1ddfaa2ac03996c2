"""Errors that carry a message meant for the user, not a traceback."""


class CnnvizError(Exception):
    """A failure the user can act on; its message says what happened and what to do."""


class DatasetNotFoundError(CnnvizError):
    """A data set is not on disk and could not be downloaded."""


class ModelLoadError(CnnvizError):
    """A model name or a user's model file could not be turned into a working model."""


class CheckpointError(CnnvizError):
    """A checkpoint file was refused: unreadable, corrupt, not ours, or for another model."""


class TrainingDivergedError(CnnvizError):
    """The loss became NaN or infinite."""


class CancelledError(CnnvizError):
    """Long work (loading, downloading) was cancelled by the user; nothing is wrong."""
