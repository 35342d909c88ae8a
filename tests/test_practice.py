"""The practice tools' rules and maths (macros/tools/), their data
(data/practice.yml) and the pages built from them."""

from __future__ import annotations

import json
import re

import pytest
from bs4 import BeautifulSoup
from pydantic import ValidationError

from macros import critique as story_rules
from macros import models as m
from macros import tools
from macros.load import DataError, load_handbook
from macros.pay import annualise
from macros.text import plain
from macros.tools import drill as drill_tool
from macros.tools import offer as offer_tool
from macros.tools import scoring as scoring_tool
from macros.tools import stories

from .conftest import DATA, copy_data


@pytest.fixture(scope="module")
def hb():
    return load_handbook(DATA)


@pytest.fixture(scope="module")
def rules(hb):
    return hb.practice.critique.rules


def fired(findings) -> set[str]:
    return {f.rule for f in findings}


def phrases(findings) -> set[str]:
    return {f.phrase for f in findings if f.phrase}


# -- dual-track scoring ---------------------------------------------------------------


def example(hb) -> list[scoring_tool.Initiative]:
    return [scoring_tool.Initiative(i.name, i.compliance, i.growth) for i in hb.practice.scoring.example]


def test_worked_example_ranks_kyc_automation_first_and_gates_the_growth_only_proposal(hb):
    ranked = scoring_tool.rank_initiatives(example(hb), hb.practice.scoring)
    assert [r.initiative.name for r in ranked] == ["KYC automation", "Growth-only proposal"]
    top, gated = ranked
    assert (top.status, top.rank, top.combined, top.tied_with) == ("ranked", 1, 70.0, ())
    assert (gated.status, gated.rank) == ("gated", None)
    assert "under the floor of 50" in scoring_tool.verdict(gated, 50)


def test_worked_example_matches_the_source_figures(hb):
    scores = {i.name: (i.compliance, i.growth) for i in hb.practice.scoring.example}
    assert scores == {"Growth-only proposal": (30, None), "KYC automation": (78, 62)}


def test_equal_combined_scores_tie_and_go_to_the_risk_officer(hb):
    items = [*example(hb), scoring_tool.Initiative("Mirror image", 62, 78), scoring_tool.Initiative("Runner-up", 60, 60)]
    ranked = scoring_tool.rank_initiatives(items, hb.practice.scoring)
    by_name = {r.initiative.name: r for r in ranked}
    assert by_name["KYC automation"].rank == by_name["Mirror image"].rank == 1
    assert by_name["KYC automation"].tied_with == ("Mirror image",)
    assert by_name["Runner-up"].rank == 3
    assert "regional risk officer decides" in scoring_tool.verdict(by_name["Mirror image"], 50)
    assert [r.initiative.name for r in ranked][-1] == "Growth-only proposal"


def test_a_lower_floor_lets_a_gated_initiative_be_ranked_once_it_has_a_growth_score(hb):
    items = [scoring_tool.Initiative("Growth-only proposal", 30, 95), scoring_tool.Initiative("KYC automation", 78, 62)]
    assert scoring_tool.rank_initiatives(items, hb.practice.scoring)[0].initiative.name == "KYC automation"
    lowered = scoring_tool.rank_initiatives(items, hb.practice.scoring, floor=20)
    assert [(r.initiative.name, r.combined) for r in lowered] == [("KYC automation", 70.0), ("Growth-only proposal", 62.5)]


def test_an_initiative_over_the_floor_without_growth_is_listed_unranked(hb):
    ranked = scoring_tool.rank_initiatives(
        [scoring_tool.Initiative("Unknown growth", 90), scoring_tool.Initiative("Known", 60, 40)], hb.practice.scoring
    )
    assert [(r.initiative.name, r.status) for r in ranked] == [("Known", "ranked"), ("Unknown growth", "unscored")]


def test_tie_margin_widens_what_counts_as_a_tie(hb):
    scoring = hb.practice.scoring.model_copy(update={"tie_margin": 2})
    ranked = scoring_tool.rank_initiatives([scoring_tool.Initiative("A", 78, 62), scoring_tool.Initiative("B", 70, 67)], scoring)
    assert all(r.rank == 1 for r in ranked)


