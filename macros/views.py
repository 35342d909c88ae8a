"""Data sections for the hand-written pages that opt in to macros.

Each function takes the Handbook and the calling page's path and returns an
HTML block; `macros/__init__.py` exposes them to the pages."""

from __future__ import annotations

from . import components as c
from .charts import pay_chart
from .disagreements import figure_text, num, per_second, span_text
from .disagreements import find as find_disagreements
from .handbook import Handbook
from .pay import annualise, check_total, usd_span
from .text import esc, inline


def sources_list(hb: Handbook, here: str) -> str:
    items = []
    for s in hb.sources.values():
        cited = sum(s.id in q.sources for q in hb.questions.values())
        items.append(
            f'<div class="hb-source" id="src-{esc(s.id)}"><h3>{esc(s.title)} <code>{esc(s.id)}</code></h3>'
            f'<p class="hb-k">{esc(s.kind.replace("-", " "))}, {s.year}'
            + (f" · file <code>{esc(s.file)}</code>" if s.file else "")
            + f" · cited by {cited} question(s)</p>"
            f"<p><strong>Covers:</strong> {inline(s.covers)}</p><p><strong>Reliability:</strong> {inline(s.reliability)}</p></div>"
        )
    return '<div class="hb-sources">' + "".join(items) + "</div>" + c.stale_note(hb, "sources")


def pay_section(hb: Handbook, here: str) -> str:
    rows, chart_rows = [], []
    for band in hb.bands.values():
        est = annualise(band, hb.default_vesting_years)
        label = f"{band.sources[0]} · {band.track} · {band.level}"
        chart_rows.append((band, est, label))
        bonus = "—"
        if band.bonus and band.bonus.target_pct:
            bonus = f"target {span_text(band.bonus.target_pct, '%')}"
            if band.bonus.cap_pct:
                bonus += f", cap {span_text(band.bonus.cap_pct, '%')}"
        rows.append(
            f'<tr id="band-{esc(band.id)}" data-band="{esc(band.id)}" data-annual-low="{est.low:.0f}" data-annual-high="{est.high:.0f}">'
            f"<td>{esc(hb.tracks[band.track].name)}</td><td>{esc(band.level)}</td>"
            f"<td>{usd_span(band.base.low, band.base.high)}</td><td>{esc(bonus)}</td>"
            f"<td>{_equity_text(band)}</td>"
            f"<td>{usd_span(band.sign_on.low, band.sign_on.high) if band.sign_on else '—'}</td>"
            f'<td class="hb-annual"><strong>{usd_span(est.low, est.high)}</strong>{_breakdown(est)}</td>'
            f"<td>{c.cite(here, band.sources)}</td></tr>"
        )
    table = (
        "<table><thead><tr><th>Track</th><th>Level</th><th>Base</th><th>Bonus</th>"
        "<th>Equity or tokens</th><th>Sign-on</th><th>Annualised total</th><th>Source</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>"
    )
    return pay_chart(chart_rows) + table + c.stale_note(hb, "pay")


def _equity_text(band) -> str:
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
    kind = {"rsu": "RSUs", "token": "tokens", "equity": "equity"}[e.kind]
    return esc(f"{kind}: " + ", ".join(bits + [t for t in terms if t]))


def _breakdown(est) -> str:
    parts = "".join(f"<li>{esc(p.label)}: {usd_span(p.low, p.high)}</li>" for p in est.parts)
    left = "".join(f"<li>Not counted: {esc(text)}</li>" for text in est.left_out)
    return f'<details class="hb-breakdown"><summary>How</summary><ul>{parts}{left}</ul></details>'


def pay_checks(hb: Handbook, here: str) -> str:
    items = []
    for band in hb.bands.values():
        check = check_total(band, hb.default_vesting_years)
        if check is None:
            continue
        label = band.stated_total_label or "total"
        verdict = (
            "matches its own components" if check.matches else "does <strong>not</strong> match its own components under either reading"
        )
        items.append(
            f'<li data-band="{esc(band.id)}" data-matches="{str(check.matches).lower()}">'
            f"<strong>{esc(hb.tracks[band.track].name)}, {esc(band.level)}</strong>: "
            f"the source states a {esc(label)} of {usd_span(check.stated_low, check.stated_high)}. "
            f"Its own components add up to {usd_span(check.computed_low, check.computed_high)} "
            "with the sign-on spread over the vesting years, "
            f"or {usd_span(check.sign_on_in_full_low, check.sign_on_in_full_high)} with the sign-on counted in full in year one. "
            f"The stated figure {verdict}. {c.cite(here, band.sources)}" + (f" {inline(band.note)}" if band.note else "") + "</li>"
        )
    return f'<ul class="hb-paychecks">{"".join(items)}</ul>' if items else "<p>No source states a total to check.</p>"


