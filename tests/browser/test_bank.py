"""The question bank in Chromium: filters built from the data, counts that
match what the list shows, the selection kept in the address bar (also after
a reload and under instant navigation), and a random pick from the selection."""

from __future__ import annotations

import functools
import http.server
import re
import threading
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from macros.load import load_handbook
from tests.conftest import DATA

pytestmark = pytest.mark.browser

HB = load_handbook(DATA)
QUESTIONS = list(HB.questions.values())
FACETS = ["track", "round", "type", "framework", "difficulty", "tag"]
COUNT = re.compile(r"\((\d+)\)$")


def values_of(q, facet: str) -> list[str]:
    value = {"track": q.tracks, "framework": q.frameworks, "tag": q.tags}.get(facet, getattr(q, facet, None))
    return value if isinstance(value, list) else [value]


def matching(**wanted: str) -> set[str]:
    return {q.id for q in QUESTIONS if all(v in values_of(q, facet) for facet, v in wanted.items() if v)}


def busiest(facet: str) -> str:
    """The value of a facet that most questions share (a filter that leaves several)."""
    return Counter(v for q in QUESTIONS for v in values_of(q, facet)).most_common(1)[0][0]


class _SitemapHere(http.server.SimpleHTTPRequestHandler):
    """Serves the built site, with the sitemap's URLs moved to this server.

    Material follows a link with instant navigation only when the link is in the
    sitemap, and the sitemap names the site_url (port 8000), not this test server."""

    def do_GET(self) -> None:
        if self.path != "/sitemap.xml":
            return super().do_GET()
        base = f"http://{self.headers['Host']}/"
        body = re.sub(r"<loc>https?://[^/<]+/", f"<loc>{base}", (Path(self.directory) / "sitemap.xml").read_text(encoding="utf-8"))
        data = body.encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", "application/xml")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="module")
def instant_url(site) -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_SitemapHere, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


# The build draws the filters; the script marks their container once it has wired them up.
WIRED = "#hb-bank-controls[data-ready] select[name=round]"


def open_bank(page, base: str, query: str = "") -> None:
    page.goto(f"{base}questions/{query}")
    page.wait_for_selector(WIRED)


def shown(page) -> set[str]:
    """Ids of the questions a reader can see (hidden entries and hidden rounds excluded)."""
    return set(page.eval_on_selector_all("li.hb-q", "els => els.filter(el => el.offsetParent !== null).map(el => el.id.slice(2))"))


def shown_rounds(page) -> set[str]:
    visible = "els => els.filter(el => el.offsetParent !== null).map(el => el.dataset.round)"
    return set(page.eval_on_selector_all("section.hb-round", visible))


def option_counts(page, facet: str) -> dict[str, int]:
    """The number each option of a filter shows in its label, by option value."""
    options = page.eval_on_selector_all(f"select[name={facet}] option", "els => els.map(o => [o.value, o.textContent])")
    return {value: int(COUNT.search(text).group(1)) for value, text in options}


def status(page) -> str:
    return page.locator(".hb-bank-count").inner_text()


def test_filters_are_built_from_the_data_and_start_with_everything(page, site_url):
    open_bank(page, site_url)
    for facet in FACETS:
        values = {v for q in QUESTIONS for v in values_of(q, facet)}
        assert set(option_counts(page, facet)) == values | {""}, facet
    assert shown(page) == set(HB.questions)
    assert status(page) == f"{len(QUESTIONS)} of {len(QUESTIONS)} questions"
    assert page.errors == []


def test_without_javascript_the_filters_give_way_to_a_note_and_every_question_shows(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site_url}questions/")
    assert page.locator("#hb-bank-controls .hb-note").is_visible()
    assert page.locator(".hb-bank-form").is_hidden()
    assert shown(page) == set(HB.questions)
    context.close()


