"""What a maintainer must be able to trust about the published site: the same
data builds the same bytes, and no page makes a reader's browser fetch anything
from another host."""

from __future__ import annotations

import copy
import dataclasses
import datetime
import gzip
import json
import re
import struct
from pathlib import Path
from urllib.parse import urlsplit

import pydantic
import pytest
from bs4 import BeautifulSoup

from macros import models as m
from macros.html import breakable
from macros.load import load_handbook

from .conftest import BUILD_EPOCH, DATA, ROOT, build_site, copy_data, mkdocs_config

SITE_HOST = urlsplit(mkdocs_config()["site_url"]).netloc
# Elements and attributes through which a page makes the browser fetch something.
FETCHING = {
    "script": ("src",),
    "img": ("src", "srcset"),
    "iframe": ("src",),
    "frame": ("src",),
    "source": ("src", "srcset"),
    "video": ("src", "poster"),
    "audio": ("src",),
    "track": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "input": ("src",),
}
# Link relations that fetch (or open a connection) as the page loads; canonical, alternate
# and the like only name an address.
FETCHING_LINKS = {"stylesheet", "preload", "modulepreload", "prefetch", "preconnect", "dns-prefetch", "icon", "manifest",
                  "apple-touch-icon", "prerender"}  # fmt: skip
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)|@import\s+['"]([^'"]+)""")


@pytest.fixture(scope="module")
def rebuilt(tmp_path_factory) -> Path:
    """A second build of the same data, from another folder and another hash seed."""
    tmp = tmp_path_factory.mktemp("rebuild")
    data = copy_data(tmp)
    with pytest.MonkeyPatch.context() as env:
        env.setenv("PYTHONHASHSEED", "4242")
        result = build_site(tmp / "site", data)
    assert result.returncode == 0, result.stderr
    return tmp / "site"


