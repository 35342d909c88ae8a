"""The contributor's path: `make new-question` (run through real make) passes its
values literally and writes a file whose placeholders the check refuses, the guide's
walkthrough and inline Markdown table say what really happens, the pull-request and
issue templates exist and match the data, and the workflow that runs on pull requests
is locked down."""

from __future__ import annotations

import importlib.util
import io
import re
import shlex
import shutil
import subprocess
import sys
import typing
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from macros import models
from macros.load import DataError, load_handbook
from macros.models import QuestionType
from macros.text import markdown
from macros.yamlsafe import read

from .conftest import DATA, ROOT

SCRIPT = ROOT / "scripts" / "new_question.py"
TEMPLATE = ROOT / "templates" / "question.yml"
WORKFLOW = ROOT / ".github" / "workflows" / "pr.yml"
ISSUE_FORM = ROOT / ".github" / "ISSUE_TEMPLATE" / "suggest-question.yml"
PR_TEMPLATE = ROOT / ".github" / "PULL_REQUEST_TEMPLATE.md"
PRE_COMMIT = ROOT / ".pre-commit-config.yaml"
CONTRIBUTING = ROOT / "CONTRIBUTING.md"
SCHEMA_LINE = "# yaml-language-server: $schema=../../schema/question.schema.json"
PLACEHOLDER = "TODO:"
HANDBOOK = load_handbook(DATA)
VENV = ROOT / ".venv"


def _load_script():
    spec = importlib.util.spec_from_file_location("new_question", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


new_question = _load_script()


@pytest.fixture
def project(tmp_path) -> Path:
    """A copy of the project that `make new-question` can write into: its own Makefile, script,
    template and data, the real macros, and a virtual environment that borrows the installed
    packages, so make's setup step has nothing to do."""
    project = tmp_path / "project"
    project.mkdir()
    shutil.copy2(ROOT / "Makefile", project)
    shutil.copy2(ROOT / "requirements.txt", project)
    for folder in ("scripts", "templates", "data"):
        shutil.copytree(ROOT / folder, project / folder, ignore=shutil.ignore_patterns("__pycache__"))
    (project / "macros").symlink_to(ROOT / "macros")
    venv = project / ".venv"
    venv.mkdir()
    shutil.copy2(VENV / "pyvenv.cfg", venv)
    for name in ("bin", "lib"):
        (venv / name).symlink_to(VENV / name)
    checksum = subprocess.run(["cksum", "requirements.txt"], cwd=project, capture_output=True, text=True, check=True)
    (venv / f".installed-{checksum.stdout.split()[0]}").touch()
    return project


def make(project: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    """`make -C project new-question NAME=value ...`, as a contributor runs it (no terminal attached)."""
    return subprocess.run(
        ["make", "--no-print-directory", "-C", str(project), "new-question", *args],
        capture_output=True, text=True, input=stdin if stdin is not None else "", timeout=120,
    )  # fmt: skip


def scaffold(data: Path, *args: str) -> subprocess.CompletedProcess:
    """The script itself, for the cases that do not involve make."""
    return subprocess.run(
        [sys.executable, str(SCRIPT), *args, "--data", str(data)], capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=60
    )


def check(project: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "macros.check", "data"], cwd=project, capture_output=True, text=True, timeout=60,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT)},
    )  # fmt: skip


def written(project: Path) -> list[Path]:
    return sorted(
        set((project / "data" / "questions").glob("*.yml"))
        - {project / "data" / "questions" / p.name for p in (DATA / "questions").glob("*.yml")}
    )


def strings_in(value) -> list[str]:
    if isinstance(value, dict):
        return [s for v in value.values() for s in strings_in(v)]
    if isinstance(value, list):
        return [s for v in value for s in strings_in(v)]
    return [value] if isinstance(value, str) else []


def placeholders(text: str) -> list[tuple[int, str]]:
    """(line, placeholder) of every placeholder in a file."""
    return [
        (i, line[line.index(PLACEHOLDER) :].rstrip('"'))
        for i, line in enumerate(text.splitlines(), 1)
        if PLACEHOLDER in line and not line.lstrip().startswith("#")
    ]


def model_answer() -> str:
    sentence = "I would list the contract only once the order book can take the flow without harm to other markets. "
    return sentence * 16  # 16 x 19 = 304 words


def weak_answer() -> str:
    return "I would just list it because users ask for it and competitors already have it. " * 5  # 75 words


