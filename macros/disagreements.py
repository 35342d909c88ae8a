"""Find every topic on which the sources report different values."""

from __future__ import annotations

from dataclasses import dataclass

from .handbook import Handbook
from .models import Span
from .pay import usd_span

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


def span_text(span: Span, unit: str = "") -> str:
    value = f"{span.low:,g}" if span.low == span.high else f"{span.low:,g}–{span.high:,g}"
    return f"{value} {unit}".strip()


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
        if len({s for b in bands for s in b.sources}) > 1:
            claims = [Claim(usd_span(b.base.low, b.base.high), b.sources, f"level {b.level}") for b in bands]
            lo, hi = min(b.base.low for b in bands), max(b.base.high for b in bands)
            out.append(Disagreement(f"Base pay, {track.name}", claims, f"{usd_span(lo, hi)} across sources"))

    topics: dict[str, list] = {}
    for fig in hb.figures.values():
        topics.setdefault(fig.topic, []).append(fig)
    for topic, figs in topics.items():
        values = {(f.value.low, f.value.high, f.unit, f.per) for f in figs}
        if len(values) > 1 and len({s for f in figs for s in f.sources}) > 1:
            claims = [Claim(span_text(f.value, f.unit + (f" per {f.per}" if f.per else "")), f.sources, f.label) for f in figs]
            out.append(Disagreement(figs[0].label, claims, _ratio(figs)))
    return out


def _ratio(figs) -> str:
    rates = [(f.value.high / SECONDS[f.per]) if f.per in SECONDS else None for f in figs]
    values = [r for r in rates if r] or [f.value.high for f in figs if f.value.high]
    if len(values) < 2 or min(values) <= 0:
        return ""
    ratio = max(values) / min(values)
    return f"the largest is {ratio:,.0f}× the smallest" if ratio >= 2 else ""
