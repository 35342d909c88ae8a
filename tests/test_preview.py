"""The preview `make serve` runs (macros/preview.py): after an edit to question files it renders
again only the pages whose Markdown changed, and the site it leaves is the site a full build of
the same data writes, file for file. Any other change gets MkDocs' own full build."""

from __future__ import annotations

import dataclasses
import os
import time
from pathlib import Path

import pytest
import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.livereload import LiveReloadServer

from macros import READS_QUESTIONS, page_macros, preview

from .conftest import BUILD_EPOCH, ROOT, build_site, copy_data


@pytest.fixture
def previewed(tmp_path, monkeypatch) -> tuple[Path, Path]:
    """A data copy and the site a first, full preview build made of it."""
    data = copy_data(tmp_path)
    for name, value in {"HANDBOOK_DATA": str(data), "SOURCE_DATE_EPOCH": BUILD_EPOCH, "NO_MKDOCS_2_WARNING": "1"}.items():
        monkeypatch.setenv(name, value)
    config = load_config(config_file=str(ROOT / "mkdocs.yml"), site_dir=str(tmp_path / "preview"), strict=True)
    config.plugins.on_startup(command="serve", dirty=False)
    build(config)
    return data, tmp_path / "preview"


def edit(path: Path, **fields) -> None:
    record = yaml.safe_load(path.read_text(encoding="utf-8"))
    record.update(fields)
    path.write_text(yaml.safe_dump(record, sort_keys=False, allow_unicode=True, width=100), encoding="utf-8")


def stamps(site: Path) -> dict[str, int]:
    return {str(p.relative_to(site)): p.stat().st_mtime_ns for p in site.rglob("*") if p.is_file()}


def rebuild_without_full_build() -> list[str]:
    full = []
    preview.rebuilder(lambda: full.append("full build"))()
    return full


def test_an_edited_question_rebuilds_what_it_touched_and_the_site_equals_a_full_build(previewed, tmp_path):
    data, site = previewed
    questions = sorted((data / "questions").glob("*.yml"))
    first, second, third, fourth = questions[:4]
    # One edit of each kind: a title alone (front matter only), a prompt alone (naming a glossary
    # term it did not use), a facet, and the track, framework and tags a question is listed under.
    edit(first, title="Preview title after an edit")
    edit(second, prompt=yaml.safe_load(second.read_text(encoding="utf-8"))["prompt"].rstrip() + " What does the mark price do here?")
    edit(third, difficulty="foundation" if yaml.safe_load(third.read_text(encoding="utf-8"))["difficulty"] != "foundation" else "stretch")
    record = yaml.safe_load(fourth.read_text(encoding="utf-8"))
    others = sorted({t for q in questions[4:] for t in yaml.safe_load(q.read_text(encoding="utf-8"))["tags"]} - set(record["tags"]))
    tracks = [t for t in record["tracks"] if t != "ai-ml-pm"] if "ai-ml-pm" in record["tracks"] else [*record["tracks"], "ai-ml-pm"]
    edit(fourth, tracks=tracks, frameworks=["constraint-first", "dma"], tags=[*record["tags"][1:], others[0]])
    before = stamps(site)

    assert rebuild_without_full_build() == []

    after = stamps(site)
    rewritten = {path for path, stamp in after.items() if before.get(path) != stamp}
    assert f"questions/{first.stem}/index.html" in rewritten
    assert "questions/index.html" in rewritten and "search/search_index.json" in rewritten
    assert f"questions/{second.stem}/index.html" in rewritten and f"questions/{third.stem}/index.html" in rewritten
    assert "glossary/index.html" in rewritten and "tracks/ai-ml-pm/index.html" in rewritten
    assert "pay/index.html" not in rewritten and f"questions/{questions[4].stem}/index.html" not in rewritten
    assert "Preview title after an edit" in (site / "questions" / first.stem / "index.html").read_text(encoding="utf-8")

    full = tmp_path / "full"
    result = build_site(full, data)
    assert result.returncode == 0, result.stderr
    assert sorted(stamps(site)) == sorted(stamps(full))
    differ = [path for path in stamps(full) if (site / path).read_bytes() != (full / path).read_bytes()]
    assert differ == []


