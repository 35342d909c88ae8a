"""The study plan: an interview date, a track and hours per day become a day-by-day plan
built from the handbook's checklists, frameworks and questions, with mocks spaced before the
loop and the day-before checklist on the last day. The rules live in data/plan.yml.

`schedule` is the whole rule; `docs/assets/tools/plan-logic.js` mirrors it and the tests hold the
two to the same plans. The browser adds dates, ticks and rolling missed items forward."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from .. import components as c
from .. import models as m
from ..handbook import Handbook
from ..html import render
from ..text import href, plain
from . import choices, tool

PLAN_PAGE = "practice/plan.md"
MOCK_PAGE = "practice/mock.md"
DRILL_PAGE = "practice/drill.md"
DIFFICULTY_ORDER = list(c.DIFFICULTY)
ORIGIN_ORDER = ["reported", "practice", None]
KIND_ORDER = {"checklist": 0, "framework": 1, "question": 2}


def plan_of(hb: Handbook) -> m.PlanFile:
    plan = next((p.record for p in hb.placed if isinstance(p.record, m.PlanFile)), None)
    if plan is None:
        raise ValueError("data/plan.yml is missing")
    return plan


def plan_problems(hb: Handbook, plan: m.PlanFile) -> list[str]:
    """References in plan.yml that name nothing in the handbook."""
    out = []
    for name in ("first_checklist", "last_day_checklist"):
        if getattr(plan, name) not in hb.checklists:
            out.append(f"data/plan.yml: {name}: unknown checklist '{getattr(plan, name)}'")
    out += [f"data/plan.yml: extra_rounds: unknown round kind '{k}'" for k in plan.extra_rounds if k not in hb.round_kinds]
    if plan.fixed_plans.track not in hb.tracks:
        out.append(f"data/plan.yml: fixed_plans.track: unknown track '{plan.fixed_plans.track}'")
    if any(d > plan.max_days for d in plan.fixed_plans.days):
        out.append(f"data/plan.yml: fixed_plans.days: longer than max_days ({plan.max_days})")
    if not plan.hours.low <= plan.hours.default <= plan.hours.high:
        out.append("data/plan.yml: hours: default must lie between low and high")
    return out


# -- the material a track brings -----------------------------------------------------------


def loop_rounds(hb: Handbook, track: str, extra: Sequence[str] = ()) -> list[str]:
    """The track's round kinds: those its loops place, earliest position first; then those only
    its questions cover, the most asked first; then `extra`."""
    first: dict[str, int] = {}
    for loop in hb.loops_for(track):
        for r in loop.rounds:
            first[r.kind] = min(first.get(r.kind, r.order), r.order)
    kinds = list(hb.round_kinds)
    placed = sorted(first, key=lambda k: (first[k], kinds.index(k)))
    asked: dict[str, int] = {}
    for q in hb.questions.values():
        if track in q.tracks and q.round not in first and q.round not in extra:
            asked[q.round] = asked.get(q.round, 0) + 1
    unplaced = sorted(asked, key=lambda k: (-asked[k], kinds.index(k)))
    return placed + unplaced + [k for k in extra if k not in first]


def round_questions(hb: Handbook, track: str, kind: str, limit: int) -> list[m.Question]:
    qs = [q for q in hb.questions_for(round=kind) if track in q.tracks]
    qs.sort(key=lambda q: (DIFFICULTY_ORDER.index(q.difficulty), ORIGIN_ORDER.index(q.origin), q.id))
    return qs[:limit]


def round_frameworks(questions: Sequence[m.Question], limit: int) -> list[str]:
    counts: dict[str, int] = {}
    for q in questions:
        for f in q.frameworks:
            counts[f] = counts.get(f, 0) + 1
    return sorted(counts, key=lambda f: (-counts[f], f))[:limit]


def track_material(hb: Handbook, plan: m.PlanFile, track: str) -> dict:
    """Item ids per round for one track, in the order the plan takes them."""
    rounds = loop_rounds(hb, track, plan.extra_rounds)
    checklist_for = {cl.round: cl.id for cl in hb.checklists.values() if cl.round}
    material = {}
    for kind in rounds:
        every_question = [q for q in hb.questions_for(round=kind) if track in q.tracks]
        material[kind] = {
            "checklist": f"checklist:{checklist_for[kind]}" if kind in checklist_for else None,
            "frameworks": [f"framework:{f}" for f in round_frameworks(every_question, plan.frameworks_per_round)],
            "questions": [f"question:{q.id}" for q in round_questions(hb, track, kind, plan.questions_per_round)],
        }
    placed = {r.kind for loop in hb.loops_for(track) for r in loop.rounds}
    mockable = [k for k in rounds if k in placed and k not in plan.extra_rounds]
    mockable = mockable or [k for k in rounds if k not in plan.extra_rounds] or rounds
    return {"rounds": rounds, "mock_rounds": mockable, "material": material}


def rules_config(plan: m.PlanFile) -> dict:
    return {
        "first": f"checklist:{plan.first_checklist}",
        "last": f"checklist:{plan.last_day_checklist}",
        "minutes": plan.minutes.model_dump(),
        "mocks": plan.mocks.model_dump(),
    }


# -- the rule ------------------------------------------------------------------------------


def kind_of(item_id: str) -> str:
    return item_id.split(":", 1)[0]


def mock_days(study: int, mocks: Mapping) -> list[int]:
    """Which study days (0-based) hold a mock: evenly spaced, the last on the last study day."""
    if study < mocks["min_study_days"] or mocks["max"] == 0:
        return []
    count = min(mocks["max"], max(1, study // mocks["every_days"]))
    return sorted({study - 1 - (j * study) // count for j in range(count)})


def choose(material: Mapping, rules: Mapping, budget: int) -> list[tuple[str, int, int, int]]:
    """The items that fit the budget, by priority; each as (id, round position, kind order, index)."""
    minutes = rules["minutes"]
    rounds = material["rounds"]
    per_round = material["material"]
    tiers: list[tuple[str, int, int, int]] = [(rules["first"], -1, 0, 0)]
    for ri, kind in enumerate(rounds):
        if per_round[kind]["checklist"]:
            tiers.append((per_round[kind]["checklist"], ri, 0, 0))
        tiers += [(f, ri, 1, 0) for f in per_round[kind]["frameworks"][:1]]
    for ri, kind in enumerate(rounds):
        tiers += [(q, ri, 2, 0) for q in per_round[kind]["questions"][:1]]
    for ri, kind in enumerate(rounds):
        tiers += [(f, ri, 1, i) for i, f in enumerate(per_round[kind]["frameworks"][1:], 1)]
    deepest = max((len(per_round[k]["questions"]) for k in rounds), default=0)
    for i in range(1, deepest):
        for ri, kind in enumerate(rounds):
            tiers += [(q, ri, 2, i) for q in per_round[kind]["questions"][i : i + 1]]
    chosen: list[tuple[str, int, int, int]] = []
    seen: set[str] = set()
    spent = 0
    for entry in tiers:
        cost = minutes[kind_of(entry[0])]
        if entry[0] in seen or spent + cost > budget:
            continue
        seen.add(entry[0])
        chosen.append(entry)
        spent += cost
    return chosen


def schedule(material: Mapping, rules: Mapping, days: int, minutes_per_day: int) -> dict:
    """The plan for `days` days (the last one being the day before the interview).
    Returns {"days": [[item id, ...], ...], "left_out": [item id, ...]}."""
    if days < 1:
        return {"days": [], "left_out": []}
    minutes = rules["minutes"]
    study = days - 1
    mocks_on = mock_days(study, rules["mocks"])
    capacity = [minutes_per_day - (minutes["mock"] if d in mocks_on else 0) for d in range(study)]
    chosen = choose(material, rules, sum(max(0, cap) for cap in capacity))
    queue = [entry[0] for entry in sorted(chosen, key=lambda e: (e[1], e[2], e[3]))]
    round_of = {entry[0]: entry[1] for entry in chosen}

    plan: list[list[str]] = [[] for _ in range(study)]
    for d in range(study):
        if capacity[d] <= 0 or not queue:
            continue
        open_days = sum(1 for cap in capacity[d:] if cap > 0)
        target = math.ceil(sum(minutes[kind_of(i)] for i in queue) / open_days)
        limit = min(capacity[d], target)
        used = 0
        while queue and (used + minutes[kind_of(queue[0])] <= limit or used == 0):
            used += minutes[kind_of(queue[0])]
            plan[d].append(queue.pop(0))

    rounds = material["rounds"]
    mocked: dict[str, int] = {}
    scheduled = {i for day in plan for i in day}
    for d in mocks_on:
        before = {i for day in plan[:d] for i in day}
        started = {round_of[i] for i in before if i in round_of}
        learned = [k for k in material["mock_rounds"] if rounds.index(k) in started]
        ready = [k for k in learned if scheduled & set(groundwork(material, k)) <= before]
        candidates = ready or learned or material["mock_rounds"][:1]
        pick = min(candidates, key=lambda k: (mocked.get(k, 0), -rounds.index(k)))
        mocked[pick] = mocked.get(pick, 0) + 1
        plan[d].insert(0, f"mock:{pick}-{mocked[pick]}")

    reviews = 0
    for d in range(study):
        if not plan[d] and capacity[d] > 0 and rounds:
            plan[d].append(f"review:{rounds[reviews % len(rounds)]}-{reviews // len(rounds) + 1}")
            reviews += 1

    plan.append([rules["last"]])
    return {"days": plan, "left_out": queue + [i for i in _all_material(material) if i not in round_of]}


def groundwork(material: Mapping, kind: str) -> list[str]:
    """What a round's mock needs behind it: its checklist and frameworks."""
    per = material["material"][kind]
    return ([per["checklist"]] if per["checklist"] else []) + per["frameworks"]


