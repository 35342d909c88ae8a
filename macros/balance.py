"""The question bank's balance: how many questions the loop needs of each kind.

A bank that covers the loop unevenly fails the check, so a pull request that
removes questions cannot quietly leave a round thin."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from . import models as m
from .problems import Problem

TOTAL = 120
PER_ROUND = 10
ROUND_MINIMUMS = {"behavioral": 15, "ai-ml": 15, "negotiation": 8}
SENIOR_ONLY = 12  # senior-PM questions that are not also PM questions


@dataclass(frozen=True)
class Shortfall:
    what: str
    have: int
    need: int


def shortfalls(questions: list[m.Question], round_kinds: list[str]) -> list[Shortfall]:
    out = []
    if len(questions) < TOTAL:
        out.append(Shortfall("questions in all", len(questions), TOTAL))
    for kind in round_kinds:
        have = sum(q.round == kind for q in questions)
        need = max(PER_ROUND, ROUND_MINIMUMS.get(kind, 0))
        if have < need:
            out.append(Shortfall(f"questions in the '{kind}' round", have, need))
    senior = sum("senior-pm" in q.tracks and "pm" not in q.tracks for q in questions)
    if senior < SENIOR_ONLY:
        out.append(Shortfall("senior-PM questions that are not also PM questions", senior, SENIOR_ONLY))
    return out


def problems(questions: list[m.Question], round_kinds: list[str], folder: str) -> Iterator[Problem]:
    for s in shortfalls(questions, round_kinds):
        yield Problem(folder, 1, "(bank)", f"the bank has {s.have} {s.what}; it needs at least {s.need}")
