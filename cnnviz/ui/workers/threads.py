"""Worker threads: how they start and end, and how torch shares the cores with the GUI.

The training worker is an object moved to its own QThread, started by the thread's
``started`` signal and ending the thread through its ``finished`` signal. Background calls run
in superqt's thread pool. Both are remembered here so that tests (and closing the window)
can check that nothing is left running.
"""

from __future__ import annotations

import threading
import weakref

import torch
from PySide6.QtCore import QObject, Qt, QThread

_live_threads: weakref.WeakSet[QThread] = weakref.WeakSet()
_pool_calls: list[threading.Event] = []
_worker_torch_threads: int | None = None


def keep_gui_thread_single_threaded() -> None:
    """Give torch one thread in the GUI thread, and the machine's usual count to workers.

    torch's OpenMP thread count is per thread. If the GUI thread runs torch ops (a Draw
    prediction, an Inspect forward pass) with several threads, it keeps an OpenMP team of
    its own, and the training thread's team then shares the cores with it: on 2 cores that
    cost a quarter of the training speed. Small single-image work needs no team at all.
    """
    global _worker_torch_threads
    if _worker_torch_threads is None:
        _worker_torch_threads = torch.get_num_threads()
        torch.set_num_threads(1)


def worker_torch_threads() -> int:
    """The torch thread count for a worker thread: the machine's usual one."""
    return _worker_torch_threads or torch.get_num_threads()


def track_worker(ended: threading.Event) -> None:
    """Remember a background call until ``ended`` is set."""
    _pool_calls[:] = [event for event in _pool_calls if not event.is_set()]
    _pool_calls.append(ended)


def running_threads() -> list[object]:
    """Worker threads and background calls still running; tests assert this is empty."""
    threads: list[object] = [t for t in list(_live_threads) if t.isRunning()]
    return threads + [event for event in _pool_calls if not event.is_set()]


def worker_thread(worker: QObject, name: str) -> QThread:
    """A new thread for ``worker``, which must have a ``run`` slot and a ``finished`` signal.
    The thread is not started yet."""
    thread = QThread()
    thread.setObjectName(name)
    worker.moveToThread(thread)
    thread.started.connect(worker.run)
    # direct: quit from the worker thread itself, so the request can never wait in a queue
    worker.finished.connect(thread.quit, Qt.ConnectionType.DirectConnection)
    _live_threads.add(thread)
    return thread
