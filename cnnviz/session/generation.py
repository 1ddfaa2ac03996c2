"""Dropping background results that arrive after the user moved on, as ndv does.

Each request for slow work (the test split of a data set, an evaluation) takes a token from
a Generation; a newer request makes every older token stale, and a result that comes back
with a stale token is dropped instead of overwriting what the user now looks at.
"""

from __future__ import annotations


class Generation:
    def __init__(self) -> None:
        self._current = 0

    def next(self) -> int:
        """A token for a new request; every earlier token becomes stale."""
        self._current += 1
        return self._current

    def is_current(self, token: int) -> bool:
        return token == self._current
