"""The strict build, checked on the HTML a reader gets."""

from __future__ import annotations

import json
import os
import re
import subprocess
from html import unescape
from pathlib import Path
from urllib.parse import unquote, urlsplit

import yaml
from bs4 import BeautifulSoup

from macros.load import load_handbook
from macros.models import INFERABLE_TERMS
from macros.problems import dotted
from macros.text import plain
from macros.validate import strings_at

from .conftest import DATA, ROOT, build_site, copy_data

HB = load_handbook(DATA)


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def text_of(node) -> str:
    return " ".join(node.get_text(" ").split())


def test_every_sentence_written_in_data_is_shown_somewhere_in_the_site(site):
    # Words 3 to 7 of each string of eight words or more, looked for in the text of every page:
    # a field that the schema accepts but no page renders is text a contributor wrote for nobody.
    shown = "\n".join(text_of(soup(page)) for page in site.rglob("*.html"))
    unseen, checked = [], 0
    for path in sorted(DATA.rglob("*.yml")):
        for loc, value in strings_at(yaml.safe_load(path.read_text(encoding="utf-8"))):
            words = str(plain(value)).split()
            if len(words) >= 8:
                checked += 1
                if " ".join(words[2:7]) not in shown:
                    unseen.append(f"{path.relative_to(DATA)}: {dotted(loc)}")
    assert checked > len(HB.questions)
    assert not unseen, f"{len(unseen)} of {checked} never shown, first: {unseen[:5]}"


def indexed_text(site: Path) -> dict[str, str]:
    """Each page's text as its search entries hold it, one entry a line, by the page's location."""
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    pages: dict[str, list[str]] = {}
    for entry in index["docs"]:
        text = unescape(re.sub(r"<[^>]+>", " ", f"{entry['title']} {entry['text']}"))
        pages.setdefault(entry["location"].split("#")[0], []).append(" ".join(text.split()))
    return {location: "\n".join(lines) for location, lines in pages.items()}


def test_every_figure_in_a_table_is_a_word_of_its_pages_search_entry(site):
    # Material reads a page's text as its parser meets it: cells with no space between them
    # in the HTML ran into one word ("KYC automation", "78", "62" as "automation7862").
    run_together, checked = [], 0
    for location, text in indexed_text(site).items():
        indexed = set(text.split())
        page = site / location / "index.html"
        if location.startswith("questions/") or not page.exists():
            continue
        for cell in soup(page).select("article td, article th"):
            if cell.find_parent(attrs={"data-search-exclude": True}):
                continue
            figure = text_of(cell)
            if re.fullmatch(r"\$?[\d,.]+%?", figure):
                checked += 1
                if figure not in indexed:
                    run_together.append(f"{location}: {figure}")
    assert checked > 20
    assert not run_together, run_together[:10]


def test_text_marked_for_no_search_stays_out_of_the_index(site):
    # Material's parser ended an excluded <div> at the first </div> inside it, so a practice
    # tool's controls and sample question were indexed from there on.
    leaked, checked = [], 0
    for location, text in indexed_text(site).items():
        page = site / location / "index.html"
        article = soup(page).article if page.exists() else None
        marked = article.select("[data-search-exclude]") if article else []
        outermost = [el for el in marked if not el.find_parent(attrs={"data-search-exclude": True})]
        lines = {" ".join(line.split()) for el in outermost for line in el.get_text("\n").split("\n")}
        for el in outermost:
            el.decompose()
        shown_elsewhere = text_of(article) if article else ""
        for line in lines:
            if len(line.split()) >= 3 and line not in shown_elsewhere:
                checked += 1
                if line in text:
                    leaked.append(f"{location}: {line[:60]}")
    assert checked > 100
    assert not leaked, f"{len(leaked)} indexed, first: {leaked[:5]}"


def test_question_page_shows_prompt_round_and_sources(site):
    q = HB.questions["design-wallets-100m-users"]
    page = soup(site / "questions" / q.id / "index.html")
    prompt = page.select_one(".hb-prompt")
    assert text_of(prompt) == " ".join(plain(q.prompt).split())
    facts = text_of(page.select_one(".hb-facts"))
    assert HB.round_kinds[q.round].name in facts
    cited = [a.get_text() for a in page.select(".hb-facts .hb-src")]
    assert cited == q.sources
    for a in page.select(".hb-facts .hb-src"):
        assert a["href"].startswith("../../sources/#src-")


def test_question_pages_stay_out_of_the_sidebar(site):
    nav = soup(site / "index.html").select_one("nav.md-nav--primary")
    links = [a["href"] for a in nav.select("a[href]")]
    assert not [h for h in links if "questions/" in h and not h.rstrip("/").endswith("questions")]


