"""What a contributor sees when a data file is wrong: every problem, as
`file:line: field: message`, in one run, and no file under data/ skipped in silence."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from macros import check, load, models, site, yamlsafe
from macros.load import DataError, load_handbook
from macros.problems import Problem

from .conftest import DATA

PROBE = "data/questions/probe.yml"
GOOD_QUESTION = (DATA / "questions" / "design-wallets-100m-users.yml").read_text().replace("id: design-wallets-100m-users", "id: probe")
FOLDERS = "data/questions/, data/frameworks/, data/checklists/"
ONLY_FIRST = "only this first value is checked, so keep one"


def shared_copy(tmp_path_factory) -> Path:
    """A private copy of data/, shared by the cases of a module: each case puts back what it changed."""
    root = tmp_path_factory.mktemp("load")
    shutil.copytree(DATA, root / "data")
    return root / "data"


def loader(data: Path) -> Iterator[Callable[..., list[str]]]:
    """Write files into the data (None deletes one), load it, and give back every problem as text;
    the data is put back afterwards."""
    saved: dict[Path, bytes | None] = {}

    def run(files: dict[str, str | bytes | None]) -> list[str]:
        for rel, content in files.items():
            path = data / rel
            if path not in saved:
                saved[path] = path.read_bytes() if path.is_file() and not path.is_symlink() else None
            if path.is_symlink() or path.is_file():
                path.unlink()
            if content is not None:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
        try:
            load_handbook(data, root=data.parent)
        except DataError as err:
            return [str(p) for p in err.problems]
        return []

    yield run
    for path, content in saved.items():
        if path.is_symlink() or path.is_file():
            path.unlink()
        if content is not None:
            path.write_bytes(content)
    for folder in sorted(data.rglob("*"), reverse=True):
        if folder.is_dir() and not any(folder.iterdir()) and folder.name not in {"questions", "frameworks", "checklists"}:
            folder.rmdir()


@pytest.fixture(scope="module")
def data_copy(tmp_path_factory) -> Path:
    return shared_copy(tmp_path_factory)


@pytest.fixture
def problems(data_copy) -> Iterator[Callable[..., list[str]]]:
    yield from loader(data_copy)


def question(*edits: tuple[str, str]) -> str:
    text = GOOD_QUESTION
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new, 1)
    return text


def line_of(text: str, start: str, nth: int = 1) -> int:
    """The line an editor shows: only a newline ends a line (str.splitlines also breaks at U+2028 and others)."""
    return [i for i, line in enumerate(text.split("\n"), 1) if line.startswith(start)][nth - 1]


def test_the_shipped_data_loads():
    hb = load_handbook(DATA)
    assert len(hb.questions) >= 40


def test_the_probe_question_is_valid_as_written(problems):
    assert problems({"questions/probe.yml": GOOD_QUESTION}) == []


# -- every problem in one run ------------------------------------------------------------


def test_a_duplicate_key_hides_no_other_problem(problems):
    """The issue's case: a repeated round, a bad difficulty and a dangling track, all in one run."""
    text = question(("round: system-design\n", "round: product\nround: screen\n"), ("difficulty: stretch", "difficulty: hard"),
                    ("tracks: [pm, senior-pm]", "tracks: [pmm]"))  # fmt: skip
    first, second = line_of(text, "round:"), line_of(text, "round:", 2)
    assert problems({"questions/probe.yml": text}) == [
        f"{PROBE}:{line_of(text, 'tracks:')}: tracks[0]: unknown track 'pmm'; did you mean 'pm'?",
        f"{PROBE}:{first}: round: duplicate key 'round': set again on line {second}; {ONLY_FIRST}",
        f"{PROBE}:{second}: round: duplicate key 'round': already set on line {first}, whose value is the one checked; keep one",
        f"{PROBE}:{line_of(text, 'difficulty:')}: difficulty: 'hard' is not one of: foundation, core, stretch",
    ]


def test_a_nested_duplicate_key_is_reported_at_both_lines_and_the_first_value_stands(problems):
    text = question(("  - step: Constraints\n", "  - step: Constraints\n    step: 7\n"), ("difficulty: stretch", "difficulty: hard"))
    first, second = line_of(text, "  - step: Constraints"), line_of(text, "    step: 7")
    assert problems({"questions/probe.yml": text}) == [
        f"{PROBE}:{line_of(text, 'difficulty:')}: difficulty: 'hard' is not one of: foundation, core, stretch",
        f"{PROBE}:{first}: outline[1].step: duplicate key 'step': set again on line {second}; {ONLY_FIRST}",
        f"{PROBE}:{second}: outline[1].step: duplicate key 'step': already set on line {first}, whose value is the one checked; keep one",
    ]


