"""What a check reports: a `Problem` at a place in a data file, and the wording
helpers every check shares, so that each message reads the same way."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

Loc = tuple[str | int, ...]


@dataclass(frozen=True)
class Problem:
    path: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.field}: {self.message}"


def dotted(loc: Loc) -> str:
    """A place in a file as a contributor writes it: `outline[0].points[2]`."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return _named(out) if out else "(file)"


def nearest(word: str, choices: object) -> str | None:
    """The choice closest to a mistyped word, if one is close enough to be meant."""
    close = difflib.get_close_matches(word, [str(c) for c in choices], n=1)
    return close[0] if close else None


# Characters an editor shows as nothing (or as a line break in some editors and not in
# others), so a contributor cannot see what the check complains about.
INVISIBLE = {
    "\x85": "NEXT LINE (NEL)",
    "\u200b": "ZERO WIDTH SPACE",
    "\u200c": "ZERO WIDTH NON-JOINER",
    "\u200d": "ZERO WIDTH JOINER",
    "\u2028": "LINE SEPARATOR",
    "\u2029": "PARAGRAPH SEPARATOR",
    "\u202a": "LEFT-TO-RIGHT EMBEDDING",
    "\u202b": "RIGHT-TO-LEFT EMBEDDING",
    "\u202c": "POP DIRECTIONAL FORMATTING",
    "\u202d": "LEFT-TO-RIGHT OVERRIDE",
    "\u202e": "RIGHT-TO-LEFT OVERRIDE",
    "\u2060": "WORD JOINER",
    "\u2066": "LEFT-TO-RIGHT ISOLATE",
    "\u2067": "RIGHT-TO-LEFT ISOLATE",
    "\u2068": "FIRST STRONG ISOLATE",
    "\u2069": "POP DIRECTIONAL ISOLATE",
    "\ufeff": "BYTE ORDER MARK",
}
INVISIBLE_CHARS = re.compile(f"[{''.join(INVISIBLE)}]")


def char_name(ch: str) -> str:
    return f"U+{ord(ch):04X} {INVISIBLE[ch]}"


def invisible_message(ch: str) -> str:
    return f"contains {char_name(ch)}, an invisible character; delete it (retyping the words around it removes it)"


def shown(value: object) -> str:
    """A value quoted for a message, with every invisible character named where it stands."""
    text = str(value)
    if len(text) > 60:
        text = text[:57] + "..."
    return f"'{_named(text)}'"


def _named(text: str) -> str:
    return INVISIBLE_CHARS.sub(lambda hit: f"<{char_name(hit.group())}>", text) if INVISIBLE_CHARS.search(text) else text
