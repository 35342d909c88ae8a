"""One search for many patterns (`macros/patterns.py`) finds what the patterns find one by one."""

from __future__ import annotations

import re

import pytest

from macros import answers
from macros.patterns import any_of, backtracking_fault, first_chars

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


# -- patterns that can run away are refused ------------------------------------------------------

RUNAWAY = [
    r"(\w+\s?)*\bit\s+was\s+decided",  # a group of repeats, repeated
    r"(a|ab)+c",  # overlapping alternatives, repeated
    r"(?:x+)+y",
    r"(ab){2,}",
    r"\w+\s*\w+!",  # two unbounded repeats of the same characters, with nothing required between
    r"\w*[0-9]+%",
    r".*.*=",
    r"\bgrew\s+(?:by)?\s*x",  # an optional group between them requires nothing
    r"(?=(a+)+)b",  # inside a look-ahead too
    r"a[^b]+(c)?[a-z]+",
]
SAFE = [
    r"\bI(['’]d|\s+would|\s+will)\s+(first\s+)?consult\b",
    r"\b(high|huge)[\s-]+impact\b",
    r"\d+\s*%",  # digits then spaces: no character both can take
    r"[$€£]\s?\d|\d\s?(%|percent\b)",
    r"(\w+ing)?\s+done",
    r"a{2,5}b",
]


@pytest.mark.parametrize("pattern", RUNAWAY)
def test_a_pattern_that_can_backtrack_without_end_is_refused(pattern):
    assert backtracking_fault(pattern)


@pytest.mark.parametrize("pattern", SAFE)
def test_a_pattern_that_cannot_is_accepted(pattern):
    assert backtracking_fault(pattern) is None


def test_every_shipped_pattern_is_accepted(handbook):
    patterns = [p.pattern for p in handbook.red_flags.values()]
    patterns += [getattr(rule, name) for rule in handbook.practice.critique.rules for name in ("pattern", "claim")]
    assert len([p for p in patterns if p]) > 10
    assert [p for p in patterns if p and backtracking_fault(p)] == []


def test_the_check_refuses_a_runaway_pattern_and_finishes(tmp_path):
    import shutil
    import subprocess
    import sys

    from .conftest import DATA, ROOT

    shutil.copytree(DATA, tmp_path / "data")
    phrases = tmp_path / "data" / "anti-patterns.yml"
    text = phrases.read_text(encoding="utf-8")
    old = r"pattern: \bit\s+was\s+(decided|agreed|determined)\b"
    assert old in text
    phrases.write_text(text.replace(old, r"pattern: '(\w+\s?)*\bit\s+was\s+(decided|agreed|determined)zzzq'"), encoding="utf-8")
    # Without the rule, checking the behavioral model answers against this pattern runs for hours.
    run = subprocess.run(
        [sys.executable, "-m", "macros.check", str(tmp_path / "data")], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert run.returncode != 0
    assert ".pattern: can take minutes on some text, because it repeats a group" in run.stderr
