"""Which language the window speaks, and loading its translations.

UI strings are written in English in the code (``tr()``); ``resources/translations/
reader_zh_CN.ts`` holds their Chinese and ``reader_en.ts`` the English plural forms, compiled
to ``.qm`` by ``pyside6-lrelease`` (see docs/ui.md for the commands).

The choice: the user's preference when set; otherwise Chinese when the system locale is
Chinese *or names no language at all* (the C/POSIX locale of a bare machine, a container or
CI): the issue makes Chinese the interface language by default and English the exception for
a system that asks for another language.
"""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from ..paths import resources_dir

CHINESE = "zh_CN"
ENGLISH = "en"


def choose_language(preference: str, system: QLocale | None = None) -> str:
    """``zh_CN`` or ``en`` for a preference of ``system``, ``zh_CN`` or ``en``."""
    if preference in (CHINESE, ENGLISH):
        return preference
    locale = system or QLocale.system()
    if locale.language() in (QLocale.Language.Chinese, QLocale.Language.C):
        return CHINESE
    return ENGLISH


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Install the app's and Qt's own translations for ``language``; returns them (keep them
    alive as long as the application)."""
    installed: list[QTranslator] = []
    ours = QTranslator(app)
    # English needs its file too, for plural forms ("1 hit", "2 hits").
    if ours.load(str(resources_dir() / "translations" / f"reader_{language}.qm")):
        app.installTranslator(ours)
        installed.append(ours)
    if language != CHINESE:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        return installed
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    qt = QTranslator(app)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt.load(f"qtbase_{CHINESE}", qt_dir):
        app.installTranslator(qt)
        installed.append(qt)
    gaps = QtGaps(app)  # installed last: asked first, answers only what Qt's file lacks
    app.installTranslator(gaps)
    installed.append(gaps)
    return installed


class QtGaps(QTranslator):
    """Chinese for the few strings of Qt's own dialogs that Qt's ``qtbase_zh_CN`` lacks
    (Qt 6 gave them a mnemonic, and the translation did not follow): the file dialog's
    "Look in:" and "Files of type:"."""

    CHINESE: ClassVar[dict[tuple[str, str], str]] = {
        ("QFileDialog", "&Look in:"): "查找范围(&L)：",
        ("QFileDialog", "Files of &type:"): "文件类型(&T)：",
    }

    def translate(self, context: str, source: str, disambiguation: str | None = None,
                  n: int = -1) -> str | None:
        # None, not "": an empty string would be taken as the translation of everything.
        return self.CHINESE.get((context, source))

    def isEmpty(self) -> bool:
        return False


def remove_translators(app: QCoreApplication, translators: list[QTranslator]) -> None:
    for translator in translators:
        app.removeTranslator(translator)
