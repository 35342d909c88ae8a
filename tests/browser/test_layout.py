"""Layout as readers see it: on a 360 px phone, in both colour schemes, and on paper.
Every page of the built site is checked for sideways scrolling (in the dark scheme; in the
light one, whose sizes are the same, the pages that show every kind of element); the pay page, the
timelines, the practice tools, the bank and the print output are checked in detail."""

from __future__ import annotations

import io
import re
import time
import unicodedata

import pytest
from pypdf import PdfReader

from macros.load import load_handbook
from tests.browser.sweep import covering_pages, pages_containing, site_pages
from tests.browser.wrappers import TABLE_NAME, mismarked_wrappers
from tests.conftest import DATA, serve_sitemap_for, watched_page

pytestmark = pytest.mark.browser

HB = load_handbook(DATA)
PHONE = {"width": 360, "height": 740}
TOOLS = {  # page -> its main action, which must be on the first screen of a phone
    "practice/drill/": "#hb-drill [data-action=start]",
    "practice/scoring/": "#hb-scoring input[type=number]",
    "practice/stories/": "#hb-stories textarea",
    "practice/offer/": "#hb-offer input",
}


@pytest.fixture(scope="module", params=["light", "dark"])
def phone(browser, request):
    context = browser.new_context(viewport=PHONE, color_scheme=request.param, is_mobile=True, has_touch=True)
    page = watched_page(context)
    page.scheme = request.param
    yield page
    context.close()


# Table wrappers wider than their box. The build's own tables sit in div.hb-scroll; a practice
# tool's drawn result (the offer's year by year) sits in .hb-table-wrap.
TOO_WIDE = f"""(selector) => Array.from(document.querySelectorAll(selector))
  .filter(box => box.scrollWidth > box.clientWidth + 1)
  .map({TABLE_NAME})"""


def test_no_page_scrolls_sideways_at_360_px_and_only_a_tools_figures_scroll_by_keyboard(phone, site, site_url):
    wide, mismarked, tables = [], [], []
    for path in site_pages(site) if phone.scheme == "dark" else covering_pages(site):
        phone.goto(site_url + path)
        width = phone.evaluate("document.documentElement.scrollWidth")
        if width > PHONE["width"]:
            wide.append(f"{path or 'home'} ({width} px)")
        if too_wide := phone.evaluate(TOO_WIDE, ".hb-scroll"):
            tables.append(f"{path or 'home'}: {too_wide}")
        if wrong := mismarked_wrappers(phone):
            mismarked.append(f"{path or 'home'}: {wrong}")
    assert not wide, f"{len(wide)} pages scroll sideways: {', '.join(wide[:20])}"
    assert not tables, f"tables the build made scroll sideways on a phone: {tables[:10]}"
    assert not mismarked, f"table wrappers not marked for their width: {mismarked[:10]}"
    assert phone.errors == []


def test_on_a_wide_screen_no_table_scrolls_sideways(page, site, site_url):
    """Every page the build put a table on, and the pages of every kind, where a tool draws its own."""
    page.set_viewport_size({"width": 1280, "height": 800})
    tables = []
    for path in sorted({*pages_containing(site, "<table"), *covering_pages(site)}):
        page.goto(site_url + path)
        if too_wide := page.evaluate(TOO_WIDE, ".hb-scroll, .hb-table-wrap"):
            tables.append(f"{path or 'home'}: {too_wide}")
    assert not tables, f"tables scroll sideways at 1280 px: {tables[:10]}"
    assert page.errors == []


# Pages with a table that turns into one card a row on a phone (.hb-stack): each cell then
# shows its column's name.
STACKED = ["key-figures/", "practice/drill/", "pay/"]


@pytest.mark.parametrize("path", STACKED)
def test_on_a_phone_stacked_tables_are_cards_with_every_cell_named_and_in_view(phone, site_url, path):
    phone.goto(site_url + path)
    cards = phone.evaluate(
        """() => Array.from(document.querySelectorAll('.hb-stack tbody tr'), row => ({
          right: Math.max(...Array.from(row.cells, cell => cell.getBoundingClientRect().right)),
          names: Array.from(row.cells).slice(1).map(cell => getComputedStyle(cell, '::before').content),
          labels: Array.from(row.cells).slice(1).map(cell => '"' + cell.dataset.label + '"'),
        }))"""
    )
    assert cards
    for card in cards:
        assert card["right"] <= PHONE["width"]
        assert card["names"] == card["labels"]


