"""The UI language: choosing it and installing Qt's and pmdesk's translations."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from pmdesk.languages import Language
from pmdesk.paths import RESOURCES


def system_language() -> Language:
    """Chinese if the system speaks Chinese, English otherwise."""
    return (
        Language.ZH_CN if QLocale.system().language() == QLocale.Language.Chinese else Language.EN
    )


def translations_folder() -> str:
    return str(RESOURCES / "translations")


def install_translators(app: QCoreApplication, language: Language) -> list[QTranslator]:
    """Load pmdesk's and Qt's own translations; call before creating any widget."""
    installed: list[QTranslator] = []
    if language == Language.EN:
        # Only English plurals ("%n step(s)" → "1 step", "2 steps").
        translator = QTranslator(app)
        if translator.load("pmdesk_en", translations_folder()):
            app.installTranslator(translator)
            installed.append(translator)
        return installed
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    sources = [
        (f"pmdesk_{language.value}", translations_folder()),
        (f"qtbase_{language.value}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
    ]
    for name, folder in sources:
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            installed.append(translator)
    return installed