def test_a_key_set_three_times_names_every_line(problems):
    text = question(("difficulty: stretch\n", "difficulty: stretch\ndifficulty: core\ndifficulty: hard\n"))
    a, b, c = (line_of(text, "difficulty:", n) for n in (1, 2, 3))
    assert problems({"questions/probe.yml": text}) == [
        f"{PROBE}:{a}: difficulty: duplicate key 'difficulty': set again on lines {b} and {c}; {ONLY_FIRST}",
        f"{PROBE}:{b}: difficulty: duplicate key 'difficulty': already set on line {a}, whose value is the one checked; keep one",
        f"{PROBE}:{c}: difficulty: duplicate key 'difficulty': already set on line {a}, whose value is the one checked; keep one",
    ]


def test_schema_and_reference_errors_in_one_file_are_reported_together(problems):
    text = question(("difficulty: stretch", "difficulty: hard"), ("tracks: [pm, senior-pm]", "tracks: [pm, ceo]"),
                    ("round: system-design", "round: systems"), ("frameworks: [three-c-lens, constraint-first]", "frameworks: [three-c]"),
                    ("sources: [guide-2026, system-design-2026, handbook]", "sources: [guide-2026, blog]"))  # fmt: skip
    assert problems({"questions/probe.yml": text}) == [
        f"{PROBE}:{line_of(text, 'tracks:')}: tracks[1]: unknown track 'ceo'",
        f"{PROBE}:{line_of(text, 'round:')}: round: unknown round kind 'systems'; did you mean 'system-design'?",
        f"{PROBE}:{line_of(text, 'difficulty:')}: difficulty: 'hard' is not one of: foundation, core, stretch",
        f"{PROBE}:{line_of(text, 'frameworks:')}: frameworks[0]: unknown framework 'three-c'; did you mean 'three-c-lens'?",
        f"{PROBE}:{line_of(text, 'sources:')}: sources[1]: unknown source 'blog'",
    ]


def test_every_problem_in_a_file_is_listed_in_one_run(problems):
    text = question(("difficulty: stretch", "difficulty: impossible"), ("type: system-design", "type: no"), ("red_flags:", "redflags:"),
                    ("prompt: >-", "prompt: >-\n  TODO: write it"), ("tags: [wallets,", "tags: [Wallets,"))  # fmt: skip
    allowed = ", ".join(sorted(models.QuestionFile.model_fields))
    assert problems({"questions/probe.yml": text}) == [
        f"{PROBE}:2: red_flags: required field is missing; it should hold a list of text items",
        f"{PROBE}:{line_of(text, 'prompt:') + 1}: prompt: still holds the placeholder 'TODO: write it Design the wallet system for an "
        "exchange w...'; replace it with your own text",
        f"{PROBE}:{line_of(text, 'type:')}: type: expected one of: {', '.join(models.QuestionType.__args__)}; YAML read 'no' as "
        "true/false: put it in quotes if you meant text",
        f"{PROBE}:{line_of(text, 'difficulty:')}: difficulty: 'impossible' is not one of: foundation, core, stretch",
        f"{PROBE}:{line_of(text, 'tags:')}: tags[0]: 'Wallets' is not a tag: use lowercase letters a-z and digits, in words joined "
        "by single hyphens, such as 'wallets'",
        f"{PROBE}:{line_of(text, 'redflags:')}: redflags: unknown field 'redflags'; did you mean 'red_flags'? (allowed: {allowed})",
    ]


def test_a_broken_tracks_file_does_not_make_every_reference_to_it_dangle(problems):
    tracks = (DATA / "tracks.yml").read_text()
    text = tracks.replace("as_of:", "as_of: '2026'\nasof:", 1)
    line = line_of(text, "as_of:")
    assert problems({"tracks.yml": text}) == [
        f"data/tracks.yml:{line}: as_of: expected a date written YYYY-MM-DD, without quotes (the date the data was last checked against "
        "its sources); '2026' is in quotes, so YAML read it as text: remove the quotes",
        f"data/tracks.yml:{line + 1}: asof: unknown field 'asof'; did you mean 'as_of'? (allowed: as_of, round_kinds, tracks)",
    ]