def fill(text: str, keep: set[str] = frozenset()) -> str:
    """The scaffolded text with every placeholder replaced by valid text, except the fields in keep."""
    values = {
        "title": "Decide on a new perpetual contract",
        "origin": "practice",
        "model_answer": model_answer(),
        "answer": weak_answer(),
    }
    out = []
    field = None
    for line in text.splitlines():
        key = re.match(r"^\s*(?:- )?(?!TODO:)(\w+):", line)
        if key:
            field = key.group(1)
        if PLACEHOLDER in line and not line.lstrip().startswith("#") and field not in keep:
            indent = line[: len(line) - len(line.lstrip())]
            value = values.get(field, "A concrete move, in the order a strong candidate makes it.")
            line = re.sub(r'"?TODO:.*$', value.strip(), line) if line.lstrip().startswith(f"{field}:") else f"{indent}{value.strip()}"
        out.append(line)
    return "\n".join(out) + "\n"


# -- the scaffold, through make ----------------------------------------------------------


HOSTILE_PROMPT = (
    "What if users pay $5, $$5 or $(shell touch {marker}-make) and `touch {marker}-backtick` "
    "or $(touch {marker}-subshell), with \"double\" and 'single' quotes, a \\backslash, # and %?"
)


def test_make_passes_the_prompt_literally_and_runs_nothing(project, tmp_path):
    marker = tmp_path / "ran"
    prompt = HOSTILE_PROMPT.format(marker=marker)
    result = make(project, "ROUND=product", "TRACK=pm,senior-pm", "TYPE=metrics", f"PROMPT={prompt}")
    assert result.returncode == 0, result.stderr
    assert list(tmp_path.glob("ran*")) == []
    [path] = written(project)
    assert result.stdout.splitlines()[0] == f"wrote data/questions/{path.name}"
    doc, problems = read(path, path.name)
    assert problems == []
    assert doc.data["prompt"] == prompt
    assert (doc.data["tracks"], doc.data["round"], doc.data["type"], doc.data["difficulty"]) == (
        ["pm", "senior-pm"],
        "product",
        "metrics",
        "core",
    )


def test_a_prompt_from_a_file_or_standard_input_arrives_unchanged(project, tmp_path):
    marker = tmp_path / "ran"
    prompt = HOSTILE_PROMPT.format(marker=marker)
    prompt_file = tmp_path / "prompt.txt"
    prompt_file.write_text(prompt + "\n", encoding="utf-8")
    by_file = make(project, "ROUND=product", "TRACK=pm", "TYPE=metrics", f"PROMPT_FILE={prompt_file}")
    by_stdin = make(project, "ROUND=product", "TRACK=pm", "TYPE=metrics", "PROMPT_FILE=-", stdin=prompt)
    assert by_file.returncode == by_stdin.returncode == 0, by_file.stderr + by_stdin.stderr
    assert list(tmp_path.glob("ran*")) == []
    assert [read(p, p.name)[0].data["prompt"] for p in written(project)] == [prompt, prompt]


def test_a_scaffolded_file_is_refused_until_every_placeholder_is_replaced(project):
    result = make(project, "ROUND=product", "TRACK=pm", "TYPE=product-sense", "PROMPT=How would you list a new pair?")
    assert result.returncode == 0, result.stderr
    [path] = written(project)
    text = path.read_text(encoding="utf-8")
    assert text.splitlines()[0] == SCHEMA_LINE
    shown = f"data/questions/{path.name}"
    found = check(project)
    assert found.returncode == 1
    lines = found.stderr.splitlines()
    assert lines[-1] == f"{len(placeholders(text))} problems in data/"
    assert [(p.split(":")[0], int(p.split(":")[1])) for p in lines[:-1]] == [(shown, line) for line, _ in placeholders(text)]
    assert all(f"still holds the placeholder '{value[:57]}" in p for p, (_, value) in zip(lines, placeholders(text), strict=False))
    fields = [p.split(": ")[1] for p in lines[:-1]]
    assert fields == [
        "title", "origin", "strong_answer[0]", "strong_answer[1]", "red_flags[0]", "follow_ups[0]", "outline[0].step",
        "outline[0].points[0]", "model_answer", "weak_answer.answer", "weak_answer.why",
    ]  # fmt: skip

    path.write_text(fill(text), encoding="utf-8")
    completed = check(project)
    assert completed.returncode == 0, completed.stderr
    question = load_handbook(project / "data").questions[path.stem]
    assert question.prompt == "How would you list a new pair?"
    assert (question.title, question.origin, question.weak_answer.why) == (
        "Decide on a new perpetual contract",
        "practice",
        "A concrete move, in the order a strong candidate makes it.",
    )


