"""Hostile contributions: what a pull request could put in a data file to attack
the site or the build, and the precise outcome of each.

Loader cases name the error they expect (`file:line: field: message`); rendering
cases build one site from a copy of the data with every payload in it and check
the built pages: nothing runs, nothing links out to script, and the payloads
show as the text they are."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from macros import yamlsafe
from macros.load import DataError, load_handbook
from macros.models import QuestionFile
from macros.problems import Problem
from macros.yamlsafe import MAX_DEPTH, MAX_FILE_BYTES

from .conftest import BUILD_EPOCH, DATA, ROOT, copy_data

PROBE = "data/questions/probe.yml"
# The answers' text, kept out of GOOD_QUESTION so that its lines stay short.
_ANSWER_LINE = " ".join(["I would weigh the listing risk first and decide with a number."] * 3)
_WEAK_ANSWER = " ".join(["I would list it because the volume looks big and users ask for it."] * 5)
# A valid question whose line numbers the cases below rely on.
GOOD_QUESTION = f"""\
# yaml-language-server: $schema=../../schema/question.schema.json
id: probe
prompt: How would you decide whether to list a new trading pair?
tracks: [pm]
round: product
type: product-sense
difficulty: core
frameworks: [star]
tags: [listing]
strong_answer:
  - Starts from the risks of listing before the upside.
red_flags:
  - Talks only about volume.
follow_ups:
  - What would make you delist it?
outline:
  - step: Risks
    points:
      - Legal and market risks first.
sources: [handbook]
title: Decide whether to list a new pair
origin: practice
model_answer: >-
    {_ANSWER_LINE}
    {_ANSWER_LINE}
    {_ANSWER_LINE}
    {_ANSWER_LINE}
    {_ANSWER_LINE}
    {_ANSWER_LINE}
    {_ANSWER_LINE}
    {_ANSWER_LINE}
    {_ANSWER_LINE}
weak_answer:
  answer: >-
    {_WEAK_ANSWER}
  why: It talks only about volume.
