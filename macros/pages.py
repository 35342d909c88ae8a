"""The pages generated from data: one per question, track, framework, checklist
and tag. Each `render_*` returns the page's Markdown source, made by a template
in `macros/templates/`: headings from data are escaped for Markdown, everything
else sits in HTML blocks Markdown does not read. These pages never opt in to
macros, so nothing in them is run as a template."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlencode

from . import components as c
from .charts import loop_timeline
from .handbook import Handbook
from .html import render
from .models import Checklist, Framework, Loop, Question, Round, Track
from .search import QUESTION_UNINDEXED
from .text import href
from .tools import FRAMEWORK_TOOLS

# Track and framework pages show a few questions and link to the bank, filtered, for the rest:
# a page that listed them all would grow with the bank.
SAMPLE_SIZE = 5


def _common(hb: Handbook, here: str) -> dict:
    return {"here": here, "c": c, "sources": hb.sources, "tracks": hb.tracks, "round_kinds": hb.round_kinds}


def bank_url(here: str, anchor: str = "", **facets: str) -> str:
    """The question bank opened with these filters (the bank reads them from the URL)."""
    return href(here, c.BANK_PAGE) + "?" + urlencode(facets) + (f"#{anchor}" if anchor else "")


def easiest_first(questions: list[Question]) -> list[Question]:
    return sorted(questions, key=lambda q: (list(c.DIFFICULTY).index(q.difficulty), q.id))


def render_question(hb: Handbook, q: Question) -> str:
    here = c.question_src(q.id)
    return render(
        "question.md.j2", **_common(hb, here), q=q, title=c.title_of(q), kind=hb.round_kinds[q.round],
        frameworks=hb.frameworks, pitfalls=hb.anti_patterns_for(round=q.round)[:3], terms=hb.terms_in(q),
        search=QUESTION_UNINDEXED,
    )  # fmt: skip


def render_tag(hb: Handbook, tag: str, questions: list[Question]) -> str:
    here = c.tag_src(tag)
    groups = [(kind, [q for q in questions if q.round == kind.id]) for kind in hb.round_kinds.values()]
    return render(
        "tag.md.j2", **_common(hb, here), tag=tag, questions=questions, bank_url=bank_url(here, tag=tag),
        groups=[(kind, qs) for kind, qs in groups if qs],
    )  # fmt: skip


def loop_count(loop: Loop) -> str:
    stated = loop.stated_rounds
    if stated is None:
        return str(len(loop.rounds))
    return f"{stated.low:g}" if stated.low == stated.high else f"{stated.low:g}–{stated.high:g}"


def round_length(r: Round) -> str:
    length = "length not stated"
    if r.minutes:
        low, high = r.minutes.low, r.minutes.high
        length = f"{low:g}–{high:g} minutes" if low != high else f"{low:g} minutes"
    return f"{r.sessions} sessions, {length} each" if r.sessions > 1 else length


def render_track(hb: Handbook, track: Track) -> str:
    here = c.track_src(track.id)
    loops = hb.loops_for(track.id)
    order = list(hb.round_kinds)
    in_loops = sorted({r.kind for loop in loops for r in loop.rounds}, key=order.index)
    questions = [q for q in hb.questions.values() if track.id in q.tracks]
    kinds = in_loops + sorted({q.round for q in questions} - set(in_loops), key=order.index)
    groups = []
    for kind in kinds:
        in_round = [q for q in questions if q.round == kind]
        if in_round:
            url = bank_url(here, anchor=f"round-{kind}", track=track.id, round=kind)
            groups.append((hb.round_kinds[kind], easiest_first(in_round), url))
    bands = hb.bands_for(track.id)
    return render(
        "track.md.j2", **_common(hb, here), track=track, loops=loops, loop_count=loop_count, round_length=round_length,
        timelines={loop.id: loop_timeline(loop) for loop in loops}, question_groups=groups, sample_size=SAMPLE_SIZE,
        bands=bands, band_sources=sorted({s for b in bands for s in b.sources}),
    )  # fmt: skip


def render_framework(hb: Handbook, fw: Framework) -> str:
    here = c.framework_src(fw.id)
    return render(
        "framework.md.j2", **_common(hb, here), fw=fw, tool=FRAMEWORK_TOOLS.get(fw.id),
        pitfalls=hb.anti_patterns_for(framework=fw.id), questions=easiest_first(hb.questions_for(framework=fw.id)),
        bank_url=bank_url(here, framework=fw.id), sample_size=SAMPLE_SIZE,
    )  # fmt: skip


def render_checklist(hb: Handbook, cl: Checklist) -> str:
    here = c.checklist_src(cl.id)
    # Every item id in the handbook, and each old id with the id it became, so that a
    # progress import on any checklist page can tell which ticks still apply.
    items = [item for other in hb.checklists.values() for item in other.items]
    return render("checklist.md.j2", **_common(hb, here), cl=cl, known=" ".join(i.id for i in items), renamed=c.renamed_ids(items))


# How `generated` gets a page's source: `made(src, reads, make)`, where `reads` are the question
# records the page shows. A full build calls `make()`; the preview (macros/preview.py) gives back
# the page it made before when those records are the same objects as then.
Made = Callable[[str, tuple[Question, ...], Callable[[], str]], str]


def made_anew(src: str, reads: tuple[Question, ...], make: Callable[[], str]) -> str:
    return make()


def generated(hb: Handbook, made: Made = made_anew) -> dict[str, str]:
    """Every page made from data, by its path under docs/: its Markdown source. Pages read, besides
    the question records they name, only data other than questions."""
    out: dict[str, str] = {}

    def page(src: str, reads, make: Callable[[], str]) -> None:
        out[src] = made(src, tuple(reads), make)

    questions = list(hb.questions.values())
    for t in hb.tracks.values():
        page(c.track_src(t.id), (q for q in questions if t.id in q.tracks), lambda t=t: render_track(hb, t))
    for f in hb.frameworks.values():
        page(c.framework_src(f.id), hb.questions_for(framework=f.id), lambda f=f: render_framework(hb, f))
    for cl in hb.checklists.values():
        page(c.checklist_src(cl.id), (), lambda cl=cl: render_checklist(hb, cl))
    for q in questions:
        page(c.question_src(q.id), (q,), lambda q=q: render_question(hb, q))
    for tag, tagged in hb.tags().items():
        page(c.tag_src(tag), tagged, lambda tag=tag, tagged=tagged: render_tag(hb, tag, tagged))
    return out
