"""What a window shows cut off: ``clipped(root)`` lists the visible texts under ``root`` (labels,
buttons, check boxes, radio buttons, combo boxes, group boxes' titles and tabs) that get less
room than they need, each with what it got and what it needs.

Each kind is measured the way Qt draws it, so that a text that shows whole is never reported:
a label by its size hint (a word-wrapped one by its height for its width); a push button by
its text's advance in the contents rect the style leaves it (its size hint holds a minimum
width that a "◀" never needs); a combo box by the ink of its current text in its edit field
(the other items show whole in the popup); a group box and a check box by their minimum and
size hints; a tab by its size hint, inside its bar (no tab scrolled out of sight). A widget
whole in itself can still be cut by a parent too small for it, up to the window or the
viewport of a scroll area (which can be scrolled): that is reported too.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QComboBox,
    QGroupBox,
    QLabel,
    QPushButton,
    QStyle,
    QStyleOptionButton,
    QStyleOptionComboBox,
    QTabBar,
    QWidget,
)


def _shown(text: str) -> str:
    """A button's text as drawn: "&&" is an ampersand, a single "&" marks the mnemonic."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def _short(got: QSize, needs: QSize) -> bool:
    return needs.width() > got.width() or needs.height() > got.height()


def _cut_by_parents(widget: QWidget, rect: QRect) -> bool:
    """Whether part of ``rect`` (in ``widget``'s coordinates) lies outside an ancestor, up to
    the window or a scroll area's viewport."""
    shown, offset, parent = QRect(rect), widget.pos(), widget.parentWidget()
    while parent is not None and not isinstance(parent.parentWidget(), QAbstractScrollArea):
        shown = shown.intersected(parent.rect().translated(-offset))
        if parent.isWindow():
            break
        offset += parent.pos()
        parent = parent.parentWidget()
    return shown != rect


def _needs(widget: QWidget) -> tuple[str, QRect, QSize] | None:
    """(text, the rect that must show whole, the size its text needs in that rect), or None
    for a widget with no text of its own."""
    style = widget.style()
    if isinstance(widget, QLabel) and widget.text():
        if widget.wordWrap():
            return widget.text(), widget.rect(), QSize(
                widget.width(), widget.heightForWidth(widget.width()))
        return widget.text(), widget.rect(), widget.sizeHint()
    if isinstance(widget, QPushButton) and widget.text():
        option = QStyleOptionButton()
        widget.initStyleOption(option)
        contents = style.subElementRect(QStyle.SubElement.SE_PushButtonContents, option, widget)
        metrics = widget.fontMetrics()
        icon = 0 if widget.icon().isNull() else widget.iconSize().width() + 4
        return widget.text(), contents, QSize(
            metrics.horizontalAdvance(_shown(widget.text())) + icon, metrics.height())
    if isinstance(widget, QAbstractButton) and widget.text():  # check and radio boxes
        return widget.text(), widget.rect(), widget.sizeHint()
    if isinstance(widget, QComboBox) and widget.currentText():
        option = QStyleOptionComboBox()
        widget.initStyleOption(option)
        field = style.subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                     QStyle.SubControl.SC_ComboBoxEditField, widget)  # fmt: skip
        ink = widget.fontMetrics().boundingRect(widget.currentText())
        return widget.currentText(), field, QSize(ink.width(), widget.fontMetrics().height())
    if isinstance(widget, QGroupBox) and widget.title():
        return widget.title(), widget.rect(), QSize(widget.minimumSizeHint().width(), 0)
    return None


def _tabs(bar: QTabBar) -> list[str]:
    return [f"tab {bar.tabText(index)!r}: {bar.tabRect(index).width()} of "
            f"{bar.tabSizeHint(index).width()} wide"
            for index in range(bar.count())
            if bar.tabSizeHint(index).width() > bar.tabRect(index).width()
            or not bar.rect().contains(bar.tabRect(index))]  # fmt: skip


def clipped(root: QWidget) -> list[str]:
    """The texts under ``root`` (in its window) shown smaller than they need, one line each."""
    found = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisible() or widget.window() is not root.window():
            continue
        if isinstance(widget, QTabBar):
            found += _tabs(widget)
            continue
        needs = _needs(widget)
        if needs is None:
            continue
        text, rect, size = needs
        name = f"{type(widget).__name__} {text[:60]!r}"
        if _short(rect.size(), size):
            found.append(f"{name}: {rect.width()}x{rect.height()}, needs "
                         f"{size.width()}x{size.height()}")  # fmt: skip
        elif _cut_by_parents(widget, rect):
            found.append(f"{name}: cut by its parent")
    return found
