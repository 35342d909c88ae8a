"""The dual-track scoring calculator: gate on compliance, rank the rest.
`docs/assets/tools/scoring.js` mirrors `rank_initiatives`."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from .. import components as c
from .. import models as m
from ..handbook import Handbook
from ..html import render
from ..text import plain
from . import practice_of, tool


@dataclass(frozen=True)
class Initiative:
    name: str
    compliance: int
    growth: int | None = None


@dataclass(frozen=True)
class RankedInitiative:
    initiative: Initiative
    status: str  # "ranked", "unscored" (clears the floor, no growth weight) or "gated" (under the floor)
    combined: float | None = None
    rank: int | None = None
    tied_with: tuple[str, ...] = ()


def combined_score(initiative: Initiative, scoring: m.DualTrackScoring) -> float:
    weights = scoring.compliance_weight + scoring.growth_weight
    return (scoring.compliance_weight * initiative.compliance + scoring.growth_weight * (initiative.growth or 0)) / weights


def rank_initiatives(initiatives: Sequence[Initiative], scoring: m.DualTrackScoring, floor: int | None = None) -> list[RankedInitiative]:
    """Gate on the compliance floor, rank the rest by combined score; equal scores tie."""
    floor = scoring.compliance_floor if floor is None else floor
    scored = [i for i in initiatives if i.compliance >= floor and (i.growth is not None or scoring.growth_weight == 0)]
    scores = {id(i): combined_score(i, scoring) for i in scored}
    margin = scoring.tie_margin + 1e-9
    ranked = []
    for i in scored:
        mine = scores[id(i)]
        rank = 1 + sum(scores[id(o)] > mine + margin for o in scored)
        ties = tuple(o.name for o in scored if o is not i and abs(scores[id(o)] - mine) <= margin)
        ranked.append(RankedInitiative(i, "ranked", mine, rank, ties))
    ranked.sort(key=lambda r: r.rank)
    unscored = [RankedInitiative(i, "unscored") for i in initiatives if i.compliance >= floor and id(i) not in scores]
    gated = sorted((RankedInitiative(i, "gated") for i in initiatives if i.compliance < floor), key=lambda r: -r.initiative.compliance)
    return ranked + unscored + gated


def verdict(row: RankedInitiative, floor: int) -> str:
    """One line saying why an initiative sits where it does."""
    i = row.initiative
    if row.status == "gated":
        return f"Does not ship: compliance {i.compliance} is under the floor of {floor}, whatever its growth."
    if row.status == "unscored":
        return "Clears the compliance floor but has no growth weight yet, so it cannot be ranked."
    # As JavaScript's toFixed(1): the float's exact value, a half rounded away from zero.
    combined = Decimal(row.combined).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    text = f"Combined score {combined} (compliance {i.compliance}, growth {i.growth})."
    if row.tied_with:
        text += f" Tied with {', '.join(row.tied_with)}: the regional risk officer decides."
    return text


def scoring_tool(hb: Handbook, here: str) -> str:
    scoring = practice_of(hb).scoring
    example = [Initiative(plain(i.name), i.compliance, i.growth) for i in scoring.example]
    config = {
        "floor": scoring.compliance_floor,
        "compliance_weight": scoring.compliance_weight,
        "growth_weight": scoring.growth_weight,
        "tie_margin": scoring.tie_margin,
        "tie_rule": plain(scoring.tie_rule),
        "example": [{"name": i.name, "compliance": i.compliance, "growth": i.growth} for i in example],
    }
    floor = scoring.compliance_floor
    rows = [(r, verdict(r, floor)) for r in rank_initiatives(example, scoring)]
    return tool("hb-scoring", render("ranking.html", rows=rows), config, start=live_view(config, rows))


def summary(rows: list[tuple[RankedInitiative, str]], floor: int, tie_rule: str) -> tuple[str, str | None]:
    """The line under the ranking, and the tie rule again where a tie sits below the top spot."""
    ranked = [r for r, _ in rows if r.status == "ranked"]
    if not ranked:
        return f"Nothing clears the compliance floor of {floor}, so nothing ships this sprint.", None
    if ranked[0].tied_with:
        return f"The top spot is a tie. {tie_rule}", None
    return f"{ranked[0].initiative.name} goes first.", tie_rule if any(r.tied_with for r in ranked) else None


def live_view(config: dict, rows: list[tuple[RankedInitiative, str]]) -> str:
    """The calculator for the example as scoring.js draws it, so the page shows it before the script runs."""
    line, tie_note = summary(rows, config["floor"], config["tie_rule"])
    return render("scoring_live.html", floor=config["floor"], items=config["example"], rows=rows, summary=line, tie_note=tie_note)


def scoring_rule(hb: Handbook, here: str) -> str:
    scoring = practice_of(hb).scoring
    return render(
        "scoring_rule.html", here=here, c=c, sources=hb.sources, scoring=scoring,
        framework=hb.frameworks[scoring.framework], fresh=c.freshness(hb, "practice"),
    )  # fmt: skip


PAGE_MACROS = {"practice_scoring": scoring_tool, "practice_scoring_rule": scoring_rule}