def test_a_filter_picked_before_the_script_starts_is_applied_when_it_does(page, site_url):
    kind = busiest("round")
    page.route("**/assets/bundles/bank.js", lambda route: route.abort())
    page.goto(f"{site_url}questions/")
    page.select_option("select[name=round]", kind)
    assert shown(page) == set(HB.questions)  # nothing filters yet
    page.unroute("**/assets/bundles/bank.js")
    page.add_script_tag(url=f"{site_url}assets/bundles/bank.js")
    page.wait_for_selector(WIRED)
    assert shown(page) == matching(round=kind)
    assert parse_qs(urlsplit(page.url).query) == {"round": [kind]}


def test_each_round_count_is_the_number_of_questions_it_shows(page, site_url):
    open_bank(page, site_url)
    counts = option_counts(page, "round")
    assert counts[""] == len(QUESTIONS)
    for kind, count in counts.items():
        if not kind:
            continue
        page.select_option("select[name=round]", kind)
        assert shown(page) == matching(round=kind)
        assert len(shown(page)) == count
        assert shown_rounds(page) == {kind}
        assert status(page) == f"{count} of {len(QUESTIONS)} questions"
    assert page.errors == []


def test_counts_follow_the_other_filters(page, site_url):
    kind = busiest("round")
    open_bank(page, site_url)
    page.select_option("select[name=round]", kind)
    type_counts = option_counts(page, "type")
    for qtype, count in type_counts.items():
        assert count == len(matching(round=kind, type=qtype)), qtype
    qtype = max((t for t in type_counts if t), key=lambda t: type_counts[t])
    page.select_option("select[name=type]", qtype)
    assert shown(page) == matching(round=kind, type=qtype)
    # The round filter's own counts now count within the chosen type.
    for other, count in option_counts(page, "round").items():
        assert count == len(matching(round=other, type=qtype)), other
    disabled = page.eval_on_selector_all("select[name=tag] option:disabled", "els => els.map(o => o.value)")
    assert all(not matching(round=kind, type=qtype, tag=tag) for tag in disabled)
    assert page.errors == []


def common_title_word() -> str:
    """A longer word that several titles (not all) contain."""
    titles = [q.title.lower() for q in QUESTIONS]
    words = Counter(w for t in titles for w in set(re.findall(r"[a-z]{6,}", t)))
    return next(w for w, n in words.most_common() if 2 <= n < len(titles))


def test_text_filter_narrows_by_title_words(page, site_url):
    word = common_title_word()
    open_bank(page, site_url)
    page.fill("#hb-bank-controls input[name=text]", word.upper())
    expected = {q.id for q in QUESTIONS if word in q.title.lower()}
    assert shown(page) == expected
    assert status(page) == f"{len(expected)} of {len(QUESTIONS)} questions"
    page.click("text=Clear filters")
    assert shown(page) == set(HB.questions)
    assert page.evaluate("location.search") == ""


def test_no_match_says_so_and_hides_every_round(page, site_url):
    open_bank(page, site_url)
    page.fill("#hb-bank-controls input[name=text]", "zzzz no such title")
    assert shown(page) == set()
    assert shown_rounds(page) == set()
    assert page.locator(".hb-bank-empty").is_visible()
    assert page.locator(".hb-bank-random").is_disabled()


def test_the_selection_lives_in_the_address_bar_and_survives_a_reload(page, site_url):
    kind, track = busiest("round"), busiest("track")
    open_bank(page, site_url)
    page.select_option("select[name=round]", kind)
    page.select_option("select[name=track]", track)
    page.fill("#hb-bank-controls input[name=text]", "the")
    query = parse_qs(page.evaluate("location.search").lstrip("?"))
    assert query == {"round": [kind], "track": [track], "text": ["the"]}
    before = shown(page)
    assert before == {i for i in matching(round=kind, track=track) if "the" in HB.questions[i].title.lower()}
    page.reload()
    page.wait_for_selector(WIRED)
    assert page.input_value("select[name=round]") == kind
    assert page.input_value("select[name=track]") == track
    assert page.input_value("#hb-bank-controls input[name=text]") == "the"
    assert shown(page) == before
    # The theme opens its search box for a "q" in the address; the bank's own words never do.
    assert page.evaluate("document.getElementById('__search').checked") is False
    assert page.errors == []


