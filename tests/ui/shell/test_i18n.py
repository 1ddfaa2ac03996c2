"""The interface language: the first launch follows the system locale, View > Language
remembers a choice and says, in that language, that it applies at the next start, and the
Chinese translators translate the app's dialogs and Qt's own buttons. Without a Chinese font
the app stays English and says what to install."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget

from cnnviz.ui.shell import i18n
from cnnviz.ui.shell.help import GuideDialog, docs_url
from cnnviz.ui.shell.settings import AppSettings


@pytest.fixture(autouse=True)
def english_afterwards(qapp):
    """Each test starts and ends in English (translators and fonts need the QApplication)."""
    i18n.install_language(i18n.ENGLISH)
    yield
    i18n.install_language(i18n.ENGLISH)


@pytest.fixture
def system(monkeypatch):
    """Pretend the system's locale is the one given."""

    def set_locale(name: str) -> None:
        monkeypatch.setattr(i18n, "system_locale", lambda: QLocale(name))

    set_locale("en_US")
    return set_locale


def chinese_installed() -> bool:
    return QCoreApplication.translate("GuideDialog", "Welcome to cnnviz") == "欢迎使用 cnnviz"


def test_the_first_launch_follows_a_chinese_system_locale(system):
    system("zh_CN")
    setup = i18n.install_translators(AppSettings())
    assert (setup.wanted, setup.active) == ("zh_CN", "zh_CN") and not setup.missing_font
    assert chinese_installed() and i18n.active_language() == "zh_CN"
    # Qt's own buttons (QMessageBox, QFileDialog) come from qtbase_zh_CN
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"


def test_the_first_launch_follows_an_english_system_locale(system):
    system("de_DE")
    assert i18n.install_translators(AppSettings()).active == "en"
    assert not chinese_installed()
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"


def test_a_choice_is_remembered_and_wins_over_the_system(system):
    system("zh_TW")
    assert i18n.chosen_language(AppSettings()) == "zh_CN"  # the Chinese there is
    AppSettings().set_language("en")
    assert AppSettings().language() == "en"  # a later launch reads it back
    assert i18n.install_translators(AppSettings()).active == "en"
    AppSettings().set_language("zh_CN")
    system("en_US")
    assert i18n.install_translators(AppSettings()).active == "zh_CN" and chinese_installed()


def test_a_dialog_shows_chinese_and_the_chinese_documentation(qtbot):
    i18n.install_language("zh_CN")
    parent = QWidget()
    qtbot.addWidget(parent)
    guide = GuideDialog(parent, shown_at_start=True)
    assert guide.windowTitle() == "欢迎使用 cnnviz"
    assert guide.at_start.text() == "启动 cnnviz 时显示这份指南"
    assert "先试试这些" in guide.text.text() and "What to try first" not in guide.text.text()
    assert docs_url("guide/learn.html").toString().endswith("zh/guide/learn.html")
    i18n.install_language("en")
    assert GuideDialog(parent, shown_at_start=True).windowTitle() == "Welcome to cnnviz"
    assert not docs_url("guide/learn.html").toString().endswith("zh/guide/learn.html")


def test_without_a_chinese_font_the_app_stays_english_and_says_what_to_install(
        system, monkeypatch, qtbot):  # fmt: skip
    system("zh_CN")
    monkeypatch.setattr(i18n, "has_cjk_font", lambda: False)
    setup = i18n.install_translators(AppSettings())
    assert (setup.wanted, setup.active) == ("zh_CN", "en") and setup.missing_font
    assert not chinese_installed()
    parent = QWidget()
    qtbot.addWidget(parent)
    box = setup.explain(parent)
    assert box.objectName() == "missingFontDialog" and box.isVisible()
    assert "sudo apt install fonts-noto-cjk" in box.text()
    box.close()
    assert i18n.LanguageSetup("en", "en").explain(parent) is None


def test_view_language_remembers_the_choice_and_says_when_it_applies(system, window):
    menu = window.findChild(QMenu, "languageMenu")
    english = window.findChild(QAction, "language-en")
    chinese = window.findChild(QAction, "language-zh_CN")
    assert window.findChild(QAction, "presentAction") in menu.parentWidget().actions()  # View
    assert [action.text() for action in menu.actions()] == ["English", "简体中文"]
    assert english.isChecked() and not chinese.isChecked()
    chinese.trigger()
    assert chinese.isChecked() and not english.isChecked()
    assert window.settings.language() == AppSettings().language() == "zh_CN"
    box = window.findChild(QMessageBox, "languageRestartDialog")
    assert box.isVisible() and box.text() == "下次启动 cnnviz 时，界面将使用简体中文。"
    assert window.windowTitle() == "cnnviz" and i18n.active_language() == "en"  # not before
    box.close()
    box.deleteLater()
    english.trigger()  # back to what is on screen: nothing to restart for
    assert AppSettings().language() == "en"
    assert not any(box.isVisible() for box in window.findChildren(QMessageBox))


def test_english_reads_one_image_and_five_images():
    """A %n string in English: the source's "image(s)" becomes the form for the count."""
    source = "True {truth}, predicted {guess}: %n image(s) (correct)"

    def shown(count: int) -> str:
        return QCoreApplication.translate("EvaluateTab", source, None, count)

    assert i18n.install_language("en") == "en"
    assert (shown(1), shown(5)) == ("True {truth}, predicted {guess}: 1 image (correct)",
                                    "True {truth}, predicted {guess}: 5 images (correct)")
    i18n.install_language("zh_CN")
    assert shown(5) == "真实 {truth}，预测 {guess}：5 张图像（正确）"


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_no_two_tabs_or_menus_share_a_name(qtbot, language):
    """The Runs tab and the Run menu read apart in Chinese too (训练记录 and 运行)."""
    from cnnviz.ui import MainWindow

    i18n.install_language(language)
    window = MainWindow()
    qtbot.addWidget(window)
    titles = [window.tabs.tabText(index) for index in range(window.tabs.count())]
    titles += [action.text() for action in window.menuBar().actions()]
    names = [re.sub(r"\(&\w\)|&", "", title) for title in titles]
    assert len(names) == 13 and sorted(set(names)) == sorted(names), names
    window.close()