"""


def edited(old: str, new: str) -> str:
    assert old in GOOD_QUESTION, old
    return GOOD_QUESTION.replace(old, new, 1)


@pytest.fixture(scope="module")
def data_copy(tmp_path_factory) -> Path:
    return copy_data(tmp_path_factory.mktemp("hostile-data"))


@pytest.fixture(params=["libyaml", "pure-python"])
def load_with(request, data_copy, monkeypatch):
    """Every loader case runs twice: through libyaml, the path data takes, and through
    the pure-Python reader, the path for text libyaml refuses or cannot be trusted with."""
    if request.param == "pure-python":
        monkeypatch.setattr(yamlsafe, "_compose_fast", lambda text: None)
    yield from _load_with(data_copy)


def _load_with(data_copy):
    """Load the data with extra files written into it (removed afterwards); returns the problems found."""
    written: list[Path] = []

    def load(files: dict[str, str | bytes]) -> list[Problem]:
        for rel, content in files.items():
            path = data_copy / rel
            written.append(path)
            path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
        try:
            load_handbook(data_copy)
        except DataError as err:
            return err.problems
        return []

    yield load
    for path in written:
        path.unlink(missing_ok=True)


def probe(load_with, content: str | bytes) -> list[Problem]:
    return load_with({"questions/probe.yml": content})


def test_the_probe_question_is_valid_as_written(load_with):
    assert probe(load_with, GOOD_QUESTION) == []


# -- YAML that attacks the parser ------------------------------------------------------


def test_duplicate_keys_are_refused_at_both_lines(load_with):
    assert probe(load_with, edited("difficulty: core\n", "difficulty: core\ndifficulty: stretch\n")) == [
        Problem(PROBE, 7, "difficulty", "duplicate key 'difficulty': set again on line 8; only this first value is checked, so keep one"),
        Problem(PROBE, 8, "difficulty", "duplicate key 'difficulty': already set on line 7, whose value is the one checked; keep one"),
    ]


def test_anchors_are_refused(load_with):
    assert probe(load_with, edited("tracks: [pm]", "tracks: &t [pm]")) == [
        Problem(PROBE, 4, "tracks", "anchor '&t' is not allowed; write the value out")
    ]


def test_aliases_are_refused(load_with):
    assert probe(load_with, edited("tags: [listing]", "tags: *t")) == [
        Problem(PROBE, 9, "tags", "alias '*t' is not allowed; write the value out")
    ]


def test_a_billion_laughs_alias_bomb_is_refused_at_every_anchor_and_alias(load_with):
    # After the valid question, so that the bomb's own problems are the only ones.
    bomb = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    allowed = ", ".join(sorted(QuestionFile.model_fields))
    expected = [Problem(PROBE, 37, "a", "anchor '&a' is not allowed; write the value out")]
    expected.append(Problem(PROBE, 37, "a", f"unknown field 'a' (allowed: {allowed})"))
    for line, level in enumerate("bcdefghi", start=38):
        previous = chr(ord(level) - 1)
        bomb += f"{level}: &{level} [{', '.join([f'*{previous}'] * 9)}]\n"
        expected.append(Problem(PROBE, line, level, f"anchor '&{level}' is not allowed; write the value out"))
        expected += [Problem(PROBE, line, f"{level}[{i}]", f"alias '*{previous}' is not allowed; write the value out") for i in range(9)]
        hint = "; did you mean 'id'?" if level in "di" else ""
        expected.append(Problem(PROBE, line, level, f"unknown field '{level}'{hint} (allowed: {allowed})"))
    assert probe(load_with, GOOD_QUESTION + bomb) == expected


@pytest.mark.parametrize(
    ("nested", "line"),
    [
        ("[" * 5000 + "]" * 5000, 9),
        ("{a: " * 3000 + "}" * 3000, 9),
        ("\n" + "- " * 100_000 + "x", 10),
        ("[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1), 9),
        ("\n" + "  - " * (MAX_DEPTH + 1) + "x", 10),
    ],
    ids=["5000-lists", "3000-mappings", "100000-block-lists", "lists-one-too-deep", "block-lists-one-too-deep"],
)
def test_deep_nesting_is_refused(load_with, nested, line):
    assert probe(load_with, edited("tags: [listing]", f"tags: {nested}")) == [
        Problem(PROBE, line, "(file)", f"nested deeper than {MAX_DEPTH} levels")
    ]


@pytest.mark.parametrize(
    ("brk", "expected"),
    [
        ("\r", [Problem(PROBE, 34, "(file)", f"nested deeper than {MAX_DEPTH} levels")]),
        ("\n", [Problem(PROBE, 34, "(file)", f"nested deeper than {MAX_DEPTH} levels")]),
        # Read as the space an editor shows, so the nesting stands on one line and is not YAML.
        ("\u2028", [
            Problem(PROBE, 10, "(file)",
                    "contains U+2028 LINE SEPARATOR, an invisible character; delete it (retyping the words around it removes it)"),
            Problem(PROBE, 10, "(file)", "YAML syntax: mapping values are not allowed here"),
        ]),
    ],
    ids=["CR", "LINE-SEPARATOR", "LF"],
)  # fmt: skip
def test_deep_nesting_is_refused_whatever_breaks_the_lines(load_with, brk, expected):
    nested = "".join(f"{' ' * level}k{level}:{brk}" for level in range(MAX_DEPTH + 2)) + " " * (MAX_DEPTH + 2) + "x"
    assert probe(load_with, edited("tags: [listing]\n", f"tags: [listing]\nnested:{brk}{nested}\n")) == expected


def test_python_tags_are_refused_and_never_run(load_with, tmp_path):
    marker = tmp_path / "ran"
    attack = f"!!python/object/apply:os.system ['touch {marker}']"
    assert probe(load_with, edited("difficulty: core", f"difficulty: {attack}")) == [
        Problem(PROBE, 7, "difficulty", "tag 'tag:yaml.org,2002:python/object/apply:os.system' is not allowed")
    ]
    assert probe(load_with, f"{attack}\n") == [
        Problem(PROBE, 1, "(file)", "tag 'tag:yaml.org,2002:python/object/apply:os.system' is not allowed")
    ]
    assert probe(load_with, edited("difficulty: core", "difficulty: !!python/name:os.system")) == [
        Problem(PROBE, 7, "difficulty", "tag 'tag:yaml.org,2002:python/name:os.system' is not allowed")
    ]
    assert not marker.exists()


def test_unknown_tags_are_refused(load_with):
    assert probe(load_with, edited("difficulty: core", "difficulty: !custom core")) == [
        Problem(PROBE, 7, "difficulty", "tag '!custom' is not allowed")
    ]
    assert probe(load_with, edited("tags: [listing]", "tags: !!set {a, b}")) == [
        Problem(PROBE, 9, "tags", "tag 'tag:yaml.org,2002:set' is not allowed")
    ]


@pytest.mark.parametrize(
    ("old", "new", "line", "field", "message"),
    [
        ("difficulty: core", "difficulty: no", 7, "difficulty",
         "expected one of: foundation, core, stretch; YAML read 'no' as true/false: put it in quotes if you meant text"),
        ("round: product", "round: yes", 5, "round",
         "expected a round kind id from tracks.yml (round_kinds); YAML read 'yes' as true/false: put it in quotes if you meant text"),
        ("round: product", "round: on", 5, "round",
         "expected a round kind id from tracks.yml (round_kinds); YAML read 'on' as true/false: put it in quotes if you meant text"),
        ("  - What would make you delist it?", "  - 3.10", 15, "follow_ups[0]",
         "expected text; YAML read '3.10' as a number: put it in quotes if you meant text"),
        ("  - What would make you delist it?", "  - 010", 15, "follow_ups[0]",
         "expected text; YAML read '010' as a number: put it in quotes if you meant text"),
        ("  - What would make you delist it?", "  - 12:30", 15, "follow_ups[0]",
         "expected text; YAML read '12:30' as a number: put it in quotes if you meant text"),
        ("  - Talks only about volume.", "  - 2026-01-31", 13, "red_flags[0]",
         "expected text; YAML read '2026-01-31' as a date: put it in quotes if you meant text"),
    ],
    ids=["no", "yes", "on", "3.10", "010", "12:30", "date"],
)  # fmt: skip
def test_yaml_1_1_coercions_are_errors_that_say_what_yaml_read(load_with, old, new, line, field, message):
    assert probe(load_with, edited(old, new)) == [Problem(PROBE, line, field, message)]


def test_a_coerced_key_is_refused(load_with):
    assert probe(load_with, edited("difficulty: core\n", "difficulty: core\nyes: x\n")) == [
        Problem(PROBE, 8, "(file)", "the field name 'yes' is not text: YAML reads it as true/false; correct the name, or put it in quotes")
    ]


@pytest.mark.parametrize(
    ("old", "new"),
    [("difficulty: core", "difficulty:\tcore"), ("difficulty: core", "\tdifficulty: core")],
    ids=["tab-after-colon", "tab-indent"],
)
def test_tabs_are_a_syntax_error_that_names_the_tab(load_with, old, new):
    assert probe(load_with, edited(old, new)) == [
        Problem(PROBE, 7, "(file)", "YAML syntax: a tab character; YAML indents and separates with spaces only")
    ]


def test_a_second_document_is_refused(load_with):
    assert probe(load_with, GOOD_QUESTION + "---\nid: other\n") == [
        Problem(PROBE, 37, "(file)", "YAML syntax: a second document ('---'); keep one record per file")
    ]


def test_a_byte_order_mark_is_accepted(load_with):
    assert probe(load_with, b"\xef\xbb\xbf" + GOOD_QUESTION.encode("utf-8")) == []


def test_bytes_that_are_not_utf8_are_refused_at_their_line(load_with):
    latin1 = edited("Talks only about volume.", "Talks only about volum\u00e9.").encode("latin-1")
    assert probe(load_with, latin1) == [Problem(PROBE, 13, "(file)", "not UTF-8 (byte 0xe9); save the file as UTF-8")]


def test_control_characters_are_refused_at_their_line(load_with):
    assert probe(load_with, edited("Talks only about volume.", '"Talks only about volume.\\a\x07"')) == [
        Problem(PROBE, 13, "(file)", "character U+0007 is not allowed in YAML; delete it")
    ]


@pytest.mark.parametrize(
    "content", ["", "\n\n   \n", "# yaml-language-server: $schema=x\n# nothing else\n"], ids=["empty", "blank", "comments"]
)
def test_an_empty_file_is_refused(load_with, content):
    assert probe(load_with, content) == [Problem(PROBE, 1, "(file)", "file is empty")]


def test_a_ten_megabyte_file_is_refused_unread(load_with):
    size = 10 * 1024 * 1024
    big = GOOD_QUESTION + "#" * (size - len(GOOD_QUESTION) - 1) + "\n"
    assert probe(load_with, big) == [Problem(PROBE, 1, "(file)", f"file is {size:,} bytes; the limit is {MAX_FILE_BYTES:,} bytes")]


def test_a_field_of_100_000_characters_is_refused(load_with):
    assert probe(load_with, edited("Starts from the risks of listing before the upside.", "x" * 100_000)) == [
        Problem(PROBE, 11, "strong_answer[0]", "the text is 100,000 characters; the limit is 4,000")
    ]


def test_a_list_at_the_top_is_refused(load_with):
    assert probe(load_with, "- id: probe\n") == [Problem(PROBE, 1, "(file)", "expected a mapping of field: value at the top level")]


# -- data integrity ---------------------------------------------------------------------


def test_a_question_id_used_twice_names_the_first_file(load_with):
    found = load_with({"questions/probe.yml": GOOD_QUESTION, "questions/probe-copy.yml": GOOD_QUESTION})
    assert found == [
        Problem("data/questions/probe-copy.yml", 2, "id", "'probe' must equal the file name 'probe-copy'"),
        Problem("data/questions/probe.yml", 2, "id", "question id 'probe' is already used at data/questions/probe-copy.yml:2"),
    ]


def test_an_id_that_differs_from_the_file_name_is_refused(load_with):
    assert probe(load_with, edited("id: probe", "id: other-name")) == [
        Problem(PROBE, 2, "id", "'other-name' must equal the file name 'probe'")
    ]


@pytest.mark.parametrize(
    ("old", "new", "line", "field", "message"),
    [
        ("round: product", "round: prodct", 5, "round", "unknown round kind 'prodct'; did you mean 'product'?"),
        ("tracks: [pm]", "tracks: [pmm]", 4, "tracks[0]", "unknown track 'pmm'; did you mean 'pm'?"),
        ("frameworks: [star]", "frameworks: [starr]", 8, "frameworks[0]", "unknown framework 'starr'; did you mean 'star'?"),
        ("sources: [handbook]", "sources: [handbook, handbok]", 20, "sources[1]", "unknown source 'handbok'; did you mean 'handbook'?"),
        ("sources: [handbook]", "sources: [handbook, my-blog-post]", 20, "sources[1]", "unknown source 'my-blog-post'"),
    ],
    ids=["round", "track", "framework", "source", "undefined-source"],
)  # fmt: skip
def test_dangling_references_are_named_with_the_nearest_id(load_with, old, new, line, field, message):
    assert probe(load_with, edited(old, new)) == [Problem(PROBE, line, field, message)]


def test_an_unknown_field_suggests_the_closest_and_lists_the_allowed(load_with):
    allowed = ", ".join(sorted(QuestionFile.model_fields))
    found = probe(load_with, edited("tags: [listing]\n", "tags: [listing]\ntgas: [listing]\nauthor: me\n"))
    assert found == [
        Problem(PROBE, 10, "tgas", f"unknown field 'tgas'; did you mean 'tags'? (allowed: {allowed})"),
        Problem(PROBE, 11, "author", f"unknown field 'author' (allowed: {allowed})"),
    ]


def _first_checklist_item() -> tuple[str, str]:
    path = sorted((DATA / "checklists").glob("*.yml"))[0]
    item = yaml.safe_load(path.read_text(encoding="utf-8"))["items"][0]["id"]
    return f"data/checklists/{path.name}", item


def _checklist(item_ids: list[str], sources: str = "[handbook]", checklist_id: str = "probe") -> str:
    items = "".join(f"  - id: {i}\n    text: Read the loop for your track.\n    sources: {sources}\n" for i in item_ids)
    return f"id: {checklist_id}\ntitle: Probe\nsummary: A checklist used by the tests.\nitems:\n{items}"


def test_a_checklist_item_id_reused_in_another_checklist_is_refused(load_with):
    first_file, item = _first_checklist_item()
    first_line = next(i for i, line in enumerate((ROOT / first_file).read_text().splitlines(), 1) if line == f"  - id: {item}")
    # zz- sorts the probe after every real checklist, so it is the one reported.
    assert load_with({"checklists/zz-probe.yml": _checklist([item], checklist_id="zz-probe")}) == [
        Problem("data/checklists/zz-probe.yml", 5, "items[0].id",
                f"checklist item id '{item}' is already used at {first_file}:{first_line}; ticks would mix"),
    ]  # fmt: skip


def test_a_checklist_item_id_reused_in_the_same_checklist_is_refused(load_with):
    assert load_with({"checklists/probe.yml": _checklist(["probe-a", "probe-a"])}) == [
        Problem("data/checklists/probe.yml", 8, "items[1].id",
                "checklist item id 'probe-a' is already used at data/checklists/probe.yml:5; ticks would mix"),
    ]  # fmt: skip


def test_a_source_cited_but_not_defined_is_refused(load_with):
    assert load_with({"checklists/probe.yml": _checklist(["probe-a"], sources="[glassdoor-2025]")}) == [
        Problem("data/checklists/probe.yml", 7, "items[0].sources[0]", "unknown source 'glassdoor-2025'")
    ]


def test_a_figure_without_a_source_is_refused(load_with):
    own = "id: probe\ntitle: Probe\nsummary: A checklist.\nitems:\n  - id: probe-a\n    text: Sleep 8 hours.\n    own_advice: true\n"
    assert load_with({"checklists/probe.yml": own}) == [
        Problem("data/checklists/probe.yml", 6, "items[0].text", "states a figure but has no source; add sources: [...]")
    ]


# -- contributed text in the built site -------------------------------------------------

# Each payload sits in its own list item, behind a marker, so its item can be found.
SHOWN_AS_TYPED = {
    "P01": "<script>alert(1)</script>",
    "P02": "<img src=x onerror=alert(1)>",
    "P03": "<svg onload=alert(1)><circle r=5></circle></svg>",
    "P04": '<iframe src="https://evil.example/"></iframe>',
    "P05": "<javascript:alert(1)>",
    "P06": '<a href="javascript:alert(1)" onclick="alert(1)">x</a>',
    "P07": "<a href='data:text/html,x'>y</a>",
    "P08": "<style>body{display:none}</style><object data=x></object><embed src=x>",
    "P09": "<form action=javascript:alert(1)><input onfocus=alert(1) autofocus></form>",
    "P10": "<details open ontoggle=alert(1)>x</details>",
}
LINKS_LOSING_THEIR_URL = {
    "L01": "[a](javascript:alert(1))",
    "L02": "[a](JaVaScRiPt:alert(1))",
    "L03": "[a](&#106;avascript:alert(1))",
    "L04": "[a](&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1))",
    "L05": "[a](java&#x09;script:alert(1))",
    "L06": "[a]( javascript:alert(1))",
    "L07": "[a](\tjavascript:alert(1))",
    "L08": "[a](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "L09": "[a](vbscript:msgbox(1))",
    "L10": "[a](<javascript:alert(1)>)",
}
IMAGE = {"I01": "![i](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)"}
TEMPLATES = {
    "T01": "{{ 7*7 }}",
    "T02": "{% for x in range(3) %}loop{% endfor %}",
    "T03": "{# hidden #}",
    "T04": "{{ config.__class__.__init__.__globals__ }}",
    "T05": "{{ self.__init__.__globals__ }}",
    "T06": "{{ lipsum.__globals__.os.popen('id').read() }}",
    "T07": "{% include 'mkdocs.yml' %}",
}
SNIPPETS = {"S01": '--8<-- "mkdocs.yml"', "S02": ';--8<-- "mkdocs.yml"', "S03": '--8<-- "/etc/passwd"'}
PROMPT = "P00 {{ 7*7 }} <script>alert('prompt')</script> <img src=x onerror=alert(1)>"
DANGEROUS_SCHEMES = ("javascript:", "data:", "vbscript:")
URL_ATTRIBUTES = {"href", "src", "srcset", "action", "formaction", "data", "poster", "xlink:href", "background", "srcdoc"}
HAND_WRITTEN_PLAIN = "A {{ 7*7 }} B {% if true %}yes{% endif %} C {# note #} D"


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t").replace("\n", "\\n") + '"'


def _items(payloads: dict[str, str]) -> str:
    return "".join(f"  - {_quoted(f'{marker} {text}')}\n" for marker, text in payloads.items())


TITLE = "T00 <script>alert('title')</script> {{ 7*7 }}"
FILLER = " ".join(["I would weigh the listing risk first and decide with a number."] * 30)
WEAK = " ".join(["I would list it because the volume looks big and users ask for it."] * 5)


def hostile_question() -> str:
    """Every payload in a list item of its own, spread over the lists a question has."""
    items = list({**SHOWN_AS_TYPED, **LINKS_LOSING_THEIR_URL, **IMAGE, **TEMPLATES, **SNIPPETS}.items())
    strong, flags, follow, points = items[:10], items[10:18], items[18:26], items[26:]
    steps = "".join(
        f"  - step: {_quoted(f'X{marker} {text}')}\n    points:\n      - point\n"
        for marker, text in {**TEMPLATES, "H01": "<b onmouseover=alert(1)>Step</b>"}.items()
    )
    return (
        f"id: hostile-probe\ntitle: {_quoted(TITLE)}\norigin: practice\nprompt: {_quoted(PROMPT)}\ntracks: [pm]\n"
        "round: product\ntype: product-sense\ndifficulty: core\n"
        f"strong_answer:\n{_items(dict(strong))}"
        f"red_flags:\n{_items(dict(flags))}"
        f"follow_ups:\n{_items(dict(follow))}"
        f"outline:\n{steps}"
        f"  - step: Payloads\n    points:\n{_items(dict(points)).replace('  - ', '      - ')}"
        f"model_answer: {_quoted(FILLER)}\nweak_answer:\n  answer: {_quoted(WEAK)}\n  why: Volume only.\n"
        "sources: [handbook]\n"
    )


def _project_copy(tmp: Path, data: Path) -> Path:
    """The project with its own docs folder, so test pages can be added without touching docs/.
    Code, hooks and CONTRIBUTING.md are linked, so the build runs the real thing."""
    project = tmp / "project"
    project.mkdir()
    for name in ("macros", "hooks", "overrides", "CONTRIBUTING.md"):
        (project / name).symlink_to(ROOT / name)
    (project / "data").symlink_to(data)
    shutil.copy2(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(ROOT / "docs", project / "docs", ignore=shutil.ignore_patterns("__pycache__"))
    pages = project / "docs" / "questions"
    (pages / "zz-probe-plain.md").write_text(f'# Hand-written probe\n\n{HAND_WRITTEN_PLAIN}\n\n--8<-- "mkdocs.yml"\n')
    (pages / "zz-probe-macros.md").write_text("---\nrender_macros: true\n---\n\n# Opted-in probe\n\nSeven sevens: {{ 7*7 }}\n")
    return project


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("hostile-site")
    data = copy_data(tmp)
    (data / "questions" / "hostile-probe.yml").write_text(hostile_question(), encoding="utf-8")
    project = _project_copy(tmp, data)
    out = tmp / "site"
    env = {**os.environ, "HANDBOOK_DATA": str(data), "SOURCE_DATE_EPOCH": BUILD_EPOCH, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-f", str(project / "mkdocs.yml"), "-d", str(out)],
        cwd=project, env=env, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    return out


def soup_of(site: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((site / page / "index.html").read_text(encoding="utf-8"), "html.parser")


@pytest.fixture(scope="module")
def question_page(hostile_site) -> BeautifulSoup:
    return soup_of(hostile_site, "questions/hostile-probe")


@pytest.fixture(scope="module")
def benign_page(hostile_site) -> BeautifulSoup:
    return soup_of(hostile_site, "questions/" + sorted(p.stem for p in (DATA / "questions").glob("*.yml"))[0])


def item_for(page: BeautifulSoup, marker: str):
    [item] = [li for li in page.select("article li") if li.get_text().startswith(f"{marker} ") or li.get_text() == marker]
    return item


def every_page(site: Path) -> Iterator[tuple[str, BeautifulSoup]]:
    for path in sorted(site.rglob("*.html")):
        yield str(path.relative_to(site)), BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def _scheme(url: str) -> str:
    # Browsers ignore spaces, tabs, newlines and control characters around and inside a scheme.
    return "".join(ch for ch in url if ord(ch) > 0x20).lower()


def test_payloads_show_as_the_text_that_was_typed(question_page):
    for marker, text in SHOWN_AS_TYPED.items():
        assert item_for(question_page, marker).get_text() == f"{marker} {text}"


def test_the_title_and_prompt_are_escaped_in_heading_title_and_lead(question_page):
    assert question_page.select_one("article h1").get_text(strip=True) == TITLE
    assert question_page.title.get_text().startswith(TITLE)
    assert question_page.select_one(".hb-prompt").get_text() == PROMPT


def test_no_script_but_the_sites_own(question_page, benign_page):
    def scripts(page):
        return [(s.get("src"), s.get("type"), s.get("id")) for s in page.find_all("script")]

    assert scripts(question_page) == scripts(benign_page)
    assert not any("alert" in s.get_text() for s in question_page.find_all("script"))


def test_no_element_from_data_becomes_markup(question_page, benign_page):
    for tag in ("iframe", "object", "embed", "form", "input", "style", "details", "svg", "img", "circle", "b"):
        assert len(question_page.article.find_all(tag)) == len(benign_page.article.find_all(tag)), tag
    assert question_page.find_all(["iframe", "object", "embed"]) == []


def test_no_event_handler_attribute_anywhere_in_the_site(hostile_site):
    handlers = [
        (name, el.name, attr)
        for name, page in every_page(hostile_site)
        for el in page.find_all(True)
        for attr in el.attrs
        if attr.lower().startswith("on")
    ]
    assert handlers == []


def test_no_script_or_data_url_anywhere_in_the_site(hostile_site):
    bad = [
        (name, el.name, attr, value)
        for name, page in every_page(hostile_site)
        for el in page.find_all(True)
        for attr, value in el.attrs.items()
        if attr.lower() in URL_ATTRIBUTES and isinstance(value, str) and _scheme(value).startswith(DANGEROUS_SCHEMES)
    ]
    assert bad == []


def test_dangerous_links_keep_their_text_and_lose_their_url(question_page):
    for marker in LINKS_LOSING_THEIR_URL:
        item = item_for(question_page, marker)
        [link] = item.find_all("a")
        assert item.get_text() == f"{marker} a"
        assert "href" not in link.attrs, (marker, link)


def test_image_syntax_shows_as_typed_and_loads_nothing(question_page):
    item = item_for(question_page, "I01")
    assert item.find("img") is None and item.find("a") is None
    assert item.get_text() == f"I01 {IMAGE['I01']}"


def test_template_code_is_shown_never_run(question_page):
    for marker, code in TEMPLATES.items():
        # Underscores never emphasise, so dunder names keep them: the template code shows as typed.
        assert item_for(question_page, marker).get_text() == f"{marker} {code}"
    steps = [s.get_text() for s in question_page.select(".hb-outline > li > strong")]
    for marker, code in TEMPLATES.items():
        assert f"X{marker} {code}" in steps  # outline steps are escaped, not Markdown: exactly as typed
    assert "XH01 <b onmouseover=alert(1)>Step</b>" in steps


def test_snippet_lines_are_shown_never_included(question_page):
    for marker, line in SNIPPETS.items():
        assert item_for(question_page, marker).get_text() == f"{marker} {line}"
    text = question_page.get_text()
    assert "render_by_default" not in text  # a line of mkdocs.yml
    assert "root:x:0:0" not in text


def test_a_hand_written_page_without_render_macros_stays_literal(hostile_site):
    page = soup_of(hostile_site, "questions/zz-probe-plain")
    paragraphs = [p.get_text() for p in page.select("article p")]
    assert HAND_WRITTEN_PLAIN in paragraphs
    assert '--8<-- "mkdocs.yml"' in paragraphs
    assert "render_by_default" not in page.get_text()


def test_a_page_that_opts_in_does_run_macros(hostile_site):
    # The control for the test above: the same expression is evaluated where a page asks for it.
    page = soup_of(hostile_site, "questions/zz-probe-macros")
    assert "Seven sevens: 49" in [p.get_text() for p in page.select("article p")]
