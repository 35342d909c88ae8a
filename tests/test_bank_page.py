"""The question bank as built (no browser), and what the search index holds.

The bank must be complete without JavaScript: every question, grouped by round,
each entry carrying the facets bank.js filters on. The search index must hold
each question's prompt once (on its own page), each round as a section of the
bank, and none of the lists or facts that repeat on every page."""

from __future__ import annotations

import json
import re
from collections import Counter
from html import unescape
from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup, Tag

from macros import search
from macros.components import DIFFICULTY, QUESTION_TYPES
from macros.load import load_handbook
from macros.text import plain

from .conftest import DATA

HB = load_handbook(DATA)


@pytest.fixture(scope="module")
def bank(site) -> BeautifulSoup:
    return BeautifulSoup((site / "questions" / "index.html").read_text(encoding="utf-8"), "html.parser")


@pytest.fixture(scope="module")
def index(site) -> dict:
    return json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))


def words(value: str | None) -> list[str]:
    return (value or "").split()


def text_of(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


# -- the bank without JavaScript ----------------------------------------------------


def test_every_question_is_listed_once_under_its_round(bank):
    entries = bank.select("li.hb-q")
    listed = [li["id"].removeprefix("q-") for li in entries]
    assert sorted(listed) == sorted(HB.questions)
    for li in entries:
        q = HB.questions[li["id"].removeprefix("q-")]
        assert li.find_parent("section", class_="hb-round")["data-round"] == q.round


def test_rounds_appear_in_the_handbook_order_with_their_counts(bank):
    sections = bank.select("section.hb-round")
    used = [kind for kind in HB.round_kinds if any(q.round == kind for q in HB.questions.values())]
    assert [s["data-round"] for s in sections] == used
    for section in sections:
        kind = section["data-round"]
        heading = section.find("h2")
        assert HB.round_kinds[kind].name in heading.get_text()
        expected = sum(q.round == kind for q in HB.questions.values())
        assert heading.select_one(".hb-count").get_text() == f"({expected})"
        assert len(section.select("li.hb-q")) == expected


def test_each_entry_links_to_its_question_page_with_its_title(bank, site):
    for li in bank.select("li.hb-q"):
        q = HB.questions[li["id"].removeprefix("q-")]
        link = li.find("a")
        assert link.get_text() == q.title
        assert link["href"] == f"{q.id}/"
        assert (site / "questions" / q.id / "index.html").is_file()
        practice = " · practice" if q.origin == "practice" else ""
        assert li.select_one(".hb-meta").get_text() == f"{QUESTION_TYPES[q.type]} · {DIFFICULTY[q.difficulty]}{practice}"


def test_each_entry_carries_the_facets_the_filters_use(bank):
    for li in bank.select("li.hb-q"):
        q = HB.questions[li["id"].removeprefix("q-")]
        assert words(li.get("data-track")) == q.tracks
        assert li["data-round"] == q.round
        assert li["data-type"] == q.type
        assert li["data-difficulty"] == q.difficulty
        assert words(li.get("data-framework")) == q.frameworks
        assert words(li.get("data-tag")) == q.tags


def options(bank) -> dict[tuple[str, str], Tag]:
    """Each filter's options but its first ("All ..."), by facet and value."""
    return {(o.find_parent("select")["data-facet"], o["value"]): o for o in bank.select("#hb-bank-controls select option") if o["value"]}


def test_the_filters_name_every_facet_value_in_use(bank):
    labels = {key: o["data-label"] for key, o in options(bank).items()}
    for q in HB.questions.values():
        for track in q.tracks:
            assert labels[("track", track)] == HB.tracks[track].name
        for fid in q.frameworks:
            assert labels[("framework", fid)] == HB.frameworks[fid].name
        assert labels[("round", q.round)] == HB.round_kinds[q.round].name
        assert labels[("type", q.type)] == QUESTION_TYPES[q.type]
        assert labels[("difficulty", q.difficulty)] == DIFFICULTY[q.difficulty]


def test_each_option_states_how_many_questions_it_leaves(bank):
    """The filters open with these counts, before the script reads the entries."""
    listed = {key: int(o["data-count"]) for key, o in options(bank).items()}
    facets = {
        "track": lambda q: q.tracks, "round": lambda q: [q.round], "type": lambda q: [q.type],
        "framework": lambda q: q.frameworks, "difficulty": lambda q: [q.difficulty],
        "origin": lambda q: [q.origin] if q.origin else [], "tag": lambda q: q.tags,
    }  # fmt: skip
    having = Counter((facet, v) for q in HB.questions.values() for facet, values_of in facets.items() for v in values_of(q))
    assert listed == dict(having)
    for key, o in options(bank).items():
        assert o.get_text() == f"{o['data-label']} ({o['data-count']})", key
    for select in bank.select("#hb-bank-controls select"):
        first = select.select_one("option")
        assert (first["value"], first.get_text()) == ("", f"{first['data-label']} ({len(HB.questions)})")
    tags = [value for facet, value in options(bank) if facet == "tag"]
    assert tags == sorted(tags)


def test_the_filters_are_drawn_with_the_total(bank):
    assert bank.select_one(".hb-bank")["data-total"] == str(len(HB.questions))
    count = bank.select_one("#hb-bank-controls .hb-bank-count")
    assert count.get_text() == f"{len(HB.questions)} of {len(HB.questions)} questions"


# -- what the search index holds -------------------------------------------------------


def entries_at(index: dict, location: str) -> list[dict]:
    return [doc for doc in index["docs"] if doc["location"].split("#")[0] == location]


def test_the_bank_indexes_its_rounds_but_not_its_lists(index):
    bank = entries_at(index, "questions/")
    text = " ".join(text_of(doc["text"]) for doc in bank)
    for q in HB.questions.values():
        assert q.title not in text
    sections = {doc["location"]: doc["title"] for doc in bank}
    for kind in {q.round for q in HB.questions.values()}:
        assert sections[f"questions/#round-{kind}-heading"] == HB.round_kinds[kind].name


def search_terms(text: str, separator: re.Pattern) -> set[str]:
    """The terms Material's search makes of a text: split on the separator, trimmed of punctuation, lower-cased."""
    words = (re.sub(r"^\W+|\W+$", "", t).lower() for t in separator.split(unescape(re.sub(r"<[^>]+>", " ", text))))
    return {w for w in words if w}


def test_a_question_page_indexes_its_prompt_round_and_tags_only(index):
    separator = re.compile(index["config"]["separator"])
    prompt_terms = {qid: search_terms(plain(q.prompt), separator) for qid, q in HB.questions.items()}
    held_by = Counter(stem for terms in prompt_terms.values() for stem in {search.stem_of(t) for t in terms})
    common_at = max(search.COMMON_FLOOR, search.COMMON_SHARE * len(HB.questions))
    for q in HB.questions.values():
        [entry] = entries_at(index, f"questions/{q.id}/")
        assert unescape(entry["title"]) == q.title
        text = BeautifulSoup(entry["text"], "html.parser")
        words = text.select_one(f"p.{search.KEYWORDS_CLASS}")
        # Title and kept words give the search every term of the prompt but those whose stem is in
        # more than the common share of the prompts, and nothing the search would drop is kept.
        missing = prompt_terms[q.id] - search_terms(f"{entry['title']} {words}", separator)
        assert all(held_by[search.stem_of(term)] > common_at for term in missing), missing
        assert search_terms(str(words), separator) <= prompt_terms[q.id]
        assert all(not separator.fullmatch(re.sub(r"^\W+|\W+$", "", w)) for w in words.get_text().split())
        words.decompose()
        assert text_of(str(text)) == HB.round_kinds[q.round].name
        assert entry["tags"] == q.tags
        assert entry["boost"] > 1


def test_a_large_bank_keeps_a_prompt_word_only_where_it_tells_questions_apart(index):
    """Over the common-word share of the bank's prompts, a word is dropped from every prompt's
    kept words; a word below it stays wherever it occurs, and titles and tags are untouched."""
    size = 400
    common_at = int(max(search.COMMON_FLOOR, search.COMMON_SHARE * size))
    base = next(iter(HB.questions.values()))
    questions = {
        f"q{n}": base.model_copy(
            update={
                "id": f"q{n}",
                "title": f"Question {n}",
                "tags": ["custody"],
                "round": "product",
                "prompt": (
                    f"Users *withdraw* during a crash, zeta{n} {'sharedword ' if n < common_at else ''}"
                    f"{('hedges ' if n % 2 else 'hedging ') if n <= common_at else ''}{'everywhere' if n else ''}."
                ),
            }
        )  # fmt: skip
        for n in range(size)
    }
    bank = SimpleNamespace(questions=questions, round_kinds=HB.round_kinds)
    entries = search.question_entries(bank, re.compile(index["config"]["separator"]))
    assert [entry["location"] for entry in entries] == [f"questions/q{n}/" for n in range(size)]
    for n, entry in enumerate(entries):
        kept = BeautifulSoup(entry["text"], "html.parser").select_one(f"p.{search.KEYWORDS_CLASS}").get_text().split()
        assert f"zeta{n}" in kept
        # In exactly the common-word share of the prompts: kept. In all of them: dropped. Two words
        # of one stem, each in half of one more prompt than the share: dropped, as the search
        # holds one term for both.
        assert ("sharedword" in kept) == (n < common_at)
        assert not {"everywhere", "users", "withdraw", "crash", "hedges", "hedging"} & set(kept)
        assert entry["title"] == f"Question {n}" and entry["tags"] == ["custody"]
        assert text_of(entry["text"]).endswith(HB.round_kinds["product"].name)


def test_question_entries_follow_the_bank_in_the_index(index):
    locations = [doc["location"] for doc in index["docs"]]
    first = locations.index(f"questions/{next(iter(HB.questions))}/")
    assert locations[first - 1].startswith("questions/#")
    assert locations[first : first + len(HB.questions)] == [f"questions/{qid}/" for qid in HB.questions]


def test_a_question_page_still_shows_the_whole_prompt(site):
    for q in HB.questions.values():
        page = BeautifulSoup((site / "questions" / q.id / "index.html").read_text(encoding="utf-8"), "html.parser")
        assert " ".join(page.select_one(".hb-prompt").get_text().split()) == " ".join(plain(q.prompt).split())


def test_framework_pages_are_boosted_and_titled_by_name(index):
    for fw in HB.frameworks.values():
        entries = entries_at(index, f"frameworks/{fw.id}/")
        # A short name the full name does not contain joins the title, so typing it finds the page;
        # a short name whose letters the search drops ("3-C") is spelled out by its steps.
        short = fw.short_name if fw.short_name and fw.short_name.lower() not in fw.name.lower() else ""
        if fw.id == "three-c-lens":
            short = "Constraints, Components, Coordination"
        assert entries[0]["title"] == (f"{fw.name} ({short})" if short else fw.name)
        assert all(doc["boost"] > 1 for doc in entries)


def test_the_separator_drops_stop_words_and_single_characters_only(index):
    separator = re.compile(index["config"]["separator"])

    def tokens(text: str) -> list[str]:
        return [t for t in separator.split(text) if t]

    assert tokens("The day after you launch a futures auto-hedge feature") == ["day", "launch", "futures", "auto", "hedge", "feature"]
    assert tokens("a C Lens") == ["Lens"]
    assert tokens("Theory, tokens and Android islands") == ["Theory,", "tokens", "Android", "islands"]
    assert tokens("AI/ML 150ms 12% HEART-Risk") == ["AI/ML", "150ms", "12%", "HEART", "Risk"]
