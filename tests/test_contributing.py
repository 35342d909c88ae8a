"""The contributor's path: the scaffold and the template pass the check, the
pull-request and issue templates exist and match the data, and the workflow that
runs on pull requests is locked down."""

from __future__ import annotations

import importlib.util
import io
import os
import re
import shlex
import subprocess
import sys
import typing
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from macros.load import load_handbook
from macros.models import QuestionType
from macros.yamlsafe import read

from .conftest import DATA, ROOT, copy_data

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


def _load_script():
    spec = importlib.util.spec_from_file_location("new_question", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


new_question = _load_script()


def scaffold(data: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(SCRIPT), *args, "--data", str(data)],
        capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=60, env={**os.environ, **(env or {})},
    )  # fmt: skip


def via_make(data: Path, **values: str) -> subprocess.CompletedProcess:
    """Run the script as `make new-question NAME=value ...` does: with the recipe's arguments from the
    Makefile, make's `$(NAME)` filled in as make does it (by plain text), and the variables in the
    environment, where make puts command-line variables too."""
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    recipe = re.search(r"^new-question:.*\n\t(.+)$", makefile, re.M).group(1)
    for name, value in values.items():
        recipe = recipe.replace(f"$({name})", value)
    words = shlex.split(recipe)
    return scaffold(data, *words[words.index("scripts/new_question.py") + 1 :], env=values)


def strings_in(value) -> list[str]:
    if isinstance(value, dict):
        return [s for v in value.values() for s in strings_in(v)]
    if isinstance(value, list):
        return [s for v in value for s in strings_in(v)]
    return [value] if isinstance(value, str) else []


# -- the scaffold ---------------------------------------------------------------------


def test_make_new_question_writes_a_file_that_passes_the_check(tmp_path):
    data = copy_data(tmp_path)
    prompt = "How would you list a new pair: fast, #safe & {{ 7*7 }} <b>?"
    result = via_make(data, ROUND="product", TRACK="pm,senior-pm", TYPE="product-sense", PROMPT=prompt)
    assert result.returncode == 0, result.stderr
    [name] = {p.name for p in (data / "questions").glob("*.yml")} - {p.name for p in (DATA / "questions").glob("*.yml")}
    assert name == "list-new-pair-fast-safe-7.yml"
    written = data / "questions" / name
    assert f"wrote {written}" in result.stdout
    text = written.read_text(encoding="utf-8")
    assert text.splitlines()[0] == SCHEMA_LINE

    question = load_handbook(data).questions[written.stem]
    assert question.prompt == prompt
    assert (question.tracks, question.round, question.type) == (["pm", "senior-pm"], "product", "product-sense")
    assert (question.difficulty, question.sources) == ("core", ["handbook"])
    [step] = question.outline
    placeholders = [*question.strong_answer, *question.red_flags, *question.follow_ups, step.step, *step.points]
    assert all(p.startswith(PLACEHOLDER) for p in placeholders), placeholders


def test_quotes_backticks_and_dollars_in_the_prompt_survive(tmp_path):
    data = copy_data(tmp_path)
    prompt = 'Why did `withdraw` fail for "VIP" users at $5,000 and 12:30?'
    for args, env in [
        (["--round", "product", "--track", "pm", "--type", "metrics", "--prompt", prompt], {}),
        ([], {"ROUND": "product", "TRACK": "pm", "TYPE": "metrics", "PROMPT": prompt}),
    ]:
        result = scaffold(data, *args, env=env)
        assert result.returncode == 0, result.stderr
    questions = load_handbook(data).questions
    assert questions["withdraw-fail-vip-users-5-000"].prompt == prompt
    assert questions["withdraw-fail-vip-users-5-000-2"].prompt == prompt


def test_the_same_prompt_twice_gets_a_fresh_id(tmp_path):
    data = copy_data(tmp_path)
    args = ["--round", "behavioral", "--track", "pm", "--type", "behavioral", "--prompt", "Tell me about a launch you halted."]
    assert scaffold(data, *args).returncode == 0
    assert scaffold(data, *args).returncode == 0
    assert (data / "questions" / "launch-halted.yml").is_file()
    assert (data / "questions" / "launch-halted-2.yml").is_file()
    load_handbook(data)


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


def test_without_a_terminal_every_missing_or_wrong_value_is_named(tmp_path):
    data = copy_data(tmp_path)
    result = via_make(data, ROUND="prodct", TRACK="", TYPE="essay", PROMPT="")
    assert result.returncode == 2
    kinds = ", ".join(HANDBOOK.round_kinds)
    assert result.stderr.splitlines()[:4] == [
        "new-question: PROMPT is missing",
        f"unknown round 'prodct'; choose one of: {kinds}",
        f"TRACK is missing; choose from: {', '.join(HANDBOOK.tracks)}",
        f"unknown type 'essay'; choose one of: {', '.join(typing.get_args(QuestionType))}",
    ]
    assert {p.name for p in (data / "questions").iterdir()} == {p.name for p in (DATA / "questions").iterdir()}


def test_at_a_terminal_missing_values_are_asked_for(tmp_path, monkeypatch, capsys):
    data = copy_data(tmp_path)
    monkeypatch.setattr(sys, "stdin", io.StringIO("Why this exchange?\nscreen\nceo\npm\nscreen\n"))
    args = new_question.parse_args(["--data", str(data)])
    values = new_question.gather(args, interactive=True)
    assert values == {"prompt": "Why this exchange?", "round": "screen", "track": ["pm"], "type": "screen", "difficulty": "core"}
    assert "unknown track 'ceo'" in capsys.readouterr().out


def test_the_template_passes_the_check_once_copied(tmp_path):
    data = copy_data(tmp_path)
    text = TEMPLATE.read_text(encoding="utf-8")
    assert text.splitlines()[0] == SCHEMA_LINE
    qid = yaml.safe_load(text)["id"]
    (data / "questions" / f"{qid}.yml").write_text(text, encoding="utf-8")
    assert qid in load_handbook(data).questions


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


def test_the_guides_walkthrough_is_what_a_contributor_gets(tmp_path):
    """Step 2's command writes the file the guide names, and step 4's misspelling gives the output it shows."""
    guide = CONTRIBUTING.read_text(encoding="utf-8")
    blocks = re.findall(r"```(\w*)\n(.*?)```", guide, re.S)
    command = next(body for lang, body in blocks if lang == "sh" and "make new-question" in body)
    shown_output = next(body for lang, body in blocks if lang == "text" and "problem(s)" in body)
    values = dict(word.split("=", 1) for word in shlex.split(command.replace("\\\n", " ")) if "=" in word)
    data = copy_data(tmp_path)
    result = via_make(data, **values)
    assert result.returncode == 0, result.stderr
    named = re.search(r"This writes `(data/questions/[a-z0-9-]+\.yml)`", guide).group(1)
    written = tmp_path / named
    assert written.is_file()

    written.write_text(written.read_text(encoding="utf-8").replace("\ndifficulty:", "\ndificulty:"), encoding="utf-8")
    check = subprocess.run(
        [sys.executable, "-m", "macros.check", "data"], cwd=tmp_path, env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert check.returncode == 1
    assert check.stderr == shown_output


def test_the_guide_shows_the_schema_line_the_files_use():
    assert SCHEMA_LINE in CONTRIBUTING.read_text(encoding="utf-8")


def test_the_guide_is_a_page_of_the_site(site):
    page = BeautifulSoup((site / "contributing" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert page.select_one("article h1").get_text(strip=True).rstrip("¶") == "Contributing"
    assert "make new-question" in page.select_one("article").get_text()
