"""A table that fits its width: the columns of long text (names, formulas) wrap onto more
lines, in taller rows, rather than push the short ones (numbers) behind a horizontal scroll
bar, and headers break at their spaces when their column is narrower than their text. On a
projector at 1280x720, Inspect's architecture table needed about 890 px of the 606 it had
(issue 24). Where everything fits on one line, every column is as wide as its text.

Nothing is cut off: a wrapping column is never narrower than its longest word, a short
column never narrower than its text; only when even that does not fit does the table scroll.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from PySide6.QtCore import QEvent
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QHeaderView, QTableWidget, QWidget

#: where a line may break: a word, the first with the spaces that indent it
_WORDS = re.compile(r"^\s*\S+|\S+")


class WrappingTable(QTableWidget):
    """``wrapping``: the columns whose cells may wrap onto more lines; the others keep one."""

    def __init__(self, headers: Sequence[str], wrapping: Collection[int],
                 parent: QWidget | None = None, **kwargs) -> None:  # fmt: skip
        super().__init__(0, len(headers), parent, **kwargs)
        self.headers = list(headers)
        self.wrapping = frozenset(wrapping)
        self.setWordWrap(True)
        self.setHorizontalHeaderLabels(self.headers)
        self.horizontalHeader().setStretchLastSection(False)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)

    def room(self) -> int:
        """The width the columns may take: inside the frame, beside a vertical scroll bar
        (kept for it even while it is hidden: rows that grow by wrapping may bring it, and
        the columns must not have to shrink again then)."""
        return (self.width() - 2 * self.frameWidth()
                - self.verticalScrollBar().sizeHint().width())  # fmt: skip

    def fit_columns(self) -> None:
        """Size the columns to the text they hold now and the room the table has; call it
        after changing the cells (size and font changes refit by themselves)."""
        columns = range(self.columnCount())
        self.setHorizontalHeaderLabels(self.headers)
        header = self.horizontalHeader()
        header_one_line = [header.sectionSizeHint(c) for c in columns]
        widths = [max(header_one_line[c], self.sizeHintForColumn(c)) for c in columns]
        if sum(widths) > self.room():
            self.setHorizontalHeaderLabels([text.replace(" ", "\n") for text in self.headers])
            least = [max(header.sectionSizeHint(c), self._least_cells(c)) for c in columns]
            lack = [width - low for width, low in zip(widths, least, strict=True)]
            spare = max(0, self.room() - sum(least))
            widths = [low + spare * short // max(1, sum(lack))
                      for low, short in zip(least, lack, strict=True)]  # fmt: skip
            self.setHorizontalHeaderLabels([
                text if widths[c] >= header_one_line[c] else text.replace(" ", "\n")
                for c, text in enumerate(self.headers)])  # fmt: skip
        for column, width in zip(columns, widths, strict=True):
            self.setColumnWidth(column, width)

    def _least_cells(self, column: int) -> int:
        """The narrowest the column's cells may be: a short column's text on one line, a
        wrapping column's longest word (with the margins that the one-line width has)."""
        one_line = self.sizeHintForColumn(column)
        if column not in self.wrapping:
            return one_line
        metrics = self.fontMetrics()
        texts = [item.text() for row in range(self.rowCount())
                 if (item := self.item(row, column)) is not None]  # fmt: skip
        if not texts:
            return one_line
        margins = one_line - max(metrics.horizontalAdvance(text) for text in texts)
        words = [word for text in texts for word in _WORDS.findall(text)]
        return margins + max((metrics.horizontalAdvance(word) for word in words), default=0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_columns()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self.fit_columns()
