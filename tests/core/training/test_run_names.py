"""Runs named by what tells them apart ("lr 0.01", not a folder's timestamp), without Qt."""

from cnnviz.core.training.config import TrainConfig
from cnnviz.core.training.runs import differing_settings, run_names, setting_text


def settings(**changes) -> dict:
    return {**TrainConfig().to_dict(), **changes}


FOLDERS = ["20261206-135424-simple-cnn-mnist", "20261206-140101-simple-cnn-mnist",
           "20261206-141733-simple-cnn-mnist"]


def test_runs_that_differ_in_the_learning_rate_are_named_by_it():
    runs = [settings(lr=0.01), settings(lr=0.001)]
    assert differing_settings(runs) == ["lr"]
    assert run_names(runs, FOLDERS[:2]) == ["lr 0.01", "lr 0.001"]


def test_several_differences_are_all_named_in_the_settings_order():
    runs = [settings(lr=0.01, batch_size=64), settings(lr=0.001, batch_size=100),
            settings(lr=0.001, batch_size=100, model="lenet5", optimizer="sgd")]
    assert run_names(runs, FOLDERS) == [
        "simple-cnn, batch 64, lr 0.01, adam", "simple-cnn, batch 100, lr 0.001, adam",
        "lenet5, batch 100, lr 0.001, sgd"]


def test_runs_no_setting_tells_apart_and_a_run_alone_are_named_by_their_folders():
    runs = [settings(lr=0.01), settings(lr=0.001), settings(lr=0.001)]
    assert run_names(runs, FOLDERS) == [
        "lr 0.01", f"lr 0.001 ({FOLDERS[1]})", f"lr 0.001 ({FOLDERS[2]})"]
    assert run_names([settings()], FOLDERS[:1]) == FOLDERS[:1]
    assert run_names([settings(), settings()], FOLDERS[:2]) == FOLDERS[:2]


def test_values_read_as_a_person_writes_them():
    assert setting_text("lr", 1e-05) == "lr 1e-05"
    assert setting_text("dataset", "folder:/data/cats") == "folder cats"
    assert setting_text("model", "/home/me/net.py:Net") == "net.Net"
    assert setting_text("init_from", "/runs/baseline/best.pt") == "from baseline"
    assert setting_text("image_size", None) == "size -"


def test_a_translation_names_the_settings_in_its_own_words():
    words = {"lr": "学习率", "{setting} {value}": "{setting} {value}"}
    names = run_names([settings(lr=0.01), settings(lr=0.001)], FOLDERS[:2],
                      lambda context, text: words.get(text, text))
    assert names == ["学习率 0.01", "学习率 0.001"]
