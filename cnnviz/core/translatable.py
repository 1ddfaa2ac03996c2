"""Text that the Qt-free layers hand to the interface for translation.

The core and the session never import Qt, so they cannot call ``QCoreApplication.translate``.
They mark what the interface shows with ``QT_TRANSLATE_NOOP(context, text)``: a function that
does nothing here, but whose name ``pyside6-lupdate`` knows, so the text lands in the .ts under
that context (tools/update_translations.py). A text with values goes out as a ``Message``:
the English sentence (a ``str``, so logs, tests and the command line read it as before) that
also carries its source and values, which the interface translates as a whole sentence, in
the order the translation puts them (``message.translated(QCoreApplication.translate)``).
A value may be a Message itself (a label's "shipped weights"), translated with the sentence.

An error the interface shows is raised with a Message (``CnnvizError(Message(...))``): the
command line prints it in English as before, and ``error_text`` gives the interface the
Message back, which ``str(error)`` would turn into plain English.
"""

from __future__ import annotations

from collections.abc import Callable


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """``text`` unchanged; marks it for lupdate under ``context``."""
    return text


class Message(str):
    """A sentence in English, with the source text and the values it was made from, so that
    the interface can translate the source and put the values into the translation."""

    context: str
    source: str
    values: dict[str, object]

    def __new__(cls, context: str, source: str, /, **values: object) -> Message:
        message = super().__new__(cls, source.format(**values))
        message.context, message.source, message.values = context, source, values
        return message

    def __reduce__(self) -> tuple[object, ...]:
        """Copied and pickled whole (an event that carries one is copied as a dataclass)."""
        return _message, (self.context, self.source, self.values)

    def translated(self, translate: Callable[[str, str], str]) -> str:
        """The sentence in the language of ``translate`` (``QCoreApplication.translate``)."""
        values = {name: translated(value, translate) if isinstance(value, Message) else value
                  for name, value in self.values.items()}  # fmt: skip
        return translate(self.context, self.source).format(**values)


def _message(context: str, source: str, values: dict[str, object]) -> Message:
    return Message(context, source, **values)


def untranslated(context: str, text: str) -> str:
    """The English text: where no interface translates (the command line, tests)."""
    return text


def translated(text: str, translate: Callable[[str, str], str]) -> str:
    """A Message translated; any other text (a path, an error the core wrote) as it is."""
    return text.translated(translate) if isinstance(text, Message) else text


def error_text(error: BaseException) -> str:
    """What an error says: the Message it was raised with (for the interface to translate),
    else its text."""
    said = error.args[0] if len(error.args) == 1 else None
    return said if isinstance(said, Message) else str(error)
