"""Annualised pay from a band's components, the way the pay page and the
offer calculator both compute it (docs/assets/tools/offer.js mirrors `annualise`).

Annual total = base + target bonus + equity vesting per year + sign-on spread
over the vesting years.  A grant stated only as a percent of the company has
no dollar value without a valuation, so it is left out and said so.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from .models import PayBand


@dataclass(frozen=True)
class Part:
    label: str
    low: float
    high: float


@dataclass(frozen=True)
class Annualised:
    low: float
    high: float
    parts: list[Part]
    left_out: list[str] = field(default_factory=list)


GRANT_NAMES = {"rsu": "RSUs", "token": "tokens", "equity": "equity"}


def vesting_years(band: PayBand, default: int) -> int:
    return (band.equity.vesting_years if band.equity and band.equity.vesting_years else None) or default


def annualise(band: PayBand, default_years: int = 4) -> Annualised:
    years = vesting_years(band, default_years)
    base = Part("Base", band.base.low, band.base.high)
    parts = [base]
    left_out: list[str] = []
    if band.bonus and band.bonus.target_pct:
        pct = band.bonus.target_pct
        parts.append(Part("Target bonus", base.low * pct.low / 100, base.high * pct.high / 100))
    if band.sign_on:
        parts.append(Part(f"Sign-on ÷ {years} years", band.sign_on.low / years, band.sign_on.high / years))
    equity = band.equity
    if equity and equity.annual_usd:
        parts.append(Part("Equity per year", equity.annual_usd.low, equity.annual_usd.high))
    elif equity and equity.share_of_total_pct:
        # Equity stated as a share of the total: solve total = cash / (1 - share).
        cash_low, cash_high = sum(p.low for p in parts), sum(p.high for p in parts)
        share = equity.share_of_total_pct
        parts.append(
            Part(
                f"Equity at {share.low:g}-{share.high:g}% of total",
                cash_low / (1 - share.low / 100) - cash_low,
                cash_high / (1 - share.high / 100) - cash_high,
            )
        )
    elif equity and equity.company_pct:
        left_out.append(
            f"equity of {equity.company_pct.low:g}-{equity.company_pct.high:g}% of the company "
            "(no valuation is given, so it has no dollar value here)"
            if equity.company_pct.low != equity.company_pct.high
            else f"equity of {equity.company_pct.low:g}% of the company (no valuation is given, so it has no dollar value here)"
        )
    elif equity:
        left_out.append(f"{GRANT_NAMES[equity.kind]} (the source gives no value for them in this band)")
    return Annualised(sum(p.low for p in parts), sum(p.high for p in parts), parts, left_out)


@dataclass(frozen=True)
class TotalCheck:
    """A source's stated total against the same source's own components."""

    stated_low: float
    stated_high: float
    computed_low: float
    computed_high: float
    sign_on_in_full_low: float
    sign_on_in_full_high: float

    @property
    def matches(self) -> bool:
        tolerance = 0.01 * self.stated_high
        readings = [(self.computed_low, self.computed_high), (self.sign_on_in_full_low, self.sign_on_in_full_high)]
        return any(abs(lo - self.stated_low) <= tolerance and abs(hi - self.stated_high) <= tolerance for lo, hi in readings)


def check_total(band: PayBand, default_years: int = 4) -> TotalCheck | None:
    if band.stated_total is None:
        return None
    total = annualise(band, default_years)
    years = vesting_years(band, default_years)
    extra_low = band.sign_on.low * (1 - 1 / years) if band.sign_on else 0
    extra_high = band.sign_on.high * (1 - 1 / years) if band.sign_on else 0
    return TotalCheck(band.stated_total.low, band.stated_total.high, total.low, total.high, total.low + extra_low, total.high + extra_high)


def round_half_up(value: float) -> int:
    """As JavaScript's Math.round, which the calculators in the browser use."""
    return math.floor(value + 0.5)


def usd(value: float) -> str:
    return f"${round_half_up(value):,}"


def usd_span(low: float, high: float) -> str:
    return usd(low) if round(low) == round(high) else f"{usd(low)}–{usd(high)}"
