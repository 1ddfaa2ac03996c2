"""The interface language: English (the source strings) or Simplified Chinese, through Qt's
own translation system.

Every user-visible string goes through ``QCoreApplication.translate`` (or ``tr``);
``tools/update_translations.py`` extracts them into ``resources/translations/*.ts`` with
``pyside6-lupdate`` and builds the ``.qm`` files that ship in the wheel with
``pyside6-lrelease``. At start-up :func:`install_translators` loads the chosen language's
``.qm`` and Qt's own ``qtbase`` translation (the buttons of QMessageBox and QFileDialog),
before the window is built: English loads its plural forms ("%n image(s)" as "1 image" and
"5 images"), Chinese two small files.

The first launch follows the system locale; View > Language remembers the user's choice.
A new choice applies at the next start and the app says so in the chosen language: every
widget builds its text once, in its constructor, so switching live would need a
``retranslateUi`` in every widget of every area, and a text that was missed would silently
stay in the old language.

Chinese needs a font with Chinese characters. Where none is installed (a fresh Linux machine
without fonts-noto-cjk) the app stays in English for the session and says what to install,
instead of drawing boxes.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QTranslator,
)
from PySide6.QtGui import QAction, QActionGroup, QFontDatabase
from PySide6.QtWidgets import QMainWindow, QMenu, QMessageBox, QWidget

from cnnviz.core.translatable import error_text, translated
from cnnviz.resource_files import resource_path
from cnnviz.ui.shell.settings import AppSettings

ENGLISH = "en"
CHINESE = "zh_CN"
#: the interface languages, each named in itself (the menu shows the names untranslated, so
#: that a reader of either finds their own)
LANGUAGES = {ENGLISH: "English", CHINESE: "简体中文"}

#: the languages whose text needs a font with Chinese characters
_CJK = {CHINESE}

#: what install_language last installed: the translators stay referenced here (Python would
#: otherwise collect them while Qt still uses them), and View > Language knows what is on screen
_installed: list[QTranslator] = []
_active = ENGLISH

#: said in English on purpose: without the font, Chinese text would be drawn as boxes
NO_CJK_FONT = (
    "The Chinese interface needs a font with Chinese characters, and none is installed, so "
    "cnnviz stays in English for now.\n\n"
    "On Debian or Ubuntu: sudo apt install fonts-noto-cjk, then start cnnviz again. Windows "
    "and macOS come with one."
)


def translate_text(text: str) -> str:
    """A text of the core's or the session's in the interface's language (a Message; anything
    else, a path or a file's name, as is)."""
    return translated(text, QCoreApplication.translate)


def translate_error(error: BaseException) -> str:
    """What an error says, in the interface's language when it was raised with a Message."""
    return translate_text(error_text(error))


def system_locale() -> QLocale:
    """The locale of the user's system (a seam for the tests)."""
    return QLocale.system()


def system_language() -> str:
    """The interface language that suits the system locale: Chinese for any Chinese locale
    (Simplified is the one there is, and a reader of Traditional reads it more easily than
    English), English otherwise."""
    return CHINESE if system_locale().language() == QLocale.Language.Chinese else ENGLISH


def chosen_language(settings: AppSettings) -> str:
    """The language the user chose in View > Language, else the system's."""
    language = settings.language()
    return language if language in LANGUAGES else system_language()


def active_language() -> str:
    """The language whose translators are installed now."""
    return _active


def has_cjk_font() -> bool:
    """Whether any installed font can draw Simplified Chinese."""
    return bool(QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese))


def _load(translator: QTranslator, name: str, language: str, folder: str) -> bool:
    return translator.load(f"{name}_{language}", folder, "_", ".qm")


def install_language(language: str) -> str:
    """Install the translators of ``language`` on the application in place of the previous
    ones, and return the language now active. The app's own translation comes from
    ``resources/translations``, Qt's from the Qt installation; English, the source language,
    has only its plural forms there, and Qt's own buttons are English already."""
    app = QCoreApplication.instance()
    global _active
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if language not in LANGUAGES:
        language = ENGLISH
    sources = [("cnnviz", str(resource_path("translations")))]
    if language != ENGLISH:  # English needs only its plural forms ("1 image", "5 images")
        sources.append(("qtbase", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)))
    for name, folder in sources:
        translator = QTranslator(app)
        if _load(translator, name, language, folder) and app.installTranslator(translator):
            _installed.append(translator)
    _active = language
    return _active


@dataclass(frozen=True)
class LanguageSetup:
    """What :func:`install_translators` did: the language wanted, and the one installed."""

    wanted: str
    active: str

    @property
    def missing_font(self) -> bool:
        return self.wanted != self.active

    def explain(self, parent: QWidget) -> QMessageBox | None:
        """When the wanted language could not be shown for want of a font, say what to
        install."""
        if not self.missing_font:
            return None
        box = QMessageBox(QMessageBox.Icon.Information, "Chinese font missing", NO_CJK_FONT,
                          parent=parent)  # fmt: skip
        box.setObjectName("missingFontDialog")
        box.open()
        return box


def install_translators(settings: AppSettings | None = None) -> LanguageSetup:
    """Install the chosen language's translators; call it after the QApplication is made and
    before any widget is. Chinese without a Chinese font stays English (see ``explain``)."""
    wanted = chosen_language(settings or AppSettings())
    if wanted in _CJK and not has_cjk_font():
        return LanguageSetup(wanted, install_language(ENGLISH))
    return LanguageSetup(wanted, install_language(wanted))


#: the restart message, shown in the language chosen rather than the one installed
_RESTART_TITLE = QT_TRANSLATE_NOOP("LanguageMenu", "Language")
_RESTART = QT_TRANSLATE_NOOP("LanguageMenu",
                             "The interface will be in {language} the next time cnnviz starts.")


def _in_language(language: str, context: str, text: str) -> str:
    """``text`` translated into ``language``, whatever language is installed now."""
    if language == ENGLISH:
        return text
    translator = QTranslator()
    if not _load(translator, "cnnviz", language, str(resource_path("translations"))):
        return text
    return translator.translate(context, text) or text


def _restart_box(parent: QWidget, language: str) -> QMessageBox:
    """Says, in the language just chosen, that it applies when cnnviz starts again."""
    box = QMessageBox(QMessageBox.Icon.Information,
                      _in_language(language, "LanguageMenu", _RESTART_TITLE),
                      _in_language(language, "LanguageMenu", _RESTART)
                      .format(language=LANGUAGES[language]), parent=parent)  # fmt: skip
    box.setObjectName("languageRestartDialog")
    return box


def _choose(window: QMainWindow, settings: AppSettings, language: str) -> QMessageBox | None:
    settings.set_language(language)
    if language == _active:
        return None
    box = _restart_box(window, language)
    box.open()
    return box


def add_language_menu(window: QMainWindow, view_menu: QMenu, settings: AppSettings) -> QMenu:
    """Add View > Language: one checkable entry per language, the chosen one ticked."""
    menu = view_menu.addMenu(QCoreApplication.translate("LanguageMenu", "&Language"))
    menu.setObjectName("languageMenu")
    group = QActionGroup(menu)
    current = chosen_language(settings)
    for language, name in LANGUAGES.items():
        action = QAction(name, menu, checkable=True, checked=language == current)
        action.setObjectName(f"language-{language}")
        action.triggered.connect(
            lambda checked=False, chosen=language: _choose(window, settings, chosen))
        group.addAction(action)
        menu.addAction(action)
    return menu
