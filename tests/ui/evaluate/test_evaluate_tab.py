import csv
import time

import numpy as np
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QListWidget, QWidget

from cnnviz.core.analysis.prediction import shipped_weights_path
from cnnviz.core.training.evaluation import evaluate_checkpoint


def evaluate(qtbot, window):
    tab = window.evaluate_tab
    window.tabs.setCurrentWidget(tab)
    tab.evaluate_button.click()
    qtbot.waitUntil(lambda: tab.result is not None, timeout=60_000)
    qtbot.waitUntil(lambda: not tab.task.is_running, timeout=10_000)
    return tab


def test_named_widgets(window):
    for name in ("evaluateTab", "confusionView", "mistakesView", "explainOverlay"):
        assert window.findChild(QWidget, name) is not None, name


def test_confusion_counts_equal_a_direct_count(qtbot, window):
    tab = evaluate(qtbot, window)
    labels = tab.test.labels.numpy()
    predictions = tab.result.predictions
    direct = np.zeros((10, 10), dtype=np.int64)
    for truth, guess in zip(labels, predictions, strict=True):
        direct[truth, guess] += 1
    assert np.array_equal(tab.result.confusion, direct)
    assert "test accuracy" in tab.accuracy_label.text()
    assert tab.progress.value() == 100


def test_clicking_a_cell_fills_the_gallery_and_an_image_opens_inspect(qtbot, window):
    tab = evaluate(qtbot, window)
    confusion = tab.result.confusion
    row, column = np.unravel_index(np.argmax(confusion), confusion.shape)
    indices = tab.show_cell(int(row), int(column))
    gallery = window.findChild(QListWidget, "mistakesView")
    assert gallery.count() == len(indices) == confusion[row, column]
    confidences = tab.result.confidences[indices]
    assert list(confidences) == sorted(confidences, reverse=True)
    qtbot.waitUntil(lambda: window.inspect_tab.test is not None, timeout=30_000)
    tab._on_gallery_item(gallery.item(0))
    assert window.tabs.currentWidget() is window.inspect_tab
    assert window.inspect_tab.index_spin.value() == indices[0]
    assert np.array_equal(window.inspect_tab.image, tab.test.images[indices[0]].numpy())


def test_mistakes_come_most_confident_first(qtbot, window):
    tab = evaluate(qtbot, window)
    indices = tab.show_cell(None, None)
    labels = tab.test.labels.numpy()
    assert all(labels[i] != tab.result.predictions[i] for i in indices)
    confidences = tab.result.confidences[indices]
    assert list(confidences) == sorted(confidences, reverse=True)


def test_cancel_stops_the_evaluation(qtbot, window, monkeypatch):
    import cnnviz.ui.evaluate.evaluate_tab as evaluate_tab

    def endless(model, meta, data, device, *, should_stop, on_progress):
        done = 0.0
        while not should_stop():
            done = min(0.99, done + 0.01)
            on_progress(done)
            time.sleep(0.01)
        return None

    monkeypatch.setattr(evaluate_tab, "evaluate_model", endless)
    tab = window.evaluate_tab
    tab.evaluate_button.click()
    assert tab.cancel_button.isEnabled() and not tab.evaluate_button.isEnabled()
    qtbot.waitUntil(lambda: tab.progress.value() > 0, timeout=10_000)
    tab.cancel_button.click()
    qtbot.waitUntil(lambda: tab.evaluate_button.isEnabled(), timeout=10_000)
    assert tab.accuracy_label.text() == "Evaluation cancelled."
    assert tab.result is None


def test_export(qtbot, window, tmp_path):
    tab = evaluate(qtbot, window)
    path = tab.export_csv(tmp_path / "c.csv")
    rows = list(csv.reader(path.open()))
    assert rows[0][1:] == [str(d) for d in range(10)]
    assert sum(int(v) for row in rows[1:] for v in row[1:]) == len(tab.test)
    assert tab.export_png(tmp_path / "c.png").stat().st_size > 1000


def test_the_same_numbers_as_the_core(qtbot, window, mnist_dir):
    tab = evaluate(qtbot, window)
    _, _, direct = evaluate_checkpoint(shipped_weights_path(), mnist_dir, download=False,
                                       device="cpu")
    assert np.array_equal(direct.confusion, tab.result.confusion)


def test_explain_page_overlays_a_heatmap(qtbot, window):
    tab = window.inspect_tab
    window.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab.image is not None, timeout=30_000)
    tab.pages.setCurrentWidget(tab.explain_panel)
    panel = tab.explain_panel  # maps are made in the background
    qtbot.waitUntil(lambda: panel.explanation is not None, timeout=10_000)
    assert panel.explanation.layer == "layer2.0"
    assert panel.overlay_item.image.shape == (28, 28, 3)
    panel.method_combo.setCurrentIndex(1)
    qtbot.waitUntil(lambda: panel.explanation.method == "saliency", timeout=10_000)
    panel.class_combo.setCurrentIndex(4)  # class "3"
    qtbot.waitUntil(lambda: panel.explanation.class_index == 3, timeout=10_000)
    assert all(p.grad is None for p in tab.inspector.model.parameters())


CIFAR_NAMES = ["airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship",
               "truck"]  # fmt: skip


def test_long_class_names_never_run_into_each_other_nor_get_cut(qtbot, window):
    tab = evaluate(qtbot, window)
    tab.class_names = CIFAR_NAMES
    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)
    tab._draw_matrix()
    metrics = QFontMetrics(tab.confusion_plot.font())
    for plot in (tab.confusion_plot, tab.class_bars):
        labels = [text for _, text in plot.getAxis("bottom")._tickLevels[0]]
        column = 1 / plot.getViewBox().viewPixelSize()[0]
        assert len(labels) == 10 and labels[2] == "bird"
        assert all(metrics.horizontalAdvance(text) < column for text in labels), labels
    assert tab.confusion_plot.getAxis("bottom")._tickLevels[0][1][1] != "automobile"
    tab.show_cell(None, None)
    gallery = tab.gallery
    width = gallery.gridSize().width()
    captions = [gallery.item(i).text() for i in range(gallery.count())]
    assert captions and all(
        QFontMetrics(gallery.font()).horizontalAdvance(line) < width
        for caption in captions for line in caption.split("\n"))  # fmt: skip
    assert max(QFontMetrics(gallery.font()).horizontalAdvance(f"→{name} 100%")
               for name in CIFAR_NAMES) < width  # fmt: skip
