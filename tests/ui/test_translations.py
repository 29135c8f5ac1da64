"""The English catalogue: complete (every visible text of the window is in it, each
translated with its placeholders), and used when English is chosen.

Completeness is checked by running the same extraction as
``scripts/update_translations.py`` (PySide6's lupdate plus the marks for texts named
through a context constant, a module helper or the domain's labels) into a temporary
``.ts`` and comparing (context, source) pairs with the committed one. Comparing with
lupdate's own output, rather than grepping the code for ``tr(``, keeps the test in step
with what the tools will really put in the catalogue.
"""

from __future__ import annotations

import importlib.util
import re
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from broker_app.cli.main import main as cli_main
from broker_app.ui.application import configure_application
from broker_app.ui.context import AppContext
from broker_app.ui.i18n import LANGUAGE_ENV, LANGUAGE_KEY, chosen_language, saved_language
from broker_app.ui.main_window import MainWindow
from broker_app.ui.settings_dialog import SettingsDialog

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE = ROOT / "resources" / "translations" / "labor_station_en.ts"
PLACEHOLDER = re.compile(r"\{\d*\}|%L?\d+|%n")

Messages = dict[tuple[str, str], str]


def update_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "update_translations", ROOT / "scripts" / "update_translations.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def messages(ts_file: Path) -> Messages:
    """(context, source) -> translation, for the messages that are not obsolete."""
    found: Messages = {}
    for context in ET.parse(ts_file).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            kind = translation.get("type") if translation is not None else None
            if kind in ("obsolete", "vanished"):
                continue
            text = (translation.text or "") if translation is not None else ""
            found[(name, message.findtext("source") or "")] = text
    return found


def test_catalogue_holds_every_visible_text(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh_en.ts"
    update_script().update(fresh, "en")
    missing = sorted(set(messages(fresh)) - set(messages(CATALOGUE)))
    assert not missing, (
        "texts missing from the catalogue; run scripts/update_translations.py and "
        f"translate them: {missing[:20]}"
    )


def test_every_message_is_translated_with_its_placeholders() -> None:
    catalogue = messages(CATALOGUE)
    assert len(catalogue) > 500
    untranslated = [key for key, text in catalogue.items() if not text.strip()]
    assert not untranslated, untranslated[:20]
    mismatched = [
        (key, text)
        for key, text in catalogue.items()
        if sorted(PLACEHOLDER.findall(key[1])) != sorted(PLACEHOLDER.findall(text))
    ]
    assert not mismatched, mismatched[:20]


@pytest.fixture
def english(qapp: QApplication, tmp_path: Path) -> Iterator[QApplication]:
    """The application in English, with the catalogue built from the committed .ts."""
    qm = tmp_path / "labor_station_en.qm"
    lrelease = update_script().tool("lrelease")
    subprocess.run([lrelease, "-silent", str(CATALOGUE), "-qm", str(qm)], check=True)
    configure_application(qapp, "en", tmp_path)
    yield qapp
    configure_application(qapp)


def test_english_window_shows_english_navigation(
    english: QApplication, ctx: AppContext, qtbot: QtBot
) -> None:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    titles = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert titles[0] == "Workers"
    assert not any(re.search(r"[\u4e00-\u9fff]", title) for title in titles), titles


def test_language_choice_is_saved_for_the_next_start(
    ctx: AppContext, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(LANGUAGE_ENV, raising=False)
    assert saved_language(ctx.data_dir) == "zh_CN"
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    tab = dialog.language_tab
    tab.combo.setCurrentIndex(tab.combo.findData("en"))
    dialog.ok_button.click()
    assert ctx.ui_settings().value(LANGUAGE_KEY) == "en"
    assert saved_language(ctx.data_dir) == "en"
    monkeypatch.setenv(LANGUAGE_ENV, "zh_CN")
    assert saved_language(ctx.data_dir) == "zh_CN"
    assert chosen_language("fr") == "zh_CN"


def test_lang_flag_chooses_the_language_for_one_run_only(
    ctx: AppContext, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """``--lang en`` (a county technician reading a screen with a foreign colleague)
    changes this run, not the saved choice."""
    monkeypatch.delenv(LANGUAGE_ENV, raising=False)
    assert cli_main(["--data-dir", str(ctx.data_dir), "--lang", "en", "settings", "show"]) == 0
    assert saved_language(ctx.data_dir) == "en"  # the run's language, while the run lasts
    monkeypatch.delenv(LANGUAGE_ENV)
    assert saved_language(ctx.data_dir) == "zh_CN"  # nothing saved
    capsys.readouterr()
    with pytest.raises(SystemExit) as refused:
        cli_main(["--data-dir", str(ctx.data_dir), "--lang", "fr", "settings", "show"])
    assert refused.value.code == 2
    assert "fr" in capsys.readouterr().err