# -- spaced repetition ----------------------------------------------------------------


def test_weights_favour_unseen_and_weak_questions(hb):
    rule = hb.practice.repetition.model_copy(update={"recent_window": 0})
    history = [{"q": "weak", "r": 1}, {"q": "solid", "r": 5}, {"q": "middling", "r": 3}]
    weights = drill_tool.drill_weights(["unseen", "weak", "solid", "middling"], history, rule)
    assert weights == {"unseen": 3, "weak": 5, "solid": 1, "middling": 3}


def test_the_latest_rating_counts(hb):
    rule = hb.practice.repetition.model_copy(update={"recent_window": 0})
    weights = drill_tool.drill_weights(["q"], [{"q": "q", "r": 1}, {"q": "q", "r": 4}], rule)
    assert weights == {"q": 2}


def test_recently_drilled_questions_are_penalised(hb):
    rule = hb.practice.repetition
    assert (rule.unseen_weight, rule.rating_ceiling, rule.recent_window, rule.recent_factor) == (3, 6, 3, 0.25)
    history = [{"q": "old", "r": 1}, {"q": "a", "r": 1}, {"q": "b", "r": 2}, {"q": "c", "r": 5}]
    weights = drill_tool.drill_weights(["old", "a", "b", "c", "new"], history, rule)
    assert weights == {"old": 5, "a": 1.25, "b": 1.0, "c": 0.25, "new": 3}


def test_drill_rule_is_documented_on_the_page_from_the_data(hb):
    html = drill_tool.drill_rule(hb, tools.DRILL_PAGE)
    assert "weigh 3" in html and "6 - r" in html and "0.25" in html


# -- story critique ---------------------------------------------------------------------

# Lines the source articles themselves give as examples (behavioral-2026 unless noted).
OPENING_SCRIPT = (
    "When I led the redesign of the spot‑trade confirmation flow, I identified a latency bottleneck that cost us "
    "$2.9 M in missed trades per quarter. I owned the end‑to‑end solution, aligned risk, engineering, and compliance, "
    "and delivered a 28 % latency reduction in 6 weeks, unlocking $0.8 M incremental revenue."
)
DMA_SCRIPT = {
    "decision": "I decided to replace the market‑depth API to cut latency.",
    "metric": "The change delivered a 31 % reduction in order‑fill time, translating to $1.9 M additional quarterly volume.",
    "alignment": "I drove alignment with risk, engineering, and compliance, delivering the upgrade in 28 days.",
}
FAQ_OPENER = {
    "decision": "I decided to replace the market‑depth API, which cut order‑fill latency by 31 % and unlocked $1.9 M of quarterly volume.",
    "metric": "31 % lower order-fill latency, $1.9 M of quarterly volume.",
    "alignment": "Coordinated risk, engineering, and compliance to ship within 4 weeks.",
}


def test_the_faq_opener_passes_every_rule(hb, rules):
    assert story_rules.critique(FAQ_OPENER, "dma", rules, hb.red_flags.values()) == []


def test_the_articles_own_dma_script_puts_context_before_the_number(hb, rules):
    findings = story_rules.critique(DMA_SCRIPT, "dma", rules, hb.red_flags.values())
    assert fired(findings) == {"metric-first"}


def test_the_opening_line_script_leads_with_a_figure_and_stays_under_45_seconds(hb, rules):
    story = {"decision": OPENING_SCRIPT, "metric": "28 % lower latency, $0.8 M revenue", "alignment": "Risk, engineering, compliance."}
    assert story_rules.critique(story, "dma", rules, hb.red_flags.values()) == []
    assert story_rules.spoken_seconds(OPENING_SCRIPT, 150) < 45


