"""Settings (config.json) that cannot be used: defaults, a message, the bad file kept aside."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.cli import main
from reader.paths import bundled_corpus
from reader.userconfig import SCHEMA, config_file, load_config, save_config

BAD = {
    "not JSON": b'{"libraries": ["/x",',
    "not an object": b'["/x"]',
    "not UTF-8": '{"libraries": ["D:/报刊"]}'.encode("gbk"),
    "wrong types": b'{"schema": 1, "libraries": 7}',
    "nested 100,000 deep": b'{"libraries": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
    "nested 3,000 deep, unclosed": b'{"x": ' + b"{\"a\": " * 3_000,
}


@pytest.mark.parametrize("content", BAD.values(), ids=BAD.keys())
def test_a_bad_config_gives_defaults_a_message_and_is_kept_aside(content: bytes) -> None:
    path = config_file()
    path.parent.mkdir(parents=True)
    path.write_bytes(content)
    config = load_config()
    assert config.libraries == []
    (message,) = config.messages
    assert str(path) in message and "defaults" in message
    kept = path.with_name("config.json.bad")
    assert f"kept as {kept}" in message
    assert kept.read_bytes() == content and not path.exists()
    save_config(config)  # the next save writes a good file and leaves the bad one alone
    assert json.loads(path.read_text("utf-8"))["schema"] == SCHEMA
    assert kept.read_bytes() == content


def test_a_second_bad_config_does_not_replace_the_first_one_kept() -> None:
    path = config_file()
    path.parent.mkdir(parents=True)
    path.write_bytes(b"first {")
    load_config()
    path.write_bytes(b"second {")
    assert "config.json.bad-2" in load_config().messages[-1]
    assert path.with_name("config.json.bad").read_bytes() == b"first {"
    assert path.with_name("config.json.bad-2").read_bytes() == b"second {"


def test_a_config_from_a_newer_reader_is_used_as_defaults_and_never_overwritten(
    tmp_path: Path,
) -> None:
    path = config_file()
    path.parent.mkdir(parents=True)
    newer = json.dumps({"schema": SCHEMA + 1, "libraries": [str(tmp_path)], "x": 1})
    path.write_text(newer, "utf-8")
    config = load_config()
    assert config.libraries == [] and "newer version" in config.messages[0]
    config.remember_library(tmp_path)
    save_config(config)
    assert path.read_text("utf-8") == newer


def test_the_command_line_says_what_was_wrong_and_goes_on(
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = config_file()
    path.parent.mkdir(parents=True)
    path.write_bytes(b"\x00\x01 garbage")
    assert main(["library", "recent"]) == 0
    out, err = capsys.readouterr()
    assert out.strip() == str(bundled_corpus())  # the default
    assert err.startswith(f"reader: {path} could not be parsed") and err.count("\n") == 1
    assert "Traceback" not in err


def test_a_config_nested_too_deep_does_not_stop_any_command(
    capsys: pytest.CaptureFixture[str], tmp_path: Path,
) -> None:
    path = config_file()
    path.parent.mkdir(parents=True)
    path.write_bytes(b"[" * 100_000 + b"]" * 100_000)
    assert main(["library", "recent"]) == 0
    out, err = capsys.readouterr()
    assert out.strip() == str(bundled_corpus())
    assert err.startswith(f"reader: {path} could not be parsed (it is nested more than")
    assert path.with_name("config.json.bad").exists()
    assert main(["library", "recent"]) == 0  # the next command finds no bad file


def test_window_preferences_nested_too_deep_give_defaults_and_are_kept_aside() -> None:
    from reader.ui.settings import Preferences

    path = Preferences.path()
    path.parent.mkdir(parents=True)
    content = b'{"font_size": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"
    path.write_bytes(content)
    prefs = Preferences.load()
    assert prefs == Preferences()
    (message,) = prefs.messages
    assert str(path) in message and "nested more than" in message
    assert path.with_name("preferences.json.bad").read_bytes() == content
