"""What each unit learned, against the speed targets: top inputs, feature visualisation,
PCA and t-SNE of 10,000 points, the projector's smoothness, the histograms' cost to training,
and Captum against cnnviz's own Grad-CAM and saliency.

    python benchmarks/units_speed.py [--data-dir D] [--only NAME ...]

All on the real MNIST test set (10,000 images) with the shipped weights, on this CPU, with
torch's usual thread count unless said otherwise; each figure is the median of several runs
after a warm-up. The targets (issue 14): top-9 of one layer <= 3 s; one channel's feature
visualisation <= 5 s; PCA <= 1 s; t-SNE <= 60 s; the projector pans and zooms at 10,000 points
with a 10 ms timer at most 50 ms late at p99; histograms cost under 3% of training throughput.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import torch
import torch.nn.functional as F
from bench_data import add_data_dir_argument, prepare
from lateness import LatenessProbe

from cnnviz.core.analysis.embedding import penultimate_features, principal_components, tsne
from cnnviz.core.analysis.explain import CAPTUM_METHODS, explain
from cnnviz.core.analysis.feature_vis import Objective, visualize
from cnnviz.core.analysis.prediction import Predictor
from cnnviz.core.analysis.top_inputs import find_top_inputs
from cnnviz.core.data.datasets import load_dataset
from cnnviz.core.models.registry import build_model
from cnnviz.core.models.shape import InputShape
from cnnviz.core.threads import one_thread
from cnnviz.core.training import histograms, trainer
from cnnviz.core.training.config import TrainConfig


def median_seconds(work: Callable[[], object], runs: int, warm_up: int = 1) -> float:
    for _ in range(warm_up):
        work()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def top_inputs(predictor: Predictor, test) -> None:
    """With torch's usual thread count, and with one thread (which, on a machine that others
    keep busy, can be the faster)."""
    usual = torch.get_num_threads()
    for layer in ("layer1.0", "layer2.0"):
        def scan(layer: str = layer) -> None:
            find_top_inputs(predictor.model, test.images, predictor.normalizer, layer, 9)

        seconds = median_seconds(scan, runs=3)
        with one_thread():
            alone = median_seconds(scan, runs=3)
        print(f"top-9 of {layer} over {len(test):,} test images: {seconds:.2f} s with {usual} "
              f"threads, {alone:.2f} s with one (target 3 s)")


def feature_visualisation(predictor: Predictor, test) -> None:
    def one(layer: str, channel: int) -> float:
        return median_seconds(lambda: visualize(predictor.model, Objective(layer, channel),
                                                (1, 28, 28), predictor.normalizer),
                              runs=1, warm_up=0)  # fmt: skip

    times = [one(layer, channel) for layer, channel in (("layer1.0", 1), ("layer2.0", 3),
                                                        ("layer2.0", 17))]  # fmt: skip
    print(f"feature visualisation, 256 steps: median {statistics.median(times):.2f} s, "
          f"slowest {max(times):.2f} s of 3 channels (target 5 s)")
    model = build_model("resnet", InputShape(3, 32, 32, 10)).eval()
    normalizer = predictor.normalizer.__class__([0.5] * 3, [0.25] * 3, torch.device("cpu"))
    seconds = median_seconds(lambda: visualize(model, Objective("layer3.1.conv2", 5),
                                               (3, 32, 32), normalizer), runs=1, warm_up=0)
    print(f"feature visualisation, resnet 32x32 RGB, its last conv: {seconds:.2f} s")


def projections(predictor: Predictor, test) -> None:
    features = penultimate_features(predictor.model, test.images, predictor.normalizer)
    seconds = median_seconds(lambda: principal_components(features.values, 2), runs=5)
    with one_thread():
        alone = median_seconds(lambda: principal_components(features.values, 2), runs=5)
    print(f"PCA of {len(features.values):,} points x {features.values.shape[1]} features: "
          f"{seconds:.2f} s with {torch.get_num_threads()} threads, {alone:.2f} s with one "
          f"(target 1 s)")
    usual = torch.get_num_threads()
    for threads in sorted({usual, 1}, reverse=True):
        torch.set_num_threads(threads)  # openTSNE takes torch's thread count
        start = time.perf_counter()
        tsne(features.values)
        print(f"t-SNE of {len(features.values):,} points (openTSNE, {threads} thread(s)): "
              f"{time.perf_counter() - start:.1f} s (target 60 s)")
    torch.set_num_threads(usual)


def projector_smoothness(predictor: Predictor, test, data_dir: Path) -> None:
    """Pan and zoom the projector's 10,000 points as a drag would (a step every 16 ms) for
    5 s, with a 10 ms timer measuring how late the event loop serves it."""
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from cnnviz.core.analysis.embedding import knn_accuracy
    from cnnviz.session.test_split import CurrentSplit, run_at_once
    from cnnviz.ui.projector.projector_tab import Projection, ProjectorTab

    app = QApplication.instance() or QApplication([])
    features = penultimate_features(predictor.model, test.images, predictor.normalizer)
    points = principal_components(features.values, 2)
    labels = test.labels.numpy()
    tab = ProjectorTab(lambda: None, CurrentSplit(run_at_once, lambda: data_dir))
    tab.resize(1200, 800)
    tab.show()
    tab.show_projection(Projection("shipped", "pca", "mnist", [str(i) for i in range(10)],
                                   test, points, labels, features.predictions,
                                   knn_accuracy(points, labels)))  # fmt: skip
    view = tab.plot.getPlotItem().getViewBox()
    probe, moves = LatenessProbe(), [0]

    def move() -> None:
        moves[0] += 1
        phase = moves[0] % 120
        if phase < 60:
            view.translateBy(x=0.01 * (1 if phase < 30 else -1) * view.viewRange()[0][1])
        else:
            view.scaleBy(s=(0.97, 0.97) if phase < 90 else (1 / 0.97, 1 / 0.97))

    driver = QTimer(interval=16)
    driver.timeout.connect(move)
    loop = QEventLoop()
    probe.start()
    driver.start()
    QTimer.singleShot(5000, loop.quit)
    loop.exec()
    probe.stop()
    driver.stop()
    print(f"projector, {len(points):,} points, {moves[0]} pan/zoom steps in 5 s: 10 ms timer "
          f"lateness ({probe.summary(skip=5)}) (target p99 50 ms)")
    tab.close()
    app.processEvents()


def histogram_cost(data_dir: Path, rounds: int = 2) -> None:
    """One epoch of simple-cnn on MNIST (600 steps, 100 snapshots) with and without the
    recorder, alternating; and, more robust to a busy machine, the recorder's own time as a
    share of the training time in the runs with it."""
    data = load_dataset("mnist", data_dir, download=False)
    recorders: list[histograms.HistogramRecorder] = []

    class Counted(histograms.HistogramRecorder):
        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            recorders.append(self)

    class Off(Counted):
        def due(self, step: int) -> bool:
            return False

    rates: dict[str, list[float]] = {"with": [], "without": []}
    shares = []
    for _ in range(rounds):
        for kind, recorder in (("without", Off), ("with", Counted)):
            trainer.HistogramRecorder = recorder
            final = trainer.Trainer(TrainConfig(epochs=1), data).run(lambda event: None)
            rates[kind].append(final.images_per_second)
            if kind == "with":
                shares.append(recorders[-1].spent / final.train_seconds)
    trainer.HistogramRecorder = histograms.HistogramRecorder
    ratio = statistics.median(rates["with"]) / statistics.median(rates["without"])
    print(f"histograms: training at {statistics.median(rates['with']):,.0f} images/s with, "
          f"{statistics.median(rates['without']):,.0f} without (ratio {ratio:.3f}); the "
          f"snapshots' own time {100 * statistics.median(shares):.2f}% of the training time "
          f"(target under 3%)")


def captum_against_our_own(predictor: Predictor, test, repeats: int = 50) -> None:
    """Per image, one torch thread (as explain runs), the class the model predicts: our
    Grad-CAM and saliency (one pass gives the class and the map) against Captum's (a pass to
    pick the class, then Captum's own); then Captum's four methods."""
    from captum.attr import LayerGradCam, Saliency

    def captum_gradcam(model, inputs, layer):
        with torch.no_grad():
            index = int(model(inputs).argmax())
        cam = LayerGradCam(model, layer).attribute(inputs.clone().requires_grad_(True),
                                                   target=index, relu_attributions=True)
        return F.interpolate(cam, size=inputs.shape[-2:], mode="bilinear")

    def captum_saliency(model, inputs):
        with torch.no_grad():
            index = int(model(inputs).argmax())
        return Saliency(model).attribute(inputs.clone().requires_grad_(True), target=index)

    models = {"simple-cnn": (predictor.model, predictor.normalized(test.images[:1].numpy())),
              "resnet": (build_model("resnet", InputShape(3, 32, 32, 10)).eval(),
                         torch.randn(1, 3, 32, 32))}  # fmt: skip
    for name, (model, inputs) in models.items():
        convs = [n for n, m in model.named_modules() if isinstance(m, torch.nn.Conv2d)]
        compare_methods(name, model, inputs, model.get_submodule(convs[-1]), repeats,
                        captum_gradcam, captum_saliency)  # fmt: skip


def compare_methods(name, model, inputs, layer, repeats, captum_gradcam, captum_saliency):
    with one_thread():
        rows = {
            "Grad-CAM": (lambda: explain(model, inputs, "gradcam"),
                         lambda: captum_gradcam(model, inputs, layer)),
            "saliency": (lambda: explain(model, inputs, "saliency"),
                         lambda: captum_saliency(model, inputs)),
        }  # fmt: skip
        for what, (ours, theirs) in rows.items():
            mine = median_seconds(ours, repeats, 5) * 1000
            captum = median_seconds(theirs, repeats, 5) * 1000
            print(f"{name} {what}: ours {mine:.2f} ms, Captum's {captum:.2f} ms per image "
                  f"(ratio Captum / ours {captum / mine:.2f})")
        for method in CAPTUM_METHODS:
            ms = median_seconds(lambda m=method: explain(model, inputs, m), 10, 2) * 1000
            print(f"{name} {method}: {ms:.1f} ms per image")


SECTIONS = ("top", "vis", "projections", "projector", "histograms", "captum")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_data_dir_argument(parser)
    parser.add_argument("--only", nargs="+", choices=SECTIONS, default=list(SECTIONS))
    args = parser.parse_args()
    prepare(args.data_dir)
    predictor = Predictor.from_checkpoint(None)
    test = load_dataset("mnist", args.data_dir, download=False, splits=("test",)).test
    print(f"torch {torch.__version__}, {torch.get_num_threads()} threads; load average "
          f"{os.getloadavg()[0]:.1f} (the machine is shared: other processes' load)")
    for section in args.only:
        if section == "top":
            top_inputs(predictor, test)
        elif section == "vis":
            feature_visualisation(predictor, test)
        elif section == "projections":
            projections(predictor, test)
        elif section == "projector":
            projector_smoothness(predictor, test, args.data_dir)
        elif section == "histograms":
            histogram_cost(args.data_dir)
        else:
            captum_against_our_own(predictor, test)
    print(f"load average at the end {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
