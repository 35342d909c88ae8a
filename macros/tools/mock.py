"""The mock interview: a question dealt from the bank for a track and a round, an
interviewer's view with the clock, follow-ups, red flags and a rubric, and a feedback sheet.

The rubric for a round kind is the rating guide's signals for it, with the guide's words for
1, 3 and 5. Each signal is trained by the framework steps that share its words (the committee
signals among them), then by the round's checklist and its section of the rating guide. The
clock's time boxes are the timer presets that fit the round. `docs/assets/tools/mock.js` runs
the mock; the drill reads its results (see `drill.with_mocks`)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .. import components as c
from ..handbook import Handbook
from ..html import render
from ..text import href, plain
from . import choices, practice_of, tool
from .drill import ANSWERS_DIR, QUESTIONS_JSON, TimerPreset, timer_presets

MOCK_PAGE = "practice/mock.md"
DRILL_PAGE = "practice/drill.md"
RATING_PAGE = "rating-guide.md"
# Words that say nothing about what a signal trains, so two names sharing only these do not match.
_FILLER = {
    "first", "before", "with", "from", "then", "than", "into", "ready", "find", "check", "your", "what",
    "product", "production", "failure",
}  # fmt: skip
_WORD = re.compile(r"[a-z]+")


def stems(text: str) -> set[str]:
    """The content words of a name, cut to five letters so 'quantified' meets 'quantify'."""
    return {w[:5] for w in _WORD.findall(text.lower()) if len(w) >= 4 and w not in _FILLER}


@dataclass(frozen=True)
class TrainingPage:
    title: str
    src: str
    anchor: str = ""


def training_pages(hb: Handbook, kind: str, signal: str, limit: int = 2) -> list[TrainingPage]:
    """The handbook pages that train one signal of a round: the framework steps (or framework
    names) sharing the most words with it, then the round's checklist and rating guide."""
    words = stems(signal)
    scored = []
    for f in hb.frameworks.values():
        steps = [(len(words & stems(s.name)), s.name) for s in f.steps]
        best, step = max(steps, default=(0, ""))
        by_name = len(words & stems(f.name))
        if best or by_name:
            title = f"{plain(f.name)}: {plain(step)}" if best >= by_name else plain(f.name)
            scored.append((max(best, by_name), f.id, TrainingPage(title, c.framework_src(f.id))))
    scored.sort(key=lambda s: (-s[0], s[1]))
    pages = [page for _, _, page in scored[:limit]]
    checklist = next((cl for cl in hb.checklists.values() if cl.round == kind), None)
    if checklist:
        pages.append(TrainingPage(f"Checklist: {plain(checklist.title)}", c.checklist_src(checklist.id)))
    name = plain(hb.round_kinds[kind].name)
    pages.append(TrainingPage(f"Rating guide: {name}", RATING_PAGE, f"rating-{kind}"))
    return pages


@dataclass(frozen=True)
class TimeBox:
    label: str
    end: int  # seconds from the start of the mock


def time_boxes(presets: list[TimerPreset], kind: str) -> list[TimeBox]:
    """The presets written for this round kind, then the shortest reported length of the round."""
    fitting = [p for p in presets if kind in p.rounds]
    written = [p for p in fitting if p.answer]
    lengths = sorted((p for p in fitting if not p.answer), key=lambda p: p.seconds)
    chosen = sorted([*written, *lengths[:1]], key=lambda p: p.seconds)
    return [TimeBox(plain(p.label), p.seconds) for p in chosen]


def mock_rounds(hb: Handbook) -> list[str]:
    """Round kinds a mock can run: a rating guide entry and at least one question."""
    asked = {q.round for q in hb.questions.values()}
    return [k for k in hb.round_kinds if k in hb.ratings and k in asked]


def rubric(hb: Handbook, here: str, kind: str) -> dict:
    rating = hb.ratings[kind]
    return {
        "signals": [
            {
                "name": plain(s),
                "pages": [{"title": p.title, "url": href(here, p.src, anchor=p.anchor)} for p in training_pages(hb, kind, s)],
            }
            for s in rating.signals
        ],
        "levels": {str(level.score): plain(level.sounds_like) for level in rating.levels},
    }


def mock_config(hb: Handbook, here: str) -> dict:
    rule = practice_of(hb).repetition
    presets = timer_presets(hb)
    kinds = mock_rounds(hb)
    return {
        "questions": QUESTIONS_JSON,
        "answers": ANSWERS_DIR,
        "repetition": {
            "unseen_weight": rule.unseen_weight, "rating_ceiling": rule.rating_ceiling,
            "recent_window": rule.recent_window, "recent_factor": rule.recent_factor,
        },
        "tracks": choices((t.id, t.name) for t in hb.tracks.values()),
        "rounds": choices((k, hb.round_kinds[k].name) for k in kinds),
        "counts": {t: {k: sum(q.round == k and t in q.tracks for q in hb.questions.values()) for k in kinds} for t in hb.tracks},
        "rubric": {k: rubric(hb, here, k) for k in kinds},
        "boxes": {k: [{"label": b.label, "end": b.end} for b in time_boxes(presets, k)] for k in kinds},
        "links": {"drill": href(here, DRILL_PAGE), "rating": href(here, RATING_PAGE), "mock": href(here, MOCK_PAGE)},
    }  # fmt: skip


def mock_tool(hb: Handbook, here: str) -> str:
    presets = timer_presets(hb)
    rounds = [
        (hb.round_kinds[k], hb.ratings[k], time_boxes(presets, k), [(s, training_pages(hb, k, s)) for s in hb.ratings[k].signals])
        for k in mock_rounds(hb)
    ]
    static = render("mock_static.html", here=here, rounds=rounds, sources=hb.sources, clock=clock)
    config = mock_config(hb, here)
    track, kind = config["tracks"][0][0], config["rounds"][0][0]
    live = render("mock_live.html", tracks=config["tracks"], rounds=config["rounds"], count_text=count_text(config["counts"][track][kind]))
    return tool("hb-mock", static, config, start=live)


def count_text(n: int) -> str:
    """As mock.js says it."""
    return "1 question to deal from." if n == 1 else f"{n} questions to deal from."


def clock(seconds: int) -> str:
    return f"{seconds // 60}:{seconds % 60:02d}"


PAGE_MACROS = {"practice_mock": mock_tool}
