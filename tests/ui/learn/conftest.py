"""The Learn tab's pages, on screen."""

import pytest


@pytest.fixture
def learn(qtbot, window):
    window.tabs.setCurrentWidget(window.learn_tab)
    window.show()
    qtbot.waitExposed(window)
    return window.learn_tab