def test_the_scheme_follows_the_system_until_the_reader_picks_one(phone, site_url):
    phone.goto(site_url)
    dark = phone.evaluate("matchMedia('(prefers-color-scheme: dark)').matches")
    scheme = phone.get_attribute("body", "data-md-color-scheme")
    assert scheme == ("slate" if dark else "default")
    phone.locator("form[data-md-component=palette] label:visible").first.click()
    phone.reload()
    assert phone.get_attribute("body", "data-md-color-scheme") == ("default" if dark else "slate")
    phone.evaluate("localStorage.clear()")


def test_the_pay_page_on_a_phone_is_cards_with_the_annualised_total_in_view(phone, site_url):
    phone.goto(site_url + "pay/")
    rows = phone.locator(".hb-pay tbody tr")
    assert rows.count() == len(HB.bands)
    for i in range(rows.count()):
        total = rows.nth(i).locator("td.hb-annual strong")
        box = total.bounding_box()
        assert total.is_visible() and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
        assert rows.nth(i).locator("td.hb-annual").evaluate("td => getComputedStyle(td, '::before').content") == '"Annualised total"'
    # The chart either keeps its labels at 11 px or more, or gives way to the cards.
    chart = phone.locator(".hb-paychart")
    if chart.is_visible():
        smallest = chart.evaluate("svg => Math.min(...[...svg.querySelectorAll('text')].map(t => t.getBoundingClientRect().height))")
        assert smallest >= 11


def test_loop_timelines_name_each_round_with_its_minutes_at_a_readable_size(phone, site_url):
    track = next(iter(HB.tracks.values()))
    phone.goto(f"{site_url}tracks/{track.id}/")
    timeline = phone.locator(".hb-timeline").first
    labels = timeline.evaluate("svg => [...svg.querySelectorAll('.hb-tl-label')].map(t => t.textContent)")
    assert labels and all(re.search(r"\d+(–\d+)? min|length not stated", label) for label in labels), labels
    smallest = timeline.evaluate("svg => Math.min(...[...svg.querySelectorAll('.hb-tl-label')].map(t => t.getBoundingClientRect().height))")
    assert smallest >= 11
    round_names = {r.name for loop in HB.loops.values() for r in loop.rounds}
    assert any(name in label for label in labels for name in round_names)


@pytest.mark.parametrize("width", [360, 1280])
def test_no_timeline_label_runs_past_the_pictures_edge(page, site_url, width):
    page.set_viewport_size({"width": width, "height": 800})
    overflowing = []
    for track in HB.tracks.values():
        page.goto(f"{site_url}tracks/{track.id}/")
        overflowing += page.eval_on_selector_all(
            ".hb-timeline",
            """svgs => svgs.flatMap(svg => { const edge = svg.getBoundingClientRect().right + 0.5;
                 return [...svg.querySelectorAll('.hb-tl-label tspan')]
                   .filter(t => t.getBoundingClientRect().right > edge).map(t => t.textContent); })""",
        )
    assert overflowing == []


# A chart's labels as drawn, against the page's running text (at 360 px the timeline's labels are
# smaller, but at least 11 px: above).
CHART_TEXT = """() => { const body = parseFloat(getComputedStyle(document.querySelector(".md-typeset p")).fontSize);
  return [...document.querySelectorAll(".md-content svg[role=img]")].filter(svg => svg.getBoundingClientRect().width > 0)
    .flatMap(svg => [...svg.querySelectorAll("text")]
      .map(t => parseFloat(getComputedStyle(t).fontSize) * svg.getScreenCTM().a / body)); }"""


@pytest.mark.parametrize("path", ["tracks/pm/", "pay/"])
@pytest.mark.parametrize("media, width", [("screen", 1280), ("print", 718)])
def test_a_charts_labels_are_drawn_near_the_size_of_the_text_around_it(page, site_url, path, media, width):
    # The timeline once stretched to the whole column, its labels larger than the page's headings.
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(site_url + path)
    page.emulate_media(media=media)
    ratios = page.evaluate(CHART_TEXT)
    assert ratios and all(0.7 <= r <= 1.3 for r in ratios), sorted({round(r, 2) for r in ratios})


