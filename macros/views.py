"""Data sections for the hand-written pages that opt in to macros.

Each function takes the Handbook and the calling page's path and returns one
HTML block made by a template; `macros/__init__.py` exposes them to the pages."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from . import components as c
from .charts import pay_chart
from .disagreements import figure_text, num, per_second, reported_topics, span_text
from .disagreements import find as find_disagreements
from .handbook import Handbook, KeptPerRecord
from .html import render
from .models import INFERABLE_TERMS, PayBand, Question, Term
from .pay import GRANT_NAMES, Annualised, annualise, check_total, usd_span
from .text import counted


def _render(template: str, hb: Handbook, here: str, **context: object) -> str:
    return render(template, here=here, c=c, sources=hb.sources, tracks=hb.tracks, **context)


def sources_list(hb: Handbook, here: str) -> str:
    cited = {s: sum(s in q.sources for q in hb.questions.values()) for s in hb.sources}
    return _render("sources.html", hb, here, cited=cited, fresh=c.freshness(hb, "sources"))


@dataclass(frozen=True)
class PayRow:
    band: PayBand
    est: Annualised
    bonus: str
    equity: str


def pay_section(hb: Handbook, here: str) -> str:
    rows = [PayRow(b, annualise(b, hb.default_vesting_years), _bonus_text(b), _equity_text(b)) for b in hb.bands.values()]
    chart = pay_chart([(r.band, r.est, hb.tracks[r.band.track].name, r.band.level, r.band.sources[0]) for r in rows])
    return _render("pay.html", hb, here, rows=rows, chart=chart, term_names=INFERABLE_TERMS, fresh=c.freshness(hb, "pay"))


def _bonus_text(band: PayBand) -> str:
    if not (band.bonus and band.bonus.target_pct):
        return "—"
    text = f"target {span_text(band.bonus.target_pct, '%')}"
    return text + (f", cap {span_text(band.bonus.cap_pct, '%')}" if band.bonus.cap_pct else "")


def _equity_text(band: PayBand) -> str:
    e = band.equity
    if not e:
        return "—"
    bits = []
    if e.company_pct:
        bits.append(f"{span_text(e.company_pct, '%')} of the company")
    if e.annual_usd:
        bits.append(f"{usd_span(e.annual_usd.low, e.annual_usd.high)} a year")
    if e.share_of_total_pct:
        bits.append(f"{span_text(e.share_of_total_pct, '%')} of total pay")
    terms = [
        f"{e.vesting_years}-year vesting" if e.vesting_years else "",
        e.cadence or "",
        f"{e.cliff_months}-month cliff" if e.cliff_months else ("no cliff" if e.cliff_months == 0 else ""),
    ]
    return f"{GRANT_NAMES[e.kind]}: " + ", ".join(bits + [t for t in terms if t])


def pay_checks(hb: Handbook, here: str) -> str:
    checks = [(b, check) for b in hb.bands.values() if (check := check_total(b, hb.default_vesting_years)) is not None]
    return _render("pay_checks.html", hb, here, checks=checks)


@dataclass(frozen=True)
class FigureRow:
    figure: object
    value: str
    check: tuple[str, ...]


def key_figures(hb: Handbook, here: str) -> str:
    rows = [FigureRow(f, figure_text(f), _rate_check(hb, f)) for f in hb.figures.values()]
    return _render("key_figures.html", hb, here, rows=rows, fresh=c.freshness(hb, "key-figures"))


def _rate_check(hb: Handbook, f) -> tuple[str, ...]:
    """A rate over a day or a year as an average per second, then the same source's own
    per-second claims set against that average, one to a line."""
    rate = per_second(f.value.high, f.per)
    if rate is None:
        return ()
    low_rate = per_second(f.value.low, f.per)
    shown = f"{num(round(low_rate, 1))}–" if low_rate != rate else ""
    own = set(f.sources) - {"handbook"}
    peers = [g for g in hb.figures.values() if g.per == "second" and g.unit.upper().endswith("PS") and own & set(g.sources)]
    return (
        f"≈ {shown}{num(round(rate, 1))} {f.unit} per second on average",
        *(f"{peer.label} ({figure_text(peer)}) is {peer.value.high / rate:,.0f}× that average" for peer in peers),
    )


def disagreements(hb: Handbook, here: str) -> str:
    """Every topic two or more sources report on; the build stops if one is missing from the page."""
    html = _render("disagreements.html", hb, here, found=find_disagreements(hb))
    missing = [t for t in reported_topics(hb) if f'id="topic-{t}"' not in html]
    if missing:
        raise ValueError(f"the disagreements page lacks topics two or more sources report: {', '.join(missing)}")
    return html


@dataclass(frozen=True)
class Facet:
    """One of the bank's filters: its values in use, each with the number of questions having it."""

    key: str
    label: str
    all: str
    values: list[tuple[str, str, int]]


