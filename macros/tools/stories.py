"""The story builder: a DMA or STAR worksheet critiqued as it is typed.
`docs/assets/tools/stories.js` mirrors `critique`."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from .. import components as c
from .. import models as m
from ..handbook import Handbook
from ..html import render
from ..text import plain
from . import practice_of, tool

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
    static = render("stories_static.html")
    return tool("hb-stories", static, "hb-stories-config", config)


def critique_rules(hb: Handbook, here: str) -> str:
    return render(
        "critique_rules.html", here=here, c=c, sources=hb.sources, rules=practice_of(hb).critique.rules, fresh=c.freshness(hb, "practice")
    )


PAGE_MACROS = {"practice_stories": stories_tool, "practice_critique_rules": critique_rules}
