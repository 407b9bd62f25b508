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
    return installed


def remove_translators(app: QCoreApplication, translators: list[QTranslator]) -> None:
    for translator in translators:
        app.removeTranslator(translator)
