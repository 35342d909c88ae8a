"""The drill: a timed question, weighted towards what the candidate rated worst.
`docs/assets/tools/drill-logic.js` mirrors `drill_weights`."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from .. import components as c
from .. import models as m
from ..handbook import Handbook, KeptPerRecord
from ..html import render
from ..text import page_url, paragraphs, plain
from . import choices, practice_of, tool

QUESTIONS_JSON = "assets/questions.json"
# What a reader sees only after answering, in a small file per question (`<id>.json`): the drill
# and the mock fetch the answers of the question in front of the reader, never the whole bank's.
ANSWERS_DIR = "assets/answers"


def with_mocks(history: Sequence[Mapping], mocks: Sequence[Mapping] = ()) -> list[Mapping]:
    """The drill history with mock results (`{"q", "r", "t"}`, r the mock's rounded average)
    merged in by time, so a question scored in a mock counts as drilled at that rating."""
    if not mocks:
        return list(history)
    return sorted([*history, *mocks], key=lambda e: e.get("t", ""))


def drill_weights(
    question_ids: Iterable[str], history: Sequence[Mapping], rule: m.SpacedRepetition, mocks: Sequence[Mapping] = ()
) -> dict[str, float]:
    """Each question's chance of being drawn next.  `history` is oldest first, each
    entry `{"q": question id, "r": rating 1-5}`; `mocks` are mock results, merged in by time."""
    history = with_mocks(history, mocks)
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
    answer: bool = True  # False for a whole round's length: offered, never picked to fit a question

    @property
    def clock(self) -> str:
        return f"{self.seconds // 60}:{self.seconds % 60:02d}"


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
                f"round-{kind}-{low:g}-{high:g}",
                f"{hb.round_kinds[kind].name}: {span}",
                int(high * 60),
                (kind,),
                why,
                tuple(sources),
                answer=False,
            )
        )
    return presets


def fitting_preset(presets: list[TimerPreset], kind: str) -> TimerPreset:
    """The answer length written for this round kind; the first preset where none is."""
    return next((p for p in presets if p.answer and kind in p.rounds), presets[0])


def questions_payload(hb: Handbook, directory_urls: bool = True) -> dict:
    """Every question as plain text, enough to choose one and ask it (fetched by the drill and the mock)."""
    return {"questions": [question_entry(q, directory_urls) for q in hb.questions.values()]}


def question_entry(q: m.Question, directory_urls: bool = True) -> dict:
    return {
        "id": q.id,
        "title": c.title_of(q),
        "prompt": plain(q.prompt),
        "url": page_url(c.question_src(q.id), directory_urls),
        "tracks": list(q.tracks),
        "round": q.round,
        "type": q.type,
        "difficulty": q.difficulty,
        "origin": q.origin,
    }


def answer_payload(q: m.Question) -> dict:
    """A question's answer material as plain text."""
    return {
        "outline": [{"step": plain(s.step), "points": [plain(p) for p in s.points]} for s in q.outline],
        "strong": [plain(s) for s in q.strong_answer],
        "flags": [plain(f) for f in q.red_flags],
        "follow_ups": [plain(f) for f in q.follow_ups],
        "model_answer": [plain(p) for p in paragraphs(q.model_answer or "")],
    }


def write_questions_json(hb: Handbook, site_dir: Path, directory_urls: bool = True) -> None:
    answers = Path(site_dir) / ANSWERS_DIR
    answers.mkdir(parents=True, exist_ok=True)
    _write(Path(site_dir) / QUESTIONS_JSON, _json(questions_payload(hb, directory_urls)))
    for q in hb.questions.values():
        _write(answers / f"{q.id}.json", _ANSWERS.get(q, lambda q=q: _json(answer_payload(q))))


def _json(payload: dict) -> str:
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":"))


_ANSWERS = KeptPerRecord()
# What this process last wrote to each file, and the file's size and time of change after: a
# rebuild under `make serve` writes only the answers of the edited questions.
_WRITTEN: dict[Path, tuple[str, tuple[int, int]]] = {}


def _write(target: Path, text: str) -> None:
    kept = _WRITTEN.get(target)
    if kept is not None and kept[0] == text and kept[1] == _stamp(target):
        return
    target.write_text(text, encoding="utf-8")
    _WRITTEN[target] = (text, _stamp(target))


def _stamp(path: Path) -> tuple[int, int]:
    try:
        st = path.stat()
    except OSError:
        return (-1, -1)
    return (st.st_size, st.st_mtime_ns)


def starter_question(hb: Handbook) -> m.Question:
    """The question a first visit opens on, written into the page so it shows at the first paint:
    a foundation question of the earliest round, the first by id (any question if none is)."""
    rounds = list(hb.round_kinds)
    order = {kind: i for i, kind in enumerate(rounds)}
    ranked = sorted(hb.questions.values(), key=lambda q: (q.difficulty != "foundation", order.get(q.round, len(rounds)), q.id))
    return ranked[0]


RATINGS = {1: "Lost", 2: "Shaky", 3: "Passable", 4: "Good", 5: "Solid"}
FILTERS = [("track", "Track"), ("round", "Round"), ("type", "Type"), ("difficulty", "Difficulty")]


def drill_tool(hb: Handbook, here: str) -> str:
    rule = practice_of(hb).repetition
    used_rounds = {q.round for q in hb.questions.values()}
    used_types = {q.type for q in hb.questions.values()}
    presets = timer_presets(hb)
    starter = starter_question(hb)
    config = {
        "questions": QUESTIONS_JSON,
        "answers": ANSWERS_DIR,
        "starter": question_entry(starter),
        "ratings": RATINGS,
        "presets": [{"id": p.id, "label": plain(p.label), "seconds": p.seconds} for p in presets],
        "fit_seconds": {kind: fitting_preset(presets, kind).seconds for kind in hb.round_kinds},
        "repetition": {
            "unseen_weight": rule.unseen_weight, "rating_ceiling": rule.rating_ceiling,
            "recent_window": rule.recent_window, "recent_factor": rule.recent_factor,
        },
        "filters": {
            "track": choices((t.id, t.name) for t in hb.tracks.values()),
            "round": choices((k, r.name) for k, r in hb.round_kinds.items() if k in used_rounds),
            "type": choices((k, v) for k, v in c.QUESTION_TYPES.items() if k in used_types),
            "difficulty": choices(c.DIFFICULTY.items()),
        },
        "names": {
            "round": {k: plain(r.name) for k, r in hb.round_kinds.items()},
            "type": dict(c.QUESTION_TYPES),
        },
    }  # fmt: skip
    fit = fitting_preset(presets, starter.round)
    n = len(hb.questions)
    live = render(
        "drill_live.html", here=here, c=c, q=starter, rounds=hb.round_kinds, presets=presets, clock=fit.clock, ratings=RATINGS,
        filters=[(name, label, config["filters"][name]) for name, label in FILTERS],
        count="1 question matches." if n == 1 else f"{n} questions match.",
    )  # fmt: skip
    return tool("hb-drill", render("drill_static.html", here=here, c=c), config, start=live)


def drill_rule(hb: Handbook, here: str) -> str:
    rule = practice_of(hb).repetition
    return render("rule.html", here=here, c=c, sources=hb.sources, text=rule.note, cites=rule.sources, fresh=c.freshness(hb, "practice"))


def timer_table(hb: Handbook, here: str) -> str:
    return render("timers.html", here=here, c=c, sources=hb.sources, presets=timer_presets(hb), round_kinds=hb.round_kinds)


PAGE_MACROS = {"practice_drill": drill_tool, "practice_drill_rule": drill_rule, "practice_timers": timer_table}
