"""Pictures drawn at build time as inline SVG: a loop's timeline and the pay
range chart.  Each picture has a text twin on the page, so the SVG is marked
as an image with a short label rather than read out shape by shape."""

from __future__ import annotations

from .models import Loop, PayBand
from .pay import Annualised, usd
from .text import esc

UNKNOWN_MINUTES = 45
PX_PER_MINUTE = 3


def loop_timeline(loop: Loop) -> str:
    x, shapes = 0.0, []
    for r in sorted(loop.rounds, key=lambda r: r.order):
        minutes = r.minutes.high if r.minutes else UNKNOWN_MINUTES
        for session in range(r.sessions):
            width = minutes * PX_PER_MINUTE
            klass = (
                "hb-tl-round" + (" hb-tl-round--unknown" if r.minutes is None else "") + (" hb-tl-round--optional" if r.optional else "")
            )
            label = f"{r.order}" + (f".{session + 1}" if r.sessions > 1 else "")
            length = (
                (f"{r.minutes.low:g}–{r.minutes.high:g} min" if r.minutes.low != r.minutes.high else f"{r.minutes.low:g} min")
                if r.minutes
                else "length not stated"
            )
            shapes.append(
                f'<g class="{klass}"><title>{esc(r.name)}: {esc(length)}</title>'
                f'<rect x="{x:.0f}" y="8" width="{width - 6:.0f}" height="40" rx="6"></rect>'
                f'<text x="{x + (width - 6) / 2:.0f}" y="33" text-anchor="middle">{esc(label)}</text></g>'
            )
            x += width
    total = max(x, 1)
    summary = f"{len(loop.rounds)} rounds in order: " + "; ".join(esc(r.name) for r in sorted(loop.rounds, key=lambda r: r.order))
    return (
        f'<svg class="hb-timeline" viewBox="0 0 {total:.0f} 56" width="100%" preserveAspectRatio="xMinYMid meet" '
        f'role="img" aria-label="{summary}">{"".join(shapes)}</svg>'
    )


def pay_chart(rows: list[tuple[PayBand, Annualised, str]]) -> str:
    """Base ranges as bars and annualised totals as ticks on one dollar axis."""
    if not rows:
        return ""
    top = max(max(band.base.high, est.high) for band, est, _ in rows)
    top = (int(top // 50_000) + 1) * 50_000
    label_w, chart_w, row_h = 330, 520, 30
    scale = chart_w / top
    height = row_h * len(rows) + 40
    parts = []
    for i, (band, est, label) in enumerate(rows):
        y = 20 + i * row_h
        parts.append(f'<text class="hb-pc-label" x="{label_w - 8}" y="{y + 15}" text-anchor="end">{esc(label)}</text>')
        bx, bw = label_w + band.base.low * scale, max((band.base.high - band.base.low) * scale, 3)
        parts.append(
            f'<rect class="hb-pc-base" x="{bx:.1f}" y="{y + 4}" width="{bw:.1f}" height="14">'
            f"<title>Base {esc(usd(band.base.low))}–{esc(usd(band.base.high))}</title></rect>"
        )
        tx, tw = label_w + est.low * scale, max((est.high - est.low) * scale, 3)
        parts.append(
            f'<rect class="hb-pc-total" x="{tx:.1f}" y="{y + 20}" width="{tw:.1f}" height="5">'
            f"<title>Annualised {esc(usd(est.low))}–{esc(usd(est.high))}</title></rect>"
        )
    for tick in range(0, top + 1, 50_000):
        x = label_w + tick * scale
        parts.append(f'<line class="hb-pc-grid" x1="{x:.1f}" y1="14" x2="{x:.1f}" y2="{height - 18}"></line>')
        parts.append(f'<text class="hb-pc-axis" x="{x:.1f}" y="{height - 4}" text-anchor="middle">${tick // 1000}k</text>')
    return (
        f'<svg class="hb-paychart" viewBox="0 0 {label_w + chart_w + 20} {height}" width="100%" role="img" '
        'aria-label="Base pay ranges (thick bars) and annualised totals (thin bars) by source, track and level; '
        'the table below has the same figures">'
        f"{''.join(parts)}</svg>"
    )
