"""What Inspect shows, without a display: an input stays only while the model takes it."""

import numpy as np

from cnnviz.session.inspection import InspectionState


def shown(state: InspectionState, shape=(1, 28, 28)) -> InspectionState:
    image = np.zeros(shape, dtype=np.uint8)
    state.show(image, image.transpose(1, 2, 0), true_label=3)
    return state


def test_an_input_stays_only_for_a_model_of_its_data_set_and_shape():
    state = InspectionState()
    assert state.model_changed("mnist", (1, 28, 28))  # the first model: nothing to keep
    shown(state)
    assert not state.model_changed("mnist", [1, 28, 28]) and state.input.true_label == 3
    assert state.model_changed("mnist", (1, 32, 32)) and state.input is None  # another shape
    shown(state)
    assert state.model_changed("fashion-mnist", (1, 28, 28)) and state.input is None
    assert state.dataset == "fashion-mnist"


def test_only_the_newest_snapshot_waits():
    state = InspectionState()
    old, new = {"w": np.zeros(1)}, {"w": np.ones(1)}
    state.offer_weights(old)
    state.offer_weights(new)
    assert state.pending_weights is new
