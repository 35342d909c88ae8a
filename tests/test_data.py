"""The shipped dataset: complete, sourced, and honest about disagreements."""

from __future__ import annotations

from collections import Counter

from macros.disagreements import find
from macros.handbook import unsourced_figures
from macros.load import load_handbook
from macros.pay import annualise, check_total

from .conftest import DATA

HB = load_handbook(DATA)


def test_every_figure_names_a_source():
    assert [f"{doc.path}: {'.'.join(map(str, loc))}.{name}" for _, doc, loc, name in unsourced_figures(HB)] == []


def test_the_figure_walk_catches_an_unsourced_number():
    from macros.models import ChecklistItem

    item = ChecklistItem(id="x", text="Rest for 8 hours", own_advice=True)
    HB_copy = type(HB)(placed=[type(HB.placed[0])(item, HB.placed[0].doc, ("items", 0))])
    assert len(list(unsourced_figures(HB_copy))) == 1


def test_question_bank_covers_every_round_kind():
    assert len(HB.questions) >= 40
    per_round = Counter(q.round for q in HB.questions.values())
    assert {kind: per_round[kind] for kind in HB.round_kinds if per_round[kind] < 3} == {}


def test_every_track_has_a_loop_from_each_source_that_describes_one():
    loops = Counter(loop.track for loop in HB.loops.values())
    assert set(loops) == set(HB.tracks)
    assert {s for loop in HB.loops.values() for s in loop.sources} == {s for s in HB.sources if s != "handbook"}


def test_every_source_article_is_used():
    cited = {s for q in HB.questions.values() for s in q.sources}
    assert {s for s in HB.sources if s != "handbook"} <= cited


def test_disagreements_cover_rounds_length_and_pay():
    topics = [d.topic for d in find(HB)]
    assert "Number of interview rounds" in topics
    assert "Time from first contact to offer" in topics
    assert any(t.startswith("Base pay") for t in topics)
    for d in find(HB):
        assert len({c.value for c in d.claims}) > 1, d.topic
        assert all(c.sources for c in d.claims), d.topic


def test_sample_offer_is_annualised_and_its_stated_total_does_not_add_up():
    band = HB.bands["ai-ml-sample-offer"]
    est = annualise(band, HB.default_vesting_years)
    # 195,000 base + 50% target bonus + 85,000 tokens a year + 45,000 sign-on over 4 years
    assert (est.low, est.high) == (388_750, 388_750)
    check = check_total(band, HB.default_vesting_years)
    assert check.stated_low == 332_500 and not check.matches


def test_checklists_cover_each_round_the_issue_names():
    rounds = {cl.round for cl in HB.checklists.values()}
    assert {"screen", "product", "system-design", "behavioral", "final-panel", "ai-ml", "negotiation"} <= rounds
    assert {"general-prep", "day-before"} <= set(HB.checklists)
