"""Find every topic on which the sources report different values."""

from __future__ import annotations

from dataclasses import dataclass

from .handbook import Handbook
from .models import KeyFigure, Span
from .pay import usd_span
from .text import plain

SECONDS = {"second": 1, "minute": 60, "hour": 3600, "day": 86400, "year": 365 * 86400}


@dataclass(frozen=True)
class Claim:
    value: str
    sources: list[str]
    context: str = ""


@dataclass(frozen=True)
class Disagreement:
    topic: str
    claims: list[Claim]
    spread: str = ""
    id: str = ""


def num(value: float) -> str:
    """1500000000 -> '1,500,000,000'; 0.03 -> '0.03'; never scientific notation."""
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:,.3f}".rstrip("0").rstrip(".")


def span_text(span: Span, unit: str = "") -> str:
    value = num(span.low) if span.low == span.high else f"{num(span.low)}–{num(span.high)}"
    return f"{value}%" if unit == "%" else f"{value} {unit}".strip()


def figure_text(fig) -> str:
    rate = f" per {fig.per}" if fig.per and not (fig.per == "second" and fig.unit.upper().endswith("PS")) else ""
    return span_text(fig.value, fig.unit + rate)


def per_second(value: float, per: str | None) -> float | None:
    return value / SECONDS[per] if per in SECONDS and per != "second" else None


def find(hb: Handbook) -> list[Disagreement]:
    out: list[Disagreement] = []
    loops = list(hb.loops.values())
    by_track: dict[str, list] = {}
    for loop in loops:
        by_track.setdefault(loop.track, []).append(loop)

    def rounds_of(loop) -> str:
        return span_text(loop.stated_rounds) if loop.stated_rounds else str(len(loop.rounds))

    counts = [Claim(rounds_of(loop), loop.sources, hb.tracks[loop.track].name) for loop in loops]
    if len({cl.value for cl in counts}) > 1:
        out.append(Disagreement("Number of interview rounds", counts))

    lengths = [
        Claim(loop.process.contact_to_offer.reported, loop.sources, hb.tracks[loop.track].name)
        for loop in loops
        if loop.process.contact_to_offer
    ]
    if len({cl.value for cl in lengths}) > 1:
        lows = [loop.process.contact_to_offer.days.low for loop in loops if loop.process.contact_to_offer]
        highs = [loop.process.contact_to_offer.days.high for loop in loops if loop.process.contact_to_offer]
        out.append(Disagreement("Time from first contact to offer", lengths, f"from {min(lows):g} to {max(highs):g} days"))

    for track_id, track in hb.tracks.items():
        bands = hb.bands_for(track_id)
        if len({b.sources[0] for b in bands}) > 1:
            claims = [Claim(usd_span(b.base.low, b.base.high), b.sources, f"level {b.level}") for b in bands]
            lo, hi = min(b.base.low for b in bands), max(b.base.high for b in bands)
            out.append(Disagreement(f"Base pay, {track.name}", claims, f"{usd_span(lo, hi)} across sources"))

    bands = list(hb.bands.values())
    if len({b.sources[0] for b in bands}) > 1:
        claims = [Claim(usd_span(b.base.low, b.base.high), b.sources, f"{hb.tracks[b.track].name}, level {b.level}") for b in bands]
        lo, hi = min(b.base.low for b in bands), max(b.base.high for b in bands)
        out.append(Disagreement("Base pay across all tracks and levels", claims, f"{usd_span(lo, hi)}"))

    for topic, records in reported_topics(hb).items():
        figs = [r for r in records if isinstance(r, KeyFigure)]
        claims = [Claim(figure_text(r), r.sources, r.label) if r in figs else Claim(plain(r.says), r.sources, r.label) for r in records]
        out.append(Disagreement(topic.replace("-", " ").capitalize(), claims, _ratio(figs), id=topic))
    return out


def reported_topics(hb: Handbook) -> dict[str, list]:
    """Every key-figure or statement topic on which two or more sources (not the handbook) report."""
    topics: dict[str, list] = {}
    for record in [*hb.figures.values(), *hb.statements.values()]:
        topics.setdefault(record.topic, []).append(record)
    return {t: rs for t, rs in topics.items() if len({s for r in rs for s in r.sources} - {"handbook"}) > 1}


def _ratio(figs) -> str:
    """How far apart the reported values are, only where they measure the same thing:
    rates of one unit compared per second, or plain values of one unit."""
    if len({f.unit.lower() for f in figs}) != 1:
        return ""
    if all(f.per in SECONDS for f in figs):
        values = [f.value.high / SECONDS[f.per] for f in figs if f.value.high]
    elif not any(f.per for f in figs):
        values = [f.value.high for f in figs if f.value.high]
    else:
        return ""
    if len(values) < 2 or min(values) <= 0:
        return ""
    ratio = max(values) / min(values)
    return f"the largest is {ratio:,.0f}× the smallest" if ratio >= 2 else ""