@pytest.mark.parametrize(
    ("bad_line", "phrase"),
    [
        ("I led a team to improve the UI.", "led-a-team"),
        ("Our launch failed, and we learned a lesson.", "learned-a-lesson"),
        ("We balanced risk and speed.", "balanced-risk-speed"),
        ("I facilitated communication across product, engineering and design.", "facilitate-communication"),
        ("It was decided to pause the rollout.", "it-was-decided"),
        ("I would consult with legal before changing anything.", "would-consult"),
    ],
)
def test_the_articles_weak_lines_trip_the_red_flag_phrases(hb, rules, bad_line, phrase):
    findings = story_rules.critique({"decision": bad_line, "metric": "", "alignment": ""}, "dma", rules, hb.red_flags.values())
    assert phrase in phrases(findings)
    assert "metric-has-number" in fired(findings) and "metric-first" in fired(findings)


def test_impact_without_money_or_percent_is_flagged_and_a_user_count_does_not_clear_it(hb, rules):
    story = {"decision": "I chose to redesign KYC upload.", "metric": "It improved conversion for 4,000 users.", "alignment": "Legal."}
    assert "impact-needs-money-or-percent" in fired(story_rules.critique(story, "dma", rules, hb.red_flags.values()))
    story["metric"] = "It improved conversion by 12% for 4,000 users."
    assert "impact-needs-money-or-percent" not in fired(story_rules.critique(story, "dma", rules, hb.red_flags.values()))
    story["metric"] = "It saved $1.1M in potential fines."
    assert "impact-needs-money-or-percent" not in fired(story_rules.critique(story, "dma", rules, hb.red_flags.values()))


def test_a_decision_told_in_the_plural_is_flagged(hb, rules):
    story = {"decision": "We chose to roll back within 2 hours.", "metric": "DAU back to baseline in 48 hours.", "alignment": "SRE."}
    findings = story_rules.critique(story, "dma", rules, hb.red_flags.values())
    assert [(f.rule, f.field) for f in findings] == [("decision-is-yours", "decision")]


def test_a_long_story_is_flagged_against_the_45_second_target(hb, rules):
    long = "I decided to cut fees by 5% for market makers. " + "We then reviewed the results with every desk in the region. " * 12
    findings = story_rules.critique({"decision": long, "metric": "5% more depth", "alignment": "x"}, "dma", rules, hb.red_flags.values())
    length = [f for f in findings if f.rule == "spoken-length"]
    assert length and length[0].seconds > 45


def test_star_puts_the_situation_first_so_the_metric_first_rule_fires(hb, rules):
    star = {
        "situation": "Our futures auto-hedge rollout hit latency spikes.",
        "task": "I had to choose between a rollback and a hotfix.",
        "action": "I rolled back within 48 hours and added a latency monitor.",
        "result": "DAU recovered from a 12% dip, protecting $2.5M in revenue.",
    }
    assert fired(story_rules.critique(star, "star", rules, hb.red_flags.values())) == {"metric-first"}


def test_an_empty_story_draws_no_critique(hb, rules):
    assert story_rules.critique({}, "dma", rules, hb.red_flags.values()) == []


def test_red_flag_patterns_come_from_the_anti_patterns_file_not_a_copy(hb):
    text = (DATA / "practice.yml").read_text(encoding="utf-8")
    for phrase in hb.red_flags.values():
        assert phrase.pattern not in text
    tool = BeautifulSoup(stories.stories_tool(hb, tools.STORIES_PAGE), "html.parser").select_one("#hb-stories")
    config = json.loads(tool["data-config"])
    assert [x["pattern"] for x in config["phrases"]] == [x.pattern for x in hb.red_flags.values()]


# -- offer maths ------------------------------------------------------------------------

SAMPLE = offer_tool.Offer(base=195_000, bonus_target_pct=50, equity_per_year=85_000, vesting_years=4, cadence="monthly", sign_on=45_000)


def test_the_sample_offer_annualises_to_388_750():
    assert offer_tool.annualise_offer(SAMPLE) == 388_750


def test_the_sample_offer_year_by_year():
    years = offer_tool.offer_years(SAMPLE)
    assert [y.total for y in years] == [422_500, 377_500, 377_500, 377_500]
    assert sum(y.total for y in years) / 4 == offer_tool.annualise_offer(SAMPLE)