@pytest.mark.parametrize("path", TOOLS)
def test_each_practice_tool_shows_its_main_action_on_the_first_screen(phone, site_url, path):
    phone.goto(site_url + path)
    action = phone.locator(TOOLS[path]).first
    action.wait_for()
    box = action.bounding_box()
    assert box["y"] + box["height"] <= PHONE["height"], f"{TOOLS[path]} ends at y={box['y'] + box['height']:.0f}"


def test_the_bank_filters_fold_behind_one_button_on_a_phone(phone, site_url):
    phone.goto(site_url + "questions/")
    phone.wait_for_selector("#hb-bank-controls[data-ready]", state="attached")
    toggle = phone.locator(".hb-bank-toggle")
    assert phone.locator(".hb-bank-filters").is_hidden()
    assert toggle.get_attribute("aria-expanded") == "false"
    toggle.click()
    assert phone.locator(".hb-bank-filters select").first.is_visible()
    phone.select_option(".hb-bank-filters select[name=round]", index=1)
    assert re.fullmatch(r"Filters \(1 on\)", toggle.inner_text())


def test_on_a_wide_screen_the_bank_filters_show_without_the_button(page, site_url):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(site_url + "questions/")
    page.locator(".hb-bank-filters select").first.wait_for()
    assert page.locator(".hb-bank-toggle").is_hidden()


SKIP_TARGETS = [("practice/drill/", "hb-drill"), ("questions/", "hb-bank-controls"), ("pay/", "hb-content"), ("", "hb-start")]


@pytest.mark.parametrize("path, target", SKIP_TARGETS)
def test_the_first_tab_stop_skips_to_the_tool_or_the_content(page, site_url, path, target):
    page.goto(site_url + path)
    page.wait_for_function("window.HB && HB.page")
    page.keyboard.press("Tab")
    link = page.evaluate("({text: document.activeElement.textContent.trim(), hash: document.activeElement.hash})")
    assert link["hash"] == f"#{target}" and link["text"].startswith("Skip to")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == target


@pytest.mark.parametrize("path, target", SKIP_TARGETS)
def test_on_a_phone_the_skip_target_and_the_next_stop_show_below_the_sticky_header(page, site_url, path, target):
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(site_url + path)
    page.wait_for_function("window.HB && HB.page")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    for _ in range(2):
        place = page.evaluate(
            """() => ({id: document.activeElement.id || document.activeElement.tagName,
                       top: document.activeElement.getBoundingClientRect().top,
                       header: document.querySelector(".md-header").getBoundingClientRect().bottom})"""
        )
        assert place["top"] >= place["header"] - 1, place
        page.keyboard.press("Tab")


def test_on_a_phone_the_closed_navigation_drawer_takes_no_tab_stops(page, site_url):
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(site_url + "practice/drill/")
    page.wait_for_function("window.HB && HB.page")
    off_screen = []
    for _ in range(25):
        page.keyboard.press("Tab")
        place = page.evaluate(
            "(() => { const a = document.activeElement; return [a.getBoundingClientRect().right, a.textContent.trim()]; })()"
        )
        if place[0] <= 0:
            off_screen.append(place[1])
    assert off_screen == []
    page.locator("label.md-header__button[for=__drawer]").click()
    link = page.locator(".md-sidebar--primary a.md-nav__link").first
    link.wait_for(state="visible")
    link.focus()
    assert page.evaluate("document.activeElement.closest('.md-sidebar--primary') !== null")


# Where the focused element's middle (of its first line) is, the reader sees it: nothing covers it but the search's
# translucent shade, nothing clips it away. The scheme switch is a hidden radio button drawn by
# the label after it.
SEEN_WHEN_FOCUSED = """() => {
  const a = document.activeElement, shown = a.matches(".md-option") ? a.nextElementSibling : a;
  if (a === document.body) return null;
  const r = shown && shown.getClientRects()[0], x = r && r.left + r.width / 2, y = r && r.top + r.height / 2;
  const seen = !!r && r.width > 0 && r.height > 0 && x >= 0 && x < innerWidth && y >= 0 && y < innerHeight
    && shown.checkVisibility({ opacityProperty: true, visibilityProperty: true })
    && shown.contains(document.elementsFromPoint(x, y).find((e) => !e.matches(".md-search__overlay")));
  return seen ? null : `${a.tagName}.${a.className} ${(a.textContent || a.getAttribute("aria-label") || "").trim().slice(0, 30)}`;
}"""


