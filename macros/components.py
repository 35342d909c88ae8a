"""Small HTML pieces shared by the pages: citations, chips, lists, links.

Everything that comes from data passes through `esc`, `inline` or `block`.
"""

from __future__ import annotations

import datetime
import os
from collections.abc import Iterable

from .handbook import Handbook
from .text import esc, href, inline, short_title

SOURCES_PAGE = "sources.md"
BANK_PAGE = "questions/index.md"
TAGS_PAGE = "tags.md"
DIFFICULTY = {"foundation": "Foundation", "core": "Core", "stretch": "Stretch"}
QUESTION_TYPES = {
    "screen": "Screen", "product-sense": "Product sense", "system-design": "System design",
    "behavioral": "Behavioral", "compliance": "Compliance", "metrics": "Metrics and diagnosis",
    "ai-ml": "AI/ML", "strategy": "Strategy", "negotiation": "Negotiation",
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


def tag_chips(here: str, tags: Iterable[str]) -> str:
    """A question's tags as links to their pages, styled as the theme styles tags."""
    links = "".join(f'<a class="md-tag" href="{esc(href(here, tag_src(t)))}">{esc(t)}</a>' for t in tags)
    return f'<nav class="md-tags hb-tags" aria-label="Tags">{links}</nav>' if links else ""


def link(here: str, to: str, text_html: str, anchor: str = "", cls: str = "") -> str:
    klass = f' class="{cls}"' if cls else ""
    return f'<a{klass} href="{esc(href(here, to, anchor=anchor))}">{text_html}</a>'


def question_link(here: str, q) -> str:
    """A question as a link to its page, named by its short title."""
    return link(here, question_src(q.id), esc(short_title(q.prompt)))


def weak_and_strong(here: str, a) -> str:
    """An anti-pattern's weak and strong answers side by side, then why, with its sources."""
    return (
        f'<div class="hb-pair"><p class="hb-bad"><span>Weak:</span> {inline(a.bad)}</p>'
        f'<p class="hb-good"><span>Strong:</span> {inline(a.good)}</p></div><p>{inline(a.why)} {cite(here, a.sources)}</p>'
    )


def renamed_ids(items) -> str:
    """Checklist items' earlier ids as "old=new" pairs, so ticks saved under an old id carry over."""
    return " ".join(f"{old}={item.id}" for item in items for old in item.old_ids)


def cite(here: str, source_ids: Iterable[str]) -> str:
    """Source ids as links to their entries on the sources page."""
    links = [link(here, SOURCES_PAGE, esc(sid), anchor=f"src-{sid}", cls="hb-src") for sid in source_ids]
    return f'<span class="hb-cite">[{", ".join(links)}]</span>' if links else ""


def bullet_list(items: Iterable[str], cls: str = "") -> str:
    klass = f' class="{cls}"' if cls else ""
    return f"<ul{klass}>" + "".join(f"<li>{inline(item)}</li>" for item in items) + "</ul>"


def chip(text_html: str, kind: str) -> str:
    return f'<span class="hb-chip hb-chip--{esc(kind)}">{text_html}</span>'


def build_date() -> datetime.date:
    """Today, or the reproducible-build date when SOURCE_DATE_EPOCH is set."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return datetime.datetime.fromtimestamp(int(epoch), datetime.UTC).date()
    return datetime.date.today()


def stale_note(hb: Handbook, dataset: str, max_days: int = 180) -> str:
    """A dated line under data-driven sections; flags data older than `max_days`."""
    as_of = hb.as_of.get(dataset)
    if as_of is None:
        return ""
    today = build_date()
    age = (today - as_of).days
    if age > max_days:
        return (
            f'<p class="hb-asof hb-asof--stale" role="note">Data checked on {as_of.isoformat()}, {age} days ago: it may be out of date.</p>'
        )
    return f'<p class="hb-asof">Data checked on {as_of.isoformat()}.</p>'
