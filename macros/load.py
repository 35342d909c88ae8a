"""Load `data/` into a checked Handbook, or fail listing every problem as
`file:line: field: message`.

Every file under `data/` is either read or reported with the reason it is not
(a wrong name, extension or folder, a symbolic link, not a file). A file that
breaks the schema is still checked as far as it can be: its references are
resolved from its raw data, so one run shows every problem.
"""

from __future__ import annotations

import contextlib
import datetime
import functools
import gc
import os
import re
import stat
import typing
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pydantic
from pydantic import AfterValidator, BaseModel

from . import models as m
from .handbook import KINDS, REFS, Handbook
from .problems import Loc, Problem, dotted, nearest, shown
from .yamlsafe import Document, read

ROOT = Path(__file__).resolve().parent.parent
SINGLE_FILES = {f.path: f for f in m.DATA_FILES if not f.is_folder}
FOLDERS = {f.path: f for f in m.DATA_FILES if f.is_folder}
_ID = re.compile(m.ID_PATTERN)
# Files an editor or the operating system leaves beside the ones being edited.
_EDITOR_LEFTOVER = re.compile(r"^\..*\.sw[a-p]$|^\.#|~$|^\.DS_Store$|^Thumbs\.db$")


def data_dir(root: Path = ROOT) -> Path:
    """The data folder: `$HANDBOOK_DATA` when set (tests and the benchmark use it), else `data/` in root."""
    override = os.environ.get("HANDBOOK_DATA")
    return Path(override).resolve() if override else root / "data"


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
    failed: list[tuple[Document, type[BaseModel]]] = []
    declared = _Declared()
    if not data_dir.is_dir():
        raise DataError([Problem(_shown(data_dir, root), 1, "(file)", "the data folder does not exist")])
    unread = set(SINGLE_FILES) | {name for name in FOLDERS if (data_dir / name).is_symlink() or not (data_dir / name).is_dir()}

    for path, entry in data_files(data_dir, root, problems):
        doc, found = read(path, _shown(path, root))
        problems.extend(found)
        if doc is None:
            declared.add_unread(path, entry)
            continue
        unread.discard(entry.path)
        record = _validate(doc, entry, problems)
        if record is None:
            failed.append((doc, entry.model))
            declared.add_raw(doc, entry.model)
        else:
            parsed[doc.path] = (doc, record)
    for name in unread:
        declared.add_unread(data_dir / name, SINGLE_FILES.get(name) or FOLDERS[name], whole=True)

    handbook = Handbook.assemble(parsed)
    problems.extend(_references_in_failed_files(handbook, failed, declared))
    problems.extend(p for p in handbook.problems() if not declared.covers_problem(p))
    if problems:
        raise DataError(sorted(dict.fromkeys(problems), key=lambda p: (p.path, p.line)))
    return handbook


def _shown(path: Path, root: Path) -> str:
    try:
        return str(path.relative_to(root))
    except ValueError:
        return str(path)


# -- which files are data --------------------------------------------------------------


def data_files(data_dir: Path, root: Path, problems: list[Problem]) -> Iterator[tuple[Path, m.DataFile]]:
    """Every data file to read, in a stable order; every other entry under data_dir becomes a problem.
    Nothing is followed out of data_dir: symbolic links are refused, never read."""

    def refuse(path: Path, message: str) -> None:
        problems.append(Problem(_shown(path, root), 1, "(file)", message))

    entries = {e.name: e for e in _entries(data_dir)}
    for name in SINGLE_FILES.keys() - entries.keys():
        refuse(data_dir / name, "required file is missing")
    for name in FOLDERS.keys() - entries.keys():
        refuse(data_dir / name, "required folder is missing")
    for name, dirent in sorted(entries.items()):
        path = data_dir / name
        if dirent.is_symlink():
            refuse(path, _SYMLINK)
        elif name in SINGLE_FILES:
            if dirent.is_file(follow_symlinks=False):
                yield path, SINGLE_FILES[name]
            else:
                refuse(path, f"{name} must be a file, and this is {_kind(dirent)}")
        elif name in FOLDERS:
            if dirent.is_dir(follow_symlinks=False):
                yield from _folder_files(path, FOLDERS[name], refuse)
            else:
                refuse(path, f"{name} must be a folder of <id>.yml files, and this is {_kind(dirent)}")
        elif dirent.is_dir(follow_symlinks=False):
            folders = ", ".join(f"data/{f}/" for f in FOLDERS)
            for inner in _files_under(path):
                refuse(inner, f"data/{name}/ is not a data folder, so this file is never read; the folders are {folders}")
        else:
            refuse(path, _top_level_reason(name, dirent))