def test_the_offer_calculator_opens_on_the_sample_offer_band(hb):
    band = hb.bands[hb.practice.offer.band]
    offer = offer_tool.offer_from_band(band, hb.default_vesting_years)
    parts = (offer.base, offer.bonus_target_pct, offer.equity_per_year, offer.sign_on, offer.vesting_years)
    assert parts == (195_000, 50, 85_000, 45_000, 4)
    assert offer_tool.annualise_offer(offer) == annualise(band).low == 388_750


@pytest.mark.parametrize(
    ("cadence", "cliff", "expected"),
    [
        ("yearly", 0, [12_000, 12_000, 12_000, 12_000]),
        ("monthly", 12, [12_000, 12_000, 12_000, 12_000]),
        ("quarterly", 6, [12_000, 12_000, 12_000, 12_000]),
        ("monthly", 18, [0, 24_000, 12_000, 12_000]),
        ("yearly", 18, [0, 24_000, 12_000, 12_000]),
        ("quarterly", 14, [0, 24_000, 12_000, 12_000]),
        ("monthly", 100, [0, 0, 0, 48_000]),
    ],
)
def test_cliff_and_cadence_move_equity_between_years(cadence, cliff, expected):
    assert offer_tool.vesting_by_year(48_000, 4, cadence, cliff) == pytest.approx(expected)


def test_a_cliff_inside_year_one_changes_when_it_vests_but_not_year_one_total():
    offer = offer_tool.Offer(base=100_000, equity_per_year=10_000, vesting_years=4, cadence="monthly", cliff_months=12)
    assert offer_tool.offer_years(offer)[0].equity == pytest.approx(10_000)


def test_annualising_an_offer_agrees_with_the_pay_page_for_every_band(hb):
    for band in hb.bands.values():
        estimate = annualise(band, hb.default_vesting_years)
        for end in ("low", "high"):
            i = offer_tool.band_inputs(band, hb.default_vesting_years, end)
            offer = offer_tool.Offer(base=i["base"], bonus_target_pct=i["bonus_pct"], equity_per_year=i["equity_per_year"],
                            vesting_years=i["years"], sign_on=i["sign_on"])  # fmt: skip
            assert offer_tool.annualise_offer(offer) == pytest.approx(getattr(estimate, end)), (band.id, end)


def test_position_against_a_band():
    assert [offer_tool.position(x, 100, 200) for x in (99, 100, 150, 200, 201)] == ["below", "within", "within", "within", "above"]


# -- data checks -------------------------------------------------------------------------


def test_a_tools_settings_stay_inside_their_attribute_whatever_the_text():
    text = """" onmouseover="alert(1)" x='</div><script>alert(1)</script> <!-- & more \u2028"""
    html = str(tools.tool("x", "", {"text": text}))
    assert "<script" not in html and "<!--" not in html
    root = BeautifulSoup(html, "html.parser").select_one("#x")
    assert set(root.attrs) == {"class", "id", "data-config", "data-search-exclude"}
    assert json.loads(root["data-config"])["text"] == text


def test_timer_presets_carry_the_source_lengths_and_every_round_length(hb):
    presets = {t.id: t for t in drill_tool.timer_presets(hb)}
    assert (presets["opening-line"].seconds, presets["opening-line"].sources) == (45, ("behavioral-2026",))
    assert (presets["roadmap-narrative"].seconds, presets["roadmap-narrative"].sources) == (120, ("system-design-2026",))
    lengths = {t.seconds for t in presets.values() if t.id.startswith("round-")}
    assert {45 * 60, 60 * 60, 90 * 60} <= lengths


def test_a_question_is_timed_for_one_answer_never_for_its_whole_round(hb):
    presets = drill_tool.timer_presets(hb)
    for kind in {q.round for q in hb.questions.values()}:
        fit = drill_tool.fitting_preset(presets, kind)
        assert fit.answer and kind in fit.rounds and fit.seconds <= 15 * 60, (kind, fit.id)
    assert drill_tool.fitting_preset(presets, "screen").id == "metric-impact"