def test_question_bank_lists_every_question_grouped_by_round(site):
    page = soup(site / "questions" / "index.html")
    listed = {li["id"].removeprefix("q-"): li.find_parent("section")["data-round"] for li in page.select("li.hb-q")}
    assert listed == {q.id: q.round for q in HB.questions.values()}


def test_track_page_shows_every_loop_with_its_source_and_a_timeline(site):
    page = soup(site / "tracks" / "pm" / "index.html")
    loops = [loop for loop in HB.loops.values() if loop.track == "pm"]
    for loop in loops:
        block = page.select_one(f"#loop-{loop.id}")
        assert block is not None
        assert [a.get_text() for a in block.select(".hb-cite-line .hb-src")] == loop.sources
        assert len(block.select("ol.hb-rounds > li")) == len(loop.rounds)
        assert block.select_one("svg.hb-timeline[role=img]")["aria-label"].startswith(f"{len(loop.rounds)} rounds")


def test_pay_page_computes_an_annualised_total_for_every_band(site):
    page = soup(site / "pay" / "index.html")
    rows = {tr["data-band"]: tr for tr in page.select("tr[data-band]")}
    assert set(rows) == set(HB.bands)
    assert rows["ai-ml-sample-offer"]["data-annual-low"] == "388750"
    assert page.select_one("svg.hb-paychart") is not None
    assert page.select_one('li[data-band="ai-ml-sample-offer"]')["data-matches"] == "false"


def test_pay_page_shows_each_bands_note_and_what_its_total_leaves_out(site):
    page = soup(site / "pay" / "index.html")
    rows = {tr["data-band"]: tr for tr in page.select("tr[data-band]")}
    notes = {dt["id"]: dt.find_next_sibling("dd") for dt in page.select("dl.hb-band-notes > dt")}
    for band in HB.bands.values():
        link = rows[band.id].select_one("a.hb-band-note")
        assert (link is not None) == bool(band.note) == (f"note-{band.id}" in notes), band.id
        if band.note:
            assert link["href"] == f"#note-{band.id}"
            assert " ".join(band.note.split()[:6]) in text_of(notes[f"note-{band.id}"]), band.id
        equity = band.equity
        unvalued = equity is not None and not (equity.annual_usd or equity.share_of_total_pct)
        left_out = [text_of(li) for li in rows[band.id].select(".hb-breakdown li") if text_of(li).startswith("Not counted")]
        assert bool(left_out) == unvalued, band.id
    assert "tokens" in text_of(rows["ai-ml-range"].select_one(".hb-annual"))
    for check in page.select(".hb-paychecks li"):
        band = HB.bands[check["data-band"]]
        assert ("counted in full" in text_of(check)) == bool(band.sign_on), band.id
        assert check.select_one(f'a[href="#note-{band.id}"]') is not None


def test_pay_page_names_each_inferred_term_as_a_reader_would(site):
    rows = {tr["data-band"]: tr for tr in soup(site / "pay" / "index.html").select("tr[data-band]")}
    for band in HB.bands.values():
        shown = [text_of(span) for span in rows[band.id].select(".hb-inferred")]
        assert len(shown) == len(band.inferred), band.id
        for inference, text in zip(band.inferred, shown, strict=True):
            assert inference.term not in text, text
            assert text.startswith(f"{INFERABLE_TERMS[inference.term]}: inferred by the handbook"), text


def test_disagreements_page_is_generated_from_data(site):
    page = soup(site / "disagreements" / "index.html")
    topics = [text_of(h) for h in page.select(".hb-disagreement h2")]
    assert "Number of interview rounds" in topics
    rounds = page.select(".hb-disagreement")[topics.index("Number of interview rounds")]
    assert len(rounds.select("tbody tr")) == len(HB.loops)


def test_pages_count_in_words_and_keep_the_maintainers_files_to_themselves(site):
    """'3 questions', never '3 question(s)'; a source's file in the maintainers' archive is not the reader's."""
    files = [s.file for s in HB.sources.values() if s.file]
    assert files
    found = []
    for html in site.rglob("*.html"):
        page = soup(html)
        for node in page(["script", "style"]):
            node.decompose()
        text = text_of(page)
        found += [f"{html.relative_to(site)}: {m}" for m in re.findall(r"\d+ \w+\(s\)", text)]
        found += [f"{html.relative_to(site)}: {f}" for f in files if f in text]
    assert not found, found[:10]