def test_an_unreadable_sources_file_is_the_only_problem_reported(problems):
    text = (DATA / "sources.yml").read_text() + "  - id: [broken\n"
    [problem] = problems({"sources.yml": text})
    assert problem.startswith(f"data/sources.yml:{len(text.splitlines()) + 1}: (file): YAML syntax: ")


def test_references_to_an_unreadable_framework_file_are_not_dangling(problems):
    assert problems({"frameworks/star.yml": "id: star\nname: [\n"}) == [
        "data/frameworks/star.yml:3: (file): YAML syntax: expected the node content, but found '<stream end>'"
    ]


def test_a_missing_dataset_file_is_named_and_nothing_dangles(problems):
    assert problems({"sources.yml": None}) == ["data/sources.yml:1: (file): required file is missing"]


# -- placeholders, blank text and empty values -------------------------------------------


def test_whitespace_only_text_is_refused_in_every_field(problems):
    text = question(("title: Design custody and wallets for an exchange with 100M+ users", "title: '          '"),
                    ("Spends the time on screens and sign-up flows instead of custody and key management.", "'   '"))  # fmt: skip
    text = text.replace("prompt: >-\n  Design", 'prompt: "   "\nx: >-\n  Design').replace("\nx: >-", "\nfollow_ups_x: >-")
    found = problems({"questions/probe.yml": text})
    assert f"{PROBE}:{line_of(text, 'title:')}: title: the value is empty; it should hold a line of text (at most 70 characters and " \
        "meaningful alone, e.g. 'Launch a quarterly futures contract')" in found  # fmt: skip
    assert f"{PROBE}:{line_of(text, 'prompt:')}: prompt: the value is empty; it should hold text" in found
    assert f"{PROBE}:{line_of(text, '  - ' + chr(39))}: red_flags[0]: the value is empty; it should hold text" in found


def test_null_values_say_the_value_is_empty_and_what_it_should_hold(problems):
    text = question(("tags: [wallets, custody, security, scale]", "tags:"), ("difficulty: stretch", "difficulty:"),
                    ("round: system-design", "round: ~"), ("weak_answer:\n", "weak_answer:\n  answer:\n  why:\nold:\n"))  # fmt: skip
    found = problems({"questions/probe.yml": text})
    assert found[:5] == [
        f"{PROBE}:{line_of(text, 'round:')}: round: the value is empty; it should hold a round kind id from tracks.yml (round_kinds)",
        f"{PROBE}:{line_of(text, 'difficulty:')}: difficulty: the value is empty; it should hold one of: foundation, core, stretch",
        f"{PROBE}:{line_of(text, 'tags:')}: tags: the value is empty; it should hold a list of tags (lowercase letters a-z and digits, "
        "in words joined by single hyphens)",
        f"{PROBE}:{line_of(text, '  answer:')}: weak_answer.answer: the value is empty; it should hold text (a plausible answer that "
        "fails, as a candidate would say it: 60 to 200 words)",
        f"{PROBE}:{line_of(text, '  why:')}: weak_answer.why: the value is empty; it should hold text (why it fails, pointing to the "
        "question's red flags)",
    ]
    assert not any("NoneType" in p or "valid list" in p for p in found)


# -- nothing skipped in silence ---------------------------------------------------------------


