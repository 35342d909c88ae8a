"""The story builder: a DMA or STAR worksheet critiqued as it is typed.
`docs/assets/tools/stories.js` mirrors its rules, `critique.critique`."""

from __future__ import annotations

from .. import components as c
from ..critique import FORMATS
from ..handbook import Handbook
from ..html import render
from ..text import plain
from . import practice_of, tool

FIELD_LABELS = {
    "decision": "Decision", "metric": "Metric", "alignment": "Alignment",
    "situation": "Situation", "task": "Task", "action": "Action", "result": "Result",
}  # fmt: skip
FIELD_HINTS = {
    "decision": "The call you made yourself, and the option you turned down.",
    "metric": "The number it moved, in percent or dollars, and how fast.",
    "alignment": "Which functions you brought along, what each did, by when.",
    "situation": "The setting, briefly, in crypto terms: market, rule, product.",
    "task": "What you had to decide and what was at stake.",
    "action": "What you did, in order, including the option you rejected.",
    "result": "The number, what it was worth, and what you changed afterwards.",
}  # fmt: skip
FORMATS_OFFERED = [("dma", "DMA: Decision, Metric, Alignment"), ("star", "STAR: Situation, Task, Action, Result")]


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
    length = next((r for r in practice.critique.rules if r.check == "spoken-length"), None)
    live = render("stories_live.html", formats=FORMATS_OFFERED, fields=config["formats"]["dma"], length=length)
    return tool("hb-stories", render("stories_static.html"), config, start=live)


def critique_rules(hb: Handbook, here: str) -> str:
    return render(
        "critique_rules.html", here=here, c=c, sources=hb.sources, rules=practice_of(hb).critique.rules, fresh=c.freshness(hb, "practice")
    )


PAGE_MACROS = {"practice_stories": stories_tool, "practice_critique_rules": critique_rules}
