"""What an APC who had never seen the project did wrong while maintaining content/ from the
README, and what it must be told: each mistake at the line to change, with advice that fits
that mistake; each stale text left behind by a change flagged where it stands."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.cli import main
from generator.content.load import load
from generator.problems import Problem
from tests.conftest import copy_project
from tests.helpers import edit
from tests.test_content import errors, line_of, only


@pytest.fixture
def content(tmp_path: Path) -> Path:
    """A copy of the bundled content/ (these tests only load it)."""
    return copy_project(tmp_path).content


def warnings(content: Path, text: str) -> list[Problem]:
    _, problems = load(content)
    return [p for p in problems if not p.is_error and text in p.message]


# --- YAML mistakes, at the line to change ---------------------------------------------------


@pytest.mark.parametrize(
    ("name", "old", "new"),
    [
        ("stappen/stap-2.yml", 'kort: "{{stap-2.momenten}}"', "kort: {{stap-2.momenten}}"),
        (
            "stappen/stap-2.yml",
            "taak: Voert korte evaluatiegesprekjes {{stap-2.momenten}}",
            "taak: {{stap-2.momenten}} voert de leerkracht korte evaluatiegesprekjes",
        ),
        (
            "wegwijzer.yml",
            'uiterlijk: "Vandaag nog. Het protocol zegt: {{stap-4.termijn}}.',
            'uiterlijk: {{stap-4.termijn}}. "Vandaag nog. Het protocol zegt:',
        ),
    ],
)
def test_a_text_that_starts_with_braces_is_told_to_take_quotes(content, name, old, new) -> None:
    path = content / name
    edit(path, old, new)
    problem = only(errors(content))
    assert problem.line == line_of(path, new)
    assert "begint met '{{' zonder aanhalingstekens" in problem.message
    key = new.split(":")[0]
    assert f'{key}: "{{{{' in problem.hint


@pytest.mark.parametrize(
    ("new", "hint"),
    [
        ('naam = "OBS De Wilgenhoek"', "Schrijf 'naam: \"OBS De Wilgenhoek\"'."),
        ('naam "OBS De Wilgenhoek"', "Schrijf 'naam: ...'"),
    ],
)
def test_a_key_without_its_colon_is_reported_at_its_own_line(content, new, hint) -> None:
    """YAML notices the missing colon only on the next line."""
    path = content / "school.yml"
    edit(path, 'naam: "[naam van de school]"', new)
    problem = only(errors(content))
    assert problem.line == line_of(path, new) and problem.column == 5
    assert "Na 'naam' ontbreekt de dubbele punt" in problem.message
    assert hint in problem.hint


def test_curly_quotes_from_word_are_named(content) -> None:
    path = content / "stappen" / "stap-2.yml"
    edit(path, "taak: Voert korte", "taak: “Let op: voert korte")
    problem = only(errors(content))
    assert problem.line == line_of(path, "“Let op")
    assert "gekruld aanhalingsteken (“)" in problem.message
    assert "rechte" in problem.hint


def test_a_line_indented_too_deep_says_how_deep_it_belongs(content) -> None:
    path = content / "stappen" / "stap-5.yml"
    edit(path, "    taak: Sluit aan bij het gesprek", "      taak: Sluit aan bij het gesprek")
    problem = only(errors(content))
    assert problem.line == line_of(path, "      taak: Sluit aan")
    assert "springt verder in dan de regel erboven" in problem.message
    assert "(4 spaties)" in problem.hint


def test_a_date_between_quotes_is_told_to_lose_them(content) -> None:
    path = content / "school.yml"
    edit(path, "vastgesteld:          #", 'vastgesteld: "2026-11-30"  #')
    problem = only(errors(content))
    assert problem.line == line_of(path, "vastgesteld:")
    assert "Haal de aanhalingstekens weg" in problem.hint


def test_an_impossible_date_where_a_date_belongs_is_not_told_to_be_text(content) -> None:
    path = content / "school.yml"
    edit(path, "instemming_mr:        #", "instemming_mr: 2026-11-31  #")
    problem = only(errors(content))
    assert "november 2026 heeft 30 dagen" in problem.message
    assert "aanhalingstekens." not in problem.hint.split("zonder aanhalingstekens")[-1]


def test_a_broken_guide_is_not_reported_as_missing(content) -> None:
    path = content / "wegwijzer.yml"
    path.write_text(path.read_text(encoding="utf-8") + "\n  oeps: [\n", encoding="utf-8")
    _, problems = load(content)
    assert any(p.is_error and p.path == path for p in problems)
    assert not [p for p in problems if "Er is nog geen wegwijzer" in p.message]


def test_a_missing_file_is_named_without_a_line(tmp_path) -> None:
    content = copy_project(tmp_path).content
    (content / "mail.yml").unlink()
    _, problems = load(content)
    (problem,) = [p for p in problems if p.path.name == "mail.yml"]
    assert problem.line == 0 and problem.format(tmp_path).startswith("content/mail.yml: let op:")


def test_an_id_in_capitals_or_by_its_name_gets_the_id(content) -> None:
    rollen = content / "rollen.yml"
    edit(rollen, "contact: ib", "contact: IB")
    problem = only(errors(content))
    assert "Bedoelde u 'ib'?" in problem.hint and "(ib)" in problem.message  # which role
    edit(rollen, "contact: IB", "contact: ib")
    stap = content / "stappen" / "stap-3.yml"
    edit(stap, "rol: ib", "rol: intern-begeleider")
    assert "Bedoelde u 'ib'?" in only(errors(content)).hint


# --- contacts and the concept ---------------------------------------------------------------


def test_a_contact_without_a_name_keeps_the_protocol_a_concept(tmp_path, capsys, monkeypatch):
    """Everything filled in and adopted, but the APC's 'naam:' left empty: still a concept,
    said at that line, and 'build --definitief' refuses."""
    project = copy_project(tmp_path)
    school = project.content / "school.yml"
    text = school.read_text(encoding="utf-8").replace('"[', '"Ingevuld ')
    text = text.replace("vastgesteld:          #", "vastgesteld: 2026-09-01 #")
    school.write_text(text.replace('naam: "Ingevuld naam APC]"', "naam:"), encoding="utf-8")
    lines = school.read_text(encoding="utf-8").splitlines()
    apc_name = next(i for i, line in enumerate(lines, 1) if line.rstrip() == "    naam:")
    protocol, problems = load(project.content)
    assert protocol is not None and protocol.status.concept
    (warning,) = [p for p in problems if "heeft geen naam" in p.message]
    assert (warning.path, warning.line) == (school, apc_name)
    monkeypatch.chdir(project.root)
    assert main(["build", "--definitief"]) == 1
    assert "'contacten.apc.naam' heeft geen naam" in capsys.readouterr().err


# --- texts left behind by a change ----------------------------------------------------------


def _change_stap_4_deadline(content: Path) -> None:
    edit(
        content / "stappen" / "stap-4.yml",
        "  tekst: op dezelfde dag als het Gesprek zonder Schuldvraag",
        "  tekst: binnen twee schooldagen na het Gesprek zonder Schuldvraag",
    )


def test_the_old_deadline_left_in_a_text_is_flagged_after_the_change(content) -> None:
    _change_stap_4_deadline(content)
    path = content / "scenarios.yml"
    edit(path, "Na een Gesprek zonder Schuldvraag breng je", "Op dezelfde dag breng je")
    (stale,) = warnings(content, "Is dit de oude termijn?")
    assert stale.path == path and stale.line == line_of(path, "Op dezelfde dag breng je")
    assert "{{stap-4.termijn}}" in stale.hint


def test_the_new_deadline_written_out_is_flagged_too(content) -> None:
    _change_stap_4_deadline(content)
    path = content / "scenarios.yml"
    edit(path, "Na een Gesprek zonder Schuldvraag breng je", "Binnen twee schooldagen breng je")
    (written,) = warnings(content, "schrijft de termijn van stap 4 zelf uit")
    assert written.line == line_of(path, "Binnen twee schooldagen breng je")


def test_a_roles_description_is_about_the_steps_it_acts_in(content) -> None:
    path = content / "rollen.yml"
    edit(
        path,
        "worden zij ingelicht {{stap-4.termijn}} (stap 4)",
        "worden zij op dezelfde dag ingelicht",
    )
    (written,) = warnings(content, "schrijft de termijn van stap 4 zelf uit")
    assert written.path == path and written.line == line_of(path, "op dezelfde dag ingelicht")


def test_the_deadline_in_the_data_and_in_the_schools_text_must_agree(content) -> None:
    _change_stap_4_deadline(content)
    path = content / "stappen" / "stap-4.yml"
    (differ,) = warnings(content, "De termijn van stap 4 onder 'termijn'")
    assert differ.line == line_of(path, "  tekst: binnen twee schooldagen")
    assert f"stappen/stap-4.yml:{line_of(path, 'wanneer:') + 1}" in differ.message


def test_a_moment_left_behind_in_our_text_is_flagged(content) -> None:
    path = content / "stappen" / "stap-2.yml"
    edit(path, "    - label: na 2 dagen\n      dagen: 2", "    - label: na 3 dagen\n      dagen: 3")
    edit(path, '  - "Na 2 dagen, na een week', '  - "Na 3 dagen, na een week')
    edit(path, "van de evaluaties ({{stap-2.momenten}})", "van de evaluaties ('2 dagen')")
    (stale,) = warnings(content, "Is dit een oud moment?")
    assert stale.line == line_of(path, "'2 dagen'")
    assert "na 3 dagen" in stale.message


def test_a_moments_label_and_its_count_must_agree(content) -> None:
    path = content / "stappen" / "stap-2.yml"
    edit(path, "    - label: na 2 dagen\n      dagen: 2", "    - label: na 2 dagen\n      dagen: 3")
    (differ,) = warnings(content, "telt iets anders (dagen: 3)")
    assert differ.line == line_of(path, "label: na 2 dagen")


def test_a_role_taken_out_of_a_step_is_flagged_in_its_worksheets_list(content) -> None:
    step = content / "stappen" / "stap-4.yml"
    edit(step, "  - rol: vso\n    op_de_hoogte: true\n    eventueel: true\n", "")
    text = step.read_text(encoding="utf-8")
    step.write_text(text.replace("    taak: Wordt zo nodig op de hoogte gebracht.\n", "", 1))
    forms = content / "formulieren.yml"
    (stray,) = warnings(content, "deze tekst noemt vso")
    assert stray.path == forms and stray.line == line_of(forms, "de TSO, de BSO en de VSO")


def test_a_fact_with_single_braces_is_flagged(content) -> None:
    path = content / "rollen.yml"
    edit(path, "{{stap-4.termijn}} (stap 4)", "{stap-4.termijn} (stap 4)")
    (single,) = warnings(content, "met één accolade")
    assert single.line == line_of(path, "{stap-4.termijn}")
    assert "'{{stap-4.termijn}}'" in single.hint


def test_a_stories_assumption_points_at_the_story(content) -> None:
    _change_stap_4_deadline(content)
    path = content / "wegwijzer.yml"
    found = [p for p in warnings(content, "Deze tekst gaat ervan uit") if p.path == path]
    story = line_of(path, 'uiterlijk: "Vandaag nog.')
    assert any(f"t/m {story}" in p.hint or f"regel {story}" in p.hint for p in found)
    assert not any("hierboven" in p.hint for p in found)


# --- versions -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("number", "said"),
    [("0.9", "niet hoger dan de versie nu (1.0)"), ("versie drie", "is geen versienummer")],
)
def test_versie_refuses_a_lower_or_no_number(tmp_path, capsys, monkeypatch, number, said):
    project = copy_project(tmp_path)
    monkeypatch.chdir(project.root)
    before = (project.content / "school.yml").read_bytes()
    assert main(["versie", "Iets veranderd.", "--nummer", number]) == 1
    assert said in capsys.readouterr().err
    assert (project.content / "school.yml").read_bytes() == before


def test_versie_adds_the_note_to_a_version_typed_by_hand(tmp_path, capsys, monkeypatch):
    project = copy_project(tmp_path)
    monkeypatch.chdir(project.root)
    edit(project.content / "school.yml", 'versie: "1.0"', 'versie: "2.1"')
    _, problems = load(project.content)
    (differ,) = [p for p in problems if "hoort bij versie" in p.message]
    assert "stappenwijzer versie --nummer 2.1" in differ.hint
    assert main(["versie", "De MR besloot iets.", "--nummer", "2.1"]) == 0
    out = capsys.readouterr().out
    assert "Versie 2.1 stond al in" in out and "instemming_mr" in out
    _, problems = load(project.content)
    assert not [p for p in problems if "hoort bij versie" in p.message]
    assert main(["versie", "Nog eens.", "--nummer", "2.1"]) == 1  # now it is noted


# --- the command line -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("argv", "meant"),
    [
        (["bouw"], "'build'"),
        (["controleer"], "'check'"),
        (["build", "--defintief"], "'--definitief'"),
    ],
)
def test_a_dutch_word_or_a_typo_gets_the_command_meant(capsys, argv, meant) -> None:
    with pytest.raises(SystemExit):
        main(argv)
    assert f"Bedoelde je {meant}?" in capsys.readouterr().err


def test_outside_the_project_folder_check_says_where_to_run(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["check"]) == 1
    err = capsys.readouterr().err
    assert "dit is niet de map van het project" in err and "git checkout" not in err