def test_files_in_the_wrong_place_or_with_the_wrong_extension_are_reported(problems):
    found = problems({
        "questions/sub/nested.yml": GOOD_QUESTION, "questions/upper.YML": GOOD_QUESTION, "questions/long.yaml": GOOD_QUESTION,
        "questions/notes.md": "draft", "questions/Probe Two.yml": GOOD_QUESTION,
        "sourses.yml": "x: 1\n", "tracks.yaml": "x: 1\n", "README.txt": "hi", "drafts/one.yml": GOOD_QUESTION,
    })  # fmt: skip
    assert found == [
        "data/README.txt:1: (file): not a YAML data file: data/ holds only the .yml files that CONTRIBUTING.md lists",
        f"data/drafts/one.yml:1: (file): data/drafts/ is not a data folder, so this file is never read; the folders are {FOLDERS}",
        "data/questions/Probe Two.yml:1: (file): the file name must be an id (lowercase letters a-z and digits, in words joined by "
        "single hyphens), such as probe-two.yml",
        "data/questions/long.yaml:1: (file): the extension must be .yml, not .yaml: rename it to long.yml",
        "data/questions/notes.md:1: (file): not a YAML data file: data/questions/ holds only <id>.yml files",
        "data/questions/sub/nested.yml:1: (file): the check reads no subfolders of data/questions/: move the file into "
        "data/questions/ itself",
        "data/questions/upper.YML:1: (file): the extension must be .yml, not .YML: rename it to upper.yml",
        "data/sourses.yml:1: (file): not one of the data files, so it is never read; did you mean sources.yml? A question goes in "
        "data/questions/, a framework in data/frameworks/, a checklist in data/checklists/",
        "data/tracks.yaml:1: (file): the extension must be .yml, not .yaml: rename it to tracks.yml",
    ]


def test_an_editors_leftovers_are_set_aside_named_and_never_read(data_copy, capsys):
    # As vim, emacs and the operating systems leave them while a file is open: a swap file, a
    # backup, a lock (a symbolic link to nowhere) and folder metadata. Each holds what would fail.
    leftovers = ["questions/.probe.yml.swp", "questions/probe.yml~", "sources.yml~", ".DS_Store", "frameworks/Thumbs.db"]
    for name in leftovers:
        (data_copy / name).write_bytes(b"id: [unclosed\x00")
    lock = data_copy / "questions" / ".#probe.yml"
    lock.symlink_to("someone@host.1234")
    try:
        hb = load_handbook(data_copy, root=data_copy.parent)
        assert hb.set_aside == tuple(sorted(f"data/{name}" for name in [*leftovers, "questions/.#probe.yml"]))
        assert "probe" not in hb.questions
        assert check.main([str(data_copy)]) == 0
        said = capsys.readouterr().out
        assert "data/questions/.#probe.yml: set aside, not read: an editor's swap, backup or lock file" in said
        assert said.count("set aside, not read") == len(leftovers) + 1
    finally:
        lock.unlink()
        for name in leftovers:
            (data_copy / name).unlink()


def test_symbolic_links_are_refused_and_never_followed(problems, data_copy, tmp_path):
    outside = tmp_path / "outside.yml"
    outside.write_text(GOOD_QUESTION)
    secret = tmp_path / "secrets"
    secret.mkdir()
    (secret / "probe.yml").write_text(GOOD_QUESTION)
    (data_copy / "questions" / "probe.yml").symlink_to(outside)
    (data_copy / "questions" / "linked").symlink_to(secret)
    (data_copy / "checklists-extra").symlink_to(secret)
    try:
        refused = "a symbolic link: data/ takes only real files, so the check does not follow it; put the file itself here"
        assert problems({}) == [
            f"data/checklists-extra:1: (file): {refused}",
            f"data/questions/linked:1: (file): {refused}",
            f"data/questions/probe.yml:1: (file): {refused}",
        ]
    finally:
        for name in ("questions/probe.yml", "questions/linked", "checklists-extra"):
            (data_copy / name).unlink()


def test_a_folder_where_a_data_file_belongs_and_a_missing_folder_are_named(problems, data_copy):
    shutil.move(data_copy / "frameworks", data_copy.parent / "frameworks-aside")
    (data_copy / "pay.yml").rename(data_copy.parent / "pay-aside.yml")
    (data_copy / "pay.yml").mkdir()
    try:
        assert problems({}) == [
            "data/frameworks:1: (file): required folder is missing",
            "data/pay.yml:1: (file): pay.yml must be a file, and this is a folder",
        ]
    finally:
        (data_copy / "pay.yml").rmdir()
        (data_copy.parent / "pay-aside.yml").rename(data_copy / "pay.yml")
        shutil.move(data_copy.parent / "frameworks-aside", data_copy / "frameworks")


def test_every_registered_data_file_exists_and_has_its_schema():
    for entry in models.DATA_FILES:
        assert (DATA / entry.path).is_dir() if entry.is_folder else (DATA / entry.path).is_file(), entry.path
        assert (Path(__file__).parent.parent / "schema" / f"{entry.schema}.schema.json").is_file(), entry.schema
    assert load.SINGLE_FILES.keys() | load.FOLDERS.keys() == {e.path for e in models.DATA_FILES}


