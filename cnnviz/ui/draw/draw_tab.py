"""The Draw tab: draw a digit and watch the network's answer change as the stroke goes on.

Strokes are kept as polylines in canvas coordinates of a 280x280 reference square, so the
canvas can grow with the window, undo is a pop, and the picture the network sees is rendered
at one fixed size whatever the widget's size. Qt turns touch and tablet input it is not
asked to handle into mouse events, so the mouse handlers serve all three.
"""

from __future__ import annotations

import numpy as np
from PIL import Image
from PySide6.QtCore import QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QFont,
    QImage,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPen,
    QShortcut,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from cnnviz.core.analysis.drawing import prepare_drawing
from cnnviz.core.analysis.prediction import Prediction, Predictor
from cnnviz.session.session import CurrentModel
from cnnviz.ui.shell.i18n import translate_text
from cnnviz.ui.widgets.charts import ProbabilityChart, image_view
from cnnviz.ui.widgets.live_weights import LiveWeights

REFERENCE = 280  # the canvas's logical size, and the size drawings are rendered at
DEFAULT_PEN = 22
#: at most this many predictions a second while a stroke is drawn
MAX_PREDICTIONS_PER_SECOND = 20
#: while a run trains, the drawing is read with its newest weights at most this often
LIVE_REFRESH_MS = 1000


