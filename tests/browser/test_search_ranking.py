"""Search finds the obvious page first: typed alone, a framework's name or short name
finds the framework, a checklist's name (which is also its round's name) the checklist,
"pay" the pay page, and "rounds" or "how many rounds" the tracks page."""

from __future__ import annotations

import pytest

from macros.load import load_handbook
from tests.browser.test_search import all_result_links, search
from tests.conftest import DATA

pytestmark = pytest.mark.browser

HB = load_handbook(DATA)

FRAMEWORKS = [(f.name, f"frameworks/{f.id}/") for f in HB.frameworks.values()] + [
    (f.short_name, f"frameworks/{f.id}/") for f in HB.frameworks.values() if f.short_name
]
# The short names the issue names, as readers type them.
TYPED = [("STAR", "frameworks/star/"), ("DMA", "frameworks/dma/"), ("3-C", "frameworks/three-c-lens/"), ("HEART", "frameworks/heart-risk/")]
CHECKLISTS = [(cl.title, f"checklists/{cl.id}/") for cl in HB.checklists.values()]
ROUNDS = [(kind.name, f"checklists/{kind.id}/") for kind in HB.round_kinds.values() if kind.id in HB.checklists]
PAGES = [("pay", "pay/"), ("Pay", "pay/"), ("rounds", "tracks/"), ("how many rounds", "tracks/")]


@pytest.mark.parametrize("query, expected", FRAMEWORKS + TYPED + CHECKLISTS + PAGES, ids=lambda v: v if "/" not in v else None)
def test_a_name_finds_its_page_first(page, site_url, query, expected):
    results = search(page, site_url, query)
    assert results[0] == expected, f"searched {query!r}: {results[:3]}"


@pytest.mark.parametrize("query, expected", ROUNDS, ids=lambda v: v if "/" not in v else None)
def test_a_round_name_finds_its_checklist_first_and_its_questions(page, site_url, query, expected):
    results = search(page, site_url, query)
    assert results[0] == expected, f"searched {query!r}: {results[:3]}"
    kind = expected.split("/")[1]
    assert f"questions/#round-{kind}-heading" in all_result_links(page, site_url)


def _inside_another_name(term) -> bool:
    """'Maker' is a word of 'Market maker': search scores titles by matching words, not
    by length, so the two entries can tie on it."""
    return any(term.term.lower() in other.term.lower() for other in HB.terms.values() if other is not term)


@pytest.mark.parametrize("term", list(HB.terms.values()), ids=lambda t: t.id)
def test_a_glossary_term_finds_its_entry_first(page, site_url, term):
    search(page, site_url, term.term)
    links = all_result_links(page, site_url)
    assert links[0] == "glossary/", f"searched {term.term!r}: {links[:4]}"
    entries = [link for link in links if link.startswith("glossary/#term-")]
    allowed = 2 if _inside_another_name(term) else 1
    assert f"glossary/#term-{term.id}" in entries[:allowed], f"searched {term.term!r}: {entries[:3]}"