@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize("path", ["frameworks/", "practice/drill/"])
def test_every_early_tab_stop_is_one_the_reader_can_see(page, site_url, path, width):
    # The theme's search box on phones, and its results list beside the navigation, once took
    # tab stops while shrunk to nothing; so did the closed navigation drawer on phones.
    page.set_viewport_size({"width": width, "height": 740})
    page.goto(site_url + path)
    page.wait_for_function("window.HB && HB.page")
    page.add_style_tag(content="*, *::before, *::after { transition: none !important; }")  # the skip link fades in
    unseen = []
    for _ in range(12):
        page.keyboard.press("Tab")
        unseen.append(page.evaluate(SEEN_WHEN_FOCUSED))
    assert [stop for stop in unseen if stop] == []


def test_the_search_still_opens_and_answers_by_keyboard_on_a_phone(page, site_url):
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(site_url + "frameworks/")
    page.wait_for_function("window.HB && HB.page")
    page.keyboard.press("/")
    page.wait_for_function("document.activeElement.matches('.md-search__input')")
    page.keyboard.type("custody")
    page.locator(".md-search-result__item a").first.wait_for(state="visible")
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.matches('.md-search-result__link')")
    assert page.evaluate(SEEN_WHEN_FOCUSED) is None


def test_a_question_page_without_headings_still_has_a_skip_link(page, site_url):
    question = next(iter(HB.questions.values()))
    page.goto(f"{site_url}questions/{question.id}/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.hash") == "#hb-content"


# page -> a table of figures on it, as the reader sees it (the tools' tables as their scripts keep them)
FIGURE_TABLES = {
    "pay/": ".hb-pay table",
    "practice/offer/": "#hb-offer.hb-tool--live .hb-offer-out .hb-offer-years",
    "practice/scoring/": "#hb-scoring.hb-tool--live .hb-scoring-result .hb-ranking",
}


@pytest.mark.parametrize("path", FIGURE_TABLES)
def test_tables_are_padded_and_figures_right_aligned(page, site_url, path):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(site_url + path)
    table = page.locator(FIGURE_TABLES[path])
    table.wait_for()
    cells = table.locator("td").evaluate_all(
        """tds => tds.map(td => { const s = getComputedStyle(td); return [td.textContent.trim(), s.textAlign,
             td.previousElementSibling ? parseFloat(s.paddingLeft) : 8, parseFloat(s.paddingRight)]; })"""
    )  # a row's first cell keeps a narrower gap to the table's edge
    figures = [c for c in cells if re.fullmatch(r"[$]?\d[\d,.]*%?", c[0])]
    assert figures and all(align == "right" for _, align, _, _ in figures), figures
    assert all(left >= 8 and right >= 8 for _, _, left, right in figures), figures


def test_on_a_phone_each_initiatives_reason_sits_under_its_figures_in_view(phone, site_url):
    phone.goto(site_url + "practice/scoring/")
    rows = phone.locator("#hb-scoring.hb-tool--live .hb-scoring-result .hb-ranking tbody tr")
    rows.first.wait_for()
    for row in rows.all():
        figures, why = row.locator("td").first.bounding_box(), row.locator("td").last.bounding_box()
        assert why["x"] >= 0 and why["x"] + why["width"] <= PHONE["width"]
        assert why["y"] >= figures["y"] + figures["height"] - 1


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_charts_take_their_colours_from_the_theme(browser, site_url, scheme):
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    page.goto(site_url + "pay/")
    fill, variable = page.evaluate(
        """() => { const r = document.querySelector('.hb-pc-total');
                   return [getComputedStyle(r).fill, getComputedStyle(document.body).getPropertyValue('--hb-chart-total').trim()]; }"""
    )
    context.close()
    rgb = tuple(int(variable[i : i + 2], 16) for i in (1, 3, 5))
    assert fill == f"rgb({rgb[0]}, {rgb[1]}, {rgb[2]})"


# -- paper ----------------------------------------------------------------------------


