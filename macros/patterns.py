"""One search for many contributed patterns at once.

Python's `re` tries every alternative of `a|b|c` at every position of the text. When each
pattern must begin with one of a few characters, a look-ahead on those characters lets the
search pass over every other position after one test. The characters are read from the
parsed pattern; where they cannot be known (a class such as `\\w`, a pattern that can match
nothing at all), there is no look-ahead and the search is the plain alternation.
"""

from __future__ import annotations

import re
from re import _constants as c
from re import _parser

_ZERO_WIDTH = {c.AT, c.ASSERT, c.ASSERT_NOT}
_REPEATS = {c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT}
_WIDEST_RANGE = 64  # a class spanning more characters than this gives no useful look-ahead


def any_of(patterns: tuple[str, ...], flags: int = 0) -> re.Pattern:
    """A pattern that matches where any of `patterns` does."""
    if not patterns:
        return re.compile("(?!)")
    alternation = "|".join(f"(?:{p})" for p in patterns)
    starts: set[str] = set()
    for pattern in patterns:
        first = first_chars(pattern, flags)
        if first is None:
            return re.compile(alternation, flags)
        starts |= first
    return re.compile(f"(?=[{''.join(map(re.escape, sorted(starts)))}])(?:{alternation})", flags)


def first_chars(pattern: str, flags: int = 0) -> set[str] | None:
    """The characters a match of `pattern` can begin with (compared under the same flags), or
    None when that is not a short list or the pattern can match the empty string."""
    parsed = _parser.parse(pattern, flags)
    if parsed.state.flags & ~re.UNICODE != flags & ~re.UNICODE:  # flags set inside the pattern
        return None
    found, can_be_empty = _first(parsed)
    return None if found is None or can_be_empty else found


def _first(items) -> tuple[set[str] | None, bool]:  # noqa: ANN001 - a parsed sequence of (op, argument)
    """(first characters, whether the sequence can match without consuming any)."""
    found: set[str] = set()
    for op, av in items:
        if op in _ZERO_WIDTH:
            continue
        chars, can_be_empty = _first_of(op, av)
        if chars is None:
            return None, False
        found |= chars
        if not can_be_empty:
            return found, False
    return found, True


def _first_of(op, av) -> tuple[set[str] | None, bool]:  # noqa: ANN001
    if op is c.LITERAL:
        return {chr(av)}, False
    if op is c.IN:
        return _class(av), False
    if op is c.SUBPATTERN:
        _group, add_flags, del_flags, items = av
        return _first(items) if not (add_flags or del_flags) else (None, False)
    if op is c.ATOMIC_GROUP:
        return _first(av)
    if op is c.BRANCH:
        found: set[str] = set()
        can_be_empty = False
        for branch in av[1]:
            chars, empty = _first(branch)
            if chars is None:
                return None, False
            found |= chars
            can_be_empty = can_be_empty or empty
        return found, can_be_empty
    if op in _REPEATS:
        low, _high, item = av
        chars, empty = _first(item)
        return chars, empty or low == 0
    return None, False


def _class(items) -> set[str] | None:  # noqa: ANN001
    found: set[str] = set()
    for op, av in items:
        if op is c.LITERAL:
            found.add(chr(av))
        elif op is c.RANGE and av[1] - av[0] < _WIDEST_RANGE:
            found.update(map(chr, range(av[0], av[1] + 1)))
        else:  # a negated class, a category such as \w, a wide range
            return None
    return found
