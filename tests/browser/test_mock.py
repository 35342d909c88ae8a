"""The mock interview in Chromium: a full mock run from the candidate's and the interviewer's
views ending in its feedback sheet, the sheet printed on one page and copied as text, the
result feeding the drill, and both views on a phone and under axe in both colour schemes."""

from __future__ import annotations

import io
import json
import unicodedata
from urllib.parse import parse_qs, urlsplit

import pytest
from pypdf import PdfReader

from macros.load import load_handbook
from macros.text import plain
from macros.tools import drill as drill_tool
from tests.browser.test_a11y import serious_violations
from tests.conftest import DATA

pytestmark = pytest.mark.browser

HB = load_handbook(DATA)
ROUND = "behavioral"
SIGNALS = list(HB.ratings[ROUND].signals)
SCORES = [2, 4, 1, 5, 3]  # Quantified impact (1) and Decision ownership (2) are the weakest two


def deal(page, base: str, track: str = "pm", round_kind: str = ROUND) -> str:
    page.goto(base + "practice/mock/")
    page.wait_for_selector('#hb-mock[data-view="setup"]')
    page.select_option("select[name=track]", track)
    page.select_option("select[name=round]", round_kind)
    page.click("[data-action=deal]")
    page.wait_for_selector('#hb-mock[data-view="candidate"]')
    return page.locator("input[name=interviewer-link]").input_value()


def score_and_finish(page, scores=SCORES, note="Lead with the number.") -> None:
    for i, score in enumerate(scores):
        page.locator(f'input[name="score-{i}"][value="{score}"]').check()
    page.fill('textarea[name="note-0"]', note)
    page.fill('textarea[name="overall"]', "Good recovery story; the opener ran long.")
    page.click("[data-action=finish]")
    page.wait_for_selector("#mock-feedback")


def test_a_full_mock_from_both_views_writes_the_feedback_sheet(context, page, site_url):
    answers_asked = []
    context.on("request", lambda r: answers_asked.append(r.url.rsplit("/", 1)[1]) if "/assets/answers" in r.url else None)
    link = deal(page, site_url)
    qid = page.locator("#hb-mock").get_attribute("data-question")
    question = HB.questions[qid]
    assert ROUND == question.round and "pm" in question.tracks
    # the candidate never sees the rubric, the red flags or the follow-ups
    assert page.locator("#hb-mock input[type=radio], .hb-mock-rubric, .hb-mock-flags, .hb-mock-followups").count() == 0
    # the interviewer's link carries the question id, the round and the seed, nothing else
    query = parse_qs(urlsplit(link).query)
    assert set(query) == {"view", "question", "round", "seed"}
    assert (query["question"], query["round"]) == ([qid], [ROUND])

    with context.expect_page() as opened:
        page.click("[data-action=open-interviewer]")
    interviewer = opened.value
    interviewer.errors = []
    interviewer.on("pageerror", lambda err: interviewer.errors.append(str(err)))
    interviewer.wait_for_selector('#hb-mock[data-view="interviewer"]')
    assert interviewer.locator(".hb-mock-prompt").inner_text() == plain(question.prompt)
    assert interviewer.locator(".hb-mock-boxes li").all_inner_texts()[0] == "Story opener: ends at 0:45"
    assert interviewer.locator(".hb-mock-followups li").count() == len(question.follow_ups)
    assert interviewer.locator(".hb-mock-flags li").count() == len(question.red_flags)
    # dealing needs no answers; the interviewer's view fetches the dealt question's, and no other
    assert answers_asked == [f"{qid}.json"]
    assert interviewer.locator("fieldset.hb-mock-signal legend").all_inner_texts() == SIGNALS
    levels = interviewer.locator(".hb-mock-levels dd").all_inner_texts()
    assert levels == [plain(level.sounds_like) for level in HB.ratings[ROUND].levels]

    interviewer.click("[data-action=clock]")
    interviewer.wait_for_function("document.querySelector('.hb-mock-clock .hb-clock').textContent !== '0:00'", timeout=3000)
    interviewer.click("[data-action=clock]")
    if question.follow_ups:
        interviewer.locator("input[data-follow-up='0']").check()
    interviewer.locator("input[data-flag='0']").check()
    interviewer.click("[data-action=finish]")  # nothing scored yet
    assert "Score every signal first" in interviewer.locator(".hb-mock-rubric .hb-mock-status").inner_text()
    score_and_finish(interviewer)

    sheet = interviewer.locator("#mock-feedback")
    rows = sheet.locator("tbody tr")
    assert [(r.get_attribute("data-signal"), r.get_attribute("data-score")) for r in rows.all()] == list(
        zip(SIGNALS, map(str, SCORES), strict=True)
    )
    assert "Lead with the number." in rows.first.inner_text()
    weakest = sheet.locator(".hb-mock-weakest > li")
    assert [w.get_attribute("data-signal") for w in weakest.all()] == [SIGNALS[2], SIGNALS[0]]
    assert weakest.first.locator("a").count() >= 2  # framework steps, checklist, rating guide
    hrefs = weakest.nth(1).locator("a").evaluate_all("links => links.map(a => a.href)")
    assert any(h.endswith("/frameworks/committee-signals/") for h in hrefs)
    answer = sheet.locator(".hb-mock-answer p").all_inner_texts()
    assert answer == [plain(p) for p in question.model_answer.split("\n") if p.strip()]
    assert plain(question.red_flags[0]) in sheet.inner_text()

    # the candidate's tab shows the same sheet as soon as the interviewer saves it
    page.wait_for_selector("#mock-feedback")
    assert page.locator("#mock-feedback tbody tr").count() == len(SIGNALS)

    seed = query["seed"][0]
    saved = page.evaluate("name => HB.store.get(name, null)", f"mock:{seed}")
    assert (saved["q"], saved["round"], saved["r"]) == (qid, ROUND, 3)
    assert [s["score"] for s in saved["scores"]] == SCORES
    # the setup view lists the mock and reopens its sheet
    page.goto(site_url + "practice/mock/")
    page.wait_for_selector(f'.hb-mock-log tr[data-seed="{seed}"]')
    page.locator(f'.hb-mock-log tr[data-seed="{seed}"] a').click()
    page.wait_for_selector("#mock-feedback")
    assert page.errors == [] and interviewer.errors == []


