"""What every record shares: the limits on ids and text, the field types that hold them
to those limits, and the base records."""

from __future__ import annotations

import datetime
import re
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints, model_validator
from pydantic_core import PydanticCustomError

from ..patterns import backtracking_fault
from ..problems import UNPUBLISHABLE_CHARS, invisible_message

MAX_TEXT = 4000
MAX_LINE = 300
MIN_TEXT = 3
MAX_ID = 80
MAX_TAG = 40
MAX_SOURCES = 10
ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
ID_RULE = "lowercase letters a-z and digits, in words joined by single hyphens"
PLACEHOLDER = "TODO:"


def text_fault(text: str) -> str | None:
    """Why a text cannot be published as written, or None when it can."""
    if not text or text.isspace():
        return "the text is blank"
    if PLACEHOLDER in text:
        return f"still holds the placeholder '{PLACEHOLDER}'; replace it with your own text"
    if hit := UNPUBLISHABLE_CHARS.search(text):
        return invisible_message(hit.group())
    return None


def _publishable(text: str) -> str:
    # The common case in one line: it runs for every text of every file.
    if text and not text.isspace() and PLACEHOLDER not in text and not UNPUBLISHABLE_CHARS.search(text):
        return text
    raise PydanticCustomError("unpublishable_text", "{fault}", {"fault": text_fault(text)})


def _bmp_class(char_class: str) -> str:
    """The characters and ranges of a `[...]` class below U+10000, spelled as \\uXXXX escapes.
    Surrogates are left out: without that mode they are also the halves of every character above."""
    out, chars, i = "", char_class[1:-1], 0
    while i < len(chars):
        is_range = chars[i + 1 : i + 2] == "-"
        low, high = ord(chars[i]), ord(chars[i + 2] if is_range else chars[i])
        i += 3 if is_range else 1
        if low <= 0xFFFF and not 0xD800 <= low <= 0xDFFF:
            out += f"\\u{low:04X}" + (f"-\\u{min(high, 0xFFFF):04X}" if high > low else "")
    return out


class _PublishableInSchema:
    """States the rule of `_publishable` in the JSON Schema, so editors underline a
    placeholder, blank text or an invisible or control character as it is typed. JSON Schema's
    patterns are JavaScript's, which name a character outside the first 65,536 only in a mode
    editors may not use, so the pattern leaves those to the check."""

    pattern = r"^(?!\s*$)(?![\s\S]*TODO:)[^" + _bmp_class(UNPUBLISHABLE_CHARS.pattern) + "]*$"

    def __get_pydantic_json_schema__(self, core_schema: Any, handler: Any) -> dict[str, Any]:
        schema = handler(core_schema)
        schema["pattern"] = self.pattern
        return schema


Id = Annotated[str, StringConstraints(pattern=ID_PATTERN, max_length=MAX_ID)]
Line = Annotated[str, StringConstraints(min_length=1, max_length=MAX_LINE), AfterValidator(_publishable), _PublishableInSchema()]
Text = Annotated[str, StringConstraints(min_length=MIN_TEXT, max_length=MAX_TEXT), AfterValidator(_publishable), _PublishableInSchema()]
Tag = Annotated[str, StringConstraints(pattern=ID_PATTERN, max_length=MAX_TAG)]
SourceIds = Annotated[list[Id], Field(min_length=1, max_length=MAX_SOURCES)]
Percent = Annotated[float, Field(ge=0, le=1000)]
Usd = Annotated[int, Field(ge=0, le=100_000_000)]

DIGIT = re.compile(r"\d")
MONEY = re.compile(r"[$€£]|\b(usd|eur|gbp|dollars?|euros?)\b", re.IGNORECASE)


class Record(BaseModel):
    # defer_build: a model's validator is built when a file first needs it, not on import; the
    # check validates each file model whole, so the nested records are never built on their own.
    # allow_inf_nan: YAML reads .nan and .inf as numbers, which no figure, length or count can be.
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, defer_build=True, allow_inf_nan=False)


class Dataset(Record):
    as_of: datetime.date = Field(description="The date the data was last checked against its sources.")


class Span(Record):
    """A reported value or range; `low == high` for a single value."""

    low: Annotated[float, Field(ge=0)]
    high: Annotated[float, Field(ge=0)]

    @model_validator(mode="after")
    def _ordered(self) -> Span:
        if self.low > self.high:
            raise ValueError(f"low ({self.low:g}) is greater than high ({self.high:g})")
        return self

    @property
    def mid(self) -> float:
        return (self.low + self.high) / 2


class UsdSpan(Span):
    low: Usd
    high: Usd


# Patterns run both in Python and in the browser, so only the syntax the two share is allowed.
_NOT_PORTABLE = re.compile(r"\(\?(?![:=!])|\\[AZzGpP]")


def _portable_regex(pattern: str | None) -> str | None:
    if pattern is None:
        return None
    if hit := UNPUBLISHABLE_CHARS.search(pattern):
        raise ValueError(invisible_message(hit.group()))
    if _NOT_PORTABLE.search(pattern):
        raise ValueError("use only syntax JavaScript shares: no (?P<name>), (?i), lookbehind, \\A, \\Z or \\p{...}")
    try:
        re.compile(pattern)
    except re.error as err:
        raise ValueError(f"not a valid regular expression: {err}") from None
    if fault := backtracking_fault(pattern):
        raise ValueError(f"can take minutes on some text, because it {fault}")
    return pattern


# A regular expression, checked to compile and to use only what JavaScript shares. Its text is
# code, not prose: the hostile-input test puts payloads into it as regex alternatives.
Regex = Annotated[str, StringConstraints(min_length=1, max_length=MAX_LINE), AfterValidator(_portable_regex)]