def test_every_internal_link_resolves_to_a_page_and_its_anchor(site):
    root = site.resolve()
    pages = {html: soup(html) for html in root.rglob("*.html")}
    broken = []
    for html, page in pages.items():
        for a in page.select("a[href]"):
            href = a["href"]
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or href.startswith("mailto:"):
                continue
            target = html
            if parts.path:
                base = root if parts.path.startswith("/") else html.parent
                target = (base / unquote(parts.path).lstrip("/")).resolve()
                if target.is_dir():
                    target = target / "index.html"
            if not target.exists():
                broken.append(f"{html.relative_to(root)} -> {href}")
            elif parts.fragment and target in pages and not pages[target].find(id=unquote(parts.fragment)):
                broken.append(f"{html.relative_to(root)} -> {href} (no such anchor)")
    assert broken == []


def test_a_broken_question_stops_the_build_and_publishes_nothing(tmp_path):
    data = copy_data(tmp_path)
    (data / "questions" / "broken.yml").write_text("id: broken\nprompt: no\ndifficulty: extreme\n")
    out = tmp_path / "out"
    result = build_site(out, data)
    assert result.returncode != 0
    assert "data/questions/broken.yml:2: prompt: expected text; YAML read 'no' as true/false" in result.stderr
    assert "data/questions/broken.yml:3: difficulty: 'extreme' is not one of: foundation, core, stretch" in result.stderr
    assert not (out / "index.html").exists()


def test_make_build_keeps_the_previous_site_when_data_is_broken(tmp_path):
    data = copy_data(tmp_path)
    (data / "questions" / "broken.yml").write_text("id: broken\n")
    env = {**os.environ, "HANDBOOK_DATA": str(data)}
    result = subprocess.run(["make", "--no-print-directory", "check"], cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode != 0
    assert "broken.yml:1: prompt: required field is missing" in result.stderr


def test_track_and_framework_pages_show_a_few_questions_and_link_to_the_rest_in_the_filtered_bank(site):
    from macros.pages import SAMPLE_SIZE

    more_links = 0
    for track in HB.tracks.values():
        page = soup(site / "tracks" / track.id / "index.html")
        for heading in page.select(".hb-track-questions h3"):
            kind = next(k for k in HB.round_kinds.values() if heading.get_text().startswith(k.name))
            in_round = [q for q in HB.questions.values() if track.id in q.tracks and q.round == kind.id]
            shown = heading.find_next_sibling("ul").select("a")
            assert len(shown) == min(len(in_round), SAMPLE_SIZE)
            more = heading.find_next_sibling("p", class_="hb-more")
            if len(in_round) > SAMPLE_SIZE:
                assert more.a["href"] == f"../../questions/?track={track.id}&round={kind.id}#round-{kind.id}"
                assert more.a.get_text().startswith(f"All {len(in_round)} ")
                more_links += 1
            else:
                assert more is None or more.find_previous_sibling("h3") is not heading
    for fw in HB.frameworks.values():
        fits = HB.questions_for(framework=fw.id)
        if not fits:
            continue
        block = soup(site / "frameworks" / fw.id / "index.html").select_one("#practise-it-on-these-questions").find_next_sibling("div")
        assert len(block.select("ul a")) == min(len(fits), SAMPLE_SIZE)
        if len(fits) > SAMPLE_SIZE:
            assert block.select_one(".hb-more a")["href"] == f"../../questions/?framework={fw.id}"
            more_links += 1
    assert more_links > 0, "no page had more questions than it shows; the link to the bank went untested"


def test_every_tag_has_a_page_listing_its_questions_and_each_question_links_to_its_tags(site):
    index = soup(site / "tags" / "index.html").select(".hb-tag-index li")
    assert [(li.a.get_text(), li.select_one(".hb-count").get_text()) for li in index] == [
        (tag, str(len(qs))) for tag, qs in HB.tags().items()
    ]
    for tag, questions in HB.tags().items():
        page = soup(site / "tags" / tag / "index.html")
        listed = [a["href"] for a in page.select("article li a")]
        assert sorted(listed) == sorted(f"../../questions/{q.id}/" for q in questions)
        assert page.select_one(".hb-lead a")["href"] == f"../../questions/?tag={tag}"
    for q in HB.questions.values():
        chips = soup(site / "questions" / q.id / "index.html").select(".hb-tags a.md-tag")
        assert [(a.get_text(), a["href"]) for a in chips] == [(t, f"../../tags/{t}/") for t in q.tags]


def test_tag_pages_stay_out_of_the_search_index_and_the_sidebar(site):
    import json

    docs = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    assert not [d["location"] for d in docs if d["location"].startswith("tags/") and d["location"].split("#")[0] != "tags/"]
    nav = soup(site / "index.html").select_one("nav.md-nav--primary")
    assert [a["href"] for a in nav.select("a[href*='tags/']")] == ["tags/"]
