"""The handbook's scripts as pages load them: one file per component.

The scripts stay separate in `docs/assets/` (a store, a DOM helper, a tool's rule and its page
code); the build ships each component's scripts as one file, in order, so a tool's page asks
for one file where it asked for up to six. On a phone every file is a request that shares the
network with the others; inside a file, each script runs in a task of its own (`_ONCE`).

A script that two components share (the store, the DOM helper) is in both files and runs once:
under Material's instant navigation a reader who has opened the checklists and moves on to the
drill keeps the store the checklists started.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

FOLDER = "assets/bundles"
TOOL = ("assets/store.js", "assets/dom.js")
DRILL = (*TOOL, "assets/tools/drill-logic.js")


@dataclass(frozen=True)
class Component:
    name: str
    selector: str  # a page needs the component's file when this matches an element
    parts: tuple[str, ...]  # under docs/, in the order they run

    @property
    def bundle(self) -> str:
        return f"{FOLDER}/{self.name}.js"


COMPONENTS = (
    Component("page", "body", ("assets/page.js",)),
    Component("start", "#hb-start", ("assets/store.js", "assets/start.js")),
    Component("checklists", ".hb-checklist, .hb-checklists", ("assets/store.js", "assets/checklists.js")),
    Component("bank", ".hb-bank", ("assets/store.js", "assets/bank.js")),
    Component("drill", "#hb-drill", (*DRILL, "assets/tools/drill-history.js", "assets/tools/drill.js")),
    Component("stories", "#hb-stories", (*TOOL, "assets/tools/stories.js")),
    Component("scoring", "#hb-scoring", (*TOOL, "assets/tools/scoring.js")),
    Component("offer", "#hb-offer", (*TOOL, "assets/tools/offer.js")),
    Component("mock", "#hb-mock", (*DRILL, "assets/tools/mock-logic.js", "assets/tools/mock-clock.js", "assets/tools/mock.js")),
    Component("plan", "#hb-plan", (*TOOL, "assets/tools/plan-logic.js", "assets/tools/plan.js")),
)

PARTS = tuple(dict.fromkeys(part for component in COMPONENTS for part in component.parts))

# Each part runs once per page load, whichever file brings it first, and in a task of its own:
# a file run whole is one task, and the mock's (13-14 ms at full speed) is long enough for a
# phone's slower CPU to count it as blocking; a part alone takes a few milliseconds. The parts
# still run in order, since tasks queued with the same delay run in the order queued.
_ONCE = """/* {src} */
setTimeout(function () {{
  var ran = (window.HB = window.HB || {{}}).ran || (window.HB.ran = {{}});
  if (ran[{key}]) return;
  ran[{key}] = true;
{body}
}});
"""


def bundle(component: Component, read) -> str:
    """The component's file: each part, read by `read(src)`, run once."""
    return "\n".join(_ONCE.format(src=src, key=json.dumps(src), body=read(src).rstrip()) for src in component.parts)


def loader_table() -> list[list[str]]:
    """What the page's loader checks (overrides/partials/load.html): selector and file."""
    return [[component.selector, component.bundle] for component in COMPONENTS]
