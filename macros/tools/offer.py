"""The offer calculator: an offer year by year and annualised, against the bands.
`docs/assets/tools/offer.js` mirrors `vesting_by_year` and `annualise_offer`."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from .. import components as c
from .. import models as m
from ..handbook import Handbook
from ..html import render
from ..pay import Annualised, annualise, round_half_up, usd
from ..text import plain
from . import choices, practice_of, tool

CADENCE_MONTHS = {"monthly": 1, "quarterly": 3, "yearly": 12}
CADENCES = [("monthly", "Monthly"), ("quarterly", "Quarterly"), ("yearly", "Yearly")]
EQUITY_MODES = [("annual", "Value vesting per year"), ("total", "Total grant over the vesting years")]


@dataclass(frozen=True)
class Offer:
    base: float
    bonus_target_pct: float = 0
    bonus_cap_pct: float | None = None
    equity_per_year: float = 0
    vesting_years: int = 4
    cadence: str = "yearly"
    cliff_months: int = 0
    sign_on: float = 0


@dataclass(frozen=True)
class OfferYear:
    year: int
    base: float
    bonus: float
    equity: float
    sign_on: float

    @property
    def total(self) -> float:
        return self.base + self.bonus + self.equity + self.sign_on


def offer_as_band(offer: Offer) -> m.PayBand:
    """The offer as a one-value pay band, so it is annualised by the pay page's own code."""

    def one(value: float) -> m.UsdSpan:
        return m.UsdSpan.model_construct(low=value, high=value)

    pct = offer.bonus_target_pct
    return m.PayBand.model_construct(
        id="offer", track="offer", level="offer", sources=["handbook"], base=one(offer.base),
        bonus=m.Bonus.model_construct(target_pct=m.Span.model_construct(low=pct, high=pct)) if pct else None,
        equity=m.Equity.model_construct(kind="token", annual_usd=one(offer.equity_per_year), vesting_years=offer.vesting_years),
        sign_on=one(offer.sign_on) if offer.sign_on else None,
    )  # fmt: skip


def annualise_offer(offer: Offer, default_years: int = 4) -> float:
    return annualise(offer_as_band(offer), default_years).low