def test_a_printed_loop_keeps_its_heading_on_the_page_of_its_timeline(page, site_url):
    # The timeline went to the next page and left its heading and source line at the foot of the one before.
    for track in HB.tracks.values():
        page.goto(f"{site_url}tracks/{track.id}/")
        loops = page.eval_on_selector_all(
            ".hb-loop",
            """loops => loops.filter(loop => loop.querySelector(".hb-timeline"))
                 .map(loop => [loop.previousElementSibling.textContent.replace("¶", "").trim(),
                                          loop.querySelector(".hb-timeline .hb-tl-label tspan").textContent.trim()])""",
        )
        pages = [" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(page.pdf(format="A4"))).pages]
        for heading, first_label in loops:
            on = [i for i, text in enumerate(pages) if heading in text]
            # The label's line ends the line in the picture; in the list of rounds a "·" follows it.
            drawn = [i for i, text in enumerate(pages) if re.search(rf"{re.escape(first_label)} (?!·)", text)]
            assert on and drawn and on[0] == drawn[0], (track.id, heading, on, drawn)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_pay_page_prints_on_two_a4_pages_with_every_column_and_note(browser, site_url, tmp_path, scheme):
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    page.goto(site_url + "pay/")
    out = tmp_path / "pay.pdf"
    page.pdf(path=str(out), format="A4", print_background=True)
    reader = PdfReader(out)
    text = re.sub(r"\s+", "", " ".join(p.extract_text() for p in reader.pages))
    assert len(reader.pages) <= 2
    for band in HB.bands.values():
        assert band.sources[0] in text
    for header in ["Track", "Level", "Base", "Bonus", "Equityortokens", "Sign-on", "Annualisedtotal", "Source"]:
        assert header in text
    for band in HB.bands.values():
        if band.note:
            assert "".join(band.note.split()[:8]) in unicodedata.normalize("NFKC", text), band.id
    totals = page.eval_on_selector_all(".hb-pay td.hb-annual strong", "els => els.map(e => e.textContent.replace(/\\s+/g, ''))")
    assert totals and all(t in text for t in totals)
    # In print layout the table fits the page width (A4 less the margins, 182 mm = 688 px).
    page.emulate_media(media="print")
    page.set_viewport_size({"width": 688, "height": 1000})
    assert page.evaluate("document.querySelector('.hb-pay table').getBoundingClientRect().right") <= 688
    context.close()


def test_every_printed_page_has_a_header_with_the_name_and_address_and_no_line_through(page, site_url):
    page.goto(site_url + "pay/")
    page.emulate_media(media="print")
    header = page.locator(".hb-print-header")
    assert header.is_visible()
    assert header.inner_text().startswith("Binance PM Interview Handbook · ") and header.inner_text().endswith("/pay/")
    checks = header.evaluate(
        """h => { const s = getComputedStyle(h); const text = document.createRange(); text.selectNodeContents(h);
                  const t = text.getBoundingClientRect(), b = h.getBoundingClientRect();
                  const line = b.bottom - parseFloat(s.borderBottomWidth);
                  return {decoration: s.textDecorationLine, lineBelowText: line >= t.bottom - 0.5}; }"""
    )
    assert checks == {"decoration": "none", "lineBelowText": True}


def test_the_story_bank_prints_its_stories_or_says_there_are_none(page, site_url):
    page.goto(site_url + "practice/stories/")
    page.locator("#hb-stories.hb-tool--live").wait_for()
    page.emulate_media(media="print")
    note = page.evaluate("getComputedStyle(document.querySelector('.hb-story-print'), '::after').content")
    assert "No stories are saved" in note
    assert page.locator(".hb-story-print").is_visible()
    page.emulate_media(media="screen")
    page.locator("#hb-stories input[name=title]").first.fill("Cutting withdrawal time")
    page.locator("#hb-stories textarea").first.fill("I decided to cut the withdrawal review time by 40% for 2 million users.")
    page.locator("#hb-stories textarea").first.blur()
    page.wait_for_function("() => document.querySelector('.hb-story-print .hb-story-card')")
    page.emulate_media(media="print")
    assert page.locator(".hb-story-print .hb-story-card").first.is_visible()
    assert getattr(page, "errors", []) == []


LIVE = {path: f"#hb-{path.split('/')[1]}.hb-tool--live" for path in ("practice/drill/", "practice/stories/", "practice/scoring/",
        "practice/offer/", "practice/mock/", "practice/plan/")} | {"questions/": "#hb-bank-controls[data-ready]",
        "checklists/": ".hb-checklists[data-hb-ready]", "checklists/screen/": ".hb-checklist[data-hb-ready]",
        "": "#hb-start[data-ready]"}  # fmt: skip
RECORD_SHIFTS = """window.__shifts = [];
new PerformanceObserver(list => list.getEntries().forEach(e => { if (!e.hadRecentInput) window.__shifts.push(e.value); }))
  .observe({type: "layout-shift", buffered: true});"""


def after_start(browser, url: str, path: str, viewport: dict, recorder: str, read: str, settle_ms: int, prepare=None):
    """Open `path` with `recorder` running before any script (and `prepare(page)` called first,
    if given), wait until its component is live and `settle_ms` more, and return what `read`
    evaluates to."""
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    if prepare:
        prepare(page)
    page.add_init_script(recorder)
    page.goto(url + path)
    page.locator(LIVE[path]).wait_for()
    page.wait_for_timeout(settle_ms)
    result = page.evaluate(read)
    context.close()
    return result


@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize("path", LIVE)
def test_nothing_moves_while_a_page_starts_its_script(browser, site_url, path, width):
    viewport = {"width": width, "height": 740 if width == 360 else 900}
    shift = after_start(browser, site_url, path, viewport, RECORD_SHIFTS, "window.__shifts.reduce((a, b) => a + b, 0)", 500)
    assert shift < 0.02, f"{path} at {width} px: layout shift {shift:.3f}"


# A script of the handbook's own, as opposed to the theme's (assets/javascripts/); the recorders
# below name it OURS.
OURS = r"/\/assets\/(?!javascripts\/)/"
# Each of these loads the browser's locale data on its first call, a cost a phone pays at start-up.
RECORD_LOCALE_CALLS = """window.__localeCalls = [];
const watch = (owner, name) => {
  const original = owner[name];
  owner[name] = function (...args) {
    const caller = (new Error().stack.split("\\n")[2] || "").trim();
    if (OURS.test(caller)) window.__localeCalls.push(name + " " + caller);
    return original.apply(this, args);
  };
};
watch(Number.prototype, "toLocaleString");
watch(String.prototype, "localeCompare");
for (const name of ["toLocaleString", "toLocaleDateString", "toLocaleTimeString"]) watch(Date.prototype, name);
for (const name of ["NumberFormat", "Collator", "DateTimeFormat"]) watch(Intl, name);""".replace("OURS", OURS)


@pytest.mark.parametrize("path", LIVE)
def test_no_script_of_the_handbook_loads_locale_data_while_a_page_starts(browser, site_url, path):
    calls = after_start(browser, site_url, path, PHONE, RECORD_LOCALE_CALLS, "window.__localeCalls", 300)
    assert calls == [], f"{path}: {calls}"


RECORD_SCRIPT_ADDS = """window.__scriptAdds = [];
let starting = false;
document.addEventListener("DOMContentLoaded", () => { starting = true; setTimeout(() => { starting = false; }); }, true);
const appendChild = Node.prototype.appendChild;
Node.prototype.appendChild = function (node) {
  if (node instanceof HTMLScriptElement && OURS.test(node.src)) {
    window.__scriptAdds.push({script: node.src.split("/assets/")[1], duringStart: starting});
  }
  return appendChild.call(this, node);
};""".replace("OURS", OURS)


def theme_script_arrives_last(page) -> None:
    """Hold the theme's script back, as a phone's network does (35 KB gzipped, the largest file
    a page starts with), so the page is parsed up to it and painted before the theme starts."""

    def late(route):
        time.sleep(0.3)
        route.continue_()

    page.route("**/assets/javascripts/bundle.*.js", late)


@pytest.mark.parametrize("path", LIVE)
def test_the_handbook_adds_its_scripts_after_the_themes_start_up_task(browser, site_url, path):
    adds = after_start(browser, site_url, path, PHONE, RECORD_SCRIPT_ADDS, "window.__scriptAdds", 0, theme_script_arrives_last)
    assert adds, f"{path}: no script of the handbook was added"
    assert [add["script"] for add in adds if add["duringStart"]] == [], path


START_REQUESTS = """() => {
  const started = performance.getEntriesByType("navigation")[0].domContentLoadedEventStart;
  return performance.getEntriesByType("resource").filter(e => e.startTime < started).map(e => new URL(e.name).pathname);
}"""


@pytest.mark.parametrize("path", ["", "questions/", "checklists/screen/", "pay/", "practice/drill/"])
def test_until_the_theme_starts_a_page_asks_for_no_file_of_the_handbooks_but_its_stylesheet(page, site_url, path):
    """On a phone every file asked for at start shares the network with the theme's script, which
    the page's start-up waits for: the loader is in the page, and the icon comes after the start."""
    page.goto(site_url + path)
    ours = [p.split("/assets/")[1] for p in page.evaluate(START_REQUESTS) if re.search(r"/assets/(?!javascripts/|stylesheets/)", p)]
    assert ours == ["handbook.bundle.css"], path
    assert page.locator("link[rel=icon]").get_attribute("href").endswith("assets/images/favicon.svg"), path


# page -> the files of the handbook's scripts it loads: every page's own, and one per component.
SCRIPT_FILES = {
    "": ["page", "start"], "questions/": ["page", "bank"], "questions/order-book-failover-availability/": ["page"],
    "checklists/": ["page", "checklists"], "checklists/screen/": ["page", "checklists"], "pay/": ["page"],
    "frameworks/three-c-lens/": ["page"], "practice/": ["page"],
    **{f"practice/{tool}/": ["page", tool] for tool in ("drill", "stories", "scoring", "offer", "mock", "plan")},
}  # fmt: skip
OUR_SCRIPTS = """() => performance.getEntriesByType("resource").map(e => new URL(e.name).pathname)
  .filter(p => /\\/assets\\/(?!javascripts\\/).*\\.js$/.test(p)).map(p => p.split("/assets/")[1])"""


@pytest.mark.parametrize("path", SCRIPT_FILES)
def test_a_page_loads_one_file_of_script_per_component_it_has(page, site_url, path):
    page.goto(site_url + path)
    page.wait_for_load_state("networkidle")
    assert sorted(page.evaluate(OUR_SCRIPTS)) == sorted(f"bundles/{name}.js" for name in SCRIPT_FILES[path])
    assert page.errors == []


@pytest.mark.parametrize("tool", ["drill", "stories", "scoring", "offer", "mock", "plan"])
def test_a_tool_reached_by_instant_navigation_starts_and_the_scripts_it_shares_run_once(page, site_url, tool):
    """The checklists' file and each tool's carry the store: on the tool's page, reached without
    a reload, the store the checklists started is still the one in use."""
    serve_sitemap_for(page, site_url)
    page.goto(site_url + "checklists/")
    page.wait_for_selector(".hb-checklists[data-hb-ready]")
    page.wait_for_load_state("networkidle")
    page.evaluate(
        """url => {
          window.hbSamePage = true;
          HB.store.hbFirst = true;
          const link = Object.assign(document.createElement("a"), {href: url, id: "hb-to-tool", textContent: "Tool"});
          document.querySelector("article").append(link);
        }""",
        f"{site_url}practice/{tool}/",
    )
    page.click("#hb-to-tool")
    page.wait_for_url(f"{site_url}practice/{tool}/")
    page.wait_for_selector(f"#hb-{tool}.hb-tool--live")
    assert page.evaluate("window.hbSamePage === true"), "the page reloaded: instant navigation was not exercised"
    assert page.evaluate("HB.store.hbFirst === true"), "the store ran again and replaced the one in use"
    # The header, skip link and all, stays from the checklists page: the link now leads to this
    # page's target (the tool, or the content where the page names no tool).
    skip = page.evaluate("(a => [a.pathname, a.hash, a.textContent])(document.querySelector('a[data-hb-skip]'))")
    target = page.get_attribute("#hb-content", "data-skip")
    assert skip[:2] == [f"/practice/{tool}/", f"#{target}"] and skip[2].startswith("Skip to"), skip
    assert target in (f"hb-{tool}", "hb-content")
    if tool == "drill":  # its own keys work: the script runs, not only the markup
        first = page.get_attribute("#hb-drill", "data-question")
        page.keyboard.press("n")
        page.wait_for_function("id => document.querySelector('#hb-drill').dataset.question !== id", arg=first)
    assert page.errors == []
