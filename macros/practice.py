"""The practice tools: the drill, the story builder, the dual-track scoring
calculator and the offer calculator.

Each tool runs in the browser (docs/assets/practice.js), but its rules live in
data/practice.yml and its maths lives here as well, so the build can render a
no-JavaScript version of every result and the tests can hold the browser to
the same numbers.  The JavaScript mirrors `drill_weights`, `critique`,
`rank_initiatives`, `vesting_by_year` and `annualise_offer`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from . import components as c
from . import models as m
from .handbook import Handbook
from .pay import Annualised, annualise, usd, usd_span
from .text import esc, inline, page_url, plain

DRILL_PAGE = "practice/drill.md"
STORIES_PAGE = "practice/stories.md"
SCORING_PAGE = "practice/scoring.md"
OFFER_PAGE = "practice/offer.md"
QUESTIONS_JSON = "assets/questions.json"

FORMATS: dict[str, tuple[str, ...]] = {
    "dma": ("decision", "metric", "alignment"),
    "star": ("situation", "task", "action", "result"),
}
FIELD_LABELS = {
    "decision": "Decision", "metric": "Metric", "alignment": "Alignment",
    "situation": "Situation", "task": "Task", "action": "Action", "result": "Result",
}  # fmt: skip
FIELD_HINTS = {
    "decision": "The call you made yourself, and the option you turned down.",
    "metric": "The number it moved: percent, dollars or users, and how fast.",
    "alignment": "Which functions you brought along, what each did, by when.",
    "situation": "The setting, briefly, in crypto terms: market, rule, product.",
    "task": "What you had to decide and what was at stake.",
    "action": "What you did, in order, including the option you rejected.",
    "result": "The number, what it was worth, and what you changed afterwards.",
}  # fmt: skip
FRAMEWORK_TOOLS = {
    "dma": (STORIES_PAGE, "Write and critique your own DMA stories in the story builder"),
    "star": (STORIES_PAGE, "Compare a STAR version of your story with DMA in the story builder"),
    "dual-track-scoring": (SCORING_PAGE, "Rank your own initiatives in the dual-track scoring calculator"),
}
CADENCE_MONTHS = {"monthly": 1, "quarterly": 3, "yearly": 12}


def practice_of(hb: Handbook) -> m.PracticeFile:
    if hb.practice is None:
        raise ValueError("data/practice.yml is missing")
    return hb.practice


def json_script(element_id: str, data: object) -> str:
    """Data for a script, in a block no data can close: '<' never appears raw."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f'<script type="application/json" id="{esc(element_id)}">{text}</script>'


# -- drill: which question comes next --------------------------------------------


def drill_weights(question_ids: Iterable[str], history: Sequence[Mapping], rule: m.SpacedRepetition) -> dict[str, float]:
    """Each question's chance of being drawn next.  `history` is oldest first, each
    entry `{"q": question id, "r": rating 1-5}`."""
    last_rating: dict[str, int] = {}
    for entry in history:
        last_rating[entry["q"]] = entry["r"]
    recent = {entry["q"] for entry in history[-rule.recent_window :]} if rule.recent_window else set()
    weights = {}
    for qid in question_ids:
        weight = rule.unseen_weight if qid not in last_rating else rule.rating_ceiling - last_rating[qid]
        weights[qid] = weight * (rule.recent_factor if qid in recent else 1)
    return weights


@dataclass(frozen=True)
class TimerPreset:
    id: str
    label: str
    seconds: int
    rounds: tuple[str, ...]
    why: str
    sources: tuple[str, ...]


