"""Frameworks (`data/frameworks/`), checklists (`data/checklists/`) and anti-patterns (`anti-patterns.yml`)."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, model_validator

from .common import MAX_SOURCES, Dataset, Id, Line, Record, Regex, SourceIds, Text

# -- frameworks -------------------------------------------------------------


class FrameworkStep(Record):
    name: Line
    detail: Text


class WorkedExample(Record):
    prompt: Text
    walkthrough: Annotated[list[Text], Field(min_length=1, max_length=12)]


class Framework(Record):
    id: Id
    name: Line
    short_name: Line | None = None
    summary: Text
    when_to_use: Annotated[list[Text], Field(min_length=1, max_length=8)]
    steps: Annotated[list[FrameworkStep], Field(min_length=1, max_length=10)]
    example: WorkedExample
    mistakes: Annotated[list[Text], Field(min_length=1, max_length=10)]
    compared_with: list[Text] = Field(default_factory=list, max_length=6, description="How it differs from a neighbour, e.g. STAR.")
    sources: SourceIds


class FrameworkFile(Framework):
    """One framework per file: `data/frameworks/<id>.yml`."""


# -- checklists -------------------------------------------------------------


class ChecklistItem(Record):
    id: Id = Field(description="Stable: the browser keeps ticks under it. Never reuse one.")
    text: Text
    old_ids: list[Id] = Field(default_factory=list, max_length=10, description="Earlier ids of this item, so ticks follow a rename.")
    sources: list[Id] = Field(default_factory=list, max_length=MAX_SOURCES)
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
    items: Annotated[list[ChecklistItem], Field(min_length=1, max_length=40)]


class ChecklistFile(Checklist):
    """One checklist per file: `data/checklists/<id>.yml`."""


# -- anti-patterns ----------------------------------------------------------


class AntiPattern(Record):
    id: Id
    title: Line
    bad: Text
    good: Text
    why: Text
    frameworks: list[Id] = Field(default_factory=list, max_length=6)
    rounds: list[Id] = Field(default_factory=list, max_length=10)
    sources: SourceIds


class RedFlagPhrase(Record):
    id: Id
    phrase: Line = Field(description="What a candidate says, as the interviewer hears it.")
    pattern: Regex = Field(description="A case-insensitive regular expression that finds it in a story.")
    instead: Text
    sources: SourceIds


class AntiPatternsFile(Dataset):
    anti_patterns: Annotated[list[AntiPattern], Field(min_length=1, max_length=100)]
    red_flag_phrases: list[RedFlagPhrase] = Field(default_factory=list, max_length=50)