def rule(**fields) -> dict:
    return {"id": "rule", "title": "A rule", "advice": "Some advice.", "sources": ["handbook"], **fields}


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"check": "field-needs", "pattern": r"\d"}, "needs fields"),
        ({"check": "opening-needs", "pattern": "("}, "not a valid regular expression"),
        ({"check": "opening-needs", "pattern": r"(?<=\$)\d"}, "JavaScript shares"),
        ({"check": "opening-needs", "pattern": r"(?P<n>\d)"}, "JavaScript shares"),
        ({"check": "spoken-length", "words_per_minute": 150}, "needs target_seconds"),
        ({"check": "claim-needs-evidence", "pattern": r"\d"}, "needs claim"),
    ],
)
def test_bad_critique_rules_are_rejected(fields, message):
    with pytest.raises(ValidationError, match=re.escape(message)):
        m.CritiqueRule.model_validate(rule(**fields))


def test_lookahead_is_allowed_because_both_engines_support_it():
    assert m.CritiqueRule.model_validate(rule(check="opening-needs", pattern=r"\d(?=%)")).pattern == r"\d(?=%)"


def test_unknown_references_in_practice_data_are_reported_with_their_line(tmp_path):
    data = copy_data(tmp_path)
    path = data / "practice.yml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("band: ai-ml-sample-offer", "band: no-such-band").replace("default_for: [behavioral]", "default_for: [behavioural]")
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as err:
        load_handbook(data)
    messages = [str(problem) for problem in err.value.problems]
    assert any("offer.band" in msg and "unknown pay band 'no-such-band'" in msg for msg in messages), messages
    assert any("unknown round kind 'behavioural'; did you mean 'behavioral'?" in msg for msg in messages), messages


def test_practice_rules_need_sources(tmp_path):
    data = copy_data(tmp_path)
    path = data / "practice.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("  sources: [handbook]\n\noffer:", "\noffer:"), encoding="utf-8")
    with pytest.raises(DataError, match="practice.yml:[0-9]+: repetition.sources: required field is missing"):
        load_handbook(data)


# -- the built pages -----------------------------------------------------------------------


def soup(site, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path).read_text(encoding="utf-8"), "html.parser")


def config(page: BeautifulSoup, element_id: str) -> dict:
    return json.loads(page.select_one(f"#{element_id}")["data-config"])


def test_questions_json_holds_every_question_as_plain_text_and_each_answer_file_its_answers(site, hb):
    data = json.loads((site / "assets/questions.json").read_text(encoding="utf-8"))
    answers = {path.stem: json.loads(path.read_text(encoding="utf-8")) for path in (site / "assets/answers").glob("*.json")}
    assert [q["id"] for q in data["questions"]] == list(hb.questions)
    assert sorted(answers) == sorted(hb.questions)
    assert not (site / "assets/answers.json").exists()
    for text in (json.dumps(data), json.dumps(answers)):
        assert "<" not in text and "**" not in text
    first = data["questions"][0]
    assert (site / first["url"] / "index.html").is_file()
    # The questions file holds what choosing and asking need; the answers stay in their own file.
    assert first["prompt"] and "model_answer" not in first and "flags" not in first
    answer = answers[first["id"]]
    assert answer["outline"] and answer["strong"] and answer["flags"] and answer["model_answer"]


def test_only_the_drill_and_the_mock_point_at_the_question_data(site):
    for page in ("practice/drill/index.html", "practice/mock/index.html"):
        html = (site / page).read_text(encoding="utf-8")
        assert "questions.json" in html and "assets/answers" in html
    assert "questions.json" not in (site / "index.html").read_text(encoding="utf-8")


def test_drill_page_embeds_presets_filters_and_the_rule(site):
    page = soup(site, "practice/drill/index.html")
    cfg = config(page, "hb-drill")
    seconds = {x["id"]: x["seconds"] for x in cfg["presets"]}
    assert seconds["opening-line"] == 45 and seconds["roadmap-narrative"] == 120
    assert [t[0] for t in cfg["filters"]["track"]] == ["pm", "senior-pm", "ai-ml-pm"]
    assert cfg["repetition"] == {"unseen_weight": 3, "rating_ceiling": 6, "recent_window": 3, "recent_factor": 0.25}
    rows = {tr["data-preset"]: tr for tr in page.select("table.hb-presets tr[data-preset]")}
    assert "behavioral-2026" in rows["opening-line"].get_text() and "0:45" in rows["opening-line"].get_text()
    assert page.select_one("#hb-drill .hb-nojs a[href]")


