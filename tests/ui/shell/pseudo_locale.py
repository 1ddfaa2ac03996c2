"""A pseudo-locale: every entry of the Chinese .ts translated as its own source text inside
⟦ ⟧, compiled with lrelease and installed. Any visible text then left without the marks was
never passed through ``tr``/``translate``: a string that Chinese readers would see in English.

``unmarked_texts(widget)`` walks a window or dialog (every child widget it shows, menus,
actions, tool tips, tab texts, item views, a graphics view's text items) and returns those
texts. The only text allowed
without marks is listed in ALLOWED: numbers and units, model and data set names, key names,
the languages' own names, layer names and types (module paths, PyTorch's classes, "conv1",
a model's layer names as in its code), colour maps' names, and Qt's standard buttons
(translated by Qt's qtbase_zh_CN).
"""

from __future__ import annotations

import html
import importlib.util
import re
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QAbstractListModel, QCoreApplication, Qt, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QDialogButtonBox,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QTabBar,
    QWidget,
)
from torch import nn

from cnnviz.core.analysis.receptive_field import WINDOW_FUNCTIONS
from cnnviz.core.data.datasets import DATASETS
from cnnviz.core.models.registry import MODELS, build_model
from cnnviz.core.models.shape import InputShape
from cnnviz.ui.inspect.feature_maps_panel import COLORMAPS
from cnnviz.ui.shell.i18n import LANGUAGES

ROOT = Path(__file__).resolve().parents[3]
OPEN, CLOSE = "⟦", "⟧"


