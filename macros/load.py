"""Load `data/` into a checked Handbook, or fail listing every problem as
`file:line: field: message`."""

from __future__ import annotations

import contextlib
import difflib
import gc
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pydantic
from pydantic import BaseModel

from . import models as m
from .handbook import Handbook
from .yamlsafe import Document, Loc, Problem, _dotted, read

SINGLE_FILES = {
    "sources.yml": m.SourcesFile,
    "tracks.yml": m.TracksFile,
    "loops.yml": m.LoopsFile,
    "pay.yml": m.PayFile,
    "key-figures.yml": m.KeyFiguresFile,
    "anti-patterns.yml": m.AntiPatternsFile,
    "practice.yml": m.PracticeFile,
    "glossary.yml": m.GlossaryFile,
    "rating-guide.yml": m.RatingGuideFile,
    "ask.yml": m.AskFile,
}
OPTIONAL = {"glossary.yml", "rating-guide.yml", "ask.yml"}
FOLDERS = {
    "questions": m.QuestionFile,
    "frameworks": m.FrameworkFile,
    "checklists": m.ChecklistFile,
}


class DataError(Exception):
    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(map(str, problems)))


def load_handbook(data_dir: Path, root: Path | None = None) -> Handbook:
    """Read and check every data file; raise DataError listing all problems."""
    with _without_gc_pauses():
        return _load(data_dir, root)


@contextlib.contextmanager
def _without_gc_pauses() -> Iterator[None]:
    # Loading only allocates: the cycle collector would rescan every record made so far,
    # again and again, for about a fifth of the load time at 5,000 questions.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _load(data_dir: Path, root: Path | None) -> Handbook:
    # Resolved once: every file path below is built from data_dir, so none needs resolving again.
    data_dir = data_dir.resolve()
    root = (root or data_dir.parent).resolve()
    problems: list[Problem] = []
    parsed: dict[str, tuple[Document, BaseModel]] = {}

    def take(path: Path, model: type[BaseModel]) -> None:
        shown = _shown(path, root)
        doc, found = read(path, shown)
        problems.extend(found)
        if doc is not None and (record := _validate(doc, model, problems)) is not None:
            parsed[shown] = (doc, record)

    for name, model in SINGLE_FILES.items():
        path = data_dir / name
        if path.is_file():
            take(path, model)
        elif name not in OPTIONAL:
            problems.append(Problem(_shown(path, root), 1, "(file)", "required file is missing"))
    for folder, model in FOLDERS.items():
        for path in sorted((data_dir / folder).glob("*.y*ml")):
            take(path, model)

    handbook = Handbook.assemble(parsed)
    problems.extend(_check_stems(parsed))
    problems.extend(handbook.problems())
    if problems:
        raise DataError(sorted(problems, key=lambda p: (p.path, p.line)))
    return handbook


def _shown(path: Path, root: Path) -> str:
    try:
        return str(path.relative_to(root))
    except ValueError:
        return str(path)


def _check_stems(parsed: dict[str, tuple[Document, BaseModel]]) -> list[Problem]:
    out = []
    for shown, (doc, record) in parsed.items():
        if isinstance(record, (m.QuestionFile, m.ChecklistFile, m.FrameworkFile)):
            stem = Path(shown).stem
            if record.id != stem:
                out.append(Problem(shown, doc.line_of(("id",)), "id", f"'{record.id}' must equal the file name '{stem}'"))
    return out


def _validate(doc: Document, model: type[BaseModel], problems: list[Problem]) -> BaseModel | None:
    if not isinstance(doc.data, dict):
        problems.append(Problem(doc.path, 1, "(file)", "expected a mapping of field: value at the top level"))
        return None
    try:
        return model.model_validate(doc.data)
    except pydantic.ValidationError as err:
        for e in err.errors():
            loc = _clean_loc(e["loc"])
            problems.append(Problem(doc.path, doc.line_of(loc), _dotted(loc), _message(e, loc, doc, model)))
        return None


def _clean_loc(loc: tuple) -> Loc:
    # pydantic adds validator names such as 'function-after[_ordered()]' to loc
    return tuple(p for p in loc if isinstance(p, int) or ("[" not in p and "(" not in p))


def _message(error: dict[str, Any], loc: Loc, doc: Document, model: type[BaseModel]) -> str:
    kind = error["type"]
    value = error.get("input")
    if kind == "extra_forbidden":
        allowed = sorted(_fields_at(model, loc[:-1]))
        name = str(loc[-1])
        close = difflib.get_close_matches(name, allowed, n=1)
        hint = f"; did you mean '{close[0]}'?" if close else ""
        return f"unknown field '{name}'{hint} (allowed: {', '.join(allowed)})"
    if kind == "missing":
        return "required field is missing"
    message = error["msg"].removeprefix("Value error, ")
    raw = doc.raw(loc)
    if kind in {"string_type", "int_type", "float_type", "literal_error"} and raw is not None and not isinstance(value, str):
        read_as = type(value).__name__.replace("bool", "true/false").replace("date", "a date")
        return f"{message}; YAML read {raw!r} as {read_as}, put it in quotes if you meant text"
    if kind == "string_type" and isinstance(value, dict):
        return f"{message}; YAML read a mapping here, which happens when the text contains ': '. Put the text in quotes"
    if kind in {"int_type", "float_type"} and isinstance(value, str):
        return f"{message}; write the number without quotes"
    return message


def _fields_at(model: type[BaseModel], loc: Loc) -> set[str]:
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        field = current.model_fields.get(part) if m.is_model(current) else None
        if field is None:
            return set()
        current = m.model_in(field.annotation)
    return set(current.model_fields) if m.is_model(current) else set()