def key_figures(hb: Handbook, here: str) -> str:
    rows = []
    for f in hb.figures.values():
        check = ""
        rate = per_second(f.value.high, f.per)
        if rate is not None:
            low_rate = per_second(f.value.low, f.per)
            shown = f"{num(round(low_rate, 1))}–" if low_rate != rate else ""
            check = f"≈ {shown}{num(round(rate, 1))} {esc(f.unit)} per second on average"
            # Compare the average with the same source's own per-second claims.
            own = set(f.sources) - {"handbook"}
            peers = [g for g in hb.figures.values() if g.per == "second" and g.unit.upper().endswith("PS") and own & set(g.sources)]
            for peer in peers:
                check += f"; {esc(peer.label)} ({esc(figure_text(peer))}) is {peer.value.high / rate:,.0f}× that"
        rows.append(
            f'<tr id="fig-{esc(f.id)}"><td>{esc(f.label)}</td><td>{esc(figure_text(f))}</td>'
            f"<td>{check or '—'}</td><td>{inline(f.note) if f.note else ''}</td><td>{c.cite(here, f.sources)}</td></tr>"
        )
    return (
        "<table><thead><tr><th>Figure</th><th>Reported value</th><th>Back-of-envelope check</th>"
        f"<th>Context</th><th>Source</th></tr></thead><tbody>{''.join(rows)}</tbody></table>" + c.stale_note(hb, "key-figures")
    )


def disagreements(hb: Handbook, here: str) -> str:
    blocks = []
    for d in find_disagreements(hb):
        claims = "".join(
            f"<tr><td>{esc(cl.value)}</td><td>{esc(cl.context)}</td><td>{c.cite(here, cl.sources)}</td></tr>" for cl in d.claims
        )
        spread = f'<p class="hb-spread">Spread: {esc(d.spread)}.</p>' if d.spread else ""
        blocks.append(
            f'<section class="hb-disagreement"><h2>{esc(d.topic)}</h2>{spread}<table><thead><tr><th>Reported value</th>'
            f"<th>What it describes</th><th>Source</th></tr></thead><tbody>{claims}</tbody></table></section>"
        )
    return "".join(blocks) or "<p>The sources agree on everything recorded.</p>"


def question_bank(hb: Handbook, here: str) -> str:
    """Every question, grouped by round; bank.js builds the filters from the data attributes.

    The lists stay out of the search index (each question page is indexed on its own);
    each round's heading and summary are indexed as a section of this page."""
    by_round: dict[str, list] = {kind_id: [] for kind_id in hb.round_kinds}
    for q in hb.questions.values():
        by_round.setdefault(q.round, []).append(q)
    groups = []
    for kind_id, questions in by_round.items():
        if not questions:
            continue
        kind = hb.round_kinds[kind_id]
        items = "".join(_bank_entry(here, q) for q in questions)
        groups.append(
            f'<section class="hb-round" id="round-{esc(kind_id)}" data-round="{esc(kind_id)}">'
            f'<h2 id="round-{esc(kind_id)}-heading">{esc(kind.name)} '
            f'<span class="hb-count" data-search-exclude>({len(questions)})</span></h2>'
            f'<p>{inline(kind.summary)}</p><ul class="hb-qlist" data-search-exclude>{items}</ul></section>'
        )
    return f'<div class="hb-bank" data-total="{len(hb.questions)}">{_bank_labels(hb)}{"".join(groups)}</div>'


def _bank_entry(here: str, q) -> str:
    attrs = {
        "data-track": " ".join(q.tracks), "data-round": q.round, "data-type": q.type,
        "data-framework": " ".join(q.frameworks), "data-difficulty": q.difficulty, "data-tag": " ".join(q.tags),
    }  # fmt: skip
    attr = " ".join(f'{k}="{esc(v)}"' for k, v in attrs.items())
    return (
        f'<li class="hb-q" id="q-{esc(q.id)}" {attr}>{c.question_link(here, q)} '
        f'<span class="hb-meta">{esc(c.QUESTION_TYPES[q.type])} · {esc(c.DIFFICULTY[q.difficulty])}</span></li>'
    )