# -- the data folder ------------------------------------------------------------------------


def test_the_data_folder_is_found_one_way(monkeypatch, tmp_path):
    monkeypatch.delenv("HANDBOOK_DATA", raising=False)
    assert load.data_dir() == load.ROOT / "data"
    assert site.data_dir({"config_file_path": str(tmp_path / "mkdocs.yml")}) == tmp_path / "data"
    monkeypatch.setenv("HANDBOOK_DATA", str(tmp_path / "elsewhere"))
    assert load.data_dir() == site.data_dir({"config_file_path": str(tmp_path / "mkdocs.yml")}) == tmp_path / "elsewhere"


def test_a_stray_file_changes_the_fingerprint_the_build_caches_on(data_copy):
    before = load.fingerprint(data_copy)
    stray = data_copy / "questions" / "stray.yaml"
    stray.write_text("x: 1\n")
    try:
        assert load.fingerprint(data_copy) != before
    finally:
        stray.unlink()


# -- cases carried over ----------------------------------------------------------------------------


def test_unknown_field_names_the_closest_and_the_allowed(problems):
    text = question(("prompt:", "promt:"))
    found = problems({"questions/probe.yml": text})
    allowed = ", ".join(sorted(models.QuestionFile.model_fields))
    assert found == [
        f"{PROBE}:2: prompt: required field is missing; it should hold text",
        f"{PROBE}:{line_of(text, 'promt:')}: promt: unknown field 'promt'; did you mean 'prompt'? (allowed: {allowed})",
    ]


@pytest.mark.parametrize(
    ("raw", "read_as"),
    [("no", "true/false"), ("3.10", "a number"), ("12:30", "a number"), ("2026-01-05", "a date")],
)
def test_yaml_1_1_surprises_are_errors_with_a_hint(problems, raw, read_as):
    text = question(("round: system-design", f"round: {raw}"))
    assert problems({"questions/probe.yml": text}) == [
        f"{PROBE}:{line_of(text, 'round:')}: round: expected a round kind id from tracks.yml (round_kinds); YAML read '{raw}' as "
        f"{read_as}: put it in quotes if you meant text"
    ]


def test_id_must_equal_the_file_name(problems):
    assert problems({"questions/other-name.yml": GOOD_QUESTION}) == [
        f"data/questions/other-name.yml:{line_of(GOOD_QUESTION, 'id:')}: id: 'probe' must equal the file name 'other-name'"
    ]


def test_duplicate_ids_across_files(problems):
    screen = (DATA / "checklists" / "screen.yml").read_text()
    found = problems({"checklists/copy.yml": screen.replace("id: screen", "id: copy")})
    assert len(found) == screen.count("  - id:")
    assert all(
        p.startswith("data/checklists/screen.yml:") and "checklist item id" in p and "is already used at data/checklists/copy.yml:" in p
        for p in found
    ), found


def test_an_unsourced_figure_fails(problems):
    text = (DATA / "checklists" / "day-before.yml").read_text()
    text += "  - id: db-sleep-hours\n    text: Sleep 8 hours.\n    own_advice: true\n"
    [problem] = problems({"checklists/day-before.yml": text})
    index = text.count("  - id:") - 1
    assert problem == f"data/checklists/day-before.yml:{len(text.splitlines()) - 1}: items[{index}].text: states a figure but has " \
        "no source; add sources: [...]"  # fmt: skip


@pytest.mark.parametrize("path", sorted(DATA.rglob("*.yml")), ids=lambda p: str(p.relative_to(DATA)))
def test_libyaml_and_the_pure_python_reader_read_every_data_file_alike(path, monkeypatch):
    assert isinstance(yamlsafe._compose_fast(path.read_text()), tuple), "libyaml did not read it"
    fast, fast_problems = yamlsafe.read(path, "f")
    monkeypatch.setattr(yamlsafe, "_compose_fast", lambda text: None)
    pure, pure_problems = yamlsafe.read(path, "f")
    assert fast_problems == pure_problems == []
    assert fast.data == pure.data


def test_problems_are_plain_records():
    assert str(Problem("data/x.yml", 3, "tags[0]", "bad")) == "data/x.yml:3: tags[0]: bad"