def test_page_macros_outside_reads_questions_show_no_question(handbook):
    """The preview renders again only pages whose macros are in READS_QUESTIONS: every other page
    macro must come out the same whatever the questions say, and each in it must not."""
    kinds, tracks, frameworks = list(handbook.round_kinds), list(handbook.tracks), list(handbook.frameworks)

    def altered(i: int, q):
        return q.model_copy(update={
            "title": f"Altered title {i}", "prompt": f"Altered prompt {i}: the mark price and the order book.",
            "round": kinds[(kinds.index(q.round) + 1) % len(kinds)], "tracks": [tracks[i % len(tracks)]],
            "difficulty": "foundation" if q.difficulty != "foundation" else "stretch", "tags": [f"altered-{i % 3}"],
            "frameworks": [frameworks[i % len(frameworks)]], "sources": list(q.sources)[:1],
        })  # fmt: skip

    questions = reversed(list(handbook.questions.values()))
    others = dataclasses.replace(handbook, questions={q.id: altered(i, q) for i, q in enumerate(questions)})
    for name, render in page_macros().items():
        same = render(handbook, "index.md") == render(others, "index.md")
        assert same == (name not in READS_QUESTIONS), name


def test_a_save_by_rename_with_an_editors_swap_file_open_renders_only_what_it_touched(previewed):
    # Many editors save by writing a new file and renaming it over the old one, which changes the
    # folder's own time; vim keeps a swap file beside the file it edits, emacs a lock.
    data, site = previewed
    question = sorted((data / "questions").glob("*.yml"))[0]
    (data / "questions" / f".{question.name}.swp").write_bytes(b"b0VIM 9.0")
    (data / "questions" / f".#{question.name}").symlink_to("someone@host.1234")
    swap_beside_a_page = ROOT / "docs" / ".pay.md.swp"
    swap_beside_a_page.write_bytes(b"b0VIM 9.0")
    record = yaml.safe_load(question.read_text(encoding="utf-8"))
    saved = question.with_name(".saving")
    saved.write_text(yaml.safe_dump({**record, "title": "Saved by rename"}, sort_keys=False, allow_unicode=True), encoding="utf-8")
    os.replace(saved, question)
    before = stamps(site)

    try:
        assert rebuild_without_full_build() == []
    finally:
        swap_beside_a_page.unlink()
    assert "Saved by rename" in (site / "questions" / question.stem / "index.html").read_text(encoding="utf-8")
    assert stamps(site)["pay/index.html"] == before["pay/index.html"]


@pytest.mark.parametrize(
    "change",
    ["new question file", "new tag", "data the check refuses", "another data file", "a page under docs"],
)
def test_any_other_change_gets_a_full_build(previewed, change):
    data, _ = previewed
    question = sorted((data / "questions").glob("*.yml"))[0]
    record = yaml.safe_load(question.read_text(encoding="utf-8"))
    if change == "new question file":
        (data / "questions" / "a-question-added-while-serving.yml").write_text(
            yaml.safe_dump({**record, "id": "a-question-added-while-serving"}, sort_keys=False), encoding="utf-8"
        )
    elif change == "new tag":
        edit(question, tags=[*record["tags"], "a-tag-no-question-had"])
    elif change == "data the check refuses":
        edit(question, difficulty="impossible")
    elif change == "another data file":
        sources = data / "sources.yml"
        sources.write_text(sources.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    else:
        page = ROOT / "docs" / "pay.md"
        stat = page.stat()
        os.utime(page, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
        try:
            assert rebuild_without_full_build() == ["full build"]
        finally:
            os.utime(page, ns=(stat.st_atime_ns, stat.st_mtime_ns))
        return
    assert rebuild_without_full_build() == ["full build"]


def test_the_server_looks_for_changes_every_tenth_of_a_second_on_every_path(tmp_path):
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    docs, data = tmp_path / "docs", tmp_path / "data"
    docs.mkdir()
    data.mkdir()
    server.watch(str(docs))  # as `mkdocs serve` watches before the hooks run
    preview.watch_closely(server)
    server.watch(str(data))  # as it watches mkdocs.yml's `watch:` list after them
    watched = {emitter.watch.path: emitter.timeout for emitter in server.observer.emitters}
    assert watched == {str(docs): preview.POLL_SECONDS, str(data): preview.POLL_SECONDS}
    server.observer.start()
    try:
        (data / "question.yml").write_text("title: edited\n", encoding="utf-8")
        for _ in range(100):
            if server._want_rebuild:
                break
            time.sleep(0.05)
        assert server._want_rebuild, "an edit under a watched path was not noticed"
    finally:
        server.observer.stop()
        server.observer.join()
