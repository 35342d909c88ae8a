"""One search for many patterns (`macros/patterns.py`) finds what the patterns find one by one."""

from __future__ import annotations

import re

import pytest

from macros import answers
from macros.patterns import any_of, first_chars

PATTERNS = [
    r"\bI(['’]d|\s+would|\s+will)\s+(first\s+)?consult\b",
    r"\b(high|huge)[\s-]+impact\b",
    r"(x|y?)z",
    r"a*b",
    r"[a-c]{2}\d",
    r"(?=foo)foobar",
    r"\bk(elvin)?\b",
    r"\bstraße\b",
]
TEXTS = [
    "", "I would consult", "i'd first consult the desk", "HIGH-IMPACT launch", "no match here at all",
    "aaab", "zz", "cab1", "foobar", "a KELVIN scale", "a \u212aelvin sign", "die Straße", "STRASSE", "ſtraße",
    "tail y z yz",
]  # fmt: skip


def _plain(patterns: list[str], flags: int) -> re.Pattern:
    return re.compile("|".join(f"(?:{p})" for p in patterns), flags)


@pytest.mark.parametrize("flags", [0, re.IGNORECASE])
@pytest.mark.parametrize("text", TEXTS)
def test_the_one_search_matches_where_the_plain_alternation_does(text, flags):
    ours, plain = any_of(tuple(PATTERNS), flags).search(text), _plain(PATTERNS, flags).search(text)
    assert (ours and ours.span()) == (plain and plain.span())


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"\bI\s+felt\b", {"I"}),
        (r"(x|y?)z", {"x", "y", "z"}),
        (r"(?=foo)bar", {"b"}),
        (r"[a-c]q", {"a", "b", "c"}),
        (r"\w+", None),
        (r"a*", None),
        (r"x|", None),
        (r"[^a]x", None),
        (r"(?i:a)b", None),
    ],
)
def test_the_first_characters_of_a_pattern_are_known_or_none(pattern, expected):
    assert first_chars(pattern) == expected


def test_a_pattern_whose_first_character_is_unknown_leaves_the_search_plain():
    assert any_of((r"\bteam\b", r"\w+ing")).pattern == r"(?:\bteam\b)|(?:\w+ing)"


def test_every_shipped_red_flag_phrase_gets_the_quick_search(handbook):
    patterns = tuple(p.pattern for p in handbook.red_flags.values())
    assert patterns and all(first_chars(p, re.IGNORECASE) for p in patterns)
    assert answers._any_phrase(patterns).pattern.startswith("(?=[")
