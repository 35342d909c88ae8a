"""The handbook's own rules, run over its own model answers at build time.

Every model answer is held to the red-flag phrases of `anti-patterns.yml` and to
the phrases its own question quotes as red flags. A behavioral answer is also a
story, so the story builder's critique rules apply: its first paragraph is the
45-second opener the spoken-length and opening rules judge; the other rules read
the whole answer as every field of the worksheet.
"""

from __future__ import annotations

import functools
import operator
import re
from collections.abc import Iterator

from . import models as m
from .critique import FORMATS, critique
from .patterns import any_of

# A phrase a red flag quotes, as a candidate would say it: three words or more.
QUOTED = re.compile(r"[\"“]([^\"”]+?\s[^\"”]+?\s[^\"”]+?)[\"”]")


def opener(answer: str) -> str:
    return answer.strip().split("\n", 1)[0]


# The findings for a question, kept while the question and the rules are the same records: a
# reload after an edit (`make serve`) gives every unchanged file's record back unchanged.
_kept: dict[int, tuple[m.Question, list[m.CritiqueRule], list[m.RedFlagPhrase], list[tuple[str, str]]]] = {}


def findings_kept(q: m.Question, rules: list[m.CritiqueRule], phrases: list[m.RedFlagPhrase]) -> list[tuple[str, str]]:
    kept = _kept.get(id(q))
    if kept and kept[0] is q and kept[1] is rules and len(kept[2]) == len(phrases) and all(map(operator.is_, kept[2], phrases)):
        return kept[3]
    found = list(findings(q, rules, phrases))
    _kept[id(q)] = (q, rules, phrases, found)
    return found


@functools.lru_cache(maxsize=8)
def _any_phrase(patterns: tuple[str, ...]) -> re.Pattern:
    return any_of(patterns, re.IGNORECASE)


def findings(q: m.Question, rules: list[m.CritiqueRule], phrases: list[m.RedFlagPhrase]) -> Iterator[tuple[str, str]]:
    """(field, message) for each rule the question's model answer breaks."""
    answer = q.model_answer
    if answer is None:
        return
    # One pass with every phrase at once finds whether any matches; only then is each tried.
    if _any_phrase(tuple(p.pattern for p in phrases)).search(answer) is None:
        phrases = []
    for p in phrases:
        if hit := re.search(p.pattern, answer, re.IGNORECASE):
            yield "model_answer", f"uses the red-flag phrase '{hit.group(0)}' ({p.id}): {p.instead.strip()}"
    for i, flag in enumerate(q.red_flags):
        for quoted in QUOTED.findall(flag):
            if quoted.lower().strip(" .,:") in answer.lower():
                yield "model_answer", f"repeats its own red flag {i + 1}: '{quoted}'"
    if q.round != "behavioral":
        return
    by_id = {r.id: r for r in rules}
    whole = {name: answer for name in FORMATS["dma"]}
    opening = {FORMATS["dma"][0]: opener(answer)}
    for found in critique(whole, "dma", [r for r in rules if r.check not in {"spoken-length", "opening-needs", "red-flag-phrases"}], []):
        yield "model_answer", f"breaks the story rule '{by_id[found.rule].title}'"
    for found in critique(opening, "dma", [r for r in rules if r.check in {"spoken-length", "opening-needs"}], []):
        rule = by_id[found.rule]
        detail = f" (the first paragraph runs {found.seconds:.0f} s)" if found.seconds else " (in the first paragraph)"
        yield "model_answer", f"breaks the story rule '{rule.title}'{detail}"
