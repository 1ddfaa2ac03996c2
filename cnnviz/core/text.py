"""Text from someone else's file, made safe to show: a model name in a run folder, the source
a checkpoint stores. Control characters could rewrite the terminal (an escape sequence that
erases the line above it), and Unicode's bidirectional controls can reorder what a reader
sees, so that code that runs looks like a comment."""

from __future__ import annotations

import unicodedata

#: the bidirectional controls (the "Trojan Source" characters)
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f")


def _hidden(char: str) -> bool:
    return unicodedata.category(char) in ("Cc", "Cf") or char in BIDI_CONTROLS


def printable(text: str, keep: str = "") -> str:
    """``text`` with every control, format or bidirectional character (but those in ``keep``,
    e.g. newline and tab for source code) written as a visible escape, like ``\\x1b``."""
    return "".join(char.encode("unicode_escape").decode("ascii")
                   if _hidden(char) and char not in keep else char for char in text)


def hidden_characters(text: str) -> bool:
    """Whether ``text`` holds characters that ``printable`` would escape (not newline or tab)."""
    return printable(text, "\n\t") != text
