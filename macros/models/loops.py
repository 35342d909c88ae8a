"""Tracks, round kinds (`tracks.yml`) and interview loops (`loops.yml`)."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, model_validator

from .common import Dataset, Id, Line, Record, SourceIds, Span, Text


class Finding(Record):
    """A sentence of the handbook's own reading, with the sources it rests on."""

    text: Text
    sources: SourceIds


class Track(Record):
    id: Id
    name: Line
    summary: Text
    common_ground: list[Finding] = Field(
        default_factory=list, max_length=10, description="The handbook's reading of what every source agrees on."
    )


class RoundKind(Record):
    """A type of interview round that questions and checklists refer to."""

    id: Id
    name: Line
    summary: Text


class TracksFile(Dataset):
    tracks: Annotated[list[Track], Field(min_length=1, max_length=20)]
    round_kinds: Annotated[list[RoundKind], Field(min_length=1, max_length=30)]


class Round(Record):
    """One round of one loop as one source reports it."""

    id: Id
    order: Annotated[int, Field(ge=1, le=20)]
    name: Line
    kind: Id = Field(description="A round kind id from tracks.yml.")
    minutes: Span | None = Field(None, description="Length as reported; omit when the source gives none.")
    sessions: Annotated[int, Field(ge=1, le=10)] = 1
    interviewers: list[Line] = Field(default_factory=list, max_length=8)
    focus: Text
    scored: list[Line] = Field(default_factory=list, max_length=10)
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
    rounds: list[Round] = Field(
        default_factory=list, max_length=12, description="The rounds in order, as far as the source describes them."
    )
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
    loops: Annotated[list[Loop], Field(min_length=1, max_length=50)]