class DrawingCanvas(QWidget):
    """A square canvas: black ink on white, any pointer."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("drawCanvas")
        self.setMinimumSize(REFERENCE, REFERENCE)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.strokes: list[tuple[float, list[QPointF]]] = []  # (pen width, points)
        self._cleared: list[list[tuple[float, list[QPointF]]]] = []  # drawings cleared
        self.pen_width = DEFAULT_PEN
        self.setToolTip(self.tr("Draw with the mouse, a pen or a finger. Esc clears; Ctrl+Z "
                                "takes back the last stroke, or the clear."))  # fmt: skip

    def sizeHint(self) -> QSize:
        return QSize(REFERENCE * 2, REFERENCE * 2)

    # -- geometry ---------------------------------------------------------------------------
    def _square(self) -> QRectF:
        side = min(self.width(), self.height())
        return QRectF((self.width() - side) / 2, (self.height() - side) / 2, side, side)

    def _to_reference(self, pos: QPointF) -> QPointF:
        square = self._square()
        scale = REFERENCE / square.width()
        return QPointF((pos.x() - square.x()) * scale, (pos.y() - square.y()) * scale)

    # -- input ------------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.strokes.append((self.pen_width, [self._to_reference(event.position())]))
            self.update()
            self.changed.emit()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if event.buttons() & Qt.MouseButton.LeftButton and self.strokes:
            self.strokes[-1][1].append(self._to_reference(event.position()))
            self.update()
            self.changed.emit()

    # -- editing ----------------------------------------------------------------------------
    def clear(self) -> None:
        """Clear the canvas; undo brings the drawing back."""
        if self.strokes:
            self._cleared.append(self.strokes)
            self.strokes = []
            self.update()
            self.changed.emit()

    def undo(self) -> None:
        """Take back the last stroke, or the last clear of the canvas."""
        if self.strokes:
            self.strokes.pop()
        elif self._cleared:
            self.strokes = self._cleared.pop()
        else:
            return
        self.update()
        self.changed.emit()

    def set_pen_width(self, width: int) -> None:
        self.pen_width = width

    # -- rendering --------------------------------------------------------------------------
    def _paint_strokes(self, painter: QPainter) -> None:
        for width, points in self.strokes:
            pen = QPen(Qt.GlobalColor.black, width, Qt.PenStyle.SolidLine,
                       Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)  # fmt: skip
            painter.setPen(pen)
            if len(points) == 1:
                painter.drawPoint(points[0])
                continue
            path = QPainterPath(points[0])
            for point in points[1:]:
                path.lineTo(point)
            painter.drawPath(path)

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        square = self._square()
        painter.fillRect(self.rect(), self.palette().window())
        painter.fillRect(square, Qt.GlobalColor.white)
        painter.setPen(QPen(Qt.GlobalColor.gray, 1))
        painter.drawRect(square.adjusted(0, 0, -1, -1))
        painter.translate(square.topLeft())
        painter.scale(square.width() / REFERENCE, square.height() / REFERENCE)
        self._paint_strokes(painter)
        if not self.strokes:
            painter.setPen(Qt.GlobalColor.gray)
            painter.drawText(QRectF(0, 0, REFERENCE, REFERENCE), Qt.AlignmentFlag.AlignCenter,
                             self.tr("draw a digit here"))

    def to_array(self) -> np.ndarray:
        """The drawing as uint8 [280, 280], black ink (0) on white (255)."""
        image = QImage(REFERENCE, REFERENCE, QImage.Format.Format_Grayscale8)
        image.fill(Qt.GlobalColor.white)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._paint_strokes(painter)
        painter.end()
        stride = image.bytesPerLine()
        raw = np.frombuffer(image.constBits(), dtype=np.uint8, count=stride * REFERENCE)
        return raw.reshape(REFERENCE, stride)[:, :REFERENCE].copy()


class DrawTab(QWidget):
    """The canvas, the image the network sees, and its live prediction; while a run trains
    (and this tab is on screen), with the run's newest weights."""

    #: "Inspect this drawing": the uint8 model input [C, H, W]
    inspect_requested = Signal(object)
    #: "Use the shipped digit model"
    shipped_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("drawTab")
        self.predictor: Predictor | None = None
        #: the predictor is this tab's own copy, which live weights may change
        self._own_copy = False
        self.live = LiveWeights(self._apply_weights, LIVE_REFRESH_MS, self)
        self.prediction: Prediction | None = None
        self.model_input: np.ndarray | None = None

        self.canvas = DrawingCanvas()
        self.clear_button = QPushButton(self.tr("Clear"), objectName="clearCanvasButton")
        self.clear_button.setToolTip(self.tr("Clear the canvas (Esc or Delete); Ctrl+Z brings "
                                             "it back"))  # fmt: skip
        self.undo_button = QPushButton(self.tr("Undo"), objectName="undoStrokeButton")
        self.undo_button.setToolTip(self.tr("Undo the last stroke (Ctrl+Z)"))
        self.pen_slider = QSlider(Qt.Orientation.Horizontal, objectName="penWidthSlider")
        self.pen_slider.setRange(4, 48)
        self.pen_slider.setValue(DEFAULT_PEN)
        self.pen_slider.setToolTip(self.tr("Pen width"))
        self.inspect_button = QPushButton(self.tr("Inspect this drawing"),
                                          objectName="inspectDrawing")  # fmt: skip
        tools = QHBoxLayout()
        tools.addWidget(QLabel(self.tr("Pen")))
        tools.addWidget(self.pen_slider, 1)
        tools.addWidget(self.undo_button)
        tools.addWidget(self.clear_button)
        left = QVBoxLayout()
        left.addWidget(self.canvas, 1)
        left.addLayout(tools)

        self.weights_label = QLabel(objectName="weightsLabel")
        self.weights_label.setWordWrap(True)  # a run's long name never narrows the canvas
        self.notice = QLabel(objectName="drawNotice")
        self.notice.setWordWrap(True)
        self.use_shipped_button = QPushButton(self.tr("Use the shipped digit model"),
                                              objectName="useShippedWeights")
        self.guess_label = QLabel("?", objectName="drawGuess")
        font = QFont()
        font.setPointSize(48)
        font.setBold(True)
        self.guess_label.setFont(font)
        self.guess_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.confidence_label = QLabel(self.tr("draw a digit"), objectName="drawConfidence")
        self.confidence_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # a plain image view: pg.ImageView builds a histogram whose colour menu imports
        # matplotlib, a quarter second before the window's first paint
        self.preview, self.preview_view, self.preview_item = image_view("drawPreview")
        self.preview.setFixedSize(200, 200)
        self.raw_toggle = QCheckBox(self.tr("Show the raw canvas, scaled down"),
                                    objectName="rawPreview")  # fmt: skip
        self.chart = ProbabilityChart("drawPrediction")

        right = QVBoxLayout()
        right.addWidget(self.weights_label)
        right.addWidget(self.notice)
        right.addWidget(self.use_shipped_button)
        guess = QHBoxLayout()
        column = QVBoxLayout()
        column.addWidget(self.guess_label)
        column.addWidget(self.confidence_label)
        guess.addLayout(column, 1)
        preview_column = QVBoxLayout()
        preview_column.addWidget(QLabel(self.tr("What the network sees")))
        preview_column.addWidget(self.preview)
        preview_column.addWidget(self.raw_toggle)
        guess.addLayout(preview_column)
        right.addLayout(guess)
        right.addWidget(self.chart, 1)
        right.addWidget(self.inspect_button)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 3)
        layout.addLayout(right, 2)

        self._timer = QTimer(self, singleShot=True, interval=1000 // MAX_PREDICTIONS_PER_SECOND)
        self._timer.timeout.connect(self.update_prediction)
        self.canvas.changed.connect(self._on_canvas_changed)
        self.clear_button.clicked.connect(self.canvas.clear)
        self.undo_button.clicked.connect(self.canvas.undo)
        self.pen_slider.valueChanged.connect(self.canvas.set_pen_width)
        self.raw_toggle.toggled.connect(lambda _: self.update_prediction())
        self.inspect_button.clicked.connect(self._request_inspect)
        self.use_shipped_button.clicked.connect(self.shipped_requested)
        for keys in (QKeySequence(Qt.Key.Key_Escape), QKeySequence(Qt.Key.Key_Delete)):
            QShortcut(keys, self, self.canvas.clear,
                      context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        QShortcut(QKeySequence.StandardKey.Undo, self, self.canvas.undo,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._show_nothing(self.tr("no digit model"))

    # -- weights ----------------------------------------------------------------------------
    def show_model(self, current: CurrentModel) -> bool:
        """Classify with the current model. A colour model is not used for drawing: the tab
        says so and offers the shipped digit model."""
        meta = current.meta
        self.weights_label.setText(self.tr("Weights: {label}").format(
            label=translate_text(current.label)))
        self.live.drop()
        self._own_copy = False
        if meta.input_shape[0] != 1:
            self._show_notice(self.tr(
                "The Draw tab is for digit models; {model} on {dataset} takes colour images. "
                "Switch to the shipped digit model to draw.").format(model=meta.model,
                                                                     dataset=meta.dataset))
            self.use_shipped_button.show()
            self.predictor = None
            self.update_prediction()
            return False
        self.predictor = current.predictor
        self.notice.hide()
        self.use_shipped_button.hide()
        self.update_prediction()
        return True

    def show_weights(self, state: dict[str, np.ndarray], step: int) -> None:
        """A running trainer's weight snapshot: the drawing is read with it at once, then at
        most once every LIVE_REFRESH_MS (the newest snapshot wins), so that a class sees a
        digit's reading improve as the run trains."""
        if self.predictor is None:
            return  # a colour model: nothing is read here
        self.weights_label.setText(
            self.tr("Weights: this run, step {step} (live)").format(step=step))
        self.live.offer(state)

    def _apply_weights(self, state: dict[str, np.ndarray]) -> None:
        if self.predictor is None:
            return
        if not self._own_copy:  # the current model is every tab's: change a copy of it
            self.predictor, self._own_copy = self.predictor.copy(), True
        try:
            self.predictor.load_weights(state)
        except (RuntimeError, KeyError):
            return  # a snapshot of another model, left over from a previous run
        self.update_prediction()

    def _show_notice(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.show()

    # -- prediction -------------------------------------------------------------------------
    def _on_canvas_changed(self) -> None:
        if not self._timer.isActive():
            self._timer.start()

    def update_prediction(self) -> None:
        """Preprocess the canvas, classify it, and show both; called at most
        MAX_PREDICTIONS_PER_SECOND times a second while drawing."""
        if self.predictor is None:
            self._show_nothing(self.tr("no digit model"))
            return
        canvas = self.canvas.to_array()
        _, height, width = self.predictor.input_shape
        prepared = prepare_drawing(canvas, (height, width))
        if prepared.image is None:
            self._show_nothing(self.tr("draw a digit") if prepared.reason == "empty"
                               else self.tr("keep drawing: too small"))  # fmt: skip
            return
        self.model_input = self.predictor.digit_to_input(prepared.image)
        self.prediction = self.predictor.predict(self.model_input)
        shown = self.model_input[0]
        if self.raw_toggle.isChecked():
            shown = np.asarray(Image.fromarray(canvas).resize((width, height),
                                                              Image.Resampling.LANCZOS))
            shown = shown if self.predictor.light_background else 255 - shown
        self.preview_item.setImage(np.asarray(shown, dtype=np.float32), autoLevels=False,
                                   levels=(0, 255))  # fmt: skip
        self.preview_view.autoRange(padding=0)
        top = self.prediction.top
        self.guess_label.setText(self.prediction.label)
        self.confidence_label.setText(self.tr("{probability} sure").format(
            probability=f"{self.prediction.probabilities[top]:.1%}"))
        self.chart.show_probabilities(self.prediction.probabilities, self.prediction.class_names)
        self.inspect_button.setEnabled(True)

    def _show_nothing(self, hint: str) -> None:
        self.prediction = None
        self.model_input = None
        self.chart.show_probabilities(None, [])
        self.preview_item.clear()
        self.guess_label.setText("?")
        self.confidence_label.setText(hint)
        self.inspect_button.setEnabled(False)

    def _request_inspect(self) -> None:
        if self.model_input is not None:
            self.inspect_requested.emit(self.model_input)