def question_bank(hb: Handbook, here: str) -> str:
    """Every question, grouped by round, under its filters; bank.js wires the filters up.

    The filters are drawn here, each option with how many questions it would leave, so the page
    opens with them and its script reads the list only once a reader filters it. The lists stay
    out of the search index (each question page is indexed on its own); each round's heading and
    summary are indexed as a section of this page."""
    groups = [(kind, [q for q in hb.questions.values() if q.round == kind.id]) for kind in hb.round_kinds.values()]
    questions = list(hb.questions.values())
    names = [
        ("track", "Track", "All tracks", {t.id: t.name for t in hb.tracks.values()}, lambda q: q.tracks),
        ("round", "Round", "All rounds", {k: kind.name for k, kind in hb.round_kinds.items()}, lambda q: [q.round]),
        ("type", "Type", "All types", c.QUESTION_TYPES, lambda q: [q.type]),
        ("framework", "Framework", "All frameworks", {f.id: f.name for f in hb.frameworks.values()}, lambda q: q.frameworks),
        ("difficulty", "Difficulty", "All levels", c.DIFFICULTY, lambda q: [q.difficulty]),
        ("origin", "Origin", "Reported and practice", c.ORIGINS, lambda q: [q.origin] if q.origin else []),
        ("tag", "Tag", "All tags", {t: t for t in sorted({t for q in questions for t in q.tags})}, lambda q: q.tags),
    ]
    facets = []
    for key, label, all_, labels, values_of in names:
        used = Counter(v for q in questions for v in values_of(q))
        values = [(value, name, used[value]) for value, name in labels.items() if used[value]]
        if values:
            facets.append(Facet(key, label, all_, values))
    return _render("bank.html", hb, here, total=len(questions), groups=[g for g in groups if g[1]], facets=facets)


def checklist_index(hb: Handbook, here: str) -> str:
    checklists = list(hb.checklists.values())
    return _render("checklist_index.html", hb, here, checklists=checklists, total=sum(len(cl.items) for cl in checklists))


def anti_patterns(hb: Handbook, here: str) -> str:
    return _render("anti_patterns.html", hb, here, patterns=list(hb.anti_patterns.values()), phrases=list(hb.red_flags.values()))


@dataclass(frozen=True)
class Card:
    src: str
    name: str
    summary: str
    meta: str = ""


def track_cards(hb: Handbook, here: str) -> str:
    asked = Counter(track for q in hb.questions.values() for track in q.tracks)
    cards = [
        Card(c.track_src(t.id), t.name, t.summary,
             f"{counted(len(hb.loops_for(t.id)), 'source version')} of the loop · {counted(asked[t.id], 'question')}")
        for t in hb.tracks.values()
    ]  # fmt: skip
    return _render("cards.html", hb, here, cards=cards)


def framework_cards(hb: Handbook, here: str) -> str:
    cards = [Card(c.framework_src(f.id), f.name, f.summary) for f in hb.frameworks.values()]
    return _render("cards.html", hb, here, cards=cards)


def counts(hb: Handbook) -> dict[str, int]:
    return {
        "questions": len(hb.questions), "frameworks": len(hb.frameworks), "checklists": len(hb.checklists),
        "sources": len(hb.sources), "bands": len(hb.bands), "figures": len(hb.figures), "terms": len(hb.terms),
    }  # fmt: skip


def tag_index(hb: Handbook, here: str) -> str:
    """Every tag with its number of questions, each linking to the tag's page."""
    return _render("tag_index.html", hb, here, tags=list(hb.tags().items()))


# Each term lists at most this many of the questions using it, so the glossary's size does not
# grow with the bank (the most-used term is in 27 of the shipped questions).
GLOSSARY_USED_SHOWN = 30


def glossary(hb: Handbook, here: str) -> str:
    used: dict[str, list] = {t: [] for t in hb.terms}
    for q in hb.questions.values():
        for term in hb.terms_in(q):
            used[term.id].append(q)
    terms = sorted(hb.terms.values(), key=lambda t: t.term.lower())
    sections = [
        _GLOSSARY_TERMS.get(t, lambda t=t: _glossary_term(hb, here, t, used[t.id]), key=here, also=tuple(used[t.id])) for t in terms
    ]
    return _render("glossary.html", hb, here, terms=terms, sections=sections, fresh=c.freshness(hb, "glossary"))


# A term's section, kept while the questions using it are the same records (`make serve`).
_GLOSSARY_TERMS = KeptPerRecord()


def _glossary_term(hb: Handbook, here: str, t: Term, used: list[Question]) -> str:
    return _render("glossary_term.html", hb, here, t=t, used=used, used_shown=GLOSSARY_USED_SHOWN, all_terms=hb.terms)


def rating_guide(hb: Handbook, here: str) -> str:
    rounds = [(hb.round_kinds[k], r) for k, r in hb.ratings.items()]
    return _render("rating_guide.html", hb, here, rounds=rounds, fresh=c.freshness(hb, "rating-guide"))


def questions_to_ask(hb: Handbook, here: str) -> str:
    return _render("ask.html", hb, here, interviewers=list(hb.interviewers.values()), fresh=c.freshness(hb, "ask"))