def timer_presets(hb: Handbook) -> list[TimerPreset]:
    """The data's presets, then every distinct round length reported in the loops."""
    timer = practice_of(hb).timer
    presets = [TimerPreset(p.id, p.label, p.seconds, tuple(p.default_for), plain(p.why), tuple(p.sources)) for p in timer.presets]
    if not timer.round_lengths:
        return presets
    lengths: dict[tuple[str, float, float], tuple[list[str], list[str]]] = {}
    for loop in hb.loops.values():
        for r in loop.rounds:
            if r.minutes is None:
                continue
            names, sources = lengths.setdefault((r.kind, r.minutes.low, r.minutes.high), ([], []))
            names.append(r.name)
            sources.extend(s for s in loop.sources if s not in sources)
    kinds = list(hb.round_kinds)
    for (kind, low, high), (names, sources) in sorted(lengths.items(), key=lambda kv: (kinds.index(kv[0][0]), kv[0][1], kv[0][2])):
        span = f"{low:g} min" if low == high else f"{low:g}–{high:g} min"
        why = f"As reported for: {'; '.join(dict.fromkeys(names))}." + ("" if low == high else " The timer runs to the upper end.")
        presets.append(
            TimerPreset(
                f"round-{kind}-{low:g}-{high:g}", f"{hb.round_kinds[kind].name}: {span}", int(high * 60), (kind,), why, tuple(sources)
            )
        )
    return presets


def questions_payload(hb: Handbook, directory_urls: bool = True) -> dict:
    """Every question as plain text, for the drill (fetched once, on the drill page only)."""
    return {
        "questions": [
            {
                "id": q.id,
                "prompt": plain(q.prompt),
                "url": page_url(c.question_src(q.id), directory_urls),
                "tracks": list(q.tracks),
                "round": q.round,
                "type": q.type,
                "difficulty": q.difficulty,
                "outline": [{"step": plain(s.step), "points": [plain(p) for p in s.points]} for s in q.outline],
                "strong": [plain(s) for s in q.strong_answer],
                "flags": [plain(f) for f in q.red_flags],
                "follow_ups": [plain(f) for f in q.follow_ups],
            }
            for q in hb.questions.values()
        ]
    }


