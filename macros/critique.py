"""The story builder's critique rules (data/practice.yml) applied to a story: the page's
script mirrors `critique` (`docs/assets/tools/stories.js`), and the build holds every
behavioral model answer to it (`answers.py`). Only the models are needed here, so the data
check can run the rules without loading the page code."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from . import models as m

FORMATS: dict[str, tuple[str, ...]] = {
    "dma": ("decision", "metric", "alignment"),
    "star": ("situation", "task", "action", "result"),
}


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