def test_the_sheet_copies_as_text_and_prints_on_one_page(browser, site_url):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    try:
        link = deal(page, site_url)
        page.goto(link)
        page.wait_for_selector('#hb-mock[data-view="interviewer"]')
        score_and_finish(page)
        page.click("[data-action=copy]")
        page.wait_for_function("document.querySelector('#mock-feedback .hb-mock-status').textContent.includes('Copied')")
        text = page.evaluate("navigator.clipboard.readText()")
        assert text.startswith("Mock interview feedback: Behavioral and leadership")
        assert f"- {SIGNALS[2]}: 1 of 5" in text and "Work on next:" in text and "Model answer:" in text
        pdf = PdfReader(io.BytesIO(page.pdf(format="A4", print_background=False)))
        assert len(pdf.pages) == 1
        printed = pdf.pages[0].extract_text()
        assert "Feedback: Behavioral and leadership mock" in printed and "Set up a mock" not in printed
    finally:
        context.close()


def test_the_sheet_of_the_longest_question_still_prints_on_one_page(page, site_url):
    """The sheet carries the whole prompt and model answer; the longest pair in the bank fits too."""
    q = max(HB.questions.values(), key=lambda q: len(q.prompt) + len(q.model_answer or ""))
    page.goto(f"{site_url}practice/mock/?view=interviewer&question={q.id}&round={q.round}&seed=longest1")
    page.wait_for_selector('#hb-mock[data-view="interviewer"]')
    score_and_finish(page, scores=[3] * len(HB.ratings[q.round].signals))
    pdf = PdfReader(io.BytesIO(page.pdf(format="A4", print_background=False)))
    assert len(pdf.pages) == 1
    last_words = " ".join(plain(q.model_answer.strip().split("\n")[-1]).split()[-6:])
    assert last_words in " ".join(unicodedata.normalize("NFKC", pdf.pages[0].extract_text()).split())  # "ﬁ" is "fi"


