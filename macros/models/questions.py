"""Interview questions: one `data/questions/<id>.yml` per question."""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import Field, StringConstraints, ValidationInfo, field_validator, model_validator

from .common import Id, Line, Record, SourceIds, Tag, Text

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
    "estimation",
    "product-critique",
    "people-leadership",
    "ask-the-interviewer",
]
Difficulty = Literal["foundation", "core", "stretch"]


class OutlineStep(Record):
    step: Line = Field(description="A step of the framework, e.g. 'Constraints'.")
    points: Annotated[list[Text], Field(min_length=1, max_length=8)]


WORD = re.compile(r"\S+")


def words(text: str) -> int:
    return len(WORD.findall(text))


def _word_count(text: str, low: int, high: int, what: str) -> str:
    n = words(text)
    if not low <= n <= high:
        raise ValueError(f"{what} has {n} words; write {low} to {high}")
    return text


class WeakAnswer(Record):
    answer: Text = Field(description="A plausible answer that fails, as a candidate would say it: 60 to 200 words.")
    why: Text = Field(description="Why it fails, pointing to the question's red flags.")

    @model_validator(mode="after")
    def _length(self) -> WeakAnswer:
        _word_count(self.answer, 60, 200, "the weak answer")
        return self


class Question(Record):
    id: Id = Field(description="Equal to the file name without .yml.")
    title: Annotated[Line, StringConstraints(min_length=8, max_length=70)] = Field(
        description="At most 70 characters and meaningful alone, e.g. 'Launch a quarterly futures contract'."
    )
    origin: Literal["reported", "practice"] = Field(
        description=(
            "reported: a source describes the prompt or its scenario; "
            "practice: written for the handbook on a theme a source names (cite handbook too)."
        ),
    )
    prompt: Text
    tracks: Annotated[list[Id], Field(min_length=1, max_length=6)]
    round: Id = Field(description="A round kind id from tracks.yml.")
    type: QuestionType
    difficulty: Difficulty
    frameworks: list[Id] = Field(default_factory=list, max_length=4)
    tags: list[Tag] = Field(default_factory=list, max_length=8)
    strong_answer: Annotated[list[Text], Field(min_length=1, max_length=10)]
    red_flags: Annotated[list[Text], Field(min_length=1, max_length=8)]
    follow_ups: list[Text] = Field(default_factory=list, max_length=8)
    outline: Annotated[list[OutlineStep], Field(min_length=1, max_length=10)]
    model_answer: Text = Field(
        description="What a strong candidate would say out loud: first person, 250 to 500 words, ending in a decision."
    )
    weak_answer: WeakAnswer
    sources: SourceIds

    @model_validator(mode="after")
    def _answer_length(self) -> Question:
        _word_count(self.model_answer, 250, 500, "the model answer")
        return self

    @field_validator("sources")
    @classmethod
    def _practice_cites_handbook(cls, sources: list[str], info: ValidationInfo) -> list[str]:
        if info.data.get("origin") == "practice" and "handbook" not in sources:
            raise ValueError("origin is practice, so sources must include handbook: the question is the handbook's own")
        return sources


class QuestionFile(Question):
    """One question per file: `data/questions/<id>.yml`."""
