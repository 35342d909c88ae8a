"""The study plan's rule and the mock's rubric, from the data: what each day holds, where mocks
fall, what is left out when time is short; and the built plan and mock pages without JavaScript."""

from __future__ import annotations

import json

import pytest
from bs4 import BeautifulSoup

from macros import models as m
from macros.load import load_handbook
from macros.tools import drill as drill_tool
from macros.tools import mock as mock_tool
from macros.tools import plan as plan_tool
from tests.conftest import DATA

HB = load_handbook(DATA)
PLAN = plan_tool.plan_of(HB)
CONFIG = plan_tool.plan_config(HB, PLAN, plan_tool.PLAN_PAGE)


def build(days: int, hours: float = 2, track: str = "pm") -> dict:
    return plan_tool.schedule(CONFIG["materials"][track], CONFIG["rules"], days, round(hours * 60))


def minutes(item_id: str) -> int:
    return PLAN.minutes.model_dump()[plan_tool.kind_of(item_id)]


def test_plan_file_is_registered_with_a_schema_and_names_only_what_exists():
    assert any(f.path == "plan.yml" and f.model is m.PlanFile for f in m.DATA_FILES)
    assert m.FILE_MODELS["plan"] is m.PlanFile
    assert (DATA.parent / "schema" / "plan.schema.json").is_file()
    assert plan_tool.plan_problems(HB, PLAN) == []


def test_unknown_references_in_the_plan_are_reported():
    broken = PLAN.model_copy(update={"first_checklist": "no-such-list", "extra_rounds": ["nope"]})
    problems = plan_tool.plan_problems(HB, broken)
    assert "data/plan.yml: first_checklist: unknown checklist 'no-such-list'" in problems
    assert "data/plan.yml: extra_rounds: unknown round kind 'nope'" in problems


@pytest.mark.parametrize("track", list(HB.tracks))
@pytest.mark.parametrize("days", [1, 2, 3, 7, 10, 14, 30, 60])
def test_every_plan_has_one_entry_per_day_and_ends_on_the_day_before_checklist(track, days):
    plan = build(days, track=track)
    assert len(plan["days"]) == days
    assert plan["days"][-1] == [f"checklist:{PLAN.last_day_checklist}"]
    placed = [i for day in plan["days"] for i in day]
    assert len(placed) == len(set(placed)), "an item appears twice"
    assert not set(placed) & set(plan["left_out"])


def test_a_one_day_plan_is_the_day_before_checklist_only():
    assert build(1) == {"days": [["checklist:day-before"]], "left_out": plan_tool._all_material(CONFIG["materials"]["pm"])}


def test_the_general_checklist_opens_and_rounds_come_in_loop_order():
    plan = build(14)
    assert plan["days"][0][0] == f"checklist:{PLAN.first_checklist}"
    rounds = CONFIG["materials"]["pm"]["rounds"]
    assert rounds[:2] == ["screen", "product"] and rounds[-1] == "negotiation"
    order = [i for day in plan["days"] for i in day if i.startswith("checklist:") and i.split(":")[1] in rounds]
    assert order == sorted(order, key=lambda i: rounds.index(i.split(":")[1]))


def test_loop_order_takes_the_earliest_position_any_loop_gives_a_round():
    # senior PM loops place product first; behavioral is only in its questions, negotiation is extra
    rounds = plan_tool.loop_rounds(HB, "senior-pm", PLAN.extra_rounds)
    assert rounds[:3] == ["product", "system-design", "final-panel"]
    assert "behavioral" in rounds[3:] and rounds[-1] == "negotiation"


def test_mocks_are_spaced_with_the_last_just_before_the_day_before():
    plan = build(10)
    mock_days = [d for d, day in enumerate(plan["days"]) if any(i.startswith("mock:") for i in day)]
    assert mock_days == [4, 8]  # day 5 and day 9 of 10; day 10 is the day before
    assert plan_tool.mock_days(59, PLAN.mocks.model_dump()) == [9, 19, 29, 39, 49, 58]
    assert plan_tool.mock_days(1, PLAN.mocks.model_dump()) == []


def test_a_mock_rehearses_a_round_already_studied():
    plan = build(10)
    rounds = CONFIG["materials"]["pm"]["rounds"]
    for d, day in enumerate(plan["days"]):
        for item in day:
            if item.startswith("mock:"):
                kind = item.split(":")[1].rsplit("-", 1)[0]
                before = {i.split(":")[1] for past in plan["days"][:d] for i in past if i.startswith("checklist:")}
                assert kind in before and kind in rounds


@pytest.mark.parametrize("track", sorted(CONFIG["materials"]))
@pytest.mark.parametrize("days", [7, 10, 14, 30])
def test_a_mock_rehearses_a_round_of_the_tracks_loops_after_its_checklist_and_frameworks(track, days):
    material = CONFIG["materials"][track]
    placed = {r.kind for loop in HB.loops_for(track) for r in loop.rounds}
    plan = build(days, track=track)
    scheduled = {i for day in plan["days"] for i in day}
    mocks = [(d, i.split(":")[1].rsplit("-", 1)[0]) for d, day in enumerate(plan["days"]) for i in day if i.startswith("mock:")]
    assert mocks
    for d, kind in mocks:
        before = {i for day in plan["days"][:d] for i in day}
        assert kind in placed, (days, kind)
        assert scheduled & set(plan_tool.groundwork(material, kind)) <= before, (days, kind)


def test_days_stay_within_the_hours_unless_one_item_is_longer_than_a_day():
    for hours in (0.5, 1, 2, 4):
        plan = build(14, hours)
        for day in plan["days"][:-1]:
            total = sum(minutes(i) for i in day)
            assert total <= hours * 60 or len([i for i in day if not i.startswith("mock:")]) <= 1, (hours, day)