def _bank_labels(hb: Handbook) -> str:
    """The names behind the ids in the data attributes, in the handbook's order, for the filter labels."""
    facets = {
        "track": {t.id: t.name for t in hb.tracks.values()},
        "round": {k: kind.name for k, kind in hb.round_kinds.items()},
        "type": c.QUESTION_TYPES,
        "framework": {f.id: f.name for f in hb.frameworks.values()},
        "difficulty": c.DIFFICULTY,
    }
    items = "".join(
        f'<li data-facet="{facet}" data-value="{esc(value)}">{esc(label)}</li>'
        for facet, names in facets.items()
        for value, label in names.items()
    )
    return f'<ul class="hb-bank-labels" hidden data-search-exclude>{items}</ul>'


def checklist_index(hb: Handbook, here: str) -> str:
    rows = "".join(_checklist_row(here, cl) for cl in hb.checklists.values())
    total = sum(len(cl.items) for cl in hb.checklists.values())
    return f'<div class="hb-checklists" data-total="{total}"><ul class="hb-cl-list">{rows}</ul></div>'


def _checklist_row(here: str, cl) -> str:
    items = " ".join(i.id for i in cl.items)
    return (
        f'<li class="hb-cl" data-checklist="{esc(cl.id)}" data-total="{len(cl.items)}" '
        f'data-items="{esc(items)}" data-renamed="{esc(c.renamed_ids(cl.items))}">'
        f'{c.link(here, c.checklist_src(cl.id), esc(cl.title))} <span class="hb-meta">{len(cl.items)} items</span></li>'
    )


def anti_patterns(hb: Handbook, here: str) -> str:
    pairs = "".join(
        f'<section class="hb-ap" id="ap-{esc(a.id)}"><h3>{esc(a.title)}</h3>{c.weak_and_strong(here, a)}</section>'
        for a in hb.anti_patterns.values()
    )
    phrases = "".join(
        f"<tr><td>“{esc(p.phrase)}”</td><td>{inline(p.instead)}</td><td>{c.cite(here, p.sources)}</td></tr>" for p in hb.red_flags.values()
    )
    table = (
        '<h2 id="red-flag-phrases">Red-flag phrases</h2><table><thead><tr><th>What you say</th><th>Say instead</th>'
        f"<th>Source</th></tr></thead><tbody>{phrases}</tbody></table>"
        if phrases
        else ""
    )
    return pairs + table


def track_cards(hb: Handbook, here: str) -> str:
    cards = []
    for t in hb.tracks.values():
        loops = hb.loops_for(t.id)
        n_q = sum(t.id in q.tracks for q in hb.questions.values())
        cards.append(
            f"<li>{c.link(here, c.track_src(t.id), f'<strong>{esc(t.name)}</strong>')}<br>{inline(t.summary)}"
            f'<br><span class="hb-meta">{len(loops)} source version(s) of the loop · {n_q} questions</span></li>'
        )
    return f'<ul class="hb-cards">{"".join(cards)}</ul>'


def framework_cards(hb: Handbook, here: str) -> str:
    cards = "".join(
        f"<li>{c.link(here, c.framework_src(f.id), f'<strong>{esc(f.name)}</strong>')}<br>{inline(f.summary)}</li>"
        for f in hb.frameworks.values()
    )
    return f'<ul class="hb-cards">{cards}</ul>'


def counts(hb: Handbook) -> dict[str, int]:
    return {
        "questions": len(hb.questions), "frameworks": len(hb.frameworks), "checklists": len(hb.checklists),
        "sources": len(hb.sources), "bands": len(hb.bands), "figures": len(hb.figures),
    }  # fmt: skip


def tag_index(hb: Handbook, here: str) -> str:
    """Every tag with its number of questions, each linking to the tag's page."""
    items = "".join(
        f'<li>{c.link(here, c.tag_src(tag), esc(tag), cls="md-tag")} <span class="hb-count">{len(questions)}</span></li>'
        for tag, questions in hb.tags().items()
    )
    return f'<ul class="hb-tag-index">{items}</ul>'
