"""The study plan in Chromium: a 10-day plan ticked, reloaded and rolled forward after a missed
day, its calendar parsed with icalendar in several time zones, the same plans as the Python rule,
and plan ticks and mock results carried through export and import into a fresh browser."""

from __future__ import annotations

import datetime
import unicodedata
from zoneinfo import ZoneInfo

import icalendar
import pytest

from macros.load import load_handbook
from macros.tools import plan as plan_tool
from tests.browser.test_a11y import serious_violations
from tests.browser.test_mock import deal, score_and_finish
from tests.conftest import DATA

pytestmark = pytest.mark.browser

HB = load_handbook(DATA)
PLAN = plan_tool.plan_of(HB)
LONDON = ZoneInfo("Europe/London")
START = datetime.datetime(2026, 3, 2, 9, 30, tzinfo=LONDON)


def open_plan(page, base: str) -> None:
    page.goto(base + "practice/plan/")
    page.wait_for_selector("#hb-plan.hb-tool--live")


def make_plan(page, interview: datetime.date, track: str = "pm", hours: str = "2") -> None:
    page.select_option("#hb-plan select[name=track]", track)
    page.fill("#hb-plan input[name=hours]", hours)
    page.fill("#hb-plan input[type=date]", interview.isoformat())
    page.locator("#hb-plan input[type=date]").dispatch_event("change")
    page.wait_for_selector("#hb-plan [data-day]")


def days(page) -> list[str]:
    return page.eval_on_selector_all("#hb-plan [data-day]", "els => els.map(e => e.dataset.day)")


def items(page, day: str, selector: str = "li[data-item]") -> list[str]:
    return page.eval_on_selector_all(f'#hb-plan [data-day="{day}"] {selector}', "els => els.map(e => e.dataset.item)")


def tick(page, day: str, item_id: str) -> None:
    details = page.locator(f'#hb-plan [data-day="{day}"] > details')
    if details.get_attribute("open") is None:
        details.locator("summary").click()
    page.locator(f'#hb-plan [data-day="{day}"] input[data-item="{item_id}"]').check()


def calendar(page) -> icalendar.Calendar:
    link = page.locator("#hb-plan a[download]")
    assert link.get_attribute("download").endswith(".ics")
    with page.expect_download() as info:
        link.click()
    return icalendar.Calendar.from_ical(open(info.value.path(), "rb").read())


def check_calendar(cal: icalendar.Calendar, expected_days: list[str]) -> list[icalendar.Event]:
    assert str(cal["VERSION"]) == "2.0" and cal.get("PRODID")
    events = list(cal.walk("VEVENT"))
    assert len(events) == len(expected_days)
    assert len({str(e["UID"]) for e in events}) == len(events)
    for event, day in zip(events, expected_days, strict=True):
        start, end = event.decoded("DTSTART"), event.decoded("DTEND")
        # all-day events carry a date, never a time, so every time zone shows the same day
        assert type(start) is datetime.date and start.isoformat() == day
        assert end - start == datetime.timedelta(days=1)
        assert event["DTSTART"].params.get("VALUE") == "DATE"
        assert "http" in str(event["DESCRIPTION"]) and str(event["SUMMARY"]).startswith("Interview prep, day ")
    return events


def test_a_10_day_plan_is_ticked_reloaded_rolled_forward_and_exported_as_a_calendar(page, site_url):
    page.clock.set_fixed_time(START)
    open_plan(page, site_url)
    make_plan(page, START.date() + datetime.timedelta(days=10))
    dates = days(page)
    assert dates == [(START.date() + datetime.timedelta(days=i)).isoformat() for i in range(10)]
    assert page.locator(f'#hb-plan [data-day="{dates[0]}"] details').get_attribute("open") is not None
    assert page.locator(f'#hb-plan [data-day="{dates[1]}"] details').get_attribute("open") is None
    assert items(page, dates[-1]) == ["checklist:day-before"]
    expected = plan_tool.schedule(
        plan_tool.plan_config(HB, PLAN, plan_tool.PLAN_PAGE)["materials"]["pm"], plan_tool.rules_config(PLAN), 10, 120
    )
    assert [items(page, d) for d in dates] == expected["days"]

    day1, day2 = items(page, dates[0]), items(page, dates[1])
    for item_id in day1:
        tick(page, dates[0], item_id)
    tick(page, dates[1], day2[0])
    page.reload()
    page.wait_for_selector("#hb-plan [data-day]")
    assert items(page, dates[0], "li.hb-plan-item--done") == day1
    assert items(page, dates[1], "li.hb-plan-item--done") == day2[:1]

    # two days later: day 2's unticked items are rolled forward to today, and both days say so
    page.clock.set_fixed_time(START + datetime.timedelta(days=2))
    page.reload()
    page.wait_for_selector("#hb-plan [data-day]")
    today = dates[2]
    assert page.locator(f'#hb-plan [data-day="{today}"]').get_attribute("aria-current") == "date"
    assert page.locator(f'#hb-plan [data-day="{today}"] details').get_attribute("open") is not None
    missed = day2[1:]
    assert items(page, dates[1], "li.hb-plan-item--missed") == missed
    assert items(page, dates[0], "li.hb-plan-item--missed") == []
    assert items(page, today, "li.hb-plan-item--rolled") == missed
    assert "Moved from Tue 3 Mar 2026" in page.locator(f'#hb-plan [data-day="{today}"] li.hb-plan-item--rolled').first.inner_text()
    assert "moved to today's list" in page.locator(".hb-plan-rolled").inner_text()
    events = check_calendar(calendar(page), dates)
    assert "moved from" in str(events[2]["DESCRIPTION"])
    assert "Finish the checklist: The day before" in str(events[-1]["DESCRIPTION"])
    page.locator(f'#hb-plan [data-day="{today}"] input[data-item="{missed[0]}"]').click()  # it leaves today's list
    assert missed[0] not in items(page, today)
    assert missed[0] not in items(page, dates[1], "li.hb-plan-item--missed")
    assert items(page, dates[1], "li.hb-plan-item--done") == [day2[0], missed[0]]

    assert page.errors == []


