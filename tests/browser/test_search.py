"""Material's search box, as a reader uses it: a distinctive phrase from a
question's prompt finds that question first, a framework's name finds its page
first, and rounds, checklist items and anti-patterns are found."""

from __future__ import annotations

import json
import re
from collections import Counter
from html import unescape
from urllib.parse import urlsplit

import pytest

from macros.load import load_handbook
from macros.search import stem_of
from macros.text import plain
from tests.conftest import DATA

pytestmark = pytest.mark.browser

HB = load_handbook(DATA)
WORD = re.compile(r"[A-Za-z0-9][\w'%$]*")
# lunr's English stop words: the index drops them, so a phrase is distinctive by its other words.
STOP_WORDS = set(
    "a able about across after all almost also am among an and any are as at be because been but by can cannot could dear "
    "did do does either else ever every for from get got had has have he her hers him his how however i if in into is it "
    "its just least let like likely may me might most must my neither no nor not of off often on only or other our own "
    "rather said say says she should since so some than that the their them then there these they this tis to too twas us "
    "wants was we were what when where which while who whom why will with would yet you your".split()
)


@pytest.fixture(scope="module")
def rarity(site) -> Counter:
    """In how many indexed sections each word occurs."""
    docs = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    counts: Counter = Counter()
    for doc in docs:
        text = unescape(re.sub(r"<[^>]+>", " ", f"{doc['title']} {doc['text']}"))
        counts.update({w.lower() for w in WORD.findall(text)})
    return counts


def distinctive_phrase(text: str, rarity: Counter, length: int = 4) -> str:
    """The run of `length` words of `text` whose words are found in the fewest other places."""
    words = WORD.findall(plain(text))
    best = (-1.0, "")
    for i in range(len(words) - length + 1):
        run = words[i : i + length]
        content = [w.lower() for w in run if w.lower() not in STOP_WORDS and len(w) > 1]
        if len(content) >= 2:
            best = max(best, (sum(1 / max(rarity[w], 1) for w in content), " ".join(run)))
    return best[1]


def sample_questions(per_round: int = 1) -> list:
    """The first question of each round that has questions: a spread across the bank."""
    picked: dict[str, list] = {}
    for q in HB.questions.values():
        picked.setdefault(q.round, [])
        if len(picked[q.round]) < per_round:
            picked[q.round].append(q)
    return [q for qs in picked.values() for q in qs]


def search(page, base: str, query: str) -> list[str]:
    """Type `query` into Material's search box; the result groups' page paths (with anchors), best first."""
    page.goto(base)
    page.keyboard.press("/")
    box = page.locator("input.md-search__input")
    box.fill(query)
    box.press("End")  # Material reads the query on key up
    page.locator(".md-search-result__item").first.wait_for()
    hrefs = page.eval_on_selector_all(".md-search-result__item", "items => items.map(li => li.querySelector('a').href)")
    root = urlsplit(base).path
    return [urlsplit(h).path.removeprefix(root) + (f"#{urlsplit(h).fragment}" if urlsplit(h).fragment else "") for h in hrefs]


def all_result_links(page, base: str) -> list[str]:
    root = urlsplit(base).path
    hrefs = page.eval_on_selector_all(".md-search-result a", "links => links.map(a => a.href)")
    return [urlsplit(h).path.removeprefix(root) + (f"#{urlsplit(h).fragment}" if urlsplit(h).fragment else "") for h in hrefs]


@pytest.mark.parametrize("question", sample_questions(), ids=lambda q: q.id)
def test_a_distinctive_phrase_of_a_prompt_finds_that_question_first(page, site_url, rarity, question):
    phrase = distinctive_phrase(question.prompt, rarity)
    results = search(page, site_url, phrase)
    # Checklist pages carry a boost so that their bare names find them first, and a question that
    # repeats a common word of the phrase ("team") can edge ahead: the question is in the first three.
    assert f"questions/{question.id}/" in results[:3], f"searched {phrase!r}: {results[:3]}"
    assert page.errors == []


def test_a_phrase_with_stop_words_still_finds_its_question_first(page, site_url, rarity):
    # Material adds a wildcard to every word typed; "the", "a" and "and" must not turn
    # into every word that starts with them.
    q = max(HB.questions.values(), key=lambda q: sum(w.lower() in STOP_WORDS for w in WORD.findall(q.prompt)))
    words = WORD.findall(plain(q.prompt))
    start = next(i for i in range(len(words) - 8) if sum(w.lower() in STOP_WORDS for w in words[i : i + 8]) >= 3)
    phrase = " ".join(words[start : start + 8])
    # A glossary entry carries a boost so that its term alone finds it first; a phrase holding
    # a term ("stablecoin") can put that entry ahead: the question is in the first three.
    assert f"questions/{q.id}/" in search(page, site_url, phrase)[:3], f"searched {phrase!r}"


@pytest.mark.parametrize("framework", list(HB.frameworks.values()), ids=lambda f: f.id)
def test_a_framework_name_finds_its_page_first(page, site_url, framework):
    results = search(page, site_url, framework.name)
    assert results[0] == f"frameworks/{framework.id}/"


@pytest.mark.parametrize("kind_id", sorted({q.round for q in HB.questions.values()}))
def test_a_round_name_finds_the_round_in_the_bank(page, site_url, kind_id):
    search(page, site_url, HB.round_kinds[kind_id].name)
    assert f"questions/#round-{kind_id}-heading" in all_result_links(page, site_url)


def test_a_checklist_item_is_found_on_its_checklist(page, site_url, rarity):
    checklist = next(iter(HB.checklists.values()))
    item = checklist.items[0]
    results = search(page, site_url, distinctive_phrase(item.text, rarity))
    assert f"checklists/{checklist.id}/" in results[:3]


