"""The handbook's schema: every data file is one of the `*File` models below.

The models are the single source of truth; `make schema` writes the JSON
Schemas editors use from them.  Strict types make YAML 1.1 coercions
(`no` -> False, `3.10` -> 3.1, `12:30` -> 750) fail instead of slipping through.
"""

from __future__ import annotations

import datetime
import re
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

MAX_TEXT = 4000
MAX_LINE = 300

Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=80)]
Line = Annotated[str, StringConstraints(min_length=1, max_length=MAX_LINE)]
Text = Annotated[str, StringConstraints(min_length=1, max_length=MAX_TEXT)]
Tag = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=40)]
SourceIds = Annotated[list[Id], Field(min_length=1)]
Percent = Annotated[float, Field(ge=0, le=1000)]
Usd = Annotated[int, Field(ge=0, le=100_000_000)]

DIGIT = re.compile(r"\d")


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Dataset(Record):
    as_of: datetime.date = Field(description="The date the data was last checked against its sources.")


class Span(Record):
    """A reported value or range; `low == high` for a single value."""

    low: float
    high: float

    @model_validator(mode="after")
    def _ordered(self) -> Span:
        if self.low > self.high:
            raise ValueError(f"low ({self.low:g}) is greater than high ({self.high:g})")
        return self

    @property
    def mid(self) -> float:
        return (self.low + self.high) / 2


class UsdSpan(Span):
    low: Usd
    high: Usd


# -- sources ---------------------------------------------------------------


class Source(Record):
    id: Id
    title: Line
    kind: Literal["vendor-article", "official", "report", "handbook"]
    year: Annotated[int, Field(ge=2000, le=2100)]
    file: Line | None = Field(None, description="The article's file in shared/sources, if any.")
    covers: Text
    reliability: Text = Field(description="An honest note on how far the source can be trusted.")


class SourcesFile(Dataset):
    sources: Annotated[list[Source], Field(min_length=1)]


# -- tracks, round kinds and loops -----------------------------------------


class Finding(Record):
    """A sentence of the handbook's own reading, with the sources it rests on."""

    text: Text
    sources: SourceIds


class Track(Record):
    id: Id
    name: Line
    summary: Text
    common_ground: list[Finding] = Field(
        default_factory=list, description="The handbook's reading of what every source agrees on."
    )


class RoundKind(Record):
    """A type of interview round that questions and checklists refer to."""

    id: Id
    name: Line
    summary: Text


class TracksFile(Dataset):
    tracks: Annotated[list[Track], Field(min_length=1)]
    round_kinds: Annotated[list[RoundKind], Field(min_length=1)]


class Round(Record):
    """One round of one loop as one source reports it."""

    id: Id
    order: Annotated[int, Field(ge=1, le=20)]
    name: Line
    kind: Id = Field(description="A round kind id from tracks.yml.")
    minutes: Span | None = Field(None, description="Length as reported; omit when the source gives none.")
    sessions: Annotated[int, Field(ge=1, le=10)] = 1
    interviewers: list[Line] = Field(default_factory=list)
    focus: Text
    scored: list[Line] = Field(default_factory=list)
    optional: bool = False


class Duration(Record):
    """A length of time, normalised to calendar days, with the source's own wording."""

    days: Span
    reported: Line = Field(description="The source's own figure, e.g. '2-3 weeks'.")


class Process(Record):
    contact_to_offer: Duration | None = None
    decision_lag: Duration | None = None
    note: Text | None = None


class Loop(Record):
    """A track's interview loop as one source describes it."""

    id: Id
    track: Id
    title: Line
    sources: SourceIds
    stated_rounds: Span | None = Field(None, description="The number of rounds the source states, if it says one.")
    rounds: list[Round] = Field(default_factory=list, description="The rounds in order, as far as the source describes them.")
    process: Process = Process()
    note: Text | None = None

    @model_validator(mode="after")
    def _rounds_known(self) -> Loop:
        if not self.rounds and self.stated_rounds is None:
            raise ValueError("give the rounds, or stated_rounds when the source only states a count")
        orders = [r.order for r in self.rounds]
        if len(set(orders)) != len(orders):
            raise ValueError("two rounds share the same order")
        return self


class LoopsFile(Dataset):
    loops: Annotated[list[Loop], Field(min_length=1)]


# -- questions --------------------------------------------------------------

QuestionType = Literal[
    "screen",
    "product-sense",
    "system-design",
    "behavioral",
    "compliance",
    "metrics",
    "ai-ml",
    "strategy",
    "negotiation",
]
Difficulty = Literal["foundation", "core", "stretch"]


class OutlineStep(Record):
    step: Line = Field(description="A step of the framework, e.g. 'Constraints'.")
    points: Annotated[list[Text], Field(min_length=1)]


