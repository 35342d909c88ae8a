"""The question bank shows what a strong answer sounds like: every question has a title,
an origin, a model answer and a weak one, held to the handbook's own rules; the bank is
balanced across the loop; the glossary, rating guide and questions to ask are built."""

from __future__ import annotations

import html
import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from macros import balance
from macros.components import ORIGINS
from macros.load import DataError, load_handbook
from macros.problems import Problem

from .conftest import copy_data


@pytest.fixture(scope="module")
def hb(handbook):
    return handbook


def soup(site: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((site / page / "index.html").read_text(encoding="utf-8"), "html.parser")


# -- the bank's balance ----------------------------------------------------------------------


def test_the_bank_meets_every_minimum(hb):
    assert balance.shortfalls(list(hb.questions.values()), list(hb.round_kinds)) == []


def test_a_thin_round_fails_the_check_with_its_count(tmp_path, hb):
    data = copy_data(tmp_path)
    negotiation = sorted(q.id for q in hb.questions.values() if q.round == "negotiation")
    for qid in negotiation[balance.ROUND_MINIMUMS["negotiation"] - 1 :]:
        (data / "questions" / f"{qid}.yml").unlink()
    with pytest.raises(DataError) as failed:
        load_handbook(data)
    have = balance.ROUND_MINIMUMS["negotiation"] - 1
    assert (
        Problem(f"{data.name}/questions", 1, "(bank)", f"the bank has {have} questions in the 'negotiation' round; it needs at least 10")
        in failed.value.problems
    )


# -- the handbook's own rules run over every model answer --------------------------------------


def _question_with(data: Path, qid: str, **changes: str) -> Path:
    import yaml

    path = data / "questions" / f"{qid}.yml"
    record = yaml.safe_load(path.read_text(encoding="utf-8"))
    record.update(changes)
    path.write_text(yaml.safe_dump(record, allow_unicode=True, sort_keys=False, width=100), encoding="utf-8")
    return path


def _problems(data: Path) -> list[Problem]:
    try:
        load_handbook(data)
    except DataError as err:
        return err.problems
    return []


def test_a_red_flag_phrase_in_a_model_answer_fails_the_check(tmp_path, hb):
    data = copy_data(tmp_path)
    q = next(q for q in hb.questions.values() if q.round == "product")
    _question_with(data, q.id, model_answer=q.model_answer.replace(". ", ". I led a team on it. ", 1))
    found = [p for p in _problems(data) if p.field == "model_answer"]
    assert len(found) == 1 and "red-flag phrase 'I led a team'" in found[0].message, found


@pytest.mark.parametrize("citation", ["The guide says speed matters.", "The day-in-the-life article gives 4 hours."])
def test_a_model_answer_that_cites_a_source_article_fails_the_check(tmp_path, hb, citation):
    # The candidate speaks for themselves; attributions belong in the strong answer.
    data = copy_data(tmp_path)
    q = next(q for q in hb.questions.values() if q.round == "product")
    _question_with(data, q.id, model_answer=q.model_answer.replace(". ", f". {citation} ", 1))
    found = [p.message for p in _problems(data) if p.field == "model_answer"]
    assert len(found) == 1 and "(cites-a-prep-article)" in found[0], found


def test_a_behavioral_answer_that_opens_without_a_number_fails_the_story_rules(tmp_path, hb):
    data = copy_data(tmp_path)
    q = next(q for q in hb.questions.values() if q.round == "behavioral")
    _question_with(data, q.id, model_answer="Let me tell you about a time I owned a hard call. " + q.model_answer)
    found = [p.message for p in _problems(data) if p.field == "model_answer"]
    assert found == ["breaks the story rule 'The first sentence has no number' (in the first paragraph)"]


def test_a_model_answer_that_repeats_its_own_red_flag_fails(tmp_path, hb):
    data = copy_data(tmp_path)
    from macros.answers import QUOTED

    q, quoted = next((q, found[0]) for q in hb.questions.values() for f in q.red_flags if (found := QUOTED.findall(f)))
    _question_with(data, q.id, model_answer=q.model_answer + f" And {quoted}.")
    assert any("repeats its own red flag" in p.message for p in _problems(data) if p.field == "model_answer")


def test_every_question_has_a_title_origin_and_both_answers(hb):
    for q in hb.questions.values():
        assert 8 <= len(q.title) <= 70
        assert q.origin in ORIGINS
        assert 250 <= len(q.model_answer.split()) <= 500
        assert 60 <= len(q.weak_answer.answer.split()) <= 200
        assert q.origin == "reported" or "handbook" in q.sources


# -- what the reader sees -------------------------------------------------------------------------


def test_a_question_page_hides_both_answers_behind_try_it_first(site, hb):
    q = next(q for q in hb.questions.values() if q.round == "behavioral")
    page = soup(site, f"questions/{q.id}")
    details = page.select_one("details#model-answer")
    assert details is not None and details.get("open") is None
    assert "Try it first" in details.summary.get_text()
    assert "not one to borrow" in details.select_one(".hb-model .hb-own").get_text()
    assert q.model_answer.split()[5] in details.select_one(".hb-model").get_text()
    assert details.select_one(".hb-weak blockquote") is not None
    assert page.select_one("h1").get_text(strip=True).startswith(q.title)
    assert page.select_one(".hb-origin").get_text() == ORIGINS[q.origin]


def test_a_model_answer_shows_each_of_its_paragraphs_as_one(site, hb):
    q = max(hb.questions.values(), key=lambda q: q.model_answer.count("\n"))
    written = [" ".join(line.split()) for line in q.model_answer.split("\n") if line.strip()]
    shown = soup(site, f"questions/{q.id}").select(".hb-model > p:not(.hb-own)")
    assert len(written) > 2
    assert [p.get_text(" ", strip=True)[:40] for p in shown] == [text[:40] for text in written]


def test_answers_stay_out_of_the_search_index(site, hb):
    index = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    text = " ".join(doc["text"] for doc in index["docs"])
    for q in list(hb.questions.values())[:40]:
        assert " ".join(q.model_answer.split()[10:22]) not in text
        assert " ".join(q.weak_answer.answer.split()[5:15]) not in text
    titles = {html.unescape(doc["title"]) for doc in index["docs"]}
    assert [q.title for q in hb.questions.values() if q.title not in titles] == []


def test_each_question_page_links_the_glossary_terms_it_uses(site, hb):
    q = next(q for q in hb.questions.values() if hb.terms_in(q))
    links = [a["href"] for a in soup(site, f"questions/{q.id}").select(".hb-terms a")]
    assert links == [f"../../glossary/#term-{t.id}" for t in hb.terms_in(q)]
    glossary = soup(site, "glossary")
    assert all(glossary.select_one(f"#term-{t.id}") is not None for t in hb.terms.values())


def test_the_glossary_has_sixty_terms_with_aliases_and_why_they_matter(hb):
    assert len(hb.terms) >= 60
    assert {"mark-price", "funding-rate", "proof-of-reserves", "travel-rule"} <= set(hb.terms)
    assert all(t.why_it_matters and t.definition for t in hb.terms.values())


def test_the_rating_guide_covers_every_round_kind_with_one_three_and_five(site, hb):
    assert set(hb.ratings) == set(hb.round_kinds)
    page = soup(site, "rating-guide")
    for kind in hb.round_kinds:
        levels = [dt.get_text() for dt in page.select(f"#rating-{kind} .hb-levels dt")]
        assert levels == ["1 of 5", "3 of 5", "5 of 5"]


def test_questions_to_ask_are_grouped_by_interviewer(site, hb):
    assert set(hb.interviewers) == {"recruiter", "hiring-pm", "engineer", "compliance-risk", "senior-leader"}
    assert sum(len(i.questions) for i in hb.interviewers.values()) >= 20
    page = soup(site, "ask")
    assert len(page.select(".hb-asker li")) == sum(len(i.questions) for i in hb.interviewers.values())


def test_the_bank_filters_by_origin(site, hb):
    page = soup(site, "questions")
    origins = {li["data-origin"] for li in page.select("li.hb-q")}
    assert origins == {"reported", "practice"}
    assert {o["value"] for o in page.select('#hb-bank-controls select[name="origin"] option')} == {"", "reported", "practice"}


def test_a_practice_question_without_handbook_among_its_sources_is_refused_at_sources(tmp_path, hb):
    data = copy_data(tmp_path)
    q = next(q for q in hb.questions.values() if q.origin == "practice")
    path = _question_with(data, q.id, sources=[s for s in q.sources if s != "handbook"])
    line = next(i for i, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text.startswith("sources:"))
    assert Problem(
        f"{data.name}/questions/{q.id}.yml", line, "sources",
        "origin is practice, so sources must include handbook: the question is the handbook's own",
    ) in _problems(data)  # fmt: skip
