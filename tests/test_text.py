"""The shortcut for plain prose in macros/text.py must give exactly what the full
Markdown and nh3 run gives, for every string in the data and for the edge cases."""

from __future__ import annotations

import html
import re
from urllib.parse import urljoin

import pytest
from pydantic import BaseModel

from macros import text
from macros.load import load_handbook

from .conftest import DATA

EDGE_CASES = [
    "Walk me through a launch you would stop.",
    "(Parenthetical) start, then a comma; and a colon: done.",
    "'Single' and \"double\" quotes, and “curly” ones ‘too’.",
    "Ends with a colon:",
    "Costs $5/month or 0.1% of volume (about 3-4x more) — roughly.",
    "Two  spaces inside stay two.",
    "Use *stress* tests",
    "Use __bold__ and `code`",
    "A & B, R&D and P&L",
    "x < y > z",
    "See [the page](https://example.com) first",
    "An image ![alt](x.png)",
    "Escaped \\* star",
    "1. looks like a list",
    "2026 was the year",
    "- a dash item",
    "+ a plus item",
    "# a heading",
    "> a quote",
    "    indented code",
    "Trailing space ",
    "Trailing two spaces  ",
    "Tab\tinside",
    "No\u00a0break space",
    "Line\nbreak",
    "Line\r\nbreak",
    "Setext\n===",
    "Café au lait",
    "Émile starts with a non-ASCII letter",
    "Control \x07 character",
    "https://example.com bare URL",
    "<https://example.com> autolink",
    "Hash # inside",
    "",
]


def _strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, BaseModel):
        return [s for name in type(value).model_fields for s in _strings(getattr(value, name))]
    if isinstance(value, (list, tuple)):
        return [s for item in value for s in _strings(item)]
    return []


def data_strings() -> list[str]:
    hb = load_handbook(DATA)
    records = [*hb.questions.values(), *hb.frameworks.values(), *hb.checklists.values(), *hb.loops.values(),
               *hb.anti_patterns.values(), *hb.red_flags.values(), *hb.bands.values(), *hb.figures.values(),
               *hb.tracks.values(), *hb.sources.values()]  # fmt: skip
    return sorted(set(_strings(records)))


@pytest.mark.parametrize("name", ["_inline", "_block", "plain"])
def test_the_shortcut_matches_markdown_on_every_data_string_and_edge_case(name, monkeypatch):
    strings = data_strings() + EDGE_CASES
    assert len(strings) > 1000
    render = getattr(text, name).__wrapped__  # uncached
    with_shortcut = [render(s) for s in strings]
    monkeypatch.setattr(text, "_UNCHANGED", re.compile(r"(?!)"))
    without = [render(s) for s in strings]
    assert [(s, a, b) for s, a, b in zip(strings, with_shortcut, without, strict=True) if a != b] == []


def test_the_shortcut_takes_plain_prose_and_nothing_markdown_acts_on():
    taken = [s for s in EDGE_CASES if text._UNCHANGED.match(s)]
    assert taken == [*EDGE_CASES[:6], "Café au lait", "https://example.com bare URL"]


INLINE_AS_TYPED = [
    ("# a heading", "# a heading"),
    ("## two hashes", "## two hashes"),
    ("- a dash item", "- a dash item"),
    ("+ a plus item", "+ a plus item"),
    ("1. looks like a list", "1. looks like a list"),
    ("> a quote", "&gt; a quote"),
    ("&amp; and &#106;", "&amp;amp; and &amp;#106;"),
    ("`a & b < c`", "<code>a &amp; b &lt; c</code>"),
    ("![alt](https://example.com/x.png)", "![alt](https://example.com/x.png)"),
    ("Use __init__ and snake_case", "Use __init__ and snake_case"),
]


@pytest.mark.parametrize(("typed", "shown"), INLINE_AS_TYPED)
def test_inline_text_shows_what_markdown_would_otherwise_turn_into_blocks_or_entities(typed, shown):
    assert str(text.markdown(typed)) == shown


PAGES = [
    "index.md", "tracks/index.md", "tracks/pm.md", "questions/index.md", "questions/a.md",
    "tags/x.md", "a/b/c.md", "a/b/index.md", "a/index.md", "a.md", "questions/a/b.md",
]  # fmt: skip


@pytest.mark.parametrize("directory_urls", [True, False])
def test_every_relative_link_leads_from_its_page_to_its_target(directory_urls):
    root = "https://handbook.example/site/"
    for here in PAGES:
        for there in PAGES:
            link = text.href(here, there, directory_urls, anchor="a")
            assert urljoin(root + text.page_url(here, directory_urls), link) == root + text.page_url(there, directory_urls) + "#a"
            assert not link.startswith("/")


@pytest.mark.parametrize(
    "title",
    [
        'Loop: a = b ~c~ "quoted" it\'s {: #id onclick=x} [link](u) *emph* _u_ `code` <b> & | 3-C!',
        "# not a heading + 1. not a list > not a quote",
        "".join(map(chr, range(33, 127))),
    ],
)
def test_a_heading_shows_its_title_as_typed_with_the_sites_markdown(title):
    from .test_prerendered import converter

    rendered = converter().reset().convert(f"# {text.md_heading(title)}")
    heading = re.fullmatch(r'<h1 id="[^"]*">(.*?)<a class="headerlink" [^>]*>&para;</a></h1>', rendered)
    assert heading, rendered
    assert html.unescape(heading.group(1)) == " ".join(text.plain(title).split())
