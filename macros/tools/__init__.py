"""The practice tools, one module each: drill, stories, scoring, offer, mock and plan.

Each tool runs in the browser (`docs/assets/tools/<tool>.js`), but its rules live
in data/practice.yml and its maths lives in its module as well, so the build can
render a no-JavaScript version of every result and the tests can hold the
browser to the same numbers."""

from __future__ import annotations

from collections.abc import Iterable

from markupsafe import Markup

from .. import models as m
from ..handbook import Handbook
from ..html import render
from ..text import plain

DRILL_PAGE = "practice/drill.md"
STORIES_PAGE = "practice/stories.md"
SCORING_PAGE = "practice/scoring.md"
OFFER_PAGE = "practice/offer.md"

FRAMEWORK_TOOLS = {
    "dma": (STORIES_PAGE, "Write and critique your own DMA stories in the story builder"),
    "star": (STORIES_PAGE, "Compare a STAR version of your story with DMA in the story builder"),
    "dual-track-scoring": (SCORING_PAGE, "Rank your own initiatives in the dual-track scoring calculator"),
}


def practice_of(hb: Handbook) -> m.PracticeFile:
    if hb.practice is None:
        raise ValueError("data/practice.yml is missing")
    return hb.practice


def tool(element_id: str, static: Markup | str, config: object, start: Markup | str = "") -> str:
    """A tool's mount point, its configuration as JSON in `data-config`: its no-JavaScript
    version, then what it shows before its script has started (if anything; shown without
    JavaScript too)."""
    return render("tool.html", element_id=element_id, static=static, start=start, config=config)


def choices(pairs: Iterable[tuple[str, str]]) -> list[list[str]]:
    return [[key, plain(name)] for key, name in pairs]


def page_macros() -> dict:
    from . import drill, mock, offer, plan, scoring, stories

    return {
        **drill.PAGE_MACROS, **stories.PAGE_MACROS, **scoring.PAGE_MACROS, **offer.PAGE_MACROS,
        **mock.PAGE_MACROS, **plan.PAGE_MACROS,
    }  # fmt: skip
