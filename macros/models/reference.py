"""The glossary (`glossary.yml`), the rating guide (`rating-guide.yml`) and the questions to ask (`ask.yml`)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from .common import Dataset, Id, Line, Record, SourceIds, Text


class Term(Record):
    id: Id
    term: Line
    aliases: list[Line] = Field(default_factory=list, max_length=10, description="Other names and abbreviations a reader may type.")
    definition: Text = Field(description="In the handbook's own words.")
    why_it_matters: Text = Field(description="Why an interviewer cares, and how it shows up in a round.")
    see_also: list[Id] = Field(default_factory=list, max_length=10, description="Ids of related terms.")
    sources: SourceIds


class GlossaryFile(Dataset):
    terms: Annotated[list[Term], Field(min_length=1, max_length=500)]


class RatingLevel(Record):
    score: Literal[1, 3, 5]
    sounds_like: Text = Field(description="What an answer at this score sounds like in the room.")


class RoundRating(Record):
    round: Id = Field(description="A round kind id from tracks.yml.")
    signals: Annotated[list[Line], Field(min_length=2, max_length=6)] = Field(
        description="What the interviewer scores in this round, each 1 to 5."
    )
    levels: Annotated[list[RatingLevel], Field(min_length=3, max_length=3)]
    sources: SourceIds


class RatingGuideFile(Dataset):
    rounds: Annotated[list[RoundRating], Field(min_length=1, max_length=30)]


class AskQuestion(Record):
    id: Id
    ask: Line = Field(description="The question, as you would put it.")
    tells_you: Text = Field(description="What the answer tells you about the job.")
    sources: SourceIds


class Interviewer(Record):
    id: Id
    name: Line
    questions: Annotated[list[AskQuestion], Field(min_length=1, max_length=20)]


class AskFile(Dataset):
    interviewers: Annotated[list[Interviewer], Field(min_length=1, max_length=20)]