def test_the_browser_builds_the_same_plans_as_the_python_rule(page, site_url):
    open_plan(page, site_url)
    config = plan_tool.plan_config(HB, PLAN, plan_tool.PLAN_PAGE)
    for track in HB.tracks:
        for days_out, hours in ((1, 2), (2, 0.5), (3, 1), (10, 2), (14, 1.5), (30, 4), (60, 2), (60, 10)):
            args = [config["materials"][track], config["rules"], days_out, round(hours * 60)]
            in_browser = page.evaluate("([m, r, d, h]) => HB.practice.planSchedule(m, r, d, h)", args)
            assert in_browser == plan_tool.schedule(*args), (track, days_out, hours)


@pytest.mark.parametrize("zone", ["Pacific/Kiritimati", "Pacific/Pago_Pago", "America/New_York", "Asia/Kolkata"])
def test_the_calendar_keeps_the_plans_dates_in_every_time_zone(browser, site_url, zone):
    # 23:30 UTC on 7 March 2026: already the 8th east of Greenwich, still the 7th west of it,
    # and New York's clocks go forward on the 8th, inside the plan
    instant = datetime.datetime(2026, 3, 7, 23, 30, tzinfo=datetime.UTC)
    local = instant.astimezone(ZoneInfo(zone)).date()
    context = browser.new_context(timezone_id=zone, accept_downloads=True)
    page = context.new_page()
    try:
        page.clock.set_fixed_time(instant)
        open_plan(page, site_url)
        make_plan(page, local + datetime.timedelta(days=10))
        dates = days(page)
        assert dates == [(local + datetime.timedelta(days=i)).isoformat() for i in range(10)]
        check_calendar(calendar(page), dates)
    finally:
        context.close()


def test_the_form_is_in_the_page_from_the_start_and_a_saved_plan_comes_back_in_it(page, site_url):
    page.clock.set_fixed_time(START)
    page.add_init_script("""window.__redrawn = 0;
document.addEventListener("DOMContentLoaded", () => {
  const count = records => { window.__redrawn += records.length; };
  new MutationObserver(count).observe(document.getElementById("hb-plan"), { childList: true, subtree: true });
});""")
    open_plan(page, site_url)
    page.wait_for_timeout(300)
    assert page.evaluate("window.__redrawn") == 0, "the script drew the form or the empty plan again"
    assert page.locator(".hb-plan-output").inner_text() == "Enter your interview date to build your plan."
    date = page.locator("#hb-plan input[type=date]")
    assert date.get_attribute("min") == (START.date() + datetime.timedelta(days=1)).isoformat()
    assert page.locator("#hb-plan select[name=track]").input_value() == PLAN.fixed_plans.track
    assert page.locator("#hb-plan input[name=hours]").input_value() == f"{PLAN.hours.default:g}"

    make_plan(page, START.date() + datetime.timedelta(days=5), track="pm", hours="1.5")
    page.reload()
    page.wait_for_selector("#hb-plan [data-day]")
    assert date.input_value() == (START.date() + datetime.timedelta(days=5)).isoformat()
    assert page.locator("#hb-plan input[name=hours]").input_value() == "1.5"
    assert len(days(page)) == 5


def test_the_date_input_refuses_a_date_beyond_the_limit(page, site_url):
    page.clock.set_fixed_time(START)
    open_plan(page, site_url)
    date = page.locator("#hb-plan input[type=date]")
    assert date.get_attribute("max") == (START.date() + datetime.timedelta(days=PLAN.max_days)).isoformat()
    page.fill("#hb-plan input[type=date]", (START.date() + datetime.timedelta(days=PLAN.max_days + 1)).isoformat())
    date.dispatch_event("change")
    assert "up to 60 days ahead" in page.locator(".hb-plan-status").inner_text()
    assert page.locator("#hb-plan [data-day]").count() == 0
    make_plan(page, START.date() + datetime.timedelta(days=PLAN.max_days))
    assert len(days(page)) == PLAN.max_days
    make_plan(page, START.date() + datetime.timedelta(days=1))
    assert days(page) == [START.date().isoformat()]


