"""What a check reports: a `Problem` at a place in a data file, and the wording
helpers every check shares, so that each message reads the same way."""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass

Loc = tuple[str | int, ...]


@dataclass(frozen=True)
class Problem:
    path: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        # Named, never printed: a control character echoed from a file could rewrite the terminal or CI log.
        return _named(f"{self.path}:{self.line}: {self.field}: {self.message}")


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
# The rest of the same class, named by Unicode: every other format character (soft hyphen,
# bidi marks, invisible operators, tag characters), the Hangul fillers, private-use characters,
# non-characters and lone surrogates (which a YAML "\ud800" escape writes).
_ALSO_INVISIBLE = (
    "\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u115f\u1160\u180e\u200e\u200f"
    "\u2061-\u2065\u206a-\u206f\u3164\ud800-\udfff\ue000-\uf8ff\uffa0\ufff0-\ufffb\ufffe\uffff"
    "\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
    "\U000e0000-\U000e0fff\U000f0000-\U0010ffff"
)
INVISIBLE_CHARS = re.compile(f"[{''.join(INVISIBLE)}{_ALSO_INVISIBLE}]")
# Control characters other than tab and line feed. YAML refuses them typed into a file, but a
# double-quoted escape ("\e", "\0", "\r", "\x7f") writes them into the text it reads.
_CONTROL = "\x00-\x08\x0b-\x1f\x7f-\x9f"
_CONTROL_NAMES = {
    "\x00": "NULL", "\x07": "BELL", "\x08": "BACKSPACE", "\x0b": "LINE TABULATION", "\x0c": "FORM FEED",
    "\r": "CARRIAGE RETURN", "\x1b": "ESCAPE", "\x7f": "DELETE",
}  # fmt: skip
# What no published text may hold: the invisible characters and the control characters.
UNPUBLISHABLE_CHARS = re.compile(f"[{_CONTROL}{''.join(INVISIBLE)}{_ALSO_INVISIBLE}]")


def char_name(ch: str) -> str:
    name = INVISIBLE.get(ch) or _CONTROL_NAMES.get(ch) or unicodedata.name(ch, "")
    return f"U+{ord(ch):04X} {name}" if name else f"U+{ord(ch):04X}"


def invisible_message(ch: str) -> str:
    if unicodedata.category(ch) == "Cc" and ch not in INVISIBLE:
        return f"contains {char_name(ch)}, a control character; delete it (a YAML escape such as \\e or \\x07 writes one)"
    return f"contains {char_name(ch)}, an invisible character; delete it (retyping the words around it removes it)"


def shown(value: object) -> str:
    """A value quoted for a message, with every invisible or control character named where it stands."""
    text = str(value)
    if len(text) > 60:
        text = text[:57] + "..."
    return f"'{_named(text)}'"


def _named(text: str) -> str:
    return UNPUBLISHABLE_CHARS.sub(lambda hit: f"<{char_name(hit.group())}>", text)