def test_short_time_keeps_checklists_first_and_lists_what_is_left_out():
    plan = build(3, 2)
    placed = [i for day in plan["days"] for i in day]
    assert placed[0] == "checklist:general-prep" and "checklist:screen" in placed
    assert plan["left_out"] and all(not i.startswith("mock:") for i in plan["left_out"])
    assert set(plan["left_out"]) | set(placed) >= set(plan_tool._all_material(CONFIG["materials"]["pm"]))


def test_a_long_plan_places_all_the_material_and_spreads_it():
    plan = build(60, 2)
    assert plan["left_out"] == []
    assert all(day for day in plan["days"])
    assert max(len(day) for day in plan["days"][:-1]) <= 3


def test_the_plan_config_does_not_grow_with_the_question_bank():
    per_track = PLAN.questions_per_round * len(HB.round_kinds)
    questions = [i for i in CONFIG["items"] if i.startswith("question:")]
    assert 0 < len(questions) <= per_track * len(HB.tracks)


# -- the mock's rubric -----------------------------------------------------------------------


def test_the_rubric_is_the_rating_guides_signals_with_its_words_for_1_3_and_5():
    config = mock_tool.mock_config(HB, mock_tool.MOCK_PAGE)
    for kind, rubric in config["rubric"].items():
        assert [s["name"] for s in rubric["signals"]] == list(HB.ratings[kind].signals)
        assert set(rubric["levels"]) == {"1", "3", "5"}
        assert all(s["pages"] for s in rubric["signals"])


def test_committee_signals_train_the_signals_they_name():
    pages = mock_tool.training_pages(HB, "behavioral", "Decision ownership")
    assert pages[0].title == "Committee Signals: Decision ownership" and pages[0].src == "frameworks/committee-signals.md"
    assert pages[-1].src == "rating-guide.md" and pages[-1].anchor == "rating-behavioral"
    assert any(p.src == "checklists/behavioral.md" for p in pages)


def test_time_boxes_come_from_the_timer_presets_that_fit_the_round():
    presets = drill_tool.timer_presets(HB)
    assert [(b.label, b.end) for b in mock_tool.time_boxes(presets, "behavioral")][0] == ("Story opener", 45)
    assert [b.end for b in mock_tool.time_boxes(presets, "behavioral")] == [45, 3600]
    assert [(b.label, b.end) for b in mock_tool.time_boxes(presets, "negotiation")] == [("Offer reply", 120)]


def test_mock_results_count_as_drill_ratings_in_time_order():
    rule = HB.practice.repetition
    ids = ["a", "b", "c"]
    history = [{"q": "a", "r": 5, "t": "2026-01-02T00:00:00Z"}]
    mocks = [{"q": "a", "r": 1, "t": "2026-01-03T00:00:00Z"}, {"q": "b", "r": 4, "t": "2026-01-01T00:00:00Z"}]
    weights = drill_tool.drill_weights(ids, history, rule, mocks)
    assert weights["a"] == (rule.rating_ceiling - 1) * rule.recent_factor  # the later mock's 1 counts
    assert drill_tool.drill_weights(ids, history, rule) == drill_tool.drill_weights(ids, history, rule, ())


# -- the built pages ---------------------------------------------------------------------------


def soup(site, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path).read_text(encoding="utf-8"), "html.parser")


def test_plan_page_shows_the_rules_and_fixed_7_and_14_day_plans_without_javascript(site):
    page = soup(site, "practice/plan/index.html")
    assert [li["data-rule"] for li in page.select("ol.hb-rules li")] == [r.id for r in PLAN.rules]
    assert page.select_one('table.hb-plan-numbers tr[data-rule="mock"]').get_text(" ", strip=True).endswith(f"{PLAN.minutes.mock} min")
    for days in PLAN.fixed_plans.days:
        fixed = page.select_one(f'#hb-plan .hb-plan-fixed[data-days="{days}"]')
        day_items = fixed.select(".hb-plan-day")
        assert len(day_items) == days
        assert [li["data-item"] for li in day_items[-1].select("li[data-item]")] == ["checklist:day-before"]
        assert all(a["href"] and not a["href"].startswith("/") for a in fixed.select("a"))
    config = json.loads(page.select_one("#hb-plan")["data-config"])
    assert config["rules"]["minutes"] == PLAN.minutes.model_dump()


def test_mock_page_lists_each_rounds_rubric_without_javascript(site):
    page = soup(site, "practice/mock/index.html")
    rounds = [d["data-round"] for d in page.select("#hb-mock .hb-mock-round")]
    assert rounds == mock_tool.mock_rounds(HB)
    behavioral = page.select_one('#hb-mock .hb-mock-round[data-round="behavioral"]')
    assert [li["data-signal"] for li in behavioral.select("li[data-signal]")] == list(HB.ratings["behavioral"].signals)
    assert "Story opener ends at 0:45" in behavioral.get_text()


def test_mock_and_plan_are_in_the_practice_section_and_on_its_index(site):
    home = soup(site, "index.html")
    assert home.select_one('.md-nav a[href="practice/mock/"]') and home.select_one('.md-nav a[href="practice/plan/"]')
    start = home.select_one(".md-content ol")  # the home page's starting path
    assert start.select_one('a[href="practice/plan/"]') and start.select_one('a[href="practice/mock/"]')
    index = soup(site, "practice/index.html")
    assert index.select_one('.md-content a[href="mock/"]') and index.select_one('.md-content a[href="plan/"]')
