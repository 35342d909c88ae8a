"""Pictures drawn at build time as inline SVG: a loop's timeline and the pay
range chart. This module works out the geometry; `macros/templates/*.svg.j2`
draw it. Each picture has a text twin on the page, so the SVG is marked as an
image with a short label rather than read out shape by shape."""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

from markupsafe import Markup

from .html import render
from .models import Loop, PayBand
from .pay import Annualised

UNKNOWN_MINUTES = 45
# The timeline is drawn one session per row: its name on one or more lines of text, its
# length on the next, and under them a bar placed where the session falls in the loop. Its width in user
# units is small enough that 14-unit text stays at least 11 px on a 360 px screen
# (the CSS caps how far it grows on a wide one).
TIMELINE_WIDTH = 400
TIMELINE_LINE = 17
TIMELINE_BAR = 12
TIMELINE_GAP = 12
# A line of 13.5-unit semibold text holds about 50 characters in the 400 units; a name wraps
# before that, so no label runs past the picture's right edge.
TIMELINE_CHARS = 44


@dataclass(frozen=True)
class Block:
    y: float
    x: float
    width: float
    label: tuple[str, ...]
    length: str
    title: str
    unknown: bool
    optional: bool

    @property
    def bar_y(self) -> float:
        """The bar sits under the name's lines and the length's line."""
        return self.y + (len(self.label) + 1) * TIMELINE_LINE + 6


def _length(minutes) -> str:
    if minutes is None:
        return "length not stated"
    if minutes.low != minutes.high:
        return f"{minutes.low:g}–{minutes.high:g} min"
    return f"{minutes.low:g} min"


def loop_timeline(loop: Loop) -> Markup:
    rounds = sorted(loop.rounds, key=lambda r: r.order)
    sessions = []
    start = 0.0
    for r in rounds:
        minutes = r.minutes.high if r.minutes else UNKNOWN_MINUTES
        for session in range(r.sessions):
            number = f"{r.order}" + (f".{session + 1}" if r.sessions > 1 else "")
            sessions.append((r, number, start, minutes))
            start += minutes
    scale = TIMELINE_WIDTH / max(start, 1)
    blocks = []
    y = 0.0
    for r, number, begin, minutes in sessions:
        length = _length(r.minutes)
        name = textwrap.wrap(f"{number}. {r.name}" + (" (optional)" if r.optional else ""), TIMELINE_CHARS)
        block = Block(
            y, begin * scale, max(minutes * scale - 2, 3), tuple(name),
            length if r.minutes else f"{length}, drawn as {UNKNOWN_MINUTES} min",
            f"{r.name}: {length}", r.minutes is None, r.optional,
        )  # fmt: skip
        blocks.append(block)
        y = block.bar_y + TIMELINE_BAR + TIMELINE_GAP
    summary = f"{len(rounds)} rounds in order: " + "; ".join(f"{r.name}, {_length(r.minutes)}" for r in rounds)
    return Markup(
        render(
            "timeline.svg.j2", blocks=blocks, width=TIMELINE_WIDTH, height=y - TIMELINE_GAP + 2,
            bar=TIMELINE_BAR, line=TIMELINE_LINE, summary=summary,
        )
    )  # fmt: skip


@dataclass(frozen=True)
class Bar:
    y: float
    label: str
    base_x: float
    base_w: float
    base_title: str
    total_x: float
    total_w: float
    total_title: str


def pay_chart(rows: list[tuple[PayBand, Annualised, str, str, str]]) -> Markup:
    """Base ranges as bars and annualised totals as ticks on one dollar axis."""
    from .pay import usd

    if not rows:
        return Markup("")
    top = max(max(band.base.high, est.high) for band, est, *_ in rows)
    top = (int(top // 50_000) + 1) * 50_000
    longest = max(len(f"{track}, {level} ({source})") for _, _, track, level, source in rows)
    label_w, chart_w, row_h = max(330, longest * 7 + 16), 520, 30
    scale = chart_w / top
    height = row_h * len(rows) + 60
    bars = []
    for i, (band, est, track, level, source) in enumerate(rows):
        bars.append(
            Bar(
                20 + i * row_h, f"{track}, {level} ({source})",
                label_w + band.base.low * scale, max((band.base.high - band.base.low) * scale, 3),
                f"Base {usd(band.base.low)}–{usd(band.base.high)}",
                label_w + est.low * scale, max((est.high - est.low) * scale, 3),
                f"Annualised {usd(est.low)}–{usd(est.high)}",
            )
        )  # fmt: skip
    ticks = [(label_w + t * scale, f"${t // 1000}k") for t in range(0, top + 1, 50_000)]
    return Markup(
        render("paychart.svg.j2", bars=bars, ticks=ticks, label_w=label_w, width=label_w + chart_w + 20, height=height, legend_y=height - 4)
    )
