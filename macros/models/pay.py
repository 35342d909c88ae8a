"""Pay bands: `pay.yml`."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from .common import Dataset, Id, Line, Record, SourceIds, Span, Text, UsdSpan


class Bonus(Record):
    target_pct: Span | None = Field(None, description="Target bonus, percent of base.")
    cap_pct: Span | None = Field(None, description="Maximum bonus, percent of base.")


class Equity(Record):
    kind: Literal["rsu", "token", "equity"]
    company_pct: Span | None = Field(None, description="Grant as a percent of the company.")
    annual_usd: UsdSpan | None = Field(None, description="Value vesting per year.")
    share_of_total_pct: Span | None = Field(None, description="Percent of total annual pay.")
    vesting_years: Annotated[int, Field(ge=1, le=10)] | None = None
    cadence: Literal["monthly", "quarterly", "yearly"] | None = None
    cliff_months: Annotated[int, Field(ge=0, le=48)] | None = None


# Each term a band may infer, by its field, with the name a reader knows it by.
INFERABLE_TERMS = {
    "base": "Base salary",
    "bonus.target_pct": "Bonus target",
    "bonus.cap_pct": "Bonus cap",
    "equity.kind": "Kind of equity",
    "equity.annual_usd": "Equity per year",
    "equity.share_of_total_pct": "Equity's share of pay",
    "equity.vesting_years": "Vesting period",
    "equity.cadence": "Vesting schedule",
    "equity.cliff_months": "Cliff",
    "sign_on": "Sign-on bonus",
}
InferableTerm = Literal[tuple(INFERABLE_TERMS)]


class Inference(Record):
    """A pay term the band's source does not state, and where the handbook took it from."""

    term: InferableTerm
    why: Line = Field(description="Where the value comes from, e.g. 'cliff taken from a negotiation script'.")


class PayBand(Record):
    id: Id
    track: Id
    level: Line = Field(description="'L4', 'L5', 'senior' ... or 'unstated'.")
    sources: SourceIds
    base: UsdSpan
    bonus: Bonus | None = None
    equity: Equity | None = None
    sign_on: UsdSpan | None = None
    stated_total: UsdSpan | None = Field(None, description="A total the source states, to check against its parts.")
    stated_total_label: Line | None = None
    inferred: list[Inference] = Field(
        default_factory=list, max_length=10, description="Terms the handbook inferred or borrowed rather than read in the band's source."
    )
    note: Text | None = None


class PayFile(Dataset):
    currency: Literal["USD"] = "USD"
    default_vesting_years: Annotated[int, Field(ge=1, le=10)] = 4
    bands: Annotated[list[PayBand], Field(min_length=1, max_length=100)]
