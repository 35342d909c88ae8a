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


# -- patterns that can run away --------------------------------------------------------------

_SAMPLE = [*map(chr, range(32, 127)), "\n", "\t", "\u00a0", "é", "’", "€"]
_CATEGORIES = {
    c.CATEGORY_DIGIT: str.isdigit,
    c.CATEGORY_SPACE: str.isspace,
    c.CATEGORY_WORD: lambda ch: ch.isalnum() or ch == "_",
    c.CATEGORY_NOT_DIGIT: lambda ch: not ch.isdigit(),
    c.CATEGORY_NOT_SPACE: lambda ch: not ch.isspace(),
    c.CATEGORY_NOT_WORD: lambda ch: not (ch.isalnum() or ch == "_"),
}
_REPEATED_GROUP = "repeats a group with +, * or {n,m}; repeat single characters or classes only, or write the group out"
_TWO_REPEATS = (
    "has two unbounded repeats that can take the same characters with nothing required between them;"
    " put a required character between them, or merge them"
)


def backtracking_fault(pattern: str) -> str | None:
    """Why `pattern` can take exponential or high-polynomial time on some text, or None.

    The patterns run on every model answer at build time and on each keystroke in the browser,
    so two shapes that make a backtracking engine try every way of splitting the text are
    refused: a group repeated (`(\\w+\\s?)*`, `(a|ab)+`), and two unbounded repeats of
    overlapping characters with nothing required between them (`\\w+\\s*\\w+`, `.*.*`)."""
    faults: list[str] = []
    _walk(_parser.parse(pattern, re.IGNORECASE), None, faults)
    return faults[0] if faults else None


def _walk(items, open_repeat, faults: list[str]):  # noqa: ANN001, ANN202 - parsed (op, argument) pairs
    """Walks a sequence; `open_repeat` is the set of characters an unbounded repeat before this
    point can still take (nothing required has come since), or None. Returns it after the sequence."""
    for op, av in items:
        if op in _ZERO_WIDTH:
            if op is not c.AT:
                _walk(av[1], None, faults)
            continue
        if op in _REPEATS:
            low, high, item = av
            chars = _single(item)
            if high > 1 and chars is None:
                faults.append(_REPEATED_GROUP)
                return None
            if chars is None:  # an optional group: its contents may follow the repeat before it, or be skipped
                after = _walk(item, open_repeat, faults)
                open_repeat = _union(open_repeat, after) if low == 0 else after
                continue
            if high > 1:
                if open_repeat is not None and open_repeat & chars:
                    faults.append(_TWO_REPEATS)
                    return None
                open_repeat = _union(open_repeat, chars) if low == 0 else chars
            elif low == 0:
                continue
            else:
                open_repeat = None
        elif op is c.SUBPATTERN:
            open_repeat = _walk(av[3], open_repeat, faults)
        elif op is c.BRANCH:
            afters = [_walk(branch, open_repeat, faults) for branch in av[1]]
            open_repeat = None
            for after in afters:
                open_repeat = _union(open_repeat, after)
        else:
            open_repeat = None
    return open_repeat


def _union(a: set[str] | None, b: set[str] | None) -> set[str] | None:
    return b if a is None else a if b is None else a | b


def _single(items) -> set[str] | None:  # noqa: ANN001
    """The sample characters a one-character item matches (either case), or None for anything longer."""
    if len(items) != 1 or items[0][0] not in {c.LITERAL, c.NOT_LITERAL, c.ANY, c.IN}:
        return None
    op, av = items[0]
    return {ch.lower() for ch in _SAMPLE if _matches(op, av, ch) or _matches(op, av, ch.swapcase())}


def _matches(op, av, ch: str) -> bool:  # noqa: ANN001
    if op is c.LITERAL:
        return ch == chr(av)
    if op is c.NOT_LITERAL:
        return ch != chr(av)
    if op is c.ANY:
        return ch != "\n"
    return _in_class(av, ch)


def _in_class(items, ch: str) -> bool:  # noqa: ANN001
    negate, hit = False, False
    for op, av in items:
        if op is c.NEGATE:
            negate = True
        elif op is c.LITERAL:
            hit = hit or ch == chr(av)
        elif op is c.RANGE:
            hit = hit or av[0] <= ord(ch) <= av[1]
        elif op is c.CATEGORY:
            hit = hit or _CATEGORIES.get(av, lambda _: True)(ch)
    return hit != negate
