"""The practice tools in Chromium: a timed drill that is rated and
remembered, stories that draw every critique, the dual-track ranking with its
tie rule, and an offer calculator that agrees with the pay page on every band."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import expect

from macros import critique as story_rules
from macros.load import load_handbook
from macros.text import plain
from macros.tools import drill as drill_tool
from macros.tools import scoring as scoring_tool
from tests.conftest import DATA

pytestmark = pytest.mark.browser

HB = load_handbook(DATA)
QUESTION = HB.questions["tell-failure-metric-dip-recovered"]
RULE_IDS = [r.id for r in HB.practice.critique.rules]


def open_tool(page, base: str, path: str, ready: str) -> None:
    page.goto(base + path)
    page.wait_for_selector(ready)


# -- where to start (home page) -------------------------------------------------------------


def test_the_home_page_turns_a_track_and_a_date_into_steps_and_remembers_them(page, site_url):
    import datetime

    open_tool(page, site_url, "", "#hb-start[data-ready]")
    general = page.locator(".hb-start-static")
    assert general.is_visible() and page.locator(".hb-start-result").inner_text() == ""
    tracks = page.eval_on_selector_all("select[name=track] option", "options => options.map(o => o.value)")
    assert tracks == list(HB.tracks)

    date = (datetime.date.today() + datetime.timedelta(days=10)).isoformat()
    page.select_option("select[name=track]", tracks[-1])
    page.fill("input[name=date]", date)
    assert page.locator(".hb-start-when").inner_text().startswith("10 days to go")
    assert not general.is_visible()
    links = page.eval_on_selector_all(".hb-start-steps a", "links => links.map(a => a.getAttribute('href'))")
    assert links[0].endswith(f"/tracks/{tracks[-1]}/") and f"date={date}" in links[1]

    page.reload()
    page.wait_for_selector(".hb-start-steps")
    assert page.locator("select[name=track]").input_value() == tracks[-1]
    assert page.locator("input[name=date]").input_value() == date
    page.fill("input[name=date]", "")
    assert general.is_visible() and page.locator(".hb-start-result").inner_text() == ""
    assert page.errors == []


def test_the_home_pages_steps_open_the_plan_and_the_drill_on_the_readers_track_and_date(page, site_url):
    import datetime

    track = list(HB.tracks)[-1]
    date = (datetime.date.today() + datetime.timedelta(days=12)).isoformat()
    open_tool(page, site_url, "", "#hb-start[data-ready]")
    page.select_option("select[name=track]", track)
    page.fill("input[name=date]", date)
    page.locator(".hb-start-steps a", has_text="study plan").click()
    page.wait_for_selector("#hb-plan [data-day]")
    assert page.locator("#hb-plan select[name=track]").input_value() == track
    assert page.locator("#hb-plan input[type=date]").input_value() == date
    assert page.locator("#hb-plan [data-day]").count() == 12
    assert page.url.endswith("/practice/plan/")  # a reload keeps what the reader changes next

    later = (datetime.date.today() + datetime.timedelta(days=20)).isoformat()
    page.goto(site_url + f"practice/plan/?track={track}&date={later}")  # a saved plan, and another date asked for
    page.wait_for_selector("#hb-plan [data-day]")
    assert page.locator("#hb-plan [data-day]").count() == 20
    page.goto(site_url + "practice/plan/")
    page.wait_for_selector("#hb-plan [data-day]")
    assert page.locator("#hb-plan input[type=date]").input_value() == later

    page.goto(site_url)
    page.wait_for_selector("#hb-start[data-ready]")  # the steps' links carry the saved plan's track
    page.locator(".hb-start-steps a", has_text="Drill questions").click()
    page.wait_for_selector("#hb-drill[data-question]")
    assert page.locator("#hb-drill select[name=track]").input_value() == track
    expect(page.locator(".hb-drill-count")).to_have_text(f"{sum(track in q.tracks for q in HB.questions.values())} questions match.")
    asked = page.get_attribute("#hb-drill", "data-question")
    assert track in HB.questions[asked].tracks
    assert page.errors == []


def test_without_javascript_the_home_page_gives_the_advice_as_a_list(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url)
    assert page.locator(".hb-start-static li").count() >= 3
    assert not page.locator(".hb-start-form").is_visible()
    context.close()


# -- drill ----------------------------------------------------------------------------------


def test_a_drill_times_out_reveals_rates_and_remembers(page, site_url):
    open_tool(page, site_url, f"practice/drill/?question={QUESTION.id}", f'#hb-drill[data-question="{QUESTION.id}"]')
    assert page.locator(".hb-drill-prompt").inner_text() == plain(QUESTION.prompt)
    assert page.locator(".hb-clock").inner_text() == "0:45"  # a behavioral question opens on the 45 s opener
    screen = next(q for q in HB.questions.values() if q.round == "screen")
    open_tool(page, site_url, f"practice/drill/?question={screen.id}", f'#hb-drill[data-question="{screen.id}"]')
    assert page.locator(".hb-clock").inner_text() == "2:00"  # one answer's length, not the 45-minute screen
    open_tool(page, site_url, f"practice/drill/?question={QUESTION.id}", f'#hb-drill[data-question="{QUESTION.id}"]')

    page.select_option("select[name=timer]", "custom")
    page.fill("input[name=custom-seconds]", "1")
    page.locator("input[name=custom-seconds]").blur()  # leave the field so the keys reach the drill
    assert page.locator(".hb-clock").inner_text() == "0:01"
    page.keyboard.press("s")
    page.wait_for_selector('#hb-drill[data-timer="done"]')
    assert "Time's up" in page.locator(".hb-drill-status").inner_text()
    assert page.locator(".hb-clock").inner_text() == "0:00"
    assert page.evaluate("document.activeElement.matches('input.md-search__input')") is False

    answer = page.locator(".hb-drill-answer")
    assert answer.is_visible()  # time's up opens the reveal, model answer first
    page.keyboard.press("r")  # and the reveal key leaves it open
    assert answer.is_visible()
    text = answer.inner_text()
    assert plain(QUESTION.model_answer.split("\n")[0])[:60] in text
    assert all(step.step in text for step in QUESTION.outline)
    assert plain(QUESTION.strong_answer[0]) in text and plain(QUESTION.red_flags[0]) in text

    page.keyboard.press("2")
    page.keyboard.press("3")  # a second rating corrects the first
    assert page.locator('.hb-rate[aria-pressed="true"]').inner_text() == "3 Passable"
    log = page.locator(".hb-drill-log tbody tr")
    assert log.count() == 1
    assert (log.get_attribute("data-question"), log.get_attribute("data-rating")) == (QUESTION.id, "3")

    page.reload()
    page.wait_for_selector(f'#hb-drill[data-question="{QUESTION.id}"]')
    assert page.locator(".hb-drill-log tbody tr").get_attribute("data-rating") == "3"
    weakest = page.locator('.hb-weak-list[data-area="round"] li').first
    assert weakest.get_attribute("data-key") == QUESTION.round and weakest.get_attribute("data-average") == "3.00"
    assert page.locator("select[name=timer]").input_value() == "custom"
    assert page.locator("input[name=custom-seconds]").input_value() == "1"
    saved = page.evaluate("HB.store.get('drill:history', [])")
    assert [(e["q"], e["r"]) for e in saved] == [(QUESTION.id, 3)]
    assert page.errors == []


def test_the_drill_asks_its_question_before_the_answers_arrive(page, site_url):
    held = []
    page.route("**/assets/answers/*.json", lambda route: held.append(route))
    open_tool(page, site_url, f"practice/drill/?question={QUESTION.id}", f'#hb-drill[data-question="{QUESTION.id}"]')
    assert page.locator(".hb-drill-prompt").inner_text() == plain(QUESTION.prompt)
    page.keyboard.press("r")
    answer = page.locator(".hb-drill-answer")
    assert answer.inner_text() == "Loading the answer…"
    assert [route.request.url.rsplit("/", 1)[1] for route in held] == [f"{QUESTION.id}.json"], "not only this question's answers"
    held[0].continue_()
    page.wait_for_selector(".hb-drill-answer .hb-model-answer")
    assert plain(QUESTION.model_answer.split("\n")[0])[:60] in answer.inner_text()


def test_an_answer_that_cannot_be_loaded_points_to_the_question_page(page, site_url):
    page.route("**/assets/answers/*.json", lambda route: route.fulfill(status=503, body=""))
    open_tool(page, site_url, f"practice/drill/?question={QUESTION.id}", f'#hb-drill[data-question="{QUESTION.id}"]')
    page.keyboard.press("r")
    page.wait_for_selector(".hb-drill-answer .hb-error")
    link = page.locator(".hb-drill-answer .hb-error a")
    assert link.get_attribute("href").endswith(f"/questions/{QUESTION.id}/")


def test_next_question_follows_the_filters_and_the_weakest_area_comes_first(page, site_url):
    open_tool(page, site_url, "practice/drill/", "#hb-drill[data-question]")
    from_the_build = page.locator(".hb-drill-count").inner_text()
    assert from_the_build == f"{len(HB.questions)} questions match."
    page.select_option("select[name=round]", "compliance")
    page.locator("select[name=round]").blur()
    expected = sum(q.round == "compliance" for q in HB.questions.values())
    expect(page.locator(".hb-drill-count")).to_have_text(f"{expected} questions match.")  # once the questions file is here
    seen = []
    for rating in ("1", "5", "4"):
        qid = page.locator("#hb-drill").get_attribute("data-question")
        assert HB.questions[qid].round == "compliance"
        seen.append(qid)
        page.keyboard.press(rating)
        page.keyboard.press("n")
        page.wait_for_function("id => document.querySelector('#hb-drill').dataset.question !== id", arg=qid)
    page.select_option("select[name=round]", "")
    page.locator("select[name=round]").blur()
    expect(page.locator(".hb-drill-count")).to_have_text(from_the_build)  # counted by the script this time
    page.keyboard.press("n")
    qid = page.locator("#hb-drill").get_attribute("data-question")
    page.keyboard.press("5")
    if HB.questions[qid].round != "compliance":
        assert page.locator('.hb-weak-list[data-area="round"] li').first.get_attribute("data-key") == "compliance"
    assert page.locator(".hb-drill-log tbody tr").count() == 4
    assert page.errors == []


def test_drill_weights_in_the_browser_match_the_python_rule(page, site_url):
    open_tool(page, site_url, "practice/drill/", "#hb-drill[data-question]")
    ids = list(HB.questions)[:8]
    history = [{"q": ids[0], "r": 1}, {"q": ids[1], "r": 5}, {"q": ids[2], "r": 2}, {"q": ids[0], "r": 4},
               {"q": ids[3], "r": 3}, {"q": ids[4], "r": 1}]  # fmt: skip
    rule = json.loads(page.get_attribute("#hb-drill", "data-config"))["repetition"]
    in_browser = page.evaluate("([ids, h, rule]) => HB.practice.drillWeights(ids, h, rule)", [ids, history, rule])
    assert in_browser == pytest.approx(drill_tool.drill_weights(ids, history, HB.practice.repetition))


def test_a_question_page_links_to_the_drill_for_that_question(page, site_url):
    page.goto(f"{site_url}questions/{QUESTION.id}/")
    link = page.locator(f'.hb-practice a[href*="practice/drill"][href$="?question={QUESTION.id}"]')
    link.click()
    page.wait_for_selector(f'#hb-drill[data-question="{QUESTION.id}"]')
    assert page.locator(".hb-drill-prompt").inner_text() == plain(QUESTION.prompt)
    # The theme opens its search box for a "q" in the address; the drill's link never does.
    page.reload()
    page.wait_for_selector(f'#hb-drill[data-question="{QUESTION.id}"]')
    assert page.evaluate("document.getElementById('__search').checked") is False
    page.keyboard.press("r")
    assert page.locator(".hb-drill-answer").is_visible()
    assert page.errors == []


STARTER = drill_tool.starter_question(HB)
PROMPT_TOP = """(selector) => document.querySelector(selector).getBoundingClientRect().top
  - document.querySelector('#hb-drill').getBoundingClientRect().top"""


def test_a_first_visit_opens_on_the_question_the_page_already_shows(page, site_url):
    held = []
    page.route("**/assets/bundles/drill.js", lambda route: held.append(route))
    page.goto(site_url + "practice/drill/", wait_until="domcontentloaded")  # the held script holds back "load"
    page.evaluate("document.querySelector('#hb-drill .hb-drill-prompt').hbPainted = true")
    for _ in range(50):  # the drill's script is asked for once the theme has started
        if held:
            break
        page.wait_for_timeout(100)
    assert held, "the drill's script was not asked for"
    held[0].continue_()
    page.wait_for_selector("#hb-drill[data-question]")
    assert page.get_attribute("#hb-drill", "data-question") == STARTER.id
    # the very paragraph painted first is the drill's question: it is not drawn again
    assert page.evaluate("document.querySelector('#hb-drill-prompt').hbPainted") is True
    assert page.locator(".hb-drill-prompt").inner_text() == plain(STARTER.prompt)
    page.keyboard.press("n")  # the next question comes once the questions file is here
    page.wait_for_function("id => document.querySelector('#hb-drill').dataset.question !== id", arg=STARTER.id)


def test_a_filter_chosen_earlier_lets_the_rule_choose_the_first_question(page, site_url):
    other = next(r for r in HB.round_kinds if r != STARTER.round and any(q.round == r for q in HB.questions.values()))
    open_tool(page, site_url, "practice/drill/", "#hb-drill[data-question]")
    page.evaluate("(round) => HB.store.set('drill:prefs', { round: round })", other)
    page.reload()
    page.wait_for_selector("#hb-drill[data-question]")
    assert HB.questions[page.get_attribute("#hb-drill", "data-question")].round == other


@pytest.mark.parametrize("width", [360, 768, 1280])
def test_the_first_question_stays_in_place_when_the_drill_starts(browser, site_url, width):
    context = browser.new_context(viewport={"width": width, "height": 800})
    try:
        waiting = context.new_page()  # the page as painted before the drill's script has run
        waiting.route("**/assets/bundles/drill.js", lambda route: route.abort())
        waiting.goto(site_url + "practice/drill/")
        before = waiting.evaluate(PROMPT_TOP, "#hb-drill .hb-drill-prompt")
        live = context.new_page()
        live.goto(site_url + "practice/drill/")
        live.wait_for_selector(f'#hb-drill[data-question="{STARTER.id}"]')
        assert abs(live.evaluate(PROMPT_TOP, "#hb-drill-prompt") - before) <= 3
    finally:
        context.close()


def test_without_javascript_the_drill_still_offers_a_question(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site_url + "practice/drill/")
        assert page.locator("#hb-drill .hb-nojs").is_visible()
        assert page.locator("#hb-drill .hb-drill-prompt").inner_text() == plain(STARTER.prompt)
        assert page.locator("#hb-drill .hb-drill-meta a").get_attribute("href").endswith(f"/questions/{STARTER.id}/")
        controls = page.locator("#hb-drill :is(select, input, button)")
        assert controls.count() > 0 and not any(control.is_visible() for control in controls.all())
    finally:
        context.close()


def test_the_drill_on_paper_is_its_question_without_the_controls(page, site_url):
    open_tool(page, site_url, "practice/drill/", "#hb-drill[data-question]")
    page.emulate_media(media="print")
    assert page.locator("#hb-drill-prompt").is_visible()
    for part in (".hb-drill-controls", ".hb-drill-clockrow", ".hb-drill-buttons", ".hb-drill-rating"):
        assert page.locator(f"#hb-drill {part}").is_hidden(), part


def test_an_unknown_question_id_falls_back_to_another_question(page, site_url):
    open_tool(page, site_url, "practice/drill/?question=no-such-question", "#hb-drill[data-question]")
    assert "no-such-question" in page.locator(".hb-drill-status").inner_text()
    assert page.errors == []


def test_the_drill_fits_a_phone_screen(page, site_url):
    page.set_viewport_size({"width": 375, "height": 740})
    open_tool(page, site_url, "practice/drill/", "#hb-drill[data-question]")
    overflow = page.evaluate("document.querySelector('#hb-drill').scrollWidth - document.querySelector('#hb-drill').clientWidth")
    assert overflow <= 1
    assert page.locator("[data-action=start]").is_visible() and page.locator(".hb-rate").first.is_visible()


# -- story builder ---------------------------------------------------------------------------

FILLER = " ".join(["We then walked every regional desk through the new flow and wrote it all up."] * 8)
WEAK_STORY = {
    "decision": "We decided as a team to improve engagement on the futures screen.",
    "metric": "Much better than before.",
    "alignment": "I would align with stakeholders. " + FILLER,
}


def critique_rules_shown(page) -> set[str]:
    return set(page.eval_on_selector_all(".hb-critique .hb-finding", "rows => rows.map(r => r.dataset.rule)"))


def test_a_story_draws_every_critique_then_clears_and_is_saved(page, site_url):
    open_tool(page, site_url, "practice/stories/", "#hb-stories.hb-tool--live")
    page.fill("input[name=title]", "Futures screen redesign")
    for name, text in WEAK_STORY.items():
        page.fill(f"textarea[data-field={name}]", text)
    assert critique_rules_shown(page) == set(RULE_IDS)
    shown_phrases = set(page.eval_on_selector_all(".hb-finding[data-phrase]", "rows => rows.map(r => r.dataset.phrase)"))
    assert {"decided-as-team", "improved-engagement", "align-stakeholders"} <= shown_phrases
    instead = page.locator('.hb-finding[data-phrase="decided-as-team"]').inner_text()
    assert plain(HB.red_flags["decided-as-team"].instead) in instead
    assert int(page.locator(".hb-story-estimate").get_attribute("data-seconds")) > 45

    opener = "I decided to replace the market-depth API, which cut order-fill latency by 31% and unlocked $1.9M of quarterly volume."
    page.fill("textarea[data-field=decision]", opener)
    page.fill("textarea[data-field=metric]", "31% lower latency; $1.9M of quarterly volume.")
    page.fill("textarea[data-field=alignment]", "Risk, engineering and compliance shipped it in 4 weeks.")
    assert critique_rules_shown(page) == set()
    assert page.locator(".hb-critique-ok").is_visible()
    page.click("[data-action=save]")

    page.reload()
    page.wait_for_selector("#hb-stories.hb-tool--live")
    assert page.locator(".hb-story-saved li .hb-story-name").all_inner_texts() == ["Futures screen redesign"]
    assert page.locator("input[name=title]").input_value() == "Futures screen redesign"
    assert page.locator("textarea[data-field=metric]").input_value() == "31% lower latency; $1.9M of quarterly volume."
    assert page.errors == []


def test_star_comparison_flags_the_late_metric(page, site_url):
    open_tool(page, site_url, "practice/stories/", "#hb-stories.hb-tool--live")
    page.check("input[name=hb-story-format][value=star]")
    assert page.locator("textarea[data-field=situation]").is_visible()
    page.fill("textarea[data-field=situation]", "Our futures auto-hedge rollout hit latency spikes.")
    page.fill("textarea[data-field=task]", "I had to choose between a rollback and a hotfix.")
    page.fill("textarea[data-field=action]", "I rolled back within 48 hours and added a latency monitor.")
    page.fill("textarea[data-field=result]", "DAU recovered from a 12% dip, protecting $2.5M in revenue.")
    assert critique_rules_shown(page) == {"metric-first"}
    assert page.locator(".hb-story-spoken").inner_text().startswith("Our futures auto-hedge rollout")


@pytest.mark.parametrize(
    ("fmt", "fields"),
    [
        ("dma", WEAK_STORY),
        ("dma", {"decision": "I led a team to improve the UI.", "metric": "", "alignment": ""}),
        ("dma", {"decision": "Our launch failed, and we learned a lesson.", "metric": "We balanced risk and speed.", "alignment": ""}),
        ("dma", {"decision": "I chose to redesign KYC.", "metric": "It improved conversion by 12%.", "alignment": "It was decided."}),
        ("star", {"situation": "A 15 ms latency spike.", "task": "Decide.", "action": "We throttled APIs.", "result": "99.9% uptime."}),
    ],
)
def test_the_browser_critique_matches_the_python_one(page, site_url, fmt, fields):
    open_tool(page, site_url, "practice/stories/", "#hb-stories.hb-tool--live")
    config = json.loads(page.get_attribute("#hb-stories", "data-config"))
    in_browser = page.evaluate("([f, fmt, c]) => HB.practice.critique(f, fmt, c)", [fields, fmt, config])
    expected = story_rules.critique(fields, fmt, HB.practice.critique.rules, HB.red_flags.values())
    assert [(f["rule"], f.get("field"), f.get("phrase")) for f in in_browser] == [(f.rule, f.field, f.phrase) for f in expected]


def test_stories_can_be_listed_edited_deleted_and_printed(page, site_url):
    open_tool(page, site_url, "practice/stories/", "#hb-stories.hb-tool--live")
    for title, decision in (("First", "I chose A, cutting churn by 4%."), ("Second", "I chose B, saving $1.1M.")):
        page.click("[data-action=new]")
        page.fill("input[name=title]", title)
        page.fill("textarea[data-field=decision]", decision)
    assert sorted(page.locator(".hb-story-saved .hb-story-name").all_inner_texts()) == ["First", "Second"]

    page.locator(".hb-story-saved li", has_text="First").locator("[data-action=edit]").click()
    assert page.locator("textarea[data-field=decision]").input_value() == "I chose A, cutting churn by 4%."
    page.fill("textarea[data-field=decision]", "I chose A, cutting churn by 5%.")

    page.emulate_media(media="print")
    bank = page.locator(".hb-story-print")
    assert bank.is_visible() and page.locator(".hb-story-editor").is_hidden()
    assert "cutting churn by 5%" in bank.inner_text() and "Second" in bank.inner_text()
    assert page.locator("h1").is_hidden()
    page.emulate_media(media="screen")
    assert bank.is_hidden()

    page.once("dialog", lambda dialog: dialog.accept())
    page.locator(".hb-story-saved li", has_text="Second").locator("[data-action=delete]").click()
    assert page.locator(".hb-story-saved .hb-story-name").all_inner_texts() == ["First"]
    page.reload()
    page.wait_for_selector(".hb-story-saved")
    assert page.locator(".hb-story-saved .hb-story-name").all_inner_texts() == ["First"]
    assert page.errors == []


def test_stories_and_drill_history_travel_in_the_progress_export(page, site_url):
    open_tool(page, site_url, "practice/stories/", "#hb-stories.hb-tool--live")
    page.fill("input[name=title]", "Exported story")
    page.fill("textarea[data-field=decision]", "I chose to halt the listing, keeping 92% of volume.")
    page.evaluate("HB.store.set('drill:history', [{q: 'x', r: 2, t: '2026-01-01T00:00:00Z'}])")
    exported = page.evaluate("JSON.stringify(HB.store.exportAll())")
    names = json.loads(exported)["data"]
    assert "drill:history" in names and any(n.startswith("story:") for n in names)

    page.evaluate("localStorage.clear()")
    page.reload()
    page.wait_for_selector(".hb-story-saved, .hb-story-list p")
    # As the import button does: every tool's script first, so each can accept its own keys.
    result = page.evaluate("text => HB.load.all().then(() => HB.store.importAll(HB.store.parseExport(text).data))", exported)
    assert sorted(result["kept"]) == sorted(names) and result["skipped"] == []
    assert page.locator(".hb-story-saved .hb-story-name").all_inner_texts() == ["Exported story"]
    bad = page.evaluate("HB.store.importAll({'story:zzz': {id: 'other'}, 'drill:history': [{q: 1}]})")
    assert sorted(bad["skipped"]) == ["drill:history", "story:zzz"]
    assert page.errors == []


# -- tools drawn into the page at build time ----------------------------------------------------

# page -> the tool, its result, a field whose "input" event has the script draw the result again
# without a change, and a line of that result.
DRAWN_AT_BUILD = {  # page -> the tool, the part its script redraws, a field that makes it redraw, a line of that part,
    # and a line of the version shown without scripts
    "practice/offer/": ("#hb-offer", ".hb-offer-out", "input[name=base]", "$388,750", "$388,750"),
    "practice/scoring/": ("#hb-scoring", ".hb-scoring-result", "input[name=floor]", "KYC automation goes first.", "KYC automation"),
    "practice/stories/": ("#hb-stories", ".hb-story-editor", "textarea[name=decision]", "Start writing and the critique", "on paper"),
    "practice/mock/": ("#hb-mock", ".hb-mock-live", "select[name=round]", "questions to deal from.", "run one on paper"),
}
# The result as the reader sees it: page.js marks a table wrapper that scrolls sideways after a
# layout, which a freshly drawn result has not had yet.
RESULT = """selector => {
  const out = document.querySelector(selector).cloneNode(true);
  out.querySelectorAll(".hb-table-wrap").forEach(w => ["tabindex", "role", "aria-label"].forEach(a => w.removeAttribute(a)));
  return out.innerHTML;
}"""
COUNT_REDRAWS = """window.__redrawn = 0;
document.addEventListener("DOMContentLoaded", () => {
  const result = document.querySelector(%r);
  new MutationObserver(records => { window.__redrawn += records.length; }).observe(result, { childList: true, subtree: true });
});"""


@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize("path", DRAWN_AT_BUILD)
def test_a_tool_is_in_the_page_as_its_script_draws_it_and_is_not_drawn_again(browser, site_url, path, width):
    tool, result, field, line, _ = DRAWN_AT_BUILD[path]
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    page.add_init_script(COUNT_REDRAWS % f"{tool} {result}")
    page.goto(site_url + path)
    page.locator(f"{tool}.hb-tool--live").wait_for()
    page.wait_for_timeout(300)
    assert page.evaluate("window.__redrawn") == 0, "the script drew the opening example again"
    from_the_build = page.evaluate(RESULT, f"{tool} {result}")
    assert line in from_the_build
    page.dispatch_event(f"{tool} {field}", "input")  # the script draws the same figures itself
    assert page.evaluate("window.__redrawn") > 0
    assert markup(page.evaluate(RESULT, f"{tool} {result}")) == markup(from_the_build)
    context.close()


def markup(html: str) -> str:
    # The build breaks the line between blocks so that search reads their words apart
    # (macros/search.py, separate_blocks); a script draws them without it.
    return html.replace(">\n<", "><").strip("\n")


# page -> the tool and a line of its version without scripts; the plan's form is drawn at build
# time too, but its script draws nothing on a first visit (tests/browser/test_plan.py)
WITHOUT_SCRIPTS = {path: (tool[0], tool[4]) for path, tool in DRAWN_AT_BUILD.items()} | {"practice/plan/": ("#hb-plan", "two fixed plans")}


@pytest.mark.parametrize("path", WITHOUT_SCRIPTS)
def test_without_javascript_a_tool_drawn_at_build_shows_its_example_and_no_dead_form(browser, site_url, path):
    tool, static = WITHOUT_SCRIPTS[path]
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site_url + path)
        assert page.locator(".hb-nojs").first.is_visible()
        assert static in page.locator(f"{tool} .hb-tool-static").inner_text()
        controls = page.locator(f"{tool} :is(input, select, textarea, button)")
        assert controls.count() > 0 and not any(control.is_visible() for control in controls.all())
    finally:
        context.close()


# -- scoring ------------------------------------------------------------------------------------


SCORING_LIVE = "#hb-scoring.hb-tool--live"


def ranking(page) -> list[tuple[str, str, str | None]]:
    return page.eval_on_selector_all(
        ".hb-scoring-result tbody tr", "rows => rows.map(r => [r.dataset.name, r.dataset.status, r.dataset.rank || null])"
    )


def test_the_scoring_example_is_ranked_with_the_tie_rule_and_kept_in_the_address(page, site_url):
    open_tool(page, site_url, "practice/scoring/", SCORING_LIVE)
    assert ranking(page) == [["KYC automation", "ranked", "1"], ["Growth-only proposal", "gated", None]]
    assert page.locator(".hb-scoring-summary").inner_text() == "KYC automation goes first."
    assert "under the floor of 50" in page.locator('.hb-scoring-result tr[data-name="Growth-only proposal"]').inner_text()

    page.click("[data-action=add]")
    row = page.locator(".hb-scoring-inputs tbody tr").last
    row.locator("input[name=name]").fill("Mirror image")
    row.locator("input[name=compliance]").fill("62")
    row.locator("input[name=growth]").fill("78")
    assert ranking(page)[:2] == [["KYC automation", "ranked", "1"], ["Mirror image", "ranked", "1"]]
    summary = page.locator(".hb-scoring-summary").inner_text()
    assert summary.startswith("The top spot is a tie.") and "regional risk officer" in summary
    assert "Tied with Mirror image" in page.locator('.hb-scoring-result tr[data-name="KYC automation"]').inner_text()
    shared = page.locator("input[name=share]").input_value()
    assert "Mirror+image%7C62%7C78" in shared and shared == page.url

    page.fill("input[name=floor]", "20")
    page.locator(".hb-scoring-inputs tr", has=page.locator('input[value="Growth-only proposal"]')).locator("input[name=growth]").fill("95")
    assert ranking(page)[-1] == ["Growth-only proposal", "ranked", "3"]

    page.reload()
    page.wait_for_selector(SCORING_LIVE)
    assert [r[0] for r in ranking(page)] == ["KYC automation", "Mirror image", "Growth-only proposal"]
    assert page.locator("input[name=floor]").input_value() == "20"

    page.goto(shared)  # the link someone else would open, in a fresh visit
    page.wait_for_selector(SCORING_LIVE)
    assert page.locator("input[name=floor]").input_value() == "50"
    assert ranking(page)[:2] == [["KYC automation", "ranked", "1"], ["Mirror image", "ranked", "1"]]
    page.goto(f"{site_url}practice/scoring/")  # no query: the last state comes back from storage
    page.wait_for_selector(SCORING_LIVE)
    assert len(ranking(page)) == 3
    page.click("[data-action=reset]")
    assert ranking(page) == [["KYC automation", "ranked", "1"], ["Growth-only proposal", "gated", None]]
    assert page.errors == []


def test_the_browser_ranking_matches_the_python_one(page, site_url):
    open_tool(page, site_url, "practice/scoring/", SCORING_LIVE)
    items = [("A", 78, 62), ("B", 62, 78), ("C", 30, 99), ("D", 55, None), ("E", 90, 10), ("F", 50, 50)]
    config = json.loads(page.get_attribute("#hb-scoring", "data-config"))
    js = page.evaluate(
        "([items, c]) => HB.practice.rankInitiatives(items, c, 50).map(r => [r.item.name, r.status, r.rank || null])",
        [[{"name": n, "compliance": c, "growth": g} for n, c, g in items], config],
    )
    py = scoring_tool.rank_initiatives([scoring_tool.Initiative(*i) for i in items], HB.practice.scoring)
    assert js == [[r.initiative.name, r.status, r.rank] for r in py]


# -- offer --------------------------------------------------------------------------------------


def annualised(page) -> int:
    return int(page.locator("#hb-offer-annualised").get_attribute("data-value"))


def year_values(page, attribute: str) -> list[int]:
    return [
        int(v) for v in page.eval_on_selector_all(".hb-offer-out .hb-offer-years tbody tr", f"rows => rows.map(r => r.dataset.{attribute})")
    ]


OFFER_LIVE = "#hb-offer.hb-tool--live"


def test_the_sample_offer_is_computed_and_its_terms_survive_a_reload(page, site_url):
    open_tool(page, site_url, "practice/offer/", OFFER_LIVE)
    assert annualised(page) == 388_750
    assert "$388,750" in page.locator("#hb-offer-annualised").inner_text()
    assert year_values(page, "total") == [422_500, 377_500, 377_500, 377_500]
    assert "$437,500" in page.locator(".hb-offer-cap").inner_text()  # the bonus at its 75% cap

    page.fill("input[name=cliff]", "18")
    assert year_values(page, "equity") == [0, 170_000, 85_000, 85_000]
    assert annualised(page) == 388_750  # the cliff moves money between years, not the annualised figure
    page.select_option("select[name=equity_mode]", "total")
    page.fill("input[name=equity]", "340000")
    page.select_option("select[name=cadence]", "yearly")
    page.fill("input[name=cliff]", "0")
    assert year_values(page, "equity") == [85_000] * 4 and annualised(page) == 388_750
    page.fill("input[name=years]", "2")
    assert year_values(page, "equity") == [170_000, 170_000]
    assert annualised(page) == 195_000 + 97_500 + 170_000 + 22_500

    page.reload()
    page.wait_for_selector(OFFER_LIVE)
    assert page.locator("input[name=years]").input_value() == "2"
    assert page.locator("select[name=equity_mode]").input_value() == "total"
    assert annualised(page) == 485_000
    page.click("[data-action=reset]")
    assert annualised(page) == 388_750
    assert page.errors == []


def test_the_offer_calculator_and_the_pay_page_agree_on_every_band(page, site_url):
    page.goto(f"{site_url}pay/")
    on_pay = {
        band: (int(low), int(high))
        for band, low, high in page.eval_on_selector_all(
            "tr[data-band][data-annual-low]", "rows => rows.map(r => [r.dataset.band, r.dataset.annualLow, r.dataset.annualHigh])"
        )
    }
    assert set(on_pay) == set(HB.bands)

    open_tool(page, site_url, "practice/offer/", OFFER_LIVE)
    checked = set()
    for track in page.eval_on_selector_all("select[name=track] option", "os => os.map(o => o.value)"):
        page.select_option("select[name=track]", track)
        bands = page.eval_on_selector_all(".hb-offer-bands tr[data-band]", "rows => rows.map(r => r.dataset.band)")
        assert set(bands) == {b.id for b in HB.bands_for(track)}
        for band in bands:
            row = page.locator(f'.hb-offer-bands tr[data-band="{band}"]')
            shown = (int(row.get_attribute("data-annual-low")), int(row.get_attribute("data-annual-high")))
            assert shown == on_pay[band], band
            row.locator("[data-action=try-low]").click()
            assert annualised(page) == on_pay[band][0], f"{band} low end"
            row = page.locator(f'.hb-offer-bands tr[data-band="{band}"]')
            assert row.get_attribute("data-position") == "within"
            row.locator("[data-action=try-high]").click()
            assert annualised(page) == on_pay[band][1], f"{band} high end"
            checked.add(band)
    assert checked == set(on_pay)
    assert page.errors == []


def test_the_scoring_share_link_carries_the_table_and_no_section_anchor(page, site_url):
    page.goto(f"{site_url}practice/scoring/#the-rule")
    page.wait_for_selector(SCORING_LIVE)
    page.fill("input[name=floor]", "40")
    shared = page.locator("input[name=share]").input_value()
    assert "#" not in shared and shared == page.url.split("#")[0] and shared != f"{site_url}practice/scoring/"


def test_the_scoring_table_prints_without_its_share_link(page, site_url):
    open_tool(page, site_url, "practice/scoring/", SCORING_LIVE)
    page.emulate_media(media="print")
    assert page.locator("input[name=share]").is_hidden()
    assert page.locator(".hb-scoring-summary").is_visible()


def test_the_offer_bands_print_without_the_try_it_column(page, site_url):
    open_tool(page, site_url, "practice/offer/", OFFER_LIVE)
    page.locator(".hb-offer-bands tr[data-band]").first.wait_for()
    page.emulate_media(media="print")
    headers = page.eval_on_selector_all(".hb-offer-bands th", "ths => ths.filter(th => th.offsetParent).map(th => th.textContent)")
    assert headers == ["Band", "Annualised", "Your offer"]
    assert page.locator(".hb-offer-bands [data-action^=try-]").first.is_hidden()


def test_a_control_reached_by_tab_in_a_sideways_scrolling_table_shows_whole(page, site_url):
    # At 360 px the bands table is wider than its box and each row's High end button sat half
    # past the box's edge; the browser scrolls only a control that is wholly out of view.
    page.set_viewport_size({"width": 360, "height": 740})
    open_tool(page, site_url, "practice/offer/", OFFER_LIVE)
    page.locator(".hb-offer-bands [data-action=try-low]").first.focus()
    page.keyboard.press("Tab")
    place = page.evaluate(
        """(() => { const a = document.activeElement, box = a.closest(".hb-table-wrap").getBoundingClientRect(),
                    it = a.getBoundingClientRect();
                    return {action: a.dataset.action, overflows: box.right - box.left < a.closest("table").offsetWidth,
                            inside: it.left >= box.left - 0.5 && it.right <= box.right + 0.5}; })()"""
    )
    assert place == {"action": "try-high", "overflows": True, "inside": True}


def focused(page) -> str:
    return page.evaluate(
        """(() => { const a = document.activeElement;
                    return a === document.body ? 'body' : a.tagName + ':' + (a.dataset.action || a.name || a.id); })()"""
    )


def test_focus_stays_on_a_control_when_a_button_redraws_its_part_of_the_tool(page, site_url):
    open_tool(page, site_url, "practice/scoring/", SCORING_LIVE)
    rows = page.locator(".hb-scoring-inputs tbody tr").count()
    page.locator(".hb-scoring-inputs [data-action=remove]").first.focus()
    page.keyboard.press("Enter")
    assert page.locator(".hb-scoring-inputs tbody tr").count() == rows - 1
    assert focused(page) == "BUTTON:remove"
    page.locator("[data-action=add]").focus()
    page.keyboard.press("Enter")
    assert focused(page) == "INPUT:name"

    open_tool(page, site_url, "practice/offer/", OFFER_LIVE)
    band = page.locator(".hb-offer-bands tr[data-band]").first.get_attribute("data-band")
    page.locator(f'.hb-offer-bands tr[data-band="{band}"] [data-action=try-high]').focus()
    page.keyboard.press("Enter")
    assert focused(page) == "BUTTON:try-high"
    assert page.evaluate("document.activeElement.closest('tr').dataset.band") == band

    page.goto(site_url + "practice/mock/")
    page.wait_for_selector('#hb-mock[data-view="setup"]')
    page.locator("[data-action=deal]").focus()
    page.keyboard.press("Enter")
    page.wait_for_selector('#hb-mock[data-view="candidate"]')
    assert focused(page) == "H2:hb-mock-view"
