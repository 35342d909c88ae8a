"""The sources (`sources.yml`) and the figures and statements they report (`key-figures.yml`)."""

from __future__ import annotations

import datetime
from typing import Annotated, Literal

from pydantic import Field, StringConstraints, model_validator

from .common import MONEY, Dataset, Id, Line, Record, SourceIds, Span, Text

# -- sources ---------------------------------------------------------------

# Printable ASCII but for quotes and angle brackets: other characters are percent-encoded, so no
# control, invisible or look-alike character can sit in an address a reader is sent to.
URL_PATTERN = r"^https://[!#-&(-;=?-~]+$"


class Source(Record):
    id: Id
    title: Line
    kind: Literal["vendor-article", "official", "report", "handbook"]
    year: Annotated[int, Field(ge=2000, le=2100)]
    file: Line | None = Field(None, description="The article's file in shared/sources, if any.")
    url: Annotated[str, StringConstraints(pattern=URL_PATTERN, max_length=300)] | None = Field(
        None, description="The article's public address."
    )
    published: datetime.date | None = Field(None, description="The date the article carries, if any.")
    covers: Text
    reliability: Text = Field(description="An honest note on how far the source can be trusted.")


class SourcesFile(Dataset):
    sources: Annotated[list[Source], Field(min_length=1, max_length=100)]


# -- key figures ------------------------------------------------------------


class KeyFigure(Record):
    id: Id
    topic: Id = Field(description="Figures sharing a topic are compared on the disagreements page.")
    label: Line
    value: Span
    unit: Line
    per: Literal["second", "minute", "hour", "day"] | None = Field(
        None, description="Only for a rate of events (trades, requests); the page then checks it per second."
    )
    note: Text | None = None
    sources: SourceIds

    @model_validator(mode="after")
    def _a_rate_counts_events(self) -> KeyFigure:
        if self.per and MONEY.search(self.unit):
            raise ValueError(f"a sum of money ({self.unit}) is not a rate; leave out per")
        return self


class Statement(Record):
    """What one source says on a topic that has no single number, e.g. whether a round exists."""

    id: Id
    topic: Id = Field(description="Statements and figures sharing a topic are compared on the disagreements page.")
    label: Line = Field(description="The topic in words, shown as the row's heading.")
    says: Text = Field(description="The source's position, in the handbook's words.")
    sources: SourceIds


class KeyFiguresFile(Dataset):
    figures: Annotated[list[KeyFigure], Field(min_length=1, max_length=200)]
    statements: list[Statement] = Field(default_factory=list, max_length=200)