def _all_material(material: Mapping) -> list[str]:
    out = []
    for kind in material["rounds"]:
        out += groundwork(material, kind) + material["material"][kind]["questions"]
    return list(dict.fromkeys(out))


# -- the page --------------------------------------------------------------------------------


@dataclass(frozen=True)
class PlanEntry:
    id: str
    kind: str
    title: str
    url: str
    minutes: int


def catalogue(hb: Handbook, plan: m.PlanFile, here: str, materials: Mapping[str, Mapping]) -> dict[str, dict]:
    """Every checklist, framework and question a plan can name, with its title and link."""
    minutes = plan.minutes.model_dump()
    ids: set[str] = {f"checklist:{plan.first_checklist}", f"checklist:{plan.last_day_checklist}"}
    for material in materials.values():
        ids.update(_all_material(material))
    out = {}
    for item_id in sorted(ids):
        kind, key = item_id.split(":", 1)
        if kind == "checklist":
            title, src = f"Finish the checklist: {plain(hb.checklists[key].title)}", c.checklist_src(key)
        elif kind == "framework":
            title, src = f"Learn the framework: {plain(hb.frameworks[key].name)}", c.framework_src(key)
        else:
            title, src = f"Drill: {c.title_of(hb.questions[key])}", c.question_src(key)
        out[item_id] = {"kind": kind, "title": title, "url": href(here, src), "minutes": minutes[kind]}
    return out


