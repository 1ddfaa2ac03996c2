import os

import pytest
import torch

from cnnviz.core import threads


@pytest.mark.parametrize(("load", "busy"), [(0.5, False), (float(os.cpu_count()), True)])
def test_passes_over_data_run_on_one_thread_while_the_machine_is_busy(monkeypatch, load, busy):
    monkeypatch.setattr(os, "getloadavg", lambda: (load, 0.0, 0.0))
    before = torch.get_num_threads()
    torch.set_num_threads(2)
    try:
        assert threads.machine_busy() is busy
        with threads.threads_for_the_load():
            assert torch.get_num_threads() == (1 if busy else 2)
        assert torch.get_num_threads() == 2
    finally:
        torch.set_num_threads(before)


def test_without_a_load_average_the_machine_is_not_called_busy(monkeypatch):
    def no_load_average():
        raise OSError("not here")

    monkeypatch.setattr(os, "getloadavg", no_load_average)
    assert not threads.machine_busy()
