"""The command line says everything in Dutch, argparse's own words too, and suggests the
command that was meant."""

from __future__ import annotations

import re
import socket

import pytest

from generator.cli import main

ENGLISH = re.compile(
    r"usage|error|invalid|choose from|required|arguments?\b|show this help|options:|"
    r"unrecognized|expected",
    re.IGNORECASE,
)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    with pytest.raises(SystemExit) as stopped:
        main(list(argv))
    captured = capsys.readouterr()
    return int(stopped.value.code or 0), captured.out + captured.err


def dutch_only(text: str) -> None:
    assert not ENGLISH.search(text), ENGLISH.search(text).group() + " in:\n" + text  # type: ignore[union-attr]


def test_misspelt_command_suggests_the_command_meant(capsys) -> None:
    code, text = run(capsys, "biuld")
    assert code == 2
    assert "stappenwijzer: fout: bij COMMANDO: 'biuld' bestaat niet." in text
    assert "Bedoelde je 'build'?" in text
    assert text.startswith("Gebruik: stappenwijzer")
    dutch_only(text)


def test_missing_command_and_missing_argument(capsys) -> None:
    code, text = run(capsys)
    assert code == 2 and "dit ontbreekt nog: COMMANDO." in text
    dutch_only(text)
    code, text = run(capsys, "importeer", "protocol.docx")
    assert code == 2 and "dit ontbreekt nog: --naar." in text
    dutch_only(text)


def test_bad_values_and_unknown_options(capsys) -> None:
    code, text = run(capsys, "serve", "--port", "acht")
    assert code == 2 and "bij --port: 'acht' is geen geldige waarde (een heel getal)." in text
    dutch_only(text)
    code, text = run(capsys, "check", "--kleur")
    assert code == 2 and "dit kent het commando niet: --kleur." in text
    dutch_only(text)


@pytest.mark.parametrize(
    "command", ["", "check", "build", "serve", "importeer", "versie", "nieuw", "schema"]
)
def test_help_is_dutch(capsys, command: str) -> None:
    code, text = run(capsys, *([command] if command else []), "--help")
    assert code == 0
    assert text.startswith("Gebruik: stappenwijzer")
    assert "-h, --help  " in text and "toon deze hulp en stop" in text
    dutch_only(text)


def test_serve_on_a_port_in_use_says_so(capsys) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert main(["serve", "--port", str(port)]) == 1
    err = capsys.readouterr().err
    assert f"Poort {port} is al in gebruik" in err
    assert f"stappenwijzer serve --port {port + 1}" in err
    assert "fout in het programma" not in err
