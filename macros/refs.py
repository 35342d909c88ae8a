"""References in files that broke the schema, resolved from their raw data."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from . import models as m
from .handbook import KINDS, REFS, Handbook
from .problems import Loc, Problem, dotted, nearest
from .validate import _ID
from .yamlsafe import Document


def _raw_records(data: Any, model: type[BaseModel], loc: Loc) -> Iterator[tuple[type[BaseModel], Loc, dict]]:
    """The mappings in raw data that stand where the model puts records, with their record type."""
    if not isinstance(data, dict):
        return
    yield model, loc, data
    for name in m.nested_fields(model):
        inner = m.model_in(model.model_fields[name].annotation)
        value = data.get(name)
        if isinstance(value, list):
            for i, item in enumerate(value):
                yield from _raw_records(item, inner, (*loc, name, i))
        else:
            yield from _raw_records(value, inner, (*loc, name))


class _Declared:
    """The ids declared in files that did not pass the schema, by kind. A reference to one of them
    is not dangling: the broken file is reported already, and one bad field there must not make
    every reference to it look wrong. When a file could not be read at all, no reference to the
    kinds it declares can be checked, so none is reported."""

    _UNKNOWN_REF = re.compile(r"unknown (?P<kind>[a-z -]+?) '(?P<ref>[^']*)'")

    def __init__(self) -> None:
        self.ids: dict[str, set[str]] = {}
        self.unknowable: set[str] = set()

    def add_raw(self, doc: Document, model: type[BaseModel]) -> None:
        for record_type, _, data in _raw_records(doc.data, model, ()):
            for cls, kind in KINDS.items():
                if issubclass(record_type, cls) and isinstance(data.get("id"), str):
                    self.ids.setdefault(kind, set()).add(data["id"])

    def add_unread(self, path: Path, entry: m.DataFile, whole: bool = False) -> None:
        if entry.is_folder and not whole:  # a record's id is its file name
            for kind in _declared_kinds(entry.model):
                self.ids.setdefault(kind, set()).add(path.stem)
        else:
            self.unknowable |= _declared_kinds(entry.model)

    def covers(self, kind: str, ref: str) -> bool:
        return kind in self.unknowable or ref in self.ids.get(kind, ())

    def covers_problem(self, problem: Problem) -> bool:
        hit = self._UNKNOWN_REF.match(problem.message)
        return hit is not None and self.covers(hit["kind"], hit["ref"])


@functools.cache
def _declared_kinds(model: type[BaseModel]) -> frozenset[str]:
    """The kinds of id that records of this type, or records inside them, declare."""
    kinds = {kind for cls, kind in KINDS.items() if issubclass(model, cls)}
    for name in m.nested_fields(model):
        kinds |= _declared_kinds(m.model_in(model.model_fields[name].annotation))
    return frozenset(kinds)


def _references_in_failed_files(hb: Handbook, failed: list[tuple[Document, type[BaseModel]]], declared: _Declared) -> Iterator[Problem]:
    tables = hb.ref_tables()
    for doc, model in failed:
        for record_type, loc, data in _raw_records(doc.data, model, ()):
            for cls, refs in REFS.items():
                if not issubclass(record_type, cls):
                    continue
                for name, kind in refs.items():
                    value = data.get(name)
                    pairs = [((*loc, name, i), v) for i, v in enumerate(value)] if isinstance(value, list) else [((*loc, name), value)]
                    for where, ref in pairs:
                        if not isinstance(ref, str) or not _ID.fullmatch(ref) or where in doc.refused:
                            continue
                        if ref in tables[kind] or declared.covers(kind, ref) or (kind == "pay band" and not hb.bands):
                            continue
                        close = nearest(ref, tables[kind])
                        hint = f"; did you mean '{close}'?" if close else ""
                        yield Problem(doc.path, doc.line_of(where), dotted(where), f"unknown {kind} '{ref}'{hint}")