def test_plan_ticks_and_mock_results_travel_through_export_and_import(browser, site_url, tmp_path):
    first = browser.new_context(accept_downloads=True)
    page = first.new_page()
    page.clock.set_fixed_time(START)
    open_plan(page, site_url)
    make_plan(page, START.date() + datetime.timedelta(days=10))
    dates = days(page)
    ticked = items(page, dates[0])[0]
    tick(page, dates[0], ticked)
    link = deal(page, site_url)
    page.goto(link)
    page.wait_for_selector('#hb-mock[data-view="interviewer"]')
    score_and_finish(page)
    seed = page.evaluate("new URLSearchParams(location.search).get('seed')")
    page.goto(site_url + "checklists/")
    page.wait_for_selector(".hb-checklists[data-hb-ready]")
    with page.expect_download() as info:
        page.locator(".hb-export").first.click()
    exported = tmp_path / info.value.suggested_filename
    info.value.save_as(exported)
    first.close()

    fresh = browser.new_context()
    page = fresh.new_page()
    try:
        page.clock.set_fixed_time(START)
        page.goto(site_url + "checklists/")
        page.wait_for_selector(".hb-checklists[data-hb-ready]")
        page.locator("input.hb-import__file").first.set_input_files(str(exported))
        page.wait_for_function("document.querySelector('.hb-transfer__msg').textContent.startsWith('Restored')")
        assert "Skipped" not in page.locator(".hb-transfer__msg").first.inner_text()
        open_plan(page, site_url)
        page.wait_for_selector("#hb-plan [data-day]")
        assert days(page) == dates
        assert items(page, dates[0], "li.hb-plan-item--done") == [ticked]
        page.goto(site_url + "practice/mock/")
        page.wait_for_selector(f'.hb-mock-log tr[data-seed="{seed}"]')
        assert page.evaluate("HB.load.all().then(() => HB.practice.mockResults().length)") == 1
        bad = page.evaluate("HB.store.importAll({'mock:zzzzzz': {seed: 'other'}, 'plan:tick:question:x': 'yes'})")
        assert sorted(bad["skipped"]) == ["mock:zzzzzz", "plan:tick:question:x"]
    finally:
        fresh.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_plan_fits_a_phone_and_passes_axe(browser, site_url, scheme):
    context = browser.new_context(viewport={"width": 360, "height": 740}, color_scheme=scheme)
    page = context.new_page()
    try:
        page.clock.set_fixed_time(START)
        open_plan(page, site_url)
        make_plan(page, START.date() + datetime.timedelta(days=10))
        tick(page, days(page)[0], items(page, days(page)[0])[0])
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 1, f"the plan scrolls sideways by {overflow}px"
        page.locator("#hb-plan a[download]").focus()
        found = serious_violations(page)
        assert not found, "\n".join(found)
    finally:
        context.close()


def test_a_printed_plan_shows_every_day_and_what_was_left_out(page, site_url, tmp_path):
    from pypdf import PdfReader

    page.clock.set_fixed_time(START)
    open_plan(page, site_url)
    make_plan(page, START.date() + datetime.timedelta(days=10), hours="1")
    closed = page.eval_on_selector_all("#hb-plan details:not([open])", "els => els.length")
    assert closed > 2
    last = days(page)[-1]
    last_items = page.eval_on_selector_all(
        f'#hb-plan [data-day="{last}"] li[data-item]', "els => els.map(e => e.textContent.trim().split(/\\s+/).slice(0, 4).join(''))"
    )
    left_out = page.eval_on_selector_all(
        "#hb-plan .hb-plan-left li a", "els => els.map(e => e.textContent.trim().split(/\\s+/).slice(0, 4).join(''))"
    )
    assert left_out, "a plan of one hour a day for ten days leaves something out"
    out = tmp_path / "plan.pdf"
    page.pdf(path=str(out), format="A4")
    text = unicodedata.normalize("NFKC", "".join("".join(p.extract_text().split()) for p in PdfReader(out).pages))
    missing = [item for item in last_items + left_out if item not in text]
    assert last_items and missing == []
    # once printed, the days close again as the reader left them
    assert page.eval_on_selector_all("#hb-plan details:not([open])", "els => els.length") == closed


def test_in_the_dark_scheme_the_plans_checkboxes_print_light(browser, site_url):
    context = browser.new_context(color_scheme="dark")
    page = context.new_page()
    page.clock.set_fixed_time(START)
    open_plan(page, site_url)
    make_plan(page, START.date() + datetime.timedelta(days=5))
    box = "getComputedStyle(document.querySelector('#hb-plan input[type=checkbox]')).colorScheme"
    assert page.evaluate(box) == "dark"
    page.emulate_media(media="print")
    assert page.evaluate(box) == "light"
    context.close()