def fingerprint(data_dir: Path) -> tuple[tuple[str, int, int, int], ...]:
    """Every entry under data_dir with its type, size and time of change: equal fingerprints, equal data."""
    out = []
    for top, dirs, files in os.walk(data_dir):  # os.walk follows no symbolic link to a folder
        for name in sorted([*dirs, *files]):
            st = os.lstat(os.path.join(top, name))
            out.append((os.path.join(top, name), st.st_mode, st.st_mtime_ns, st.st_size))
    return tuple(out)


def _entries(folder: Path) -> list[os.DirEntry]:
    with os.scandir(folder) as it:
        return list(it)


def _files_under(folder: Path) -> Iterator[Path]:
    """Everything below folder that is not itself a folder, without following links."""
    for dirent in sorted(_entries(folder), key=lambda e: e.name):
        if dirent.is_dir(follow_symlinks=False):
            yield from _files_under(Path(dirent.path))
        else:
            yield Path(dirent.path)


def _folder_files(folder: Path, entry: m.DataFile, refuse) -> Iterator[tuple[Path, m.DataFile]]:  # noqa: ANN001
    where = f"data/{entry.path}/"
    for dirent in sorted(_entries(folder), key=lambda e: e.name):
        path = folder / dirent.name
        suffix = path.suffix
        if dirent.is_symlink():
            refuse(path, _SYMLINK)
        elif dirent.is_dir(follow_symlinks=False):
            for inner in _files_under(path):
                refuse(inner, f"the check reads no subfolders of {where}: move the file into {where} itself")
        elif not dirent.is_file(follow_symlinks=False):
            refuse(path, f"not a file but {_kind(dirent)}; {where} holds only <id>.yml files")
        elif suffix == ".yml":
            yield path, entry
        elif _EDITOR_LEFTOVER.search(dirent.name):
            refuse(path, "an editor's swap or backup file: close the editor or delete the file")
        elif suffix.lower() in {".yml", ".yaml"}:
            refuse(path, f"the extension must be .yml, not {suffix}: rename it to {path.stem}.yml")
        else:
            refuse(path, f"not a YAML data file: {where} holds only <id>.yml files")


_SYMLINK = "a symbolic link: data/ takes only real files, so the check does not follow it; put the file itself here"


def _kind(dirent: os.DirEntry) -> str:
    mode = dirent.stat(follow_symlinks=False).st_mode
    return "a folder" if stat.S_ISDIR(mode) else "a file" if stat.S_ISREG(mode) else "a special file (not a regular file)"


def _top_level_reason(name: str, dirent: os.DirEntry) -> str:
    if not dirent.is_file(follow_symlinks=False):
        return f"not a file but {_kind(dirent)}"
    if _EDITOR_LEFTOVER.search(name):
        return "an editor's swap or backup file: close the editor or delete the file"
    stem, dot, suffix = name.rpartition(".")
    if dot and suffix.lower() in {"yml", "yaml"}:
        if f"{stem}.yml" in SINGLE_FILES:
            return f"the extension must be .yml, not .{suffix}: rename it to {stem}.yml"
        close = nearest(stem, [name.removesuffix(".yml") for name in SINGLE_FILES])
        hint = f"did you mean {close}.yml? " if close else ""
        return (
            f"not one of the data files, so it is never read; {hint}A question goes in data/questions/, "
            f"a framework in data/frameworks/, a checklist in data/checklists/"
        )
    return "not a YAML data file: data/ holds only the .yml files that CONTRIBUTING.md lists"


# -- one file against its model ----------------------------------------------------------


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
        found = _strings(doc.data, ())
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


