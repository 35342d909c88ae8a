"""One data file against its model: schema errors, unfinished text and the file's name, as problems."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from typing import Any

import pydantic
from pydantic import AfterValidator, BaseModel

from . import models as m
from .explain import _constraint, _unwrap, expected, explain, slug
from .problems import Loc, Problem, dotted
from .yamlsafe import Document

_ID = re.compile(m.ID_PATTERN)


def _validate(doc: Document, entry: m.DataFile, problems: list[Problem]) -> BaseModel | None:
    model = entry.model
    if not isinstance(doc.data, dict):
        if () not in doc.refused:
            problems.append(Problem(doc.path, 1, "(file)", "expected a mapping of field: value at the top level"))
        return None
    reported = set(doc.refused)
    problems.extend(_unfinished_text(doc, model, reported))
    if entry.is_folder:
        problems.extend(_file_name_problems(doc))
    try:
        record = model.model_validate(doc.data)
    except pydantic.ValidationError as err:
        for error in err.errors():
            loc = _clean_loc(error["loc"])
            if any(loc[:end] in reported for end in range(len(loc) + 1)):
                continue
            problems.append(Problem(doc.path, doc.line_of(loc), dotted(loc), explain(error, loc, doc, model)))
        return None
    return None if reported else record


def _clean_loc(loc: tuple) -> Loc:
    # pydantic adds validator names such as 'function-after[_ordered()]' to loc
    return tuple(p for p in loc if isinstance(p, int) or ("[" not in p and "(" not in p))


def _unfinished_text(doc: Document, model: type[BaseModel], reported: set[Loc]) -> Iterator[Problem]:
    """`TODO:` placeholders in any field, and blank text in the fields whose type does not refuse it.
    (Line and Text refuse blank text themselves; searching every string of every file would slow
    the check by a fifth at 5,000 questions.)"""
    found = _plain_strings(doc.data, _plain_text_paths(model), ())
    if m.PLACEHOLDER in doc.text:
        found = strings_at(doc.data)
    for loc, text in found:
        if loc in reported:
            continue
        if not text.strip():
            reported.add(loc)
            yield Problem(doc.path, doc.line_of(loc), dotted(loc), f"the value is empty; it should hold {expected(model, loc)}")
        elif m.PLACEHOLDER in text:
            reported.add(loc)
            line = doc.line_of_text(loc, m.PLACEHOLDER)
            want = expected(model, loc)
            want = f"your own {want}" if want.startswith("text") else want
            yield Problem(doc.path, line, dotted(loc), f"still holds the placeholder '{_first_line(text)}'; replace it with {want}")


def _first_line(text: str, limit: int = 60) -> str:
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 3] + "..."


def strings_at(value: Any, loc: Loc = ()) -> Iterator[tuple[Loc, str]]:
    if isinstance(value, str):
        yield loc, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from strings_at(item, (*loc, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from strings_at(item, (*loc, i))


@functools.cache
def _plain_text_paths(model: type[BaseModel]) -> tuple[tuple[str, ...], ...]:
    """The paths (through records, across lists) to text fields whose type does not refuse blank text."""
    paths: list[tuple[str, ...]] = []
    for name, field in model.model_fields.items():
        inner = m.model_in(field.annotation)
        if inner is not None:
            paths.extend((name, *rest) for rest in _plain_text_paths(inner))
            continue
        bare, metadata = _unwrap(field.annotation)
        checked = any(isinstance(c, AfterValidator) for c in [*field.metadata, *metadata])
        if bare is str and not checked and _constraint([*field.metadata, *metadata], "pattern") is None:
            paths.append((name,))
    return tuple(paths)


def _plain_strings(data: Any, paths: tuple[tuple[str, ...], ...], loc: Loc) -> Iterator[tuple[Loc, str]]:
    for path in paths:
        yield from _at_path(data, path, loc)


def _at_path(data: Any, path: tuple[str, ...], loc: Loc) -> Iterator[tuple[Loc, str]]:
    if isinstance(data, list):
        for i, item in enumerate(data):
            yield from _at_path(item, path, (*loc, i))
    elif not path:
        if isinstance(data, str):
            yield loc, data
    elif isinstance(data, dict) and path[0] in data:
        yield from _at_path(data[path[0]], path[1:], (*loc, path[0]))


def _file_name_problems(doc: Document) -> Iterator[Problem]:
    """A file of a folder is named after its record's id."""
    stem = doc.path.rsplit("/", 1)[-1].removesuffix(".yml")
    if not _ID.fullmatch(stem):
        yield Problem(doc.path, 1, "(file)", f"the file name must be an id ({m.ID_RULE}), such as {slug(stem)}.yml")
        return
    record_id = doc.data.get("id")
    if isinstance(record_id, str) and _ID.fullmatch(record_id) and record_id != stem:
        yield Problem(doc.path, doc.line_of(("id",)), "id", f"'{record_id}' must equal the file name '{stem}'")