def test_the_scaffold_holds_every_field_of_a_question():
    template = yaml.safe_load(TEMPLATE.read_text(encoding="utf-8"))
    assert set(template) == set(models.QuestionFile.model_fields)
    assert set(template["weak_answer"]) == set(models.WeakAnswer.model_fields)


def test_the_template_names_every_question_type():
    comment = re.search(r"^# One of: (.*?)\ntype:", TEMPLATE.read_text(encoding="utf-8"), re.M | re.S).group(1)
    named = [t.strip(" .\n#") for t in comment.replace("\n#", " ").split(",")]
    assert named == list(typing.get_args(QuestionType))


def test_the_same_prompt_twice_gets_a_fresh_id(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    args = ["--round", "behavioral", "--track", "pm", "--type", "behavioral", "--prompt", "Tell me about a launch you halted."]
    assert scaffold(data, *args).returncode == 0
    assert scaffold(data, *args).returncode == 0
    assert (data / "questions" / "launch-halted.yml").is_file()
    assert (data / "questions" / "launch-halted-2.yml").is_file()


@pytest.mark.parametrize(
    ("prompt", "expected"),
    [
        ("How would you design a wallet for 100M users?", "design-wallet-100m-users"),
        ("Comment géreriez-vous la conformité à Paris ?", "comment-gereriez-vous-la-conformite-paris"),
        ("Why?", "why"),
        ("你好", "question"),
        ("word " * 40, "word-word-word-word-word-word"),
    ],
)
def test_ids_are_made_from_the_telling_words(prompt, expected):
    assert new_question.question_id(prompt, taken=set()) == expected
    assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", expected)


def test_without_a_terminal_every_missing_or_wrong_value_is_named(project):
    result = make(project, "ROUND=prodct", "TYPE=essay")
    assert result.returncode != 0
    kinds = ", ".join(HANDBOOK.round_kinds)
    assert result.stderr.splitlines()[:5] == [
        "new-question: PROMPT is missing",
        f"unknown round 'prodct'; choose one of: {kinds}",
        f"TRACK is missing; choose from: {', '.join(HANDBOOK.tracks)}",
        f"unknown type 'essay'; choose one of: {', '.join(typing.get_args(QuestionType))}",
        "example: make new-question ROUND=product TRACK=pm TYPE=product-sense PROMPT='How would you ...?'",
    ]
    assert written(project) == []


def test_at_a_terminal_missing_values_are_asked_for(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.StringIO("Why this exchange?\nscreen\nceo\npm\nscreen\n"))
    args = new_question.parse_args(["--data", str(DATA)])
    values = new_question.gather(args, interactive=True)
    assert values == {"prompt": "Why this exchange?", "round": "screen", "track": ["pm"], "type": "screen", "difficulty": "core"}
    assert "unknown track 'ceo'" in capsys.readouterr().out


def test_the_template_copied_by_hand_is_refused_at_each_placeholder(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    text = TEMPLATE.read_text(encoding="utf-8")
    assert text.splitlines()[0] == SCHEMA_LINE
    qid = yaml.safe_load(text)["id"]
    (data / "questions" / f"{qid}.yml").write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as err:
        load_handbook(data, root=tmp_path)
    own = "replace it with your own text"
    expected = [
        ("title", "still holds the placeholder 'TODO: a short title, such as Launch a quarterly futures c...'; replace it with a line "
                  "of text (at most 70 characters and meaningful alone, e.g. 'Launch a quarterly futures contract')"),
        ("origin", "still holds the placeholder 'TODO: reported or practice'; replace it with one of: reported, practice (reported: a "
                   "source describes the prompt or its scenario; practice: written for the handbook on a theme a source names (cite "
                   "handbook too))"),
        ("prompt", f"still holds the placeholder 'TODO: the question, as an interviewer would put it.'; {own}"),
        ("strong_answer[0]", f"still holds the placeholder 'TODO: the first thing a strong answer does.'; {own}"),
        ("strong_answer[1]", f"still holds the placeholder 'TODO: the next thing; add as many items as the answer needs.'; {own}"),
        ("red_flags[0]", f"still holds the placeholder 'TODO: a weak move, and why it hurts.'; {own}"),
        ("follow_ups[0]", f"still holds the placeholder 'TODO: a likely follow-up question.'; {own}"),
        ("outline[0].step", "still holds the placeholder 'TODO: name of the first step'; replace it with a line of text (a step of the "
                            "framework, e.g. 'Constraints')"),
        ("outline[0].points[0]", f"still holds the placeholder 'TODO: what to say in this step.'; {own}"),
        ("model_answer", f"still holds the placeholder 'TODO: the answer a strong candidate would give, in the fi...'; {own} (what a "
                         "strong candidate would say out loud: first person, 250 to 500 words, ending in a decision)"),
        ("weak_answer.answer", f"still holds the placeholder 'TODO: a weak answer, as a candidate would say it.'; {own} (a plausible "
                               "answer that fails, as a candidate would say it: 60 to 200 words)"),
        ("weak_answer.why", f"still holds the placeholder 'TODO: why it fails, pointing to the red flags above.'; {own} (why it fails, "
                            "pointing to the question's red flags)"),
    ]  # fmt: skip
    shown = f"data/questions/{qid}.yml"
    assert [str(p) for p in err.value.problems] == [
        f"{shown}:{line}: {field}: {message}" for (line, _), (field, message) in zip(placeholders(text), expected, strict=True)
    ]


def test_no_committed_data_still_holds_a_placeholder():
    left = [
        f"{path.relative_to(ROOT)}: {value[:60]}"
        for path in sorted(DATA.rglob("*.yml"))
        for doc in [read(path, path.name)[0]]
        if doc is not None
        for value in strings_in(doc.data)
        if PLACEHOLDER in value
    ]
    assert left == []


# -- templates on GitHub -----------------------------------------------------------------


def test_the_pull_request_template_has_both_checklists():
    text = PR_TEMPLATE.read_text(encoding="utf-8")
    assert "## Contributor checklist" in text and "## Reviewer checklist" in text
    reviewer = text.split("## Reviewer checklist", 1)[1]
    assert len(re.findall(r"^- \[ \] ", reviewer, re.M)) >= 5
    assert "make check" in text and PLACEHOLDER in text


def test_the_issue_form_offers_exactly_the_handbooks_choices():
    form = yaml.safe_load(ISSUE_FORM.read_text(encoding="utf-8"))
    assert form["name"] and form["description"]
    fields = {f["id"]: f for f in form["body"] if "id" in f}
    assert fields["prompt"]["type"] == "textarea" and fields["prompt"]["validations"]["required"] is True
    assert fields["sources"]["validations"]["required"] is True
    assert fields["round"]["attributes"]["options"] == list(HANDBOOK.round_kinds)
    assert fields["tracks"]["attributes"]["options"] == list(HANDBOOK.tracks)
    assert fields["tracks"]["attributes"]["multiple"] is True
    assert fields["type"]["attributes"]["options"] == list(typing.get_args(QuestionType))


# -- the pull-request workflow ------------------------------------------------------------


@pytest.fixture(scope="module")
def workflow() -> dict:
    parsed = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    # YAML 1.1 reads the key `on` as true.
    parsed["on"] = parsed.pop(True, parsed.get("on"))
    return parsed


def steps_of(workflow: dict) -> list[dict]:
    return [step for job in workflow["jobs"].values() for step in job["steps"]]


def test_the_workflow_runs_on_pull_requests_only(workflow):
    triggers = workflow["on"]
    assert (list(triggers) if isinstance(triggers, dict) else [triggers]) == ["pull_request"]


def test_the_workflow_token_is_read_only(workflow):
    assert workflow["permissions"] == {"contents": "read"}
    assert all(job.get("permissions", {"contents": "read"}) == {"contents": "read"} for job in workflow["jobs"].values())
    checkout = next(s for s in steps_of(workflow) if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["persist-credentials"] is False


def test_every_action_is_pinned_to_a_full_commit(workflow):
    uses = [step["uses"] for step in steps_of(workflow) if "uses" in step]
    assert {u.split("@")[0] for u in uses} >= {"actions/checkout", "actions/upload-artifact"}
    assert all(re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", u) for u in uses), uses


def test_the_workflow_installs_chromium_then_tests_builds_and_uploads_the_site(workflow):
    steps = steps_of(workflow)
    runs = [s.get("run", "") for s in steps]
    install = next(i for i, r in enumerate(runs) if re.search(r"apt-get install\b.*\bchromium\b", r))
    test = next(i for i, r in enumerate(runs) if re.search(r"^make test\b", r, re.M))
    build = next(i for i, r in enumerate(runs) if re.search(r"^make build\b", r, re.M))
    upload = next(i for i, s in enumerate(steps) if s.get("uses", "").startswith("actions/upload-artifact@"))
    assert install < test < build < upload
    assert steps[upload]["with"]["path"].rstrip("/") == "site"
    job = next(iter(workflow["jobs"].values()))
    assert job["env"]["HANDBOOK_REQUIRE_BROWSER"] == "1"  # browser tests fail, not skip, in CI


# -- pre-commit and the contributing guide ----------------------------------------------------


def test_pre_commit_runs_the_data_check_on_data_changes_and_a_pinned_ruff():
    config = yaml.safe_load(PRE_COMMIT.read_text(encoding="utf-8"))
    hooks = {hook["id"]: (repo, hook) for repo in config["repos"] for hook in repo["hooks"]}
    repo, check = hooks["make-check"]
    assert repo["repo"] == "local" and check["entry"] == "make check" and check["pass_filenames"] is False
    assert re.search(check["files"], "data/questions/new.yml") and not re.search(check["files"], "docs/index.md")
    ruff_repo, _ = hooks["ruff"]
    pinned = re.search(r"^ruff==([\d.]+)", (ROOT / "requirements.txt").read_text(encoding="utf-8"), re.M).group(1)
    assert ruff_repo["rev"] == f"v{pinned}"


def test_every_make_command_in_the_guide_exists():
    targets = set(re.findall(r"^([a-z-]+):", (ROOT / "Makefile").read_text(encoding="utf-8"), re.M))
    named = set(re.findall(r"`make ([a-z-]+)", CONTRIBUTING.read_text(encoding="utf-8")))
    assert {"check", "new-question", "test"} <= named
    assert named <= targets, named - targets


def test_the_guides_walkthrough_is_what_a_contributor_gets(project):
    """Step 2's command, run through make, writes the file the guide names; filled in but for the
    title, with `difficulty` misspelt, it gets the check's answer that step 4 shows."""
    guide = CONTRIBUTING.read_text(encoding="utf-8")
    blocks = re.findall(r"```(\w*)\n(.*?)```", guide, re.S)
    command = next(body for lang, body in blocks if lang == "sh" and "make new-question" in body)
    shown_output = next(body for lang, body in blocks if lang == "text" and "problems in data/" in body)
    words = shlex.split(command.replace("\\\n", " "))
    assert words[:2] == ["make", "new-question"]
    result = make(project, *words[2:])
    assert result.returncode == 0, result.stderr
    named = re.search(r"This writes `(data/questions/[a-z0-9-]+\.yml)`", guide).group(1)
    path = project / named
    assert written(project) == [path]

    text = fill(path.read_text(encoding="utf-8"), keep={"title"}).replace("\ndifficulty:", "\ndificulty:")
    path.write_text(text, encoding="utf-8")
    found = check(project)
    assert found.returncode == 1
    assert found.stderr == shown_output


def test_the_guide_shows_the_schema_line_the_files_use():
    assert SCHEMA_LINE in CONTRIBUTING.read_text(encoding="utf-8")


def inline_markdown_table() -> list[tuple[str, str]]:
    section = CONTRIBUTING.read_text(encoding="utf-8").split("### Inline Markdown", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"^\| `` (.+?) `` \| `` (.+?) `` \|$", section, re.M)


def test_the_guide_lists_the_inline_markdown_text_fields_take():
    rows = dict(inline_markdown_table())
    assert {"*emphasis*", "**strong**", "`code`", "`a < b`", "<b>bold</b>", "__init__ and snake_case"} <= set(rows)
    assert any(typed.startswith("[") and "(mailto:" in typed for typed in rows)
    assert any(typed.startswith("[") and "(javascript:" in typed for typed in rows)


@pytest.mark.parametrize(("typed", "html"), inline_markdown_table(), ids=[typed for typed, _ in inline_markdown_table()])
def test_each_inline_markdown_example_gives_what_the_guide_says(typed, html):
    assert str(markdown(typed)) == html


def test_the_guides_limits_are_the_schemas():
    section = CONTRIBUTING.read_text(encoding="utf-8").split("### Limits", 1)[1].split("\n### ", 1)[0]
    rows = re.findall(r"^\| `(\w+)`(?: of an outline step)? \| (\d+) \|$", section, re.M)
    caps = {name: _max_items(models.QuestionFile, name) for name in models.QuestionFile.model_fields}
    caps["points"] = _max_items(models.OutlineStep, "points")
    assert {name: int(limit) for name, limit in rows} == {name: cap for name, cap in caps.items() if cap is not None}
    assert f"3 to {models.MAX_TEXT:,} characters" in section and f"{models.MAX_LINE} characters" in section


def _max_items(model, name: str) -> int | None:
    field = model.model_fields[name]
    if "list" not in str(field.annotation):
        return None
    return next((c.max_length for c in field.metadata if getattr(c, "max_length", None) is not None), None)


def test_the_guide_is_a_page_of_the_site(site):
    page = BeautifulSoup((site / "contributing" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert page.select_one("article h1").get_text(strip=True).rstrip("¶") == "Contributing"
    assert "make new-question" in page.select_one("article").get_text()