def test_a_filtered_link_opens_filtered_under_instant_navigation(page, instant_url):
    kind = busiest("round")
    page.goto(instant_url)
    page.wait_for_load_state("networkidle")  # the sitemap, which instant navigation waits for
    page.evaluate("window.__sameDocument = true")
    # A link written into the home page, followed the way a reader would: Material's
    # instant navigation swaps the page without reloading it.
    page.evaluate(
        """(href) => { const a = document.createElement('a'); a.href = href; a.id = 'to-bank';
           a.textContent = 'bank'; document.querySelector('article').appendChild(a); }""",
        f"questions/?round={kind}",
    )
    page.click("#to-bank")
    page.wait_for_selector(WIRED)
    assert page.evaluate("window.__sameDocument") is True
    assert page.input_value("select[name=round]") == kind
    assert shown(page) == matching(round=kind)
    # Back on the home page and forward again: the page brought back is wired up again.
    page.go_back()
    page.wait_for_selector("#hb-bank-controls", state="detached")
    page.go_forward()
    page.wait_for_selector(WIRED)
    assert page.locator("#hb-bank-controls form").count() == 1
    other = next(k for k in option_counts(page, "round") if k and k != kind)
    page.select_option("select[name=round]", other)
    assert shown(page) == matching(round=other)
    assert page.errors == []


def test_random_question_comes_from_the_current_selection(page, site_url):
    kind = busiest("round")
    difficulty = Counter(q.difficulty for q in QUESTIONS if q.round == kind).most_common(1)[0][0]
    pool = matching(round=kind, difficulty=difficulty)
    assert len(pool) >= 2, "the test needs a selection with a choice in it"
    for _ in range(2):
        open_bank(page, site_url, f"?round={kind}&difficulty={difficulty}")
        page.click(".hb-bank-random")
        page.wait_for_url(re.compile(r".*/questions/[a-z0-9-]+/$"))
        landed = urlsplit(page.url).path.rstrip("/").rsplit("/", 1)[-1]
        assert landed in pool
        assert page.locator(f'.hb-question[data-question="{landed}"]').count() == 1
    assert page.errors == []


def test_a_track_page_link_opens_the_bank_filtered_to_its_track_and_round(page, site_url):
    page.goto(f"{site_url}tracks/pm/")
    link = page.locator(".hb-track-questions .hb-more a").first
    track, kind = re.search(r"\?track=([\w-]+)&round=([\w-]+)", link.get_attribute("href")).groups()
    link.click()
    page.wait_for_selector(WIRED)
    assert shown(page) == matching(track=track, round=kind)
    assert page.locator("select[name=track]").input_value() == track
    assert page.locator("select[name=round]").input_value() == kind
    assert page.errors == []


def test_a_question_links_to_its_round_on_a_phone_and_lands_on_it(page, instant_url):
    # Rounds off the screen are drawn only when they near it (bank.css), so a link to the last
    # round crosses every round before it while their heights are still estimates.
    page.set_viewport_size({"width": 360, "height": 740})
    controls = WIRED  # folded away on a phone, but there
    page.goto(f"{instant_url}questions/")
    page.wait_for_selector(controls, state="attached")
    last = page.eval_on_selector_all("section.hb-round", "els => els.map(el => el.dataset.round)")[-1]
    question = next(q for q in QUESTIONS if q.round == last)
    page.goto(f"{instant_url}questions/{question.id}/")
    page.wait_for_load_state("networkidle")  # the sitemap, which instant navigation waits for
    page.evaluate("window.__sameDocument = true")
    page.locator(".hb-facts a", has_text=HB.round_kinds[last].name).click()
    page.wait_for_selector(controls, state="attached")
    assert page.evaluate("window.__sameDocument") is True
    heading = page.locator(f"#round-{last}-heading")
    tops = [heading.evaluate("el => el.getBoundingClientRect().top")]
    while len(tops) < 3 or (abs(tops[-1] - tops[-2]) > 1 and len(tops) < 25):  # until it stops moving
        page.wait_for_timeout(200)
        tops.append(heading.evaluate("el => el.getBoundingClientRect().top"))
    assert 0 <= tops[-1] < 160, f"the round's heading ends {tops[-1]:.0f} px from the top of the screen"
    assert page.errors == []
