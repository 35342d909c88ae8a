"""What every record shares: the limits on ids and text, the field types that hold them
to those limits, and the base records."""

from __future__ import annotations

import datetime
import re
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints, model_validator
from pydantic_core import PydanticCustomError

from ..problems import INVISIBLE, INVISIBLE_CHARS, invisible_message

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
    # Every invisible character is outside ASCII, and isascii() costs nothing: most text skips the search.
    if not text.isascii() and (hit := INVISIBLE_CHARS.search(text)):
        return invisible_message(hit.group())
    return None


def _publishable(text: str) -> str:
    # The common case in one line: it runs for every text of every file.
    if text and not text.isspace() and PLACEHOLDER not in text and (text.isascii() or not INVISIBLE_CHARS.search(text)):
        return text
    raise PydanticCustomError("unpublishable_text", "{fault}", {"fault": text_fault(text)})


class _PublishableInSchema:
    """States the rule of `_publishable` in the JSON Schema, so editors underline a
    placeholder, blank text or an invisible character as it is typed."""

    pattern = r"^(?!\s*$)(?![\s\S]*TODO:)[^" + "".join(f"\\u{ord(ch):04X}" for ch in INVISIBLE) + "]*$"

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
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, defer_build=True)


class Dataset(Record):
    as_of: datetime.date = Field(description="The date the data was last checked against its sources.")


class Span(Record):
    """A reported value or range; `low == high` for a single value."""

    low: float
    high: float

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
    if _NOT_PORTABLE.search(pattern):
        raise ValueError("use only syntax JavaScript shares: no (?P<name>), (?i), lookbehind, \\A, \\Z or \\p{...}")
    try:
        re.compile(pattern)
    except re.error as err:
        raise ValueError(f"not a valid regular expression: {err}") from None
    return pattern


# A regular expression, checked to compile and to use only what JavaScript shares. Its text is
# code, not prose: the hostile-input test puts payloads into it as regex alternatives.
Regex = Annotated[str, StringConstraints(min_length=1, max_length=MAX_LINE), AfterValidator(_portable_regex)]