def files_of(site: Path) -> dict[str, bytes]:
    return {str(p.relative_to(site)): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def test_two_builds_of_the_same_data_are_byte_identical(site, rebuilt):
    first, second = files_of(site), files_of(rebuilt)
    assert sorted(first) == sorted(second), "the two builds wrote different files"
    differing = [name for name in first if first[name] != second[name]]
    assert differing == [], f"{len(differing)} of {len(first)} files differ, e.g. {differing[:10]}"


def test_the_sitemap_is_dated_by_source_date_epoch(site):
    packed = (site / "sitemap.xml.gz").read_bytes()
    # A gzip header stores its modification time in bytes 4-7; it must be the fixed epoch, not the clock.
    assert struct.unpack("<I", packed[4:8])[0] == int(BUILD_EPOCH)
    built_on = datetime.datetime.fromtimestamp(int(BUILD_EPOCH), datetime.UTC).date().isoformat()
    lastmods = set(re.findall(r"<lastmod>([^<]+)</lastmod>", gzip.decompress(packed).decode()))
    assert lastmods == {built_on}


def _html_pages(site: Path) -> list[tuple[str, BeautifulSoup]]:
    return [(str(p.relative_to(site)), BeautifulSoup(p.read_text(encoding="utf-8"), "html.parser")) for p in sorted(site.rglob("*.html"))]


def fetched_urls(page: BeautifulSoup) -> list[str]:
    urls = []
    for tag, attributes in FETCHING.items():
        for el in page.find_all(tag):
            for attr in attributes:
                value = el.get(attr)
                if value:
                    urls += [part.split()[0] for part in value.split(",") if part.strip()] if attr == "srcset" else [value]
    for link in page.find_all("link", href=True):
        if FETCHING_LINKS & {rel.lower() for rel in link.get("rel", [])}:
            urls.append(link["href"])
    for el in page.find_all(style=True):
        urls += [a or b for a, b in CSS_URL.findall(el["style"])]
    for style in page.find_all("style"):
        urls += [a or b for a, b in CSS_URL.findall(style.get_text())]
    return urls


def is_third_party(url: str) -> bool:
    parts = urlsplit(url.strip())
    if parts.scheme in {"data", "blob"}:
        return False
    return bool(parts.netloc) and parts.netloc != SITE_HOST


def test_no_page_fetches_from_another_host(site):
    foreign = [(name, url) for name, page in _html_pages(site) for url in fetched_urls(page) if is_third_party(url)]
    assert foreign == []


def test_no_stylesheet_fetches_from_another_host(site):
    foreign = [
        (str(css.relative_to(site)), a or b)
        for css in sorted(site.rglob("*.css"))
        for a, b in CSS_URL.findall(css.read_text(encoding="utf-8", errors="replace"))
        if is_third_party(a or b)
    ]
    assert foreign == []


def test_the_checks_above_see_third_party_urls():
    # The detector itself, on markup it must catch and markup it must let through.
    page = BeautifulSoup(
        '<script src="https://cdn.example.com/x.js"></script><link rel="stylesheet" href="//fonts.example.com/f.css">'
        '<img srcset="a.png 1x, https://img.example.com/b.png 2x"><iframe src="https://evil.example/"></iframe>'
        '<source src="https://media.example/v.mp4"><style>@font-face{src:url(https://fonts.example.org/f.woff2)}</style>'
        '<link rel="canonical" href="https://elsewhere.example/"><a href="https://example.org/">a link</a>'
        '<script src="../assets/store.js"></script><img src="data:image/png;base64,AAAA">',
        "html.parser",
    )
    assert [url for url in fetched_urls(page) if is_third_party(url)] == [
        "https://cdn.example.com/x.js",
        "https://img.example.com/b.png",
        "https://evil.example/",
        "https://media.example/v.mp4",
        "//fonts.example.com/f.css",
        "https://fonts.example.org/f.woff2",
    ]


# -- figures and their sources ------------------------------------------------------------

NUMBER = re.compile(r"(?<![\w.])\d[\d,]*(?:\.\d+)?")


def _forms(value: float) -> set[str]:
    """The ways an article may write a number: 5000, 5,000, 5k; 10000000000 as 10 billion."""
    if value != int(value):
        return {f"{value:g}"}
    v = int(value)
    out = {str(v), f"{v:,}"}
    for size, suffixes in ((10**9, ("b", "bn", "billion")), (10**6, ("m", "million")), (10**3, ("k",))):
        if v >= size and (v * 10) % size == 0:
            out |= {f"{v / size:g}{s}" for s in suffixes}
    return out


def _normalised(text: str) -> str:
    text = re.sub(r"[\u00a0\u2009\u202f\u2011]", " ", text).replace("\u2013", "-")
    text = re.sub(r"(\d) (\d{3})\b", r"\1,\2", text)  # "155 000"
    return re.sub(r"(\d) ?\+? ?(k|b|bn|billion|m|million)\b", r"\1\2", text, flags=re.I)  # "10+ billion", "5 k"


def holds(text: str, value: float) -> bool:
    return any(re.search(rf"(?<![\d.]){re.escape(f)}(?!\d)", text, re.I) for f in _forms(value))


def holds_range(text: str, low: float, high: float) -> bool:
    """Both ends close together, as a range is written: "30-100%", "30 % to 100 %"."""
    ends = ["|".join(map(re.escape, _forms(v))) for v in (low, high)]
    return re.search(rf"(?<![\d.])(?:{ends[0]})\D{{1,12}}(?:{ends[1]})(?!\d)", text, re.I) is not None


RANGE = re.compile(r"(?<![\w.])(\d[\d,]*(?:\.\d+)?)\s*(?:-|–|to)\s*(\d[\d,]*(?:\.\d+)?)")


# Each article's numbers in their places, with its words blanked (kept: the unit words a number
# may carry, and "to" for ranges): made from the articles in shared/sources by `_normalised`, so the
# checks run from a clean checkout without the articles' text.
ARTICLE_NUMBERS = ROOT / "tests" / "fixtures" / "article_numbers.json"


@pytest.fixture(scope="module")
def articles(hb) -> dict[str, str]:
    numbers = json.loads(ARTICLE_NUMBERS.read_text(encoding="utf-8"))
    assert set(numbers) == {s.id for s in hb.sources.values() if s.file}
    return numbers


def _candidates(low: float, high: float) -> set[float]:
    """A stored value as an article may give it: either end, the middle of "21 ± 3", or in
    the next larger unit (360 minutes as 6 hours)."""
    values = {low, high, (low + high) / 2}
    return values | {v / 60 for v in values} | {v / 3600 for v in values}


def sources_missing_their_figure(hb, articles) -> list[tuple[str, str]]:
    """(record, source) where a figure or band cites an article that holds none of its numbers."""
    missing = []
    for record, numbers in [
        *((f, _candidates(f.value.low, f.value.high)) for f in hb.figures.values()),
        *((b, _candidates(b.base.low, b.base.high)) for b in hb.bands.values()),
    ]:
        missing += [(record.id, s) for s in record.sources if s in articles and not any(holds(articles[s], v) for v in numbers)]
    return missing


def test_every_figure_and_band_cites_only_articles_that_hold_it(hb, articles):
    assert sources_missing_their_figure(hb, articles) == []


def test_the_check_above_finds_a_figure_cited_to_the_wrong_article(hb, articles):
    figure = next(f for f in hb.figures.values() if f.sources == ["ai-ml-pm-2026"] or "ai-ml-pm-2026" in f.sources)
    wrong = figure.model_copy(update={"sources": ["day-in-life-2026"], "value": m.Span(low=777_777, high=777_777)})
    hb_wrong = copy.copy(hb)
    hb_wrong.figures = {**hb.figures, figure.id: wrong}
    assert (figure.id, "day-in-life-2026") in sources_missing_their_figure(hb_wrong, articles)


def numbers_no_cited_article_holds(hb, articles) -> list[tuple[str, float]]:
    """In prose that cites only articles (not the handbook's own arithmetic), every number
    must appear in one of the articles it cites."""
    out = []
    for placed in hb.placed:
        r = placed.record
        if not isinstance(r, (m.ChecklistItem, m.Finding, m.Statement)) or "handbook" in r.sources:
            continue
        cited = [articles[s] for s in r.sources if s in articles]
        text = getattr(r, "text", None) or r.says
        where = f"{placed.doc.path}:{placed.doc.line_of(placed.loc)}"
        for number in NUMBER.findall(text):
            value = float(number.replace(",", ""))
            if cited and not any(holds(a, value) for a in cited):
                out.append((where, value))
        for low, high in RANGE.findall(text):
            ends = (float(low.replace(",", "")), float(high.replace(",", "")))
            if cited and not any(holds_range(a, *ends) for a in cited):
                out.append((where, ends))
    return out


def test_prose_states_only_numbers_its_articles_hold_unless_it_cites_the_handbook(hb, articles):
    assert numbers_no_cited_article_holds(hb, articles) == []


def test_the_check_above_finds_a_range_cited_to_an_article_that_never_gives_it(hb, articles):
    # The slip an audit found: a 30-100% bonus range cited only to the day-in-the-life article.
    item = m.ChecklistItem(id="probe", text="Bonus runs 30-100% of base.", sources=["day-in-life-2026"])
    hb_slip = copy.copy(hb)
    hb_slip.placed = [*hb.placed[:1], dataclasses.replace(hb.placed[0], record=item)]
    assert [value for _, value in numbers_no_cited_article_holds(hb_slip, articles)] == [(30.0, 100.0)]


def test_a_rate_check_applies_only_to_rates():
    with pytest.raises(pydantic.ValidationError, match="not a rate"):
        m.KeyFigure(id="pay", topic="pay", label="Pay", value=m.Span(low=1, high=1), unit="USD", per="day", sources=["handbook"])
    with pytest.raises(pydantic.ValidationError, match="per"):
        m.KeyFigure(
            id="vetoes", topic="vetoes", label="Vetoes", value=m.Span(low=1, high=1), unit="vetoes", per="year", sources=["handbook"]
        )


def test_the_key_figures_page_checks_per_second_only_the_rates(site, hb):
    page = BeautifulSoup((site / "key-figures/index.html").read_text(encoding="utf-8"), "html.parser")
    checked = {tr["id"].removeprefix("fig-") for tr in page.select("tr[id^=fig-]") if "per second" in tr.select("td")[2].get_text()}
    assert checked == {f.id for f in hb.figures.values() if f.per and f.per != "second"}


def test_a_rates_comparisons_are_listed_one_to_a_line_under_its_average(site, hb):
    page = BeautifulSoup((site / "key-figures/index.html").read_text(encoding="utf-8"), "html.parser")
    rows = {tr["id"].removeprefix("fig-"): tr.select("td")[2] for tr in page.select("tr[id^=fig-]")}
    listed = 0
    for f in hb.figures.values():
        peers = [
            g.label for g in hb.figures.values()
            if g.per == "second" and g.unit.upper().endswith("PS") and (set(f.sources) - {"handbook"}) & set(g.sources)
        ]  # fmt: skip
        if not f.per or f.per == "second" or not peers:
            assert rows[f.id].select("li") == []
            continue
        items = [li.get_text() for li in rows[f.id].select("ul.hb-checks > li")]
        assert [label for label in peers if any(item.startswith(label + " (") for item in items)] == peers
        assert all(item.endswith("× that average") for item in items)
        assert "per second on average" in rows[f.id].contents[0]
        listed += 1
    assert listed


def test_a_band_the_handbook_computed_is_never_presented_as_stated(site, hb):
    page = BeautifulSoup((site / "practice/offer/index.html").read_text(encoding="utf-8"), "html.parser")
    items = page.select("#hb-offer li[data-band]")
    assert items
    for li in items:
        band = hb.bands[li["data-band"]]
        assert "handbook's sum" in li.get_text()
        if band.stated_total:
            assert "the source states" in li.get_text()


def test_the_disagreements_page_lists_every_topic_two_sources_report(site, hb):
    from macros.disagreements import reported_topics

    page = BeautifulSoup((site / "disagreements/index.html").read_text(encoding="utf-8"), "html.parser")
    shown = {s["id"].removeprefix("topic-") for s in page.select("section.hb-disagreement[id^=topic-]")}
    topics = set(reported_topics(hb))
    assert {"bonus-structure", "negotiate-first"} & topics or len(topics) >= 10
    assert topics <= shown


def test_every_source_shows_its_public_address(site, hb):
    page = BeautifulSoup((site / "sources/index.html").read_text(encoding="utf-8"), "html.parser")
    for s in hb.sources.values():
        if s.url:
            assert page.select_one(f"#src-{s.id} a[href='{s.url}']") is not None
    cite = BeautifulSoup((site / "pay/index.html").read_text(encoding="utf-8"), "html.parser").select_one("a.hb-src[title]")
    assert "https://" in cite["title"]


def test_source_ids_may_break_at_their_hyphens_and_read_whole(site, hb):
    """A citation reads as its source's id (copied, searched, read aloud) while a narrow column may
    break it after each hyphen; the break is an element the build writes, never data."""
    page = BeautifulSoup((site / "disagreements/index.html").read_text(encoding="utf-8"), "html.parser")
    cites = page.select("a.hb-src")
    assert cites and {a.get_text() for a in cites} <= set(hb.sources)
    for a in cites:
        parts = [str(node) for node in a.contents]
        assert "".join(parts).replace("<wbr/>", "") == a.get_text()
        assert len(a.find_all("wbr")) == a.get_text().count("-")


def test_breakable_escapes_every_part():
    assert str(breakable("<b>-x.y_z–w")) == "&lt;b&gt;-<wbr>x.<wbr>y_<wbr>z–<wbr>w"
    assert str(breakable("plain")) == "plain"
    assert str(breakable("end-")) == "end-"


@pytest.fixture(scope="module")
def hb():
    return load_handbook(DATA)
