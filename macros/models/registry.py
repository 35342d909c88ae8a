"""The data files and the models they match, and how to find the records a model holds."""

from __future__ import annotations

import dataclasses
import functools
import typing
from typing import Any

from pydantic import BaseModel

from .guides import AntiPatternsFile, ChecklistFile, FrameworkFile
from .loops import LoopsFile, TracksFile
from .pay import PayFile
from .practice import PlanFile, PracticeFile
from .questions import QuestionFile
from .reference import AskFile, GlossaryFile, RatingGuideFile
from .sources import KeyFiguresFile, SourcesFile


def is_model(obj: Any) -> bool:
    return isinstance(obj, type) and issubclass(obj, BaseModel)


def model_in(annotation: Any) -> type[BaseModel] | None:
    """The record type a field holds, directly or in a list or union; None for plain values."""
    if is_model(annotation):
        return annotation
    return next(filter(None, map(model_in, typing.get_args(annotation))), None)


@functools.cache
def nested_fields(model: type[BaseModel]) -> tuple[str, ...]:
    """The fields of a record type that can hold other records."""
    return tuple(name for name, f in model.model_fields.items() if model_in(f.annotation) is not None)


# -- the data files -----------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class DataFile:
    """A file of `data/` such as `sources.yml`, or a folder such as `questions` that holds one
    `<id>.yml` per record. Each file matches `model`; editors read `schema/<schema>.schema.json`."""

    path: str
    model: type[BaseModel]
    schema: str

    @property
    def is_folder(self) -> bool:
        return not self.path.endswith(".yml")


# The one list of data files: the loader reads these and nothing else, `make schema` writes their schemas.
DATA_FILES = (
    DataFile("sources.yml", SourcesFile, "sources"),
    DataFile("tracks.yml", TracksFile, "tracks"),
    DataFile("loops.yml", LoopsFile, "loops"),
    DataFile("pay.yml", PayFile, "pay"),
    DataFile("key-figures.yml", KeyFiguresFile, "key-figures"),
    DataFile("anti-patterns.yml", AntiPatternsFile, "anti-patterns"),
    DataFile("practice.yml", PracticeFile, "practice"),
    DataFile("glossary.yml", GlossaryFile, "glossary"),
    DataFile("rating-guide.yml", RatingGuideFile, "rating-guide"),
    DataFile("ask.yml", AskFile, "ask"),
    DataFile("plan.yml", PlanFile, "plan"),
    DataFile("questions", QuestionFile, "question"),
    DataFile("frameworks", FrameworkFile, "framework"),
    DataFile("checklists", ChecklistFile, "checklist"),
)
FILE_MODELS: dict[str, type[BaseModel]] = {f.schema: f.model for f in DATA_FILES}