def test_drill_page_carries_its_first_question_so_it_shows_at_the_first_paint(site, hb):
    starter = drill_tool.starter_question(hb)
    assert starter.difficulty == "foundation" and starter.round == next(iter(hb.round_kinds))
    page = soup(site, "practice/drill/index.html")
    card = page.select_one("#hb-drill .hb-drill-live > section.hb-drill-card")
    assert card.select_one(".hb-drill-prompt").get_text() == plain(starter.prompt)
    assert config(page, "hb-drill")["starter"]["id"] == starter.id
    assert card.select_one(".hb-drill-meta a")["href"] == f"../../questions/{starter.id}/"
    assert not card.find_parent(class_="hb-tool-static")  # shown with scripts on, until the drill starts


def test_the_first_question_is_a_foundation_question_of_the_earliest_round(hb):
    rounds = list(hb.round_kinds)
    first = drill_tool.starter_question(hb)
    earlier = [q for q in hb.questions.values() if q.difficulty == "foundation" and rounds.index(q.round) < rounds.index(first.round)]
    assert not earlier
    same = sorted(q.id for q in hb.questions.values() if q.difficulty == "foundation" and q.round == first.round)
    assert same[0] == first.id


def test_stories_page_embeds_the_rules_with_no_raw_angle_brackets(site, hb):
    html = (site / "practice/stories/index.html").read_text(encoding="utf-8")
    block = re.search(r'<div class="hb-tool" id="hb-stories" data-config="([^"]*)"', html).group(1)
    assert "<" not in block
    cfg = json.loads(BeautifulSoup(html, "html.parser").select_one("#hb-stories")["data-config"])
    assert [r["id"] for r in cfg["rules"]] == [r.id for r in hb.practice.critique.rules]
    listed = [li["data-rule"] for li in soup(site, "practice/stories/index.html").select("ul.hb-rules li")]
    assert listed == [r.id for r in hb.practice.critique.rules]


def test_scoring_page_shows_the_example_ranked_without_javascript(site):
    rows = soup(site, "practice/scoring/index.html").select("#hb-scoring .hb-tool-static table.hb-ranking tbody tr")
    assert [(r["data-name"], r["data-status"]) for r in rows] == [("KYC automation", "ranked"), ("Growth-only proposal", "gated")]
    assert "regional risk officer" in soup(site, "practice/scoring/index.html").get_text()


def test_offer_page_shows_the_sample_offer_without_javascript(site):
    page = soup(site, "practice/offer/index.html")
    assert "$388,750" in page.select_one("#hb-offer .hb-tool-static .hb-annualised").get_text()
    cfg = config(page, "hb-offer")
    assert cfg["preload"]["base"] == 195_000 and cfg["preload"]["track"] == "ai-ml-pm"
    pay = soup(site, "pay/index.html")
    on_pay = {tr["data-band"]: (int(tr["data-annual-low"]), int(tr["data-annual-high"])) for tr in pay.select("tr[data-band]")}
    assert {b["id"]: (b["low"], b["high"]) for b in cfg["bands"]} == on_pay


def test_practice_is_in_the_nav_after_the_question_bank_and_linked_from_home_and_frameworks(site):
    home = soup(site, "index.html")
    top = ".md-nav--primary > .md-nav__list > .md-nav__item"
    nav = [a.get_text(strip=True) for a in home.select(f"{top} > label, {top} > a")]
    assert "Practice" in nav and nav.index("Practice") == nav.index("Question bank") + 1
    assert home.select_one('a[href="practice/drill/"]') and home.select_one('a[href="practice/offer/"]')
    for framework, target in (("dma", "stories"), ("star", "stories"), ("dual-track-scoring", "scoring")):
        link = soup(site, f"frameworks/{framework}/index.html").select_one(".hb-practice-link a")
        assert link["href"] == f"../../practice/{target}/"
    assert soup(site, "frameworks/heart-risk/index.html").select_one(".hb-practice-link") is None