def test_mock_results_feed_the_drills_weakest_areas_and_weights(page, site_url):
    link = deal(page, site_url, round_kind="compliance")
    page.goto(link)
    page.wait_for_selector('#hb-mock[data-view="interviewer"]')
    score_and_finish(page, scores=[1] * len(HB.ratings["compliance"].signals))
    page.goto(site_url + "practice/drill/")
    page.wait_for_selector("#hb-drill[data-question]")
    weakest = page.locator('.hb-weak-list[data-area="round"] li').first
    assert weakest.get_attribute("data-key") == "compliance" and weakest.get_attribute("data-average") == "1.00"

    ids = list(HB.questions)[:6]
    history = [{"q": ids[0], "r": 5, "t": "2026-01-02T00:00:00Z"}, {"q": ids[1], "r": 2, "t": "2026-01-04T00:00:00Z"}]
    mocks = [{"q": ids[0], "r": 1, "t": "2026-01-03T00:00:00Z"}, {"q": ids[2], "r": 4, "t": "2026-01-01T00:00:00Z"}]
    rule = json.loads(page.get_attribute("#hb-drill", "data-config"))["repetition"]
    in_browser = page.evaluate("([ids, h, rule, m]) => HB.practice.drillWeights(ids, h, rule, m)", [ids, history, rule, mocks])
    assert in_browser == pytest.approx(drill_tool.drill_weights(ids, history, HB.practice.repetition, mocks))
    assert page.errors == []


def test_an_incomplete_interviewer_link_falls_back_to_setup(page, site_url):
    page.goto(site_url + "practice/mock/?view=interviewer&question=no-such-question&round=behavioral&seed=abcdef")
    page.wait_for_selector('#hb-mock[data-view="setup"]')
    assert "incomplete" in page.locator(".hb-mock-status").inner_text()
    assert page.errors == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_both_views_fit_a_phone_and_pass_axe(browser, site_url, scheme):
    context = browser.new_context(viewport={"width": 360, "height": 740}, color_scheme=scheme)
    page = context.new_page()
    try:
        link = deal(page, site_url)
        views = [page]
        page.goto(link)
        page.wait_for_selector('#hb-mock[data-view="interviewer"]')
        for state in ("interviewer", "sheet"):
            if state == "sheet":
                score_and_finish(page)
            overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
            assert overflow <= 1, f"{state} scrolls sideways by {overflow}px"
            page.locator("[data-action=finish], [data-action=copy]").first.focus()
            found = serious_violations(page)
            assert not found, f"{state} ({scheme}):\n" + "\n".join(found)
        assert views
    finally:
        context.close()


def test_the_setup_is_in_the_page_counts_without_the_bank_and_comes_back_the_same(context, page, site_url):
    fetched = []
    context.on("request", lambda r: fetched.append(r.url) if r.url.endswith("questions.json") else None)
    page.goto(site_url + "practice/mock/")
    page.wait_for_selector('#hb-mock[data-view="setup"]')
    setup = page.locator(".hb-mock-live").inner_html()
    page.select_option("select[name=track]", "pm")
    page.select_option("select[name=round]", ROUND)
    n = sum(q.round == ROUND and "pm" in q.tracks for q in HB.questions.values())
    assert page.locator(".hb-mock-count").inner_text() == f"{n} questions to deal from."
    assert fetched == [], "the setup fetched the whole bank before a mock was dealt"
    page.click("[data-action=deal]")
    page.wait_for_selector('#hb-mock[data-view="candidate"]')
    assert len(fetched) == 1
    page.click("[data-action=new]")
    page.wait_for_selector('#hb-mock[data-view="setup"]')
    assert page.locator(".hb-mock-live").inner_html() == setup
    page.select_option("select[name=round]", ROUND)
    assert page.locator(".hb-mock-count").inner_text() == f"{n} questions to deal from."


def test_finishing_brings_the_feedback_sheet_into_view(page, site_url):
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(deal(page, site_url))
    page.wait_for_selector('#hb-mock[data-view="interviewer"]')
    score_and_finish(page)
    place = page.evaluate(
        """() => ({top: document.activeElement.getBoundingClientRect().top, id: document.activeElement.closest('#mock-feedback') !== null,
                   header: document.querySelector('.md-header').getBoundingClientRect().bottom})"""
    )
    assert place["id"] and place["header"] - 1 <= place["top"] < 740, place
