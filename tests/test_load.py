"""What a contributor sees when a data file is wrong: every problem, as
`file:line: field: message`, in one run."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from macros import yamlsafe
from macros.load import DataError, load_handbook

from .conftest import DATA, copy_data

GOOD_QUESTION = (DATA / "questions" / "design-wallets-100m-users.yml").read_text()


def problems_for(tmp_path: Path, name: str, text: str) -> list[str]:
    data = copy_data(tmp_path)
    (data / "questions" / name).write_text(textwrap.dedent(text))
    with pytest.raises(DataError) as err:
        load_handbook(data, root=tmp_path)
    return [str(p) for p in err.value.problems]


def question(**changes: str) -> str:
    """The good question with some `key: value` lines replaced (values as raw YAML)."""
    lines = GOOD_QUESTION.replace("id: design-wallets-100m-users", "id: probe").splitlines()
    for key, raw in changes.items():
        lines = [f"{key}: {raw}" if line.startswith(f"{key}:") else line for line in lines]
    return "\n".join(lines) + "\n"


def line_of(text: str, start: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if line.startswith(start))


def test_the_shipped_data_loads():
    hb = load_handbook(DATA)
    assert len(hb.questions) >= 40


def test_unknown_field_names_the_closest_and_the_allowed(tmp_path):
    text = question().replace("prompt:", "promt:")
    found = problems_for(tmp_path, "probe.yml", text)
    assert "data/questions/probe.yml:2: prompt: required field is missing" in found
    [problem] = [p for p in found if ": promt: " in p]
    assert problem.startswith(f"data/questions/probe.yml:{line_of(text, 'promt:')}: promt: unknown field 'promt'")
    assert "did you mean 'prompt'?" in problem
    assert "allowed: difficulty, follow_ups, frameworks" in problem


def test_every_problem_in_a_file_is_listed_in_one_run(tmp_path):
    text = question(difficulty="impossible", type="no").replace("red_flags:", "redflags:")
    found = problems_for(tmp_path, "probe.yml", text)
    assert [p.split(": ")[0:2] for p in found] == [
        ["data/questions/probe.yml:2", "red_flags"],
        [f"data/questions/probe.yml:{line_of(text, 'type:')}", "type"],
        [f"data/questions/probe.yml:{line_of(text, 'difficulty:')}", "difficulty"],
        [f"data/questions/probe.yml:{line_of(text, 'redflags:')}", "redflags"],
    ], found


def test_a_dangling_round_is_reported_at_its_line(tmp_path):
    text = question(round="phone-interview")
    [problem] = problems_for(tmp_path, "probe.yml", text)
    assert problem == f"data/questions/probe.yml:{line_of(text, 'round:')}: round: unknown round kind 'phone-interview'"


@pytest.mark.parametrize(
    ("raw", "read_as"),
    [("no", "true/false"), ("3.10", "float"), ("12:30", "int"), ("2026-01-05", "a date")],
)
def test_yaml_1_1_surprises_are_errors_with_a_hint(tmp_path, raw, read_as):
    text = question(round=raw)
    [problem] = problems_for(tmp_path, "probe.yml", text)
    assert problem.startswith(f"data/questions/probe.yml:{line_of(text, 'round:')}: round: Input should be a valid string")
    assert f"YAML read '{raw}' as {read_as}" in problem


def test_duplicate_keys_are_an_error_at_the_second_key(tmp_path):
    text = question() + "difficulty: core\n"
    [problem] = problems_for(tmp_path, "probe.yml", text)
    first = line_of(text, "difficulty:")
    assert problem == f"data/questions/probe.yml:{len(text.splitlines())}: difficulty: duplicate key (first set on line {first})"


def test_anchors_and_aliases_are_rejected(tmp_path):
    text = question(tags="&t [a, b]") + "follow_ups: *t\n"
    [problem] = problems_for(tmp_path, "probe.yml", text)
    assert problem == f"data/questions/probe.yml:{line_of(text, 'tags:')}: (file): anchor '&t' is not allowed; write the value out"


def test_id_must_equal_the_file_name(tmp_path):
    text = question()
    [problem] = problems_for(tmp_path, "other-name.yml", text)
    assert problem == f"data/questions/other-name.yml:{line_of(text, 'id:')}: id: 'probe' must equal the file name 'other-name'"


def test_duplicate_ids_across_files(tmp_path):
    data = copy_data(tmp_path)
    (data / "checklists" / "copy.yml").write_text((data / "checklists" / "screen.yml").read_text().replace("id: screen", "id: copy"))
    with pytest.raises(DataError) as err:
        load_handbook(data, root=tmp_path)
    messages = [str(p) for p in err.value.problems]
    assert len(messages) == len(list((data / "checklists" / "screen.yml").read_text().split("  - id:"))) - 1
    assert all(
        m.startswith("data/checklists/screen.yml:") and "checklist item id" in m and "is already used at data/checklists/copy.yml:" in m
        for m in messages
    ), messages


def test_dangling_references_point_at_their_line(tmp_path):
    text = question(sources="[guide-2026, made-up-source]", frameworks="[three-c-lens, no-such-framework]", tracks="[pm, cto]")
    found = problems_for(tmp_path, "probe.yml", text)
    assert f"data/questions/probe.yml:{line_of(text, 'sources:')}: sources[1]: unknown source 'made-up-source'" in found
    assert any(p.startswith(f"data/questions/probe.yml:{line_of(text, 'frameworks:')}: frameworks[1]: unknown framework") for p in found)
    assert any(p.startswith(f"data/questions/probe.yml:{line_of(text, 'tracks:')}: tracks[1]: unknown track 'cto'") for p in found)


def test_a_missing_required_field_is_reported_on_the_record(tmp_path):
    text = "\n".join(line for line in question().splitlines() if not line.startswith("difficulty:")) + "\n"
    [problem] = problems_for(tmp_path, "probe.yml", text)
    assert problem == "data/questions/probe.yml:2: difficulty: required field is missing"


def test_an_unsourced_figure_fails(tmp_path):
    data = copy_data(tmp_path)
    path = data / "checklists" / "day-before.yml"
    text = path.read_text()
    item_line = line_of(text, "  - id:")
    # An own-advice item that states a figure has no source to name.
    path.write_text(text + "  - id: db-sleep-hours\n    text: Sleep 8 hours.\n    own_advice: true\n")
    with pytest.raises(DataError) as err:
        load_handbook(data, root=tmp_path)
    [problem] = [str(p) for p in err.value.problems]
    assert item_line > 0
    assert problem.startswith("data/checklists/day-before.yml:")
    assert "items[" in problem and "].text: states a figure but has no source" in problem


def test_a_missing_dataset_file_is_named(tmp_path):
    data = copy_data(tmp_path)
    (data / "pay.yml").unlink()
    with pytest.raises(DataError) as err:
        load_handbook(data, root=tmp_path)
    assert [str(p) for p in err.value.problems] == ["data/pay.yml:1: (file): required file is missing"]


@pytest.mark.parametrize("path", sorted(DATA.rglob("*.yml")), ids=lambda p: str(p.relative_to(DATA)))
def test_libyaml_and_the_pure_python_reader_read_every_data_file_alike(path, monkeypatch):
    assert isinstance(yamlsafe._compose_fast(path.read_text()), tuple), "libyaml did not read it"
    fast, fast_problems = yamlsafe.read(path, "f")
    monkeypatch.setattr(yamlsafe, "_compose_fast", lambda text: None)
    pure, pure_problems = yamlsafe.read(path, "f")
    assert fast_problems == pure_problems == []
    assert fast.data == pure.data