class Question(Record):
    id: Id = Field(description="Equal to the file name without .yml.")
    prompt: Text
    tracks: Annotated[list[Id], Field(min_length=1)]
    round: Id = Field(description="A round kind id from tracks.yml.")
    type: QuestionType
    difficulty: Difficulty
    frameworks: list[Id] = Field(default_factory=list)
    tags: list[Tag] = Field(default_factory=list)
    strong_answer: Annotated[list[Text], Field(min_length=1)]
    red_flags: Annotated[list[Text], Field(min_length=1)]
    follow_ups: list[Text] = Field(default_factory=list)
    outline: Annotated[list[OutlineStep], Field(min_length=1)]
    sources: SourceIds


class QuestionFile(Question):
    """One question per file: `data/questions/<id>.yml`."""


# -- frameworks -------------------------------------------------------------


class FrameworkStep(Record):
    name: Line
    detail: Text


class WorkedExample(Record):
    prompt: Text
    walkthrough: Annotated[list[Text], Field(min_length=1)]


class Framework(Record):
    id: Id
    name: Line
    short_name: Line | None = None
    summary: Text
    when_to_use: Annotated[list[Text], Field(min_length=1)]
    steps: Annotated[list[FrameworkStep], Field(min_length=1)]
    example: WorkedExample
    mistakes: Annotated[list[Text], Field(min_length=1)]
    compared_with: list[Text] = Field(default_factory=list, description="How it differs from a neighbour, e.g. STAR.")
    sources: SourceIds


class FrameworkFile(Framework):
    """One framework per file: `data/frameworks/<id>.yml`."""


# -- pay --------------------------------------------------------------------


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
    note: Text | None = None


class PayFile(Dataset):
    currency: Literal["USD"] = "USD"
    default_vesting_years: Annotated[int, Field(ge=1, le=10)] = 4
    bands: Annotated[list[PayBand], Field(min_length=1)]


# -- key figures ------------------------------------------------------------


class KeyFigure(Record):
    id: Id
    topic: Id = Field(description="Figures sharing a topic are compared on the disagreements page.")
    label: Line
    value: Span
    unit: Line
    per: Literal["second", "minute", "hour", "day", "year"] | None = None
    note: Text | None = None
    sources: SourceIds


class KeyFiguresFile(Dataset):
    figures: Annotated[list[KeyFigure], Field(min_length=1)]


# -- checklists -------------------------------------------------------------


class ChecklistItem(Record):
    id: Id = Field(description="Stable: the browser keeps ticks under it. Never reuse one.")
    text: Text
    old_ids: list[Id] = Field(default_factory=list, description="Earlier ids of this item, so ticks follow a rename.")
    sources: list[Id] = Field(default_factory=list)
    own_advice: bool = Field(False, description="True when the item is the handbook's advice, not a source's.")

    @model_validator(mode="after")
    def _sourced(self) -> ChecklistItem:
        if not self.sources and not self.own_advice:
            raise ValueError("an item needs sources, or own_advice: true")
        return self


class Checklist(Record):
    id: Id = Field(description="Equal to the file name without .yml.")
    title: Line
    summary: Text
    round: Id | None = Field(None, description="The round kind this checklist prepares for, if any.")
    order: Annotated[int, Field(ge=0, le=1000)] = 100
    items: Annotated[list[ChecklistItem], Field(min_length=1)]


class ChecklistFile(Checklist):
    """One checklist per file: `data/checklists/<id>.yml`."""


# -- anti-patterns ----------------------------------------------------------


class AntiPattern(Record):
    id: Id
    title: Line
    bad: Text
    good: Text
    why: Text
    frameworks: list[Id] = Field(default_factory=list)
    rounds: list[Id] = Field(default_factory=list)
    sources: SourceIds


class RedFlagPhrase(Record):
    id: Id
    phrase: Line = Field(description="What a candidate says, as the interviewer hears it.")
    pattern: Line = Field(description="A case-insensitive regular expression that finds it in a story.")
    instead: Text
    sources: SourceIds


class AntiPatternsFile(Dataset):
    anti_patterns: Annotated[list[AntiPattern], Field(min_length=1)]
    red_flag_phrases: list[RedFlagPhrase] = Field(default_factory=list)


FILE_MODELS: dict[str, type[BaseModel]] = {
    "sources": SourcesFile,
    "tracks": TracksFile,
    "loops": LoopsFile,
    "pay": PayFile,
    "key-figures": KeyFiguresFile,
    "anti-patterns": AntiPatternsFile,
    "question": QuestionFile,
    "framework": FrameworkFile,
    "checklist": ChecklistFile,
}