def test_an_anti_pattern_is_found_by_its_title(page, site_url):
    pattern = next(iter(HB.anti_patterns.values()))
    search(page, site_url, plain(pattern.title))
    assert any(link.startswith("anti-patterns/") for link in all_result_links(page, site_url))


def test_a_question_result_shows_its_title_and_tags_never_the_kept_search_words(page, site_url, rarity):
    q = sample_questions()[0]
    results = search(page, site_url, distinctive_phrase(q.prompt, rarity))
    assert f"questions/{q.id}/" in results[:3]
    result = page.locator(".md-search-result__item").nth(results.index(f"questions/{q.id}/"))
    shown = " ".join(result.inner_text().split())
    assert q.title in shown
    assert all(tag in shown for tag in q.tags)
    # Material shows a result's text only in some layouts; wherever it does, the kept words stay hidden.
    assert page.locator(".md-search-result .hb-search-words:visible").count() == 0
    hidden = page.evaluate(
        """() => {
            const p = document.createElement("p");
            p.className = "hb-search-words";
            p.textContent = "kept words";
            document.querySelector(".md-search-result__article").append(p);
            return getComputedStyle(p).display;
        }"""
    )
    assert hidden == "none"


INDEX_TIMING = """() => {
  const entries = performance.getEntriesByType("resource");
  const index = entries.find(e => e.name.endsWith("/search/search_index.json"));
  const ours = entries.filter(e => /\\/assets\\/(?!javascripts\\/).*\\.js$/.test(e.name));
  return index && {asked: index.startTime, scripts: ours.map(e => [e.name.split("/assets/")[1], e.responseEnd])};
}"""


@pytest.mark.parametrize("path", ["", "questions/", "practice/mock/"])
def test_the_search_index_is_asked_for_only_once_the_pages_own_scripts_have_arrived(page, site_url, path):
    page.goto(site_url + path)
    timing = page.wait_for_function(INDEX_TIMING).json_value()
    assert timing["scripts"], f"{path or 'home'}: no script of the handbook's own was loaded"
    early = [name for name, arrived in timing["scripts"] if arrived > timing["asked"]]
    assert early == [], f"{path or 'home'}: the index was asked for at {timing['asked']:.0f} ms, before {early} arrived"


def test_a_search_typed_before_the_pages_scripts_have_run_answers_once_they_have(page, site_url, rarity):
    q = sample_questions()[0]
    held = []
    page.route("**/assets/bundles/page.js", lambda route: held.append(route))  # every page loads it
    page.goto(site_url, wait_until="domcontentloaded")
    page.keyboard.press("/")
    page.locator("input.md-search__input").fill(distinctive_phrase(q.prompt, rarity))
    page.locator("input.md-search__input").press("End")
    page.wait_for_timeout(300)
    assert held, "page.js was never asked for"
    assert page.locator(".md-search-result__item").count() == 0
    held[0].continue_()
    page.locator(".md-search-result__item").first.wait_for()
    assert f"questions/{q.id}/" in all_result_links(page, site_url)[:12]
    assert page.errors == []


def load_search_worker(page, site_url: str, site) -> None:
    """The theme's search worker, loaded into a blank page so its `lunr` can be called."""
    [worker] = (site / "assets" / "javascripts" / "workers").glob("search.*.min.js")
    page.goto(site_url + "404.html")
    page.add_script_tag(url=f"{site_url}assets/javascripts/workers/{worker.name}")


def test_lunr_in_the_search_worker_keeps_two_different_nodes_apart(page, site_url, site):
    # Node keys are each edge's letter then its target's number: without a mark between
    # them, edges "7"->86 and "9"->2 read the same as one edge "7"->8692, lunr merges the two
    # nodes, and wildcard searches reaching them fail (macros/search.py, patch_worker).
    load_search_worker(page, site_url, site)
    keys = page.evaluate("""() => {
      const Node = self.lunr.TokenSet, withId = (id) => { Node._nextId = id; return new Node(); };
      const [a, b, c] = [withId(86), withId(2), withId(8692)];
      const one = new Node(), other = new Node();
      one.edges = { "7": a, "9": b };
      other.edges = { "7": c };
      return [one.toString(), other.toString()];
    }""")
    assert keys[0] != keys[1]


def word_groups(words: list[str], stems: list[str]) -> dict[str, frozenset[str]]:
    """Each word -> the words that share its stem."""
    by_stem: dict[str, set[str]] = {}
    for word, stem in zip(words, stems, strict=True):
        by_stem.setdefault(stem, set()).add(word)
    return {word: frozenset(by_stem[stem]) for word, stem in zip(words, stems, strict=True)}


def test_the_stems_that_count_a_words_commonness_group_words_as_lunr_does(page, site_url, site):
    # The index drops a prompt word whose stem is in more than its common share of prompts; the count
    # is only right if Python's stems group the bank's words as the worker's own stemmer does.
    words = sorted({w.lower() for q in HB.questions.values() for w in WORD.findall(plain(q.prompt)) if w.isalpha()})
    load_search_worker(page, site_url, site)
    theirs = page.evaluate("(words) => words.map((w) => self.lunr.stemmer(new self.lunr.Token(w)).toString())", words)
    lunr_groups, our_groups = word_groups(words, theirs), word_groups(words, [stem_of(w) for w in words])
    apart = [w for w in words if lunr_groups[w] != our_groups[w]]
    assert len(words) > 1000
    assert len(apart) <= 0.02 * len(words), apart


def test_a_word_that_once_broke_the_search_finds_its_pages(page, site_url):
    # "automation" reached two merged nodes of lunr's word graph, so the query failed and
    # showed no result at all.
    results = search(page, site_url, "automation")
    assert "practice/scoring/" in [r.split("#")[0] for r in results]
    assert page.errors == []