def entry(item_id: str, config: Mapping, track: str) -> PlanEntry:
    """An item id as the page shows it; mocks and drill days are made up from their round."""
    kind = kind_of(item_id)
    if item_id in config["items"]:
        it = config["items"][item_id]
        return PlanEntry(item_id, kind, it["title"], it["url"], it["minutes"])
    kind_id = item_id.split(":", 1)[1].rsplit("-", 1)[0]
    name = config["round_names"].get(kind_id, kind_id)
    minutes = config["rules"]["minutes"][kind]
    if kind == "mock":
        return PlanEntry(item_id, kind, f"Mock interview: {name}", f"{config['links']['mock']}?track={track}&round={kind_id}", minutes)
    return PlanEntry(item_id, kind, f"Drill day: {name} questions", config["links"]["drill"], minutes)


def plan_config(hb: Handbook, plan: m.PlanFile, here: str) -> dict:
    materials = {t: track_material(hb, plan, t) for t in hb.tracks}
    return {
        "max_days": plan.max_days,
        "hours": plan.hours.model_dump(),
        "rules": rules_config(plan),
        "tracks": choices((t.id, t.name) for t in hb.tracks.values()),
        "materials": materials,
        "items": catalogue(hb, plan, here, materials),
        "round_names": {k: plain(r.name) for k, r in hb.round_kinds.items()},
        "links": {"mock": href(here, MOCK_PAGE), "drill": href(here, DRILL_PAGE), "plan": href(here, PLAN_PAGE)},
        "site_name": "Binance PM Interview Handbook",
    }


def fixed_plan(plan: m.PlanFile, config: Mapping, days: int) -> dict:
    track = plan.fixed_plans.track
    built = schedule(config["materials"][track], config["rules"], days, round(plan.fixed_plans.hours * 60))
    return {
        "days": days,
        "plan": [[entry(i, config, track) for i in day] for day in built["days"]],
        "left_out": [entry(i, config, track) for i in built["left_out"]],
    }


def plan_tool(hb: Handbook, here: str) -> str:
    plan = plan_of(hb)
    if problems := plan_problems(hb, plan):
        raise ValueError("; ".join(problems))
    config = plan_config(hb, plan, here)
    fixed = [fixed_plan(plan, config, days) for days in plan.fixed_plans.days]
    static = render(
        "plan_static.html", here=here, fixed=fixed, track=hb.tracks[plan.fixed_plans.track], hours=plan.fixed_plans.hours,
        minutes=plan.minutes,
    )  # fmt: skip
    # Numbers as the script prints them: 10, not 10.0.
    hours = {name: f"{value:g}" for name, value in config["hours"].items()}
    live = render("plan_live.html", max_days=plan.max_days, tracks=config["tracks"], track=plan.fixed_plans.track, hours=hours)
    return tool("hb-plan", static, config, start=live)


def plan_rules(hb: Handbook, here: str) -> str:
    plan = plan_of(hb)
    return render("plan_rules.html", here=here, plan=plan, sources=hb.sources, fresh=c.freshness(hb, "plan"))


PAGE_MACROS = {"practice_plan": plan_tool, "practice_plan_rules": plan_rules}
