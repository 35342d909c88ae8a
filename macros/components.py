"""What the pages share that is not markup: where each page lives, the names
shown for ids, a question's title and how old a dataset is."""

from __future__ import annotations

import datetime
import os
from dataclasses import dataclass

from .text import short_title

SOURCES_PAGE = "sources.md"
BANK_PAGE = "questions/index.md"
TAGS_PAGE = "tags.md"
GLOSSARY_PAGE = "glossary.md"
DIFFICULTY = {"foundation": "Foundation", "core": "Core", "stretch": "Stretch"}
ORIGINS = {"reported": "Reported by a source", "practice": "Practice question written for the handbook"}
QUESTION_TYPES = {
    "screen": "Screen", "product-sense": "Product sense", "system-design": "System design",
    "behavioral": "Behavioral", "compliance": "Compliance", "metrics": "Metrics and diagnosis",
    "ai-ml": "AI/ML", "strategy": "Strategy", "negotiation": "Negotiation", "estimation": "Estimation",
    "product-critique": "Product critique", "people-leadership": "People leadership",
    "ask-the-interviewer": "Questions you ask",
}  # fmt: skip


def question_src(qid: str) -> str:
    return f"questions/{qid}.md"


def framework_src(fid: str) -> str:
    return f"frameworks/{fid}.md"


def track_src(tid: str) -> str:
    return f"tracks/{tid}.md"


def checklist_src(cid: str) -> str:
    return f"checklists/{cid}.md"


def tag_src(tag: str) -> str:
    return f"tags/{tag}.md"


def title_of(q) -> str:
    """A question's title as plain text: its own `title`, or its prompt's first sentence."""
    return q.title or short_title(q.prompt)


def renamed_ids(items) -> str:
    """Checklist items' earlier ids as "old=new" pairs, so ticks saved under an old id carry over."""
    return " ".join(f"{old}={item.id}" for item in items for old in item.old_ids)


def build_date() -> datetime.date:
    """Today, or the reproducible-build date when SOURCE_DATE_EPOCH is set."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return datetime.datetime.fromtimestamp(int(epoch), datetime.UTC).date()
    return datetime.date.today()


@dataclass(frozen=True)
class Freshness:
    as_of: datetime.date
    age: int
    stale: bool


def freshness(hb, dataset: str, max_days: int = 180) -> Freshness | None:
    """How old a dataset's `as_of` date is; data older than `max_days` is flagged on the page."""
    as_of = hb.as_of.get(dataset)
    if as_of is None:
        return None
    age = (build_date() - as_of).days
    return Freshness(as_of, age, age > max_days)