def translation_tools():
    """tools/update_translations.py as a module: the tests use its lupdate/lrelease."""
    spec = importlib.util.spec_from_file_location("update_translations",
                                                  ROOT / "tools" / "update_translations.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _names(names) -> str:
    return "|".join(re.escape(name) for name in sorted(names, key=len, reverse=True))


_MODIFIERS = r"(?:(?:Ctrl|Shift|Alt|Meta)\+)"
#: PyTorch's layer types, as a model's table of layers names them (Conv2d, ReLU, Flatten)
_TORCH_LAYERS = [name for name in nn.modules.__all__
                 if isinstance(getattr(nn, name, None), type) and issubclass(getattr(nn, name),
                                                                              nn.Module)]


def _layer_words() -> set[str]:
    """What names a layer in Inspect's tree and table: the shipped models' module names,
    PyTorch's layer classes and the functions a forward may call."""
    words = {name for model in MODELS
             for path, _ in build_model(model, InputShape(1, 28, 28, 10)).named_modules()
             for name in path.split(".") if name and not name.isdigit()}  # fmt: skip
    words |= {name for name, value in vars(nn).items()
              if isinstance(value, type) and issubclass(value, nn.Module)}  # fmt: skip
    return words | set(WINDOW_FUNCTIONS)


#: a layer's name, or a step of its module path
_LAYER = rf"(?:conv|pool|fc)\d+|{_names(_layer_words())}"

#: every visible text allowed without marks, in one place (taken out in this order: a layer's
#: path before the numbers in it, a colour map's name before the layer names that would take
#: its L1)
ALLOWED = {
    "colour maps' names": rf"(?<![\w-])(?:{_names(COLORMAPS)})(?![\w-])",
    'layer names and types ("conv1 (layer1.0)", "Conv2d", "fc")':
        rf"(?<![\w.])(?:{_LAYER})(?:\.(?:\d+|{_LAYER}))*(?:#\d+)?(?![\w.])",
    "a model's layer names and types, as in its code (block1.conv1, fc2, Conv2d, flatten)":
        rf"(?<![\w.])(?:[A-Za-z_]\w*\.)+\w+(?![\w.])|(?<![\w.])[A-Za-z_]+\d\w*(?![\w.])"
        rf"|(?<![\w.])(?:{_names(_TORCH_LAYERS)})(?![\w.])",
    "numbers and units": r"(?<!\w)[-+−]?\d[\d,.]*(?:\s*[x×]\s*\d[\d,.]*)*"
                         r"\s*(?:%|px|ms|s|KB|MB|GB|KiB|MiB|GiB)?(?!\w)",
    "model names": rf"(?<![\w-])(?:{_names(MODELS)})(?![\w-])",
    "data set names": rf"(?<![\w-])(?:{_names([*DATASETS, *(d.upper() for d in DATASETS)])})"
                      rf"(?![\w-])",
    "key names (Qt names keys itself)": rf"(?<!\w){_MODIFIERS}*(?:Esc|Delete|Del|Up|Down|Left"
                                        r"|Right|Tab|Enter|Return|Space|Backspace|Home|End"
                                        rf"|PgUp|PgDown|F\d{{1,2}})(?!\w)|{_MODIFIERS}+\S(?!\w)",
    "the languages' own names": _names(LANGUAGES.values()),
}
_ALLOWED = [re.compile(pattern, re.IGNORECASE) for pattern in ALLOWED.values()]
_MARKED = re.compile(f"{OPEN}[^{OPEN}{CLOSE}]*{CLOSE}")
_TAG = re.compile(r"<[^>]+>")


def write_pseudo_ts(source: Path, target: Path) -> int:
    """``target``: ``source`` with every entry translated as ⟦its source⟧. Returns how many."""
    tree = ET.parse(source)
    messages = list(tree.getroot().iter("message"))
    for message in messages:
        translation = message.find("translation")
        translation.attrib.pop("type", None)
        marked = f"{OPEN}{message.findtext('source')}{CLOSE}"
        forms = list(translation.iter("numerusform"))
        if forms:
            for form in forms:
                form.text = marked
        else:
            translation.text = marked
    tree.write(target, encoding="utf-8", xml_declaration=True)
    return len(messages)


def install_pseudo_locale(folder: Path) -> QTranslator:
    """Compile and install the pseudo-locale; the caller removes the translator."""
    tools = translation_tools()
    ts = folder / "cnnviz_pseudo.ts"
    write_pseudo_ts(tools.FOLDER / "cnnviz_zh_CN.ts", ts)
    qm = folder / "cnnviz_pseudo.qm"
    tools.lrelease(ts, qm)
    translator = QTranslator()
    assert translator.load(str(qm)), qm
    QCoreApplication.installTranslator(translator)
    return translator


def is_unmarked(text: str) -> bool:
    """Whether ``text`` shows a word outside the marks, once what ALLOWED lists is taken out."""
    rest = text
    while (inner := _MARKED.sub(" ", rest)) != rest:  # innermost first: marks nest
        rest = inner
    rest = html.unescape(_TAG.sub(" ", rest)).replace("&", "")
    for pattern in _ALLOWED:
        rest = pattern.sub(" ", rest)
    return re.search(r"[^\W\d_]", rest) is not None


def _qt_standard_button(button: QAbstractButton) -> bool:
    """A QDialogButtonBox's (or QMessageBox's) standard button: Qt names it, in the language
    of qtbase_zh_CN."""
    box = button.parent()
    return (isinstance(box, QDialogButtonBox)
            and box.standardButton(button) != QDialogButtonBox.StandardButton.NoButton)


def _item_view_texts(view: QAbstractItemView, limit: int = 200) -> list[str]:
    model = view.model()
    if model is None:
        return []
    # a list's model (QListWidget's) has one column, and keeps columnCount private
    columns = range(1 if isinstance(model, QAbstractListModel) else model.columnCount())
    texts = [model.headerData(column, Qt.Orientation.Horizontal) for column in columns]
    texts += [model.index(row, column).data()
              for row in range(min(model.rowCount(), limit)) for column in columns]
    return [str(text) for text in texts if text is not None]


def visible_texts(root: QWidget) -> list[str]:
    """Every text ``root`` shows or would show: its widgets' texts, titles, tool tips, tab
    texts, item views, and its menus (hidden popups until opened) and actions."""
    texts = []
    for widget in [root, *root.findChildren(QWidget)]:
        if isinstance(widget, QMenu):
            texts.append(widget.title())
        elif widget is not root and not widget.isVisibleTo(root):
            continue
        if widget.isWindow() and not isinstance(widget, QMenu):
            texts.append(widget.windowTitle())
        texts += [widget.toolTip(), widget.statusTip(), widget.whatsThis()]
        if isinstance(widget, QLabel) or (isinstance(widget, QAbstractButton)
                                          and not _qt_standard_button(widget)):
            texts.append(widget.text())
        elif isinstance(widget, QGroupBox):
            texts.append(widget.title())
        elif isinstance(widget, QLineEdit):
            texts.append(widget.placeholderText())
        elif isinstance(widget, QTabBar):
            for index in range(widget.count()):
                texts += [widget.tabText(index), widget.tabToolTip(index)]
        elif isinstance(widget, QComboBox):
            texts += [widget.itemText(index) for index in range(widget.count())]
        elif isinstance(widget, QAbstractItemView):
            texts += _item_view_texts(widget)
        elif isinstance(widget, QGraphicsView) and widget.scene() is not None:
            # what a scene draws as plain text items (the Overview's column titles)
            texts += [item.text() for item in widget.scene().items()
                      if isinstance(item, QGraphicsSimpleTextItem) and item.isVisible()]
        for action in widget.actions():
            texts += [action.text(), action.toolTip()]
    return [text for text in texts if text]


def unmarked_texts(root: QWidget) -> list[str]:
    """The texts of ``root`` that were never translated (see the module's docstring)."""
    return [text for text in visible_texts(root) if is_unmarked(text)]
