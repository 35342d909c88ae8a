"""Schema errors, and what a place in a file should hold, in words a contributor can act on."""

from __future__ import annotations

import datetime
import re
import typing
from typing import Any

from pydantic import BaseModel

from . import models as m
from .handbook import REFS
from .problems import Loc, nearest, shown
from .yamlsafe import Document

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
    if kind == "finite_number":
        return f"YAML read {shown((doc.raw(loc) or (value,))[0])} as not-a-number or infinity; write the figure in digits"
    if kind in {"greater_than_equal", "less_than_equal"}:
        bound = f"at least {_number(ctx['ge'])}" if "ge" in ctx else f"at most {_number(ctx['le'])}"
        return f"{_number(value)} is out of range: the value must be {bound}"
    if kind in {"too_short", "too_long"} and isinstance(value, str):
        limit = f"write at least {ctx['min_length']}" if kind == "too_short" else f"the limit is {ctx['max_length']:,}"
        return f"the text is {len(value):,} character{'s' * (len(value) != 1)}; {limit}"
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
        return _read_as_message(value, *raw, model, loc)
    if kind.endswith("_type") and isinstance(value, dict):
        return f"expected {expected(model, loc)}, but found fields here; text with ': ' in it needs quotes, or write it after >-"
    if kind.endswith("_type") and isinstance(value, list):
        return f"expected {expected(model, loc)}, but found a list here"
    if kind in {"model_type", "dict_type"}:
        return f"expected {expected(model, loc)}, written as name: value lines"
    if kind == "list_type":
        return f"expected {expected(model, loc)}: write [a, b] on one line, or one '- item' per line"
    return error["msg"].removeprefix("Value error, ")


def _number(value: float) -> str:
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,}"


def _unknown_field(loc: Loc, model: type[BaseModel]) -> str:
    allowed = sorted(_fields_at(model, loc[:-1]))
    name = str(loc[-1])
    close = nearest(name, allowed)
    hint = f"; did you mean '{close}'?" if close else ""
    return f"unknown field {shown(name)}{hint} (allowed: {', '.join(allowed)})"


def _pattern_message(value: str, pattern: str, loc: Loc) -> str:
    if pattern != m.ID_PATTERN:
        return f"{shown(value)} is not an https:// address (ASCII only, percent-encoded, no quotes or angle brackets)"
    what = "a tag" if "tags" in loc else "an id"
    return f"{shown(value)} is not {what}: use {m.ID_RULE}, such as '{slug(value)}'"


def slug(text: str) -> str:
    """The id closest to a text: lowercase words joined by hyphens."""
    return "-".join(re.findall(r"[a-z0-9]+", text.lower())) or "my-id"


_READ_AS = {bool: "true/false", int: "a number", float: "a number", datetime.date: "a date", datetime.datetime: "a date and time"}


def _read_as_message(value: Any, raw: str, quoted: bool, model: type[BaseModel], loc: Loc) -> str:
    want = expected(model, loc)
    if isinstance(value, str) and quoted:
        return f"expected {want}; {shown(raw)} is in quotes, so YAML read it as text: remove the quotes"
    if isinstance(value, str):  # YAML reads 1e6 without a point as text
        hint = ": write the number in plain digits, such as 1500000 or 0.25" if re.fullmatch(r"[-+.\d]*[eE][-+]?\d+", raw) else ""
        return f"expected {want}; YAML read {shown(raw)} as text{hint}"
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