def write_questions_json(hb: Handbook, site_dir: Path, directory_urls: bool = True) -> Path:
    target = Path(site_dir) / QUESTIONS_JSON
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(questions_payload(hb, directory_urls), ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return target


# -- stories: the critique ---------------------------------------------------------


@dataclass(frozen=True)
class Finding:
    rule: str
    field: str | None = None
    phrase: str | None = None
    seconds: float | None = None


def spoken_text(fields: Mapping[str, str], fmt: str) -> str:
    """The story in the order it is told."""
    return " ".join(fields.get(name, "").strip() for name in FORMATS[fmt] if fields.get(name, "").strip())


def first_sentence(text: str) -> str:
    return re.split(r"[.!?]+\s+", text.strip(), maxsplit=1)[0]


def spoken_seconds(text: str, words_per_minute: int) -> float:
    return len(text.split()) * 60 / words_per_minute


def _found(pattern: str, text: str) -> bool:
    return re.search(pattern, text, re.IGNORECASE) is not None


def critique(fields: Mapping[str, str], fmt: str, rules: Iterable[m.CritiqueRule], phrases: Iterable[m.RedFlagPhrase]) -> list[Finding]:
    story = spoken_text(fields, fmt)
    if not story:
        return []
    findings: list[Finding] = []
    for rule in rules:
        if rule.check == "field-needs":
            checked = [f for f in rule.fields if f in FORMATS[fmt]]
            findings += [Finding(rule.id, field=f) for f in checked if not _found(rule.pattern, fields.get(f, ""))]
        elif rule.check == "claim-needs-evidence" and _found(rule.claim, story) and not _found(rule.pattern, story):
            findings.append(Finding(rule.id))
        elif rule.check == "red-flag-phrases":
            findings += [Finding(rule.id, phrase=p.id) for p in phrases if _found(p.pattern, story)]
        elif rule.check == "spoken-length" and (seconds := spoken_seconds(story, rule.words_per_minute)) > rule.target_seconds:
            findings.append(Finding(rule.id, seconds=seconds))
        elif rule.check == "opening-needs" and not _found(rule.pattern, first_sentence(story)):
            findings.append(Finding(rule.id))
    return findings


# -- scoring: dual-track ranking -----------------------------------------------------


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
    text = f"Combined score {row.combined:.1f} (compliance {i.compliance}, growth {i.growth})."
    if row.tied_with:
        text += f" Tied with {', '.join(row.tied_with)}: the regional risk officer decides."
    return text


# -- offer: year by year and annualised ------------------------------------------------


@dataclass(frozen=True)
class Offer:
    base: float
    bonus_target_pct: float = 0
    bonus_cap_pct: float | None = None
    equity_per_year: float = 0
    vesting_years: int = 4
    cadence: str = "yearly"
    cliff_months: int = 0
    sign_on: float = 0


@dataclass(frozen=True)
class OfferYear:
    year: int
    base: float
    bonus: float
    equity: float
    sign_on: float

    @property
    def total(self) -> float:
        return self.base + self.bonus + self.equity + self.sign_on


def offer_as_band(offer: Offer) -> m.PayBand:
    """The offer as a one-value pay band, so it is annualised by the pay page's own code."""

    def one(value: float) -> m.UsdSpan:
        return m.UsdSpan.model_construct(low=value, high=value)

    pct = offer.bonus_target_pct
    return m.PayBand.model_construct(
        id="offer", track="offer", level="offer", sources=["handbook"], base=one(offer.base),
        bonus=m.Bonus.model_construct(target_pct=m.Span.model_construct(low=pct, high=pct)) if pct else None,
        equity=m.Equity.model_construct(kind="token", annual_usd=one(offer.equity_per_year), vesting_years=offer.vesting_years),
        sign_on=one(offer.sign_on) if offer.sign_on else None,
    )  # fmt: skip


def annualise_offer(offer: Offer, default_years: int = 4) -> float:
    return annualise(offer_as_band(offer), default_years).low


def vesting_by_year(grant: float, years: int, cadence: str, cliff_months: int) -> list[float]:
    """What vests in each year: one instalment per cadence step, with everything
    owed before the cliff paid on the first step at or after it."""
    step, months = CADENCE_MONTHS[cadence], years * 12
    instalment = grant / (months // step)
    cliff = min(cliff_months, months)
    paid, owed = [0.0] * years, 0.0
    for month in range(step, months + 1, step):
        owed += instalment
        if month >= cliff:
            paid[(month - 1) // 12] += owed
            owed = 0.0
    return paid


def offer_years(offer: Offer) -> list[OfferYear]:
    equity = vesting_by_year(offer.equity_per_year * offer.vesting_years, offer.vesting_years, offer.cadence, offer.cliff_months)
    bonus = offer.base * offer.bonus_target_pct / 100
    return [OfferYear(y + 1, offer.base, bonus, equity[y], offer.sign_on if y == 0 else 0) for y in range(offer.vesting_years)]


def offer_from_band(band: m.PayBand, default_years: int) -> Offer:
    """The low end of a band as an offer, e.g. the source's sample offer."""
    estimate = annualise(band, default_years)
    equity = band.equity
    return Offer(
        base=band.base.low,
        bonus_target_pct=band.bonus.target_pct.low if band.bonus and band.bonus.target_pct else 0,
        bonus_cap_pct=band.bonus.cap_pct.low if band.bonus and band.bonus.cap_pct else None,
        equity_per_year=_equity_part(estimate, "low"),
        vesting_years=(equity.vesting_years if equity and equity.vesting_years else default_years),
        cadence=(equity.cadence if equity and equity.cadence else "yearly"),
        cliff_months=(equity.cliff_months if equity and equity.cliff_months else 0),
        sign_on=band.sign_on.low if band.sign_on else 0,
    )


def _equity_part(estimate: Annualised, end: str) -> float:
    return sum(getattr(p, end) for p in estimate.parts if p.label.startswith("Equity"))


def band_inputs(band: m.PayBand, default_years: int, end: str) -> dict:
    """One end of a band as the calculator's inputs, with equity as its value per year."""
    estimate = annualise(band, default_years)
    pct = band.bonus.target_pct if band.bonus and band.bonus.target_pct else None
    years = band.equity.vesting_years if band.equity and band.equity.vesting_years else default_years
    return {
        "base": getattr(band.base, end),
        "bonus_pct": getattr(pct, end) if pct else 0,
        "equity_per_year": _equity_part(estimate, end),
        "sign_on": getattr(band.sign_on, end) if band.sign_on else 0,
        "years": years,
    }


def position(total: float, low: float, high: float) -> str:
    if total < round(low):
        return "below"
    if total > round(high):
        return "above"
    return "within"


# -- pages ----------------------------------------------------------------------


def framework_practice_link(here: str, framework_id: str) -> str:
    """A pointer from a framework page to the tool that practises it, if any."""
    if framework_id not in FRAMEWORK_TOOLS:
        return ""
    target, text = FRAMEWORK_TOOLS[framework_id]
    return f'<p class="hb-practice-link">{c.link(here, target, esc(text))}</p>\n\n'


def _tool(element_id: str, nojs_html: str, config_id: str, config: object) -> str:
    return (
        f'<div class="hb-tool" id="{element_id}" data-search-exclude><div class="hb-tool-static">{nojs_html}</div></div>\n'
        + json_script(config_id, config)
        + "\n"
    )


def _choices(pairs: Iterable[tuple[str, str]]) -> list[list[str]]:
    return [[key, plain(name)] for key, name in pairs]


def drill_tool(hb: Handbook, here: str) -> str:
    rule = practice_of(hb).repetition
    used_rounds = {q.round for q in hb.questions.values()}
    used_types = {q.type for q in hb.questions.values()}
    config = {
        "questions": QUESTIONS_JSON,
        "presets": [
            {"id": p.id, "label": plain(p.label), "seconds": p.seconds, "rounds": list(p.rounds)} for p in timer_presets(hb)
        ],
        "repetition": {
            "unseen_weight": rule.unseen_weight, "rating_ceiling": rule.rating_ceiling,
            "recent_window": rule.recent_window, "recent_factor": rule.recent_factor,
        },
        "filters": {
            "track": _choices((t.id, t.name) for t in hb.tracks.values()),
            "round": _choices((k, r.name) for k, r in hb.round_kinds.items() if k in used_rounds),
            "type": _choices((k, v) for k, v in c.QUESTION_TYPES.items() if k in used_types),
            "difficulty": _choices(c.DIFFICULTY.items()),
        },
        "names": {
            "round": {k: plain(r.name) for k, r in hb.round_kinds.items()},
            "type": dict(c.QUESTION_TYPES),
        },
    }  # fmt: skip
    static = (
        '<p class="hb-nojs">The drill runs in your browser and needs JavaScript. Without it, open a question from the '
        f"{c.link(here, c.BANK_PAGE, 'question bank')}, set a timer from the table below and answer out loud "
        "before you read the model points.</p>"
    )
    return _tool("hb-drill", static, "hb-drill-config", config)


def drill_rule(hb: Handbook, here: str) -> str:
    rule = practice_of(hb).repetition
    return f'<div class="hb-rule">{inline(rule.note)} {c.cite(here, rule.sources)}</div>\n' + c.stale_note(hb, "practice")


def timer_table(hb: Handbook, here: str) -> str:
    rows = []
    for p in timer_presets(hb):
        rounds = ", ".join(esc(hb.round_kinds[k].name) for k in p.rounds)
        rows.append(
            f'<tr data-preset="{esc(p.id)}" data-seconds="{p.seconds}"><td>{esc(p.label)}</td><td>{_clock(p.seconds)}</td>'
            f"<td>{rounds}</td><td>{esc(p.why)}</td><td>{c.cite(here, p.sources)}</td></tr>"
        )
    return (
        '<table class="hb-table hb-presets"><thead><tr><th>Preset</th><th>Timer</th><th>Round</th><th>Why this length</th>'
        f"<th>Source</th></tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )


def _clock(seconds: int) -> str:
    return f"{seconds // 60}:{seconds % 60:02d}"


def stories_tool(hb: Handbook, here: str) -> str:
    practice = practice_of(hb)
    config = {
        "formats": {fmt: [{"id": f, "label": FIELD_LABELS[f], "hint": FIELD_HINTS[f]} for f in names] for fmt, names in FORMATS.items()},
        "rules": [
            {
                "id": r.id, "check": r.check, "title": plain(r.title), "advice": plain(r.advice), "fields": list(r.fields),
                "pattern": r.pattern, "claim": r.claim, "words_per_minute": r.words_per_minute, "target_seconds": r.target_seconds,
            }
            for r in practice.critique.rules
        ],
        "phrases": [
            {"id": p.id, "phrase": plain(p.phrase), "pattern": p.pattern, "instead": plain(p.instead)} for p in hb.red_flags.values()
        ],
    }  # fmt: skip
    static = (
        '<p class="hb-nojs">The worksheet runs in your browser and needs JavaScript. Without it, write each part on paper '
        "and check it against the rules below.</p>"
    )
    return _tool("hb-stories", static, "hb-stories-config", config)


def critique_rules(hb: Handbook, here: str) -> str:
    items = "".join(
        f'<li data-rule="{esc(r.id)}"><strong>{esc(r.title)}</strong>: {inline(r.advice)} {c.cite(here, r.sources)}</li>'
        for r in practice_of(hb).critique.rules
    )
    return f'<ul class="hb-rules">{items}</ul>\n' + c.stale_note(hb, "practice")


def scoring_tool(hb: Handbook, here: str) -> str:
    scoring = practice_of(hb).scoring
    example = [Initiative(i.name, i.compliance, i.growth) for i in scoring.example]
    config = {
        "floor": scoring.compliance_floor,
        "compliance_weight": scoring.compliance_weight,
        "growth_weight": scoring.growth_weight,
        "tie_margin": scoring.tie_margin,
        "tie_rule": plain(scoring.tie_rule),
        "example": [{"name": plain(i.name), "compliance": i.compliance, "growth": i.growth} for i in example],
    }
    return _tool("hb-scoring", _ranking_table(rank_initiatives(example, scoring), scoring.compliance_floor), "hb-scoring-config", config)


def _ranking_table(rows: list[RankedInitiative], floor: int) -> str:
    body = "".join(
        f'<tr data-name="{esc(r.initiative.name)}" data-status="{r.status}"><td>{r.rank or "—"}</td><td>{esc(r.initiative.name)}</td>'
        f"<td>{r.initiative.compliance}</td><td>{'—' if r.initiative.growth is None else r.initiative.growth}</td>"
        f"<td>{esc(verdict(r, floor))}</td></tr>"
        for r in rows
    )
    return (
        '<table class="hb-table hb-ranking"><thead><tr><th>Rank</th><th>Initiative</th><th>Compliance</th><th>Growth</th>'
        f"<th>Why</th></tr></thead><tbody>{body}</tbody></table>"
    )


def scoring_rule(hb: Handbook, here: str) -> str:
    scoring = practice_of(hb).scoring
    example = "".join(
        f"<li><strong>{esc(i.name)}</strong>: compliance {i.compliance}, growth "
        f"{'not reported' if i.growth is None else i.growth}{'. ' + inline(i.note) if i.note else ''}</li>"
        for i in scoring.example
    )
    framework = hb.frameworks[scoring.framework]
    return (
        f'<div class="hb-rule"><p>{inline(scoring.rule_note)} {c.cite(here, scoring.sources)}</p>'
        f"<p><strong>Tie rule.</strong> {inline(scoring.tie_rule)}</p>"
        f"<p>The worked example the calculator opens with:</p><ul>{example}</ul>"
        f"<p>Read the {c.link(here, c.framework_src(framework.id), esc(framework.name))} framework for the steps.</p></div>\n"
        + c.stale_note(hb, "practice")
    )


def offer_tool(hb: Handbook, here: str) -> str:
    practice = practice_of(hb)
    years = hb.default_vesting_years
    preload = hb.bands[practice.offer.band]
    offer = offer_from_band(preload, years)
    bands = []
    for band in hb.bands.values():
        estimate = annualise(band, years)
        bands.append(
            {
                "id": band.id, "track": band.track, "level": plain(band.level), "sources": list(band.sources),
                "low": round(estimate.low), "high": round(estimate.high), "left_out": [plain(t) for t in estimate.left_out],
                "inputs": {"low": band_inputs(band, years, "low"), "high": band_inputs(band, years, "high")},
            }
        )  # fmt: skip
    config = {
        "default_years": years,
        "tracks": _choices((t.id, t.name) for t in hb.tracks.values() if hb.bands_for(t.id)),
        "bands": bands,
        "preload": {
            "track": preload.track, "base": offer.base, "bonus_pct": offer.bonus_target_pct, "cap_pct": offer.bonus_cap_pct,
            "equity_mode": "annual", "equity": offer.equity_per_year, "years": offer.vesting_years,
            "cadence": offer.cadence, "cliff": offer.cliff_months, "sign_on": offer.sign_on,
        },
    }  # fmt: skip
    return _tool("hb-offer", _offer_static(hb, here, preload, offer), "hb-offer-config", config)


def _offer_static(hb: Handbook, here: str, band: m.PayBand, offer: Offer) -> str:
    rows = "".join(
        f"<tr><td>Year {y.year}</td><td>{usd(y.base)}</td><td>{usd(y.bonus)}</td><td>{usd(y.equity)}</td>"
        f"<td>{usd(y.sign_on)}</td><td><strong>{usd(y.total)}</strong></td></tr>"
        for y in offer_years(offer)
    )
    total = annualise_offer(offer, hb.default_vesting_years)
    compare = "".join(
        f'<li data-band="{esc(b.id)}">{esc(b.level)} {c.cite(here, b.sources)}: {usd_span(est.low, est.high)}, '
        f"the offer is {position(total, est.low, est.high)} it</li>"
        for b in hb.bands_for(band.track)
        for est in [annualise(b, hb.default_vesting_years)]
    )
    return (
        f'<p class="hb-nojs">Without JavaScript the calculator cannot take your figures; here is the offer it opens with, '
        f"{esc(band.level)} {c.cite(here, band.sources)}.</p>"
        '<table class="hb-table hb-offer-years"><thead><tr><th>Year</th><th>Base</th><th>Bonus at target</th>'
        f"<th>Equity or tokens vesting</th><th>Sign-on</th><th>Total</th></tr></thead><tbody>{rows}</tbody></table>"
        f'<p class="hb-annualised">Annualised total: <strong>{usd(total)}</strong></p><ul>{compare}</ul>'
    )


def offer_note(hb: Handbook, here: str) -> str:
    offer = practice_of(hb).offer
    return f'<p class="hb-rule">{inline(offer.note)} {c.cite(here, offer.sources)}</p>\n' + c.stale_note(hb, "practice")


PAGE_MACROS = {
    "practice_drill": drill_tool,
    "practice_drill_rule": drill_rule,
    "practice_timers": timer_table,
    "practice_stories": stories_tool,
    "practice_critique_rules": critique_rules,
    "practice_scoring": scoring_tool,
    "practice_scoring_rule": scoring_rule,
    "practice_offer": offer_tool,
    "practice_offer_note": offer_note,
}
