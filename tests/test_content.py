"""The content model: the bundled protocol loads, and every kind of bad input is reported with
its file, line and column, in Dutch, all in one run."""

from __future__ import annotations

from pathlib import Path

from generator.content.load import load
from generator.problems import Problem
from tests.helpers import edit

ROOT = Path(__file__).resolve().parents[1]


def errors(content: Path) -> list[Problem]:
    protocol, problems = load(content)
    found = [p for p in problems if p.is_error]
    assert protocol is None, "content with errors must not produce a protocol"
    assert found
    return found


def line_of(path: Path, needle: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {path}")


def only(problems: list[Problem]) -> Problem:
    assert len(problems) == 1, "\n".join(p.format() for p in problems)
    return problems[0]


def test_bundled_protocol_is_valid() -> None:
    protocol, problems = load(ROOT / "content")
    assert protocol is not None, "\n".join(p.format() for p in problems)
    assert [s.nummer for s in protocol.stappen] == list(range(8))
    assert all(p.severity == "let op" for p in problems)
    role_ids = {r.id for r in protocol.rollen}
    assert {"leerkracht", "leerlingen", "ib", "apc", "directie", "ouders", "team"} <= role_ids
    assert {"tso", "bso", "vso"} <= role_ids
    abbreviations = {a.afkorting: a.voluit for a in protocol.begrippen.afkortingen}
    assert abbreviations["VSO"] == "voorschoolse opvang"
    assert {"IB", "APC", "TSO", "BSO", "GzS"} <= set(abbreviations)
    stap2 = protocol.stap(2)
    assert [(m.dagen, m.weken, m.maanden) for m in stap2.termijn.momenten] == [
        (2, 0, 0),
        (0, 1, 0),
        (0, 0, 1),
    ]


def test_misspelt_key_names_file_line_and_the_key_meant(project) -> None:
    path = project.content / "stappen" / "stap-1.yml"
    edit(path, "\nwanneer:", "\nwanner:")
    problem = only(errors(project.content))
    assert problem.path == path
    assert (problem.line, problem.column) == (line_of(path, "wanner:"), 1)
    assert "Onbekende sleutel 'wanner'" in problem.message
    assert "Bedoelde u 'wanneer'?" in problem.hint


def test_misspelt_nested_key_in_a_list(project) -> None:
    path = project.content / "stappen" / "stap-3.yml"
    edit(path, '  - lijst:\n      - "Als blijkt', '  - lijts:\n      - "Als blijkt')
    problem = only(errors(project.content))
    assert (problem.line, problem.column) == (line_of(path, "lijts:"), 5)
    assert "Onbekende sleutel 'lijts'" in problem.message
    assert "Bedoelde u 'lijst'?" in problem.hint


def test_yaml_syntax_error_names_line(project) -> None:
    path = project.content / "stappen" / "stap-2.yml"
    edit(path, "korte_titel: Afspraken evalueren", "korte_titel: Afspraken: evalueren")
    problem = only(errors(project.content))
    assert problem.path == path
    assert problem.line == line_of(path, "korte_titel:")
    assert problem.message.startswith("YAML-opmaakfout")
    assert "aanhalingstekens" in problem.hint


def test_wrong_type_names_expected_and_found(project) -> None:
    path = project.content / "stappen" / "stap-2.yml"
    edit(path, "nummer: 2", "nummer: twee")
    problem = only(errors(project.content))
    assert (problem.line, problem.column) == (line_of(path, "nummer: twee"), 9)
    assert "hoort een heel getal" in problem.message
    assert "'twee'" in problem.message


def test_wrong_date_type(project) -> None:
    path = project.content / "school.yml"
    edit(path, "vastgesteld:  ", "vastgesteld: 1 september 2026 ")
    problem = only(errors(project.content))
    assert problem.line == line_of(path, "vastgesteld:")
    assert "datum als JJJJ-MM-DD" in problem.message


def test_missing_required_field_points_at_the_mapping(project) -> None:
    path = project.content / "stappen" / "stap-6.yml"
    edit(path, "termijn:\n  kort: Na stap 5", "termijn:\n  kortt: Na stap 5")
    found = errors(project.content)
    # Reported once, as a misspelling, not also as a missing key.
    problem = only(found)
    assert "Bedoelde u 'kort'?" in problem.hint
    edit(
        path,
        "  kortt: Na stap 5 zonder verandering, of eerder als de sfeer in de groep lijdt\n",
        "  momenten: []\n",
    )
    problem = only(errors(project.content))
    assert "De verplichte sleutel 'kort' ontbreekt in termijn" in problem.message
    assert problem.line == line_of(path, "termijn:")


def test_unknown_role_reference_suggests_the_right_one(project) -> None:
    path = project.content / "stappen" / "stap-5.yml"
    edit(path, "  - rol: ouders", "  - rol: ouder")
    problem = only(errors(project.content))
    assert (problem.line, problem.column) == (line_of(path, "rol: ouder"), 10)
    assert "De rol 'ouder' bestaat niet" in problem.message
    assert "Bedoelde u 'ouders'?" in problem.hint


def test_unknown_step_and_worksheet_references(project) -> None:
    path = project.content / "stappen" / "stap-6.yml"
    edit(path, "  - naar: 7", "  - naar: 9")
    edit(path, "formulier: stap-6-groepsgesprek", "formulier: stap-6-groepgesprek")
    found = errors(project.content)
    messages = {p.line: p.message for p in found}
    assert messages[line_of(path, "naar: 9")] == "Stap 9 bestaat niet."
    assert "'stap-6-groepgesprek' bestaat niet" in messages[line_of(path, "formulier:")]


def test_duplicate_ids(project) -> None:
    edit(project.content / "stappen" / "stap-7.yml", "nummer: 7", "nummer: 6")
    path = project.content / "rollen.yml"
    edit(path, "  - id: team", "  - id: tso")
    found = errors(project.content)
    texts = [p.message for p in found]
    assert any("Stap 6 bestaat al in stap-6.yml" in t for t in texts)
    assert any("De rol 'tso' komt twee keer voor" in t for t in texts)


def test_duplicate_yaml_key(project) -> None:
    path = project.content / "stappen" / "stap-1.yml"
    edit(path, "korte_titel: Bemiddelingsgesprek", "korte_titel: A\nkorte_titel: B")
    problem = only(errors(project.content))
    assert "'korte_titel' staat twee keer" in problem.message
    assert problem.line == line_of(path, "korte_titel: B")


def test_file_that_is_not_utf8(project) -> None:
    path = project.content / "rollen.yml"
    data = path.read_text(encoding="utf-8").replace("coördinator", "co\x00rdinator", 1)
    path.write_bytes(data.encode("utf-8").replace(b"\x00", b"\xf6"))
    problem = only(errors(project.content))
    assert problem.path == path
    before = data[: data.index("\x00")]
    assert problem.line == before.count("\n") + 1
    assert problem.column == len(before) - before.rfind("\n")
    assert "niet opgeslagen als UTF-8" in problem.message
    assert "Save with Encoding" in problem.hint


def test_all_problems_in_one_run(project) -> None:
    edit(project.content / "stappen" / "stap-1.yml", "\nwanneer:", "\nwanner:")
    edit(project.content / "stappen" / "stap-2.yml", "nummer: 2", "nummer: twee")
    edit(project.content / "school.yml", 'naam: "[naam', "naam: [naam")
    found = errors(project.content)
    assert {p.path.name for p in found} == {"stap-1.yml", "stap-2.yml", "school.yml"}
    # An invalid step must not cascade into "step 1 does not exist" elsewhere.
    assert not any("bestaat niet" in p.message for p in found)


def test_messages_are_dutch_only(project) -> None:
    edit(project.content / "stappen" / "stap-1.yml", "\nwanneer:", "\nwanner:")
    edit(project.content / "stappen" / "stap-2.yml", "nummer: 2", "nummer: [2")
    edit(project.content / "rollen.yml", "naam: Leerkracht", "naam: 12")
    english = ("expected", "found", "field", "Input", "required", "mapping", "scalar")
    for problem in errors(project.content):
        text = problem.format()
        assert not any(word in text for word in english), text


def test_missing_file_and_empty_content_dir(tmp_path: Path) -> None:
    (tmp_path / "stappen").mkdir()
    found = errors(tmp_path)
    names = {p.path.name for p in found}
    assert {"school.yml", "rollen.yml", "stappen"} <= names
    assert any("ontbreekt" in p.message for p in found)


def test_json_schema_is_exported_and_current() -> None:
    from generator.content.schema import SCHEMAS, schema_texts

    texts = schema_texts()
    assert set(texts) == set(SCHEMAS)
    for name, text in texts.items():
        committed = ROOT / "schema" / name
        assert committed.is_file(), f"{name} missing: run 'stappenwijzer schema'"
        assert committed.read_text(encoding="utf-8") == text, (
            f"schema/{name} is out of date: run 'stappenwijzer schema'"
        )


def test_every_content_file_points_at_its_schema() -> None:
    for path in (ROOT / "content").rglob("*.yml"):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema="), path
        schema = (path.parent / first.split("=", 1)[1]).resolve()
        assert schema.is_file(), (path, schema)