def vesting_by_year(grant: float, years: int, cadence: str, cliff_months: int) -> list[float]:
    """What vests in each year: one instalment per cadence step, with everything
    owed before the cliff paid on the first step at or after it."""
    step, months = CADENCE_MONTHS[cadence], years * 12
    instalment = grant / (months // step)
    cliff = min(cliff_months, months)
    paid, owed = [0.0] * years, 0.0
    for month in range(step, months + 1, step):
        owed += instalment
        if month >= cliff:
            paid[(month - 1) // 12] += owed
            owed = 0.0
    return paid


def offer_years(offer: Offer) -> list[OfferYear]:
    equity = vesting_by_year(offer.equity_per_year * offer.vesting_years, offer.vesting_years, offer.cadence, offer.cliff_months)
    bonus = offer.base * offer.bonus_target_pct / 100
    return [OfferYear(y + 1, offer.base, bonus, equity[y], offer.sign_on if y == 0 else 0) for y in range(offer.vesting_years)]


def offer_from_band(band: m.PayBand, default_years: int) -> Offer:
    """The low end of a band as an offer, e.g. the source's sample offer."""
    estimate = annualise(band, default_years)
    equity = band.equity
    return Offer(
        base=band.base.low,
        bonus_target_pct=band.bonus.target_pct.low if band.bonus and band.bonus.target_pct else 0,
        bonus_cap_pct=band.bonus.cap_pct.low if band.bonus and band.bonus.cap_pct else None,
        equity_per_year=_equity_part(estimate, "low"),
        vesting_years=(equity.vesting_years if equity and equity.vesting_years else default_years),
        cadence=(equity.cadence if equity and equity.cadence else "yearly"),
        cliff_months=(equity.cliff_months if equity and equity.cliff_months else 0),
        sign_on=band.sign_on.low if band.sign_on else 0,
    )


def _equity_part(estimate: Annualised, end: str) -> float:
    return sum(getattr(p, end) for p in estimate.parts if p.label.startswith("Equity"))


def band_inputs(band: m.PayBand, default_years: int, end: str) -> dict:
    """One end of a band as the calculator's inputs, with equity as its value per year."""
    estimate = annualise(band, default_years)
    pct = band.bonus.target_pct if band.bonus and band.bonus.target_pct else None
    years = band.equity.vesting_years if band.equity and band.equity.vesting_years else default_years
    return {
        "base": getattr(band.base, end),
        "bonus_pct": getattr(pct, end) if pct else 0,
        "equity_per_year": _equity_part(estimate, end),
        "sign_on": getattr(band.sign_on, end) if band.sign_on else 0,
        "years": years,
    }


def position(total: float, low: float, high: float) -> str:
    if total < round(low):
        return "below"
    if total > round(high):
        return "above"
    return "within"


def js_num(value: float) -> str:
    """A number as JavaScript's String() writes it: no ".0" on a whole number."""
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def vesting_note(offer: Offer) -> str:
    if not offer.equity_per_year:
        return "No equity or tokens entered."
    step = CADENCE_MONTHS[offer.cadence]
    first = step
    while first < offer.cliff_months and first < offer.vesting_years * 12:
        first += step
    text = f"The first equity vests at the end of month {first}"
    if offer.cliff_months > 0 and first > step:
        text += " (the cliff releases everything owed up to then)"
    return f"{text}, then {offer.cadence} until month {offer.vesting_years * 12}."


def band_row(band: dict, total: float) -> tuple[dict, str, str]:
    """A band of the calculator's configuration against an offer: where the offer falls, and by how much."""
    total = round_half_up(total)
    where = position(total, band["low"], band["high"])
    gaps = {"below": f"{usd(band['low'] - total)} under its low end", "above": f"{usd(total - band['high'])} over its high end"}
    return band, where, gaps.get(where, "inside the range")


def live_view(offer: Offer, total: float, config: dict) -> Markup:
    """The calculator for `offer` as offer.js draws it, so the page shows it before the script runs."""
    years = offer_years(offer)
    n = offer.vesting_years
    parts = [
        ("Base", offer.base), (f"Target bonus ({js_num(offer.bonus_target_pct)}% of base)", years[0].bonus),
        ("Equity or tokens per year", offer.equity_per_year), (f"Sign-on ÷ {n} {'year' if n == 1 else 'years'}", offer.sign_on / n),
    ]  # fmt: skip
    cap, state = offer.bonus_cap_pct, config["preload"]
    return render(
        "offer_live.html", state=state, tracks=config["tracks"], equity_modes=EQUITY_MODES, cadences=CADENCES,
        js_num=js_num, round_half_up=round_half_up, offer=offer, years=years, total=total, parts=parts,
        cap_total=total + offer.base * (cap - offer.bonus_target_pct) / 100 if cap is not None and cap > offer.bonus_target_pct else None,
        vesting_note=vesting_note(offer), track_name=dict(map(tuple, config["tracks"])).get(state["track"], state["track"]),
        rows=[band_row(b, total) for b in config["bands"] if b["track"] == state["track"]],
    )  # fmt: skip


def offer_tool(hb: Handbook, here: str) -> str:
    practice = practice_of(hb)
    years = hb.default_vesting_years
    preload = hb.bands[practice.offer.band]
    offer = offer_from_band(preload, years)
    bands = []
    for band in hb.bands.values():
        estimate = annualise(band, years)
        bands.append(
            {
                "id": band.id, "track": band.track, "level": plain(band.level), "sources": list(band.sources),
                "low": round(estimate.low), "high": round(estimate.high), "left_out": [plain(t) for t in estimate.left_out],
                "stated_low": band.stated_total.low if band.stated_total else None,
                "stated_high": band.stated_total.high if band.stated_total else None,
                "inputs": {"low": band_inputs(band, years, "low"), "high": band_inputs(band, years, "high")},
            }
        )  # fmt: skip
    config = {
        "default_years": years,
        "tracks": choices((t.id, t.name) for t in hb.tracks.values() if hb.bands_for(t.id)),
        "bands": bands,
        "preload": {
            "track": preload.track, "base": offer.base, "bonus_pct": offer.bonus_target_pct, "cap_pct": offer.bonus_cap_pct,
            "equity_mode": "annual", "equity": offer.equity_per_year, "years": offer.vesting_years,
            "cadence": offer.cadence, "cliff": offer.cliff_months, "sign_on": offer.sign_on,
        },
    }  # fmt: skip
    total = annualise_offer(offer, years)
    compared = [
        (b, est, position(total, est.low, est.high), position(total, b.stated_total.low, b.stated_total.high) if b.stated_total else None)
        for b in hb.bands_for(preload.track)
        for est in [annualise(b, years)]
    ]
    static = render(
        "offer_static.html", here=here, c=c, sources=hb.sources, band=preload, years=offer_years(offer), total=total, compared=compared,
    )  # fmt: skip
    return tool("hb-offer", static, config, start=live_view(offer, total, config))


def offer_note(hb: Handbook, here: str) -> str:
    offer = practice_of(hb).offer
    return render("rule.html", here=here, c=c, sources=hb.sources, text=offer.note, cites=offer.sources, fresh=c.freshness(hb, "practice"))


PAGE_MACROS = {"practice_offer": offer_tool, "practice_offer_note": offer_note}