def _strings(value: Any, loc: Loc) -> Iterator[tuple[Loc, str]]:
    if isinstance(value, str):
        yield loc, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, (*loc, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _strings(item, (*loc, i))


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


def slug(text: str) -> str:
    """The id closest to a text: lowercase words joined by hyphens."""
    return "-".join(re.findall(r"[a-z0-9]+", text.lower())) or "my-id"


# -- references in files that broke the schema ---------------------------------------------


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


# -- schema errors in words ------------------------------------------------------------------

# Why a list is capped, for the lists a contributor is likeliest to overfill.
CAP_REASONS = {
    "tags": "each tag makes a page of its own, so keep the few a candidate would filter by",
    "tracks": "name only the tracks whose loops make the question likely",
    "sources": "cite the sources the text leans on most",
    "strong_answer": "keep the moves that matter most; the model answer carries the detail",
    "red_flags": "keep the mistakes interviewers see most",
    "follow_ups": "keep the probes that test the first answer",
    "outline": "a skeleton answer a candidate can say in a few minutes has few steps",
    "points": "keep each step to a few points",
    "aliases": "keep the names a reader would really type",
    "see_also": "link the few terms closest to this one",
}


def explain(error: dict[str, Any], loc: Loc, doc: Document, model: type[BaseModel]) -> str:
    """A pydantic error as a contributor can act on it: what is wrong, and what to write instead."""
    kind, value, ctx = error["type"], error.get("input"), error.get("ctx") or {}
    if kind == "extra_forbidden":
        return _unknown_field(loc, model)
    if kind == "missing":
        return f"required field is missing; it should hold {expected(model, loc)}"
    if (value is None and kind.endswith(("_type", "literal_error"))) or (isinstance(value, str) and not value.strip()):
        return f"the value is empty; it should hold {expected(model, loc)}"
    if kind == "unpublishable_text":
        return ctx["fault"]
    if kind == "string_pattern_mismatch":
        return _pattern_message(value, ctx["pattern"], loc)
    if kind == "string_too_short":
        return f"the text is {len(value)} character{'s' * (len(value) != 1)}; write at least {ctx['min_length']}"
    if kind == "string_too_long":
        return f"the text is {len(value):,} characters; the limit is {ctx['max_length']:,}"
    if kind == "too_short":
        return f"the list has {ctx['actual_length']} item{'s' * (ctx['actual_length'] != 1)}; it needs at least {ctx['min_length']}"
    if kind == "too_long":
        reason = CAP_REASONS.get(str(loc[-1]) if loc else "", "keep the strongest")
        return f"the list has {ctx['actual_length']:,} items; the limit is {ctx['max_length']}: {reason}"
    if kind == "literal_error" and isinstance(value, str):
        allowed = typing.get_args(_unwrap(_place(model, loc).annotation)[0])
        close = nearest(value, allowed)
        hint = f"; did you mean '{close}'?" if close else ""
        return f"{shown(value)} is not one of: {', '.join(map(str, allowed))}{hint}"
    raw = doc.raw(loc)
    if kind in {"string_type", "int_type", "float_type", "bool_type", "literal_error", "date_type"} and raw is not None:
        return _read_as_message(value, raw, model, loc)
    if kind.endswith("_type") and isinstance(value, dict):
        return f"expected {expected(model, loc)}, but found fields here; text with ': ' in it needs quotes, or write it after >-"
    if kind.endswith("_type") and isinstance(value, list):
        return f"expected {expected(model, loc)}, but found a list here"
    if kind in {"model_type", "dict_type"}:
        return f"expected {expected(model, loc)}, written as name: value lines"
    if kind == "list_type":
        return f"expected {expected(model, loc)}: write [a, b] on one line, or one '- item' per line"
    return error["msg"].removeprefix("Value error, ")


def _unknown_field(loc: Loc, model: type[BaseModel]) -> str:
    allowed = sorted(_fields_at(model, loc[:-1]))
    name = str(loc[-1])
    close = nearest(name, allowed)
    hint = f"; did you mean '{close}'?" if close else ""
    return f"unknown field {shown(name)}{hint} (allowed: {', '.join(allowed)})"


def _pattern_message(value: str, pattern: str, loc: Loc) -> str:
    if pattern != m.ID_PATTERN:
        return f"{shown(value)} is not an https:// address (no spaces, quotes or angle brackets)"
    what = "a tag" if "tags" in loc else "an id"
    return f"{shown(value)} is not {what}: use {m.ID_RULE}, such as '{slug(value)}'"


_READ_AS = {bool: "true/false", int: "a number", float: "a number", datetime.date: "a date", datetime.datetime: "a date and time"}


def _read_as_message(value: Any, raw: str, model: type[BaseModel], loc: Loc) -> str:
    want = expected(model, loc)
    if isinstance(value, str):
        return f"expected {want}; {shown(raw)} is in quotes, so YAML read it as text: remove the quotes"
    read_as = _READ_AS.get(type(value), "a value that is not text")
    return f"expected {want}; YAML read {shown(raw)} as {read_as}: put it in quotes if you meant text"


# -- what a field holds, in words ---------------------------------------------------------------


def _fields_at(model: type[BaseModel], loc: Loc) -> set[str]:
    record = m.model_in(_place(model, loc).annotation) if loc else model
    return set(record.model_fields) if record is not None else set()


class _Place(typing.NamedTuple):
    """What the schema says about a place in a file."""

    annotation: Any  # the type it must hold, with its constraints; None when the schema has no such place
    record: type[BaseModel] | None = None  # the record whose field it is
    field: str | None = None
    description: str | None = None
    item: bool = False  # an item of the field's list, rather than the field itself


def _place(model: type[BaseModel], loc: Loc) -> _Place:
    place = _Place(model)
    for part in loc:
        if isinstance(part, int):
            place = place._replace(annotation=_list_item(place.annotation), item=True)
            continue
        record = m.model_in(place.annotation)
        field = record.model_fields.get(part) if record is not None else None
        if field is None:
            return _Place(None)
        annotation = typing.Annotated[(field.annotation, *field.metadata)] if field.metadata else field.annotation
        place = _Place(annotation, record, part, field.description)
    return place


def _list_item(annotation: Any) -> Any:
    bare, _ = _unwrap(annotation)
    return typing.get_args(bare)[0] if typing.get_origin(bare) is list else None


def _unwrap(annotation: Any) -> tuple[Any, list[Any]]:
    """The type without Annotated and `| None`, and the constraints it carried."""
    metadata: list[Any] = []
    while True:
        if typing.get_origin(annotation) is typing.Annotated:
            metadata.extend(annotation.__metadata__)
            annotation = annotation.__origin__
        elif type(annotation).__name__ == "UnionType" or typing.get_origin(annotation) is typing.Union:
            annotation = next(a for a in typing.get_args(annotation) if a is not type(None))
        else:
            return annotation, metadata


# Where the ids of each kind that a field refers to are declared.
ID_HOMES = {
    "track": "tracks.yml", "round kind": "tracks.yml (round_kinds)", "framework": "data/frameworks/",
    "source": "sources.yml", "pay band": "pay.yml",
}  # fmt: skip


def expected(model: type[BaseModel], loc: Loc) -> str:
    """What the place at loc should hold, in words: 'one of: core, stretch', 'a source id from sources.yml'."""
    place = _place(model, loc)
    if place.annotation is None:
        return "a value"
    kind = _ref_kind(place.record, place.field)
    if kind is not None:
        is_list = typing.get_origin(_unwrap(place.annotation)[0]) is list
        return f"{'a list of ' if is_list else 'a '}{kind} id{'s' * is_list} from {ID_HOMES[kind]}"
    if place.description and not place.item:
        return f"{_describe(place.annotation, brief=True)} ({place.description[0].lower()}{place.description[1:].rstrip('.')})"
    return _describe(place.annotation)


def _ref_kind(record: type[BaseModel] | None, field: str | None) -> str | None:
    if record is None:
        return None
    return next((refs[field] for cls, refs in REFS.items() if issubclass(record, cls) and field in refs), None)


def _constraint(metadata: list[Any], name: str) -> Any:
    return next((getattr(c, name) for c in metadata if getattr(c, name, None) is not None), None)


def _describe(annotation: Any, plural: bool = False, brief: bool = False) -> str:
    bare, metadata = _unwrap(annotation)
    origin = typing.get_origin(bare)
    if origin is typing.Literal:
        return "one of: " + ", ".join(map(str, typing.get_args(bare)))
    if origin is list:
        return "a list of " + _describe(typing.get_args(bare)[0], plural=True)
    if m.is_model(bare):
        fields = ", ".join(bare.model_fields)
        return f"entries with the fields {fields}" if plural else f"the fields {fields}"
    if bare is str:
        if _constraint(metadata, "pattern") == m.ID_PATTERN:
            noun = "tags" if (_constraint(metadata, "max_length") or 0) <= m.MAX_TAG else "ids"
            what = noun if plural else ("a tag" if noun == "tags" else "an id")
            return what if brief else f"{what} ({m.ID_RULE})"
        if (_constraint(metadata, "max_length") or m.MAX_TEXT) <= m.MAX_LINE:
            return "lines of text" if plural else "a line of text"
        return "text items" if plural else "text"
    if bare in (int, float):
        low, high = _constraint(metadata, "ge"), _constraint(metadata, "le")
        span = f" from {low:g} to {high:g}" if low is not None and high is not None else ""
        return ("whole numbers" if plural else "a whole number") + span if bare is int else ("numbers" if plural else "a number") + span
    if bare is bool:
        return "true or false"
    if bare is datetime.date:
        return "a date written YYYY-MM-DD, without quotes"
    return "a value"
