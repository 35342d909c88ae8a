"""The Handbook: every checked record, indexed by id, plus the cross-file
checks (references, unique ids, figures without a source)."""

from __future__ import annotations

import datetime
import difflib
import functools
import re
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, ClassVar

from pydantic import BaseModel

from . import models as m
from .problems import Loc, Problem
from .problems import dotted as _dotted
from .yamlsafe import Document

# Which fields of which record hold ids of which kind.
REFS: dict[type[BaseModel], dict[str, str]] = {
    m.Question: {"tracks": "track", "round": "round kind", "frameworks": "framework", "sources": "source"},
    m.Loop: {"track": "track", "sources": "source"},
    m.Round: {"kind": "round kind"},
    m.Finding: {"sources": "source"},
    m.Framework: {"sources": "source"},
    m.PayBand: {"track": "track", "sources": "source"},
    m.KeyFigure: {"sources": "source"},
    m.Checklist: {"round": "round kind"},
    m.ChecklistItem: {"sources": "source"},
    m.AntiPattern: {"frameworks": "framework", "rounds": "round kind", "sources": "source"},
    m.RedFlagPhrase: {"sources": "source"},
    m.TimerPreset: {"default_for": "round kind", "sources": "source"},
    m.CritiqueRule: {"sources": "source"},
    m.DualTrackScoring: {"framework": "framework", "sources": "source"},
    m.SpacedRepetition: {"sources": "source"},
    m.OfferPreload: {"band": "pay band", "sources": "source"},
    m.Term: {"sources": "source"},
    m.Statement: {"sources": "source"},
    m.PlanFile: {"first_checklist": "checklist", "last_day_checklist": "checklist", "extra_rounds": "round kind", "sources": "source"},
    m.FixedPlans: {"track": "track"},
    m.RoundRating: {"round": "round kind", "sources": "source"},
    m.AskQuestion: {"sources": "source"},
}
# The records whose ids must be unique, each kind on its own.
KINDS: dict[type[BaseModel], str] = {
    m.Source: "source",
    m.Track: "track",
    m.RoundKind: "round kind",
    m.Loop: "loop",
    m.Round: "round",
    m.Question: "question",
    m.Framework: "framework",
    m.PayBand: "pay band",
    m.KeyFigure: "key figure",
    m.Checklist: "checklist",
    m.AntiPattern: "anti-pattern",
    m.RedFlagPhrase: "red-flag phrase",
    m.Term: "glossary term",
    m.Statement: "statement",
    m.AskQuestion: "question to ask",
}


@functools.cache
def refs_of(cls: type) -> tuple[tuple[str, str], ...]:
    """The fields of a record of this type that hold ids, each with the kind of id."""
    return tuple(item for kind, refs in REFS.items() if issubclass(cls, kind) for item in refs.items())


@functools.cache
def kind_of(cls: type) -> str | None:
    """The kind whose ids must be unique that a record of this type is, if any."""
    return next((name for kind, name in KINDS.items() if issubclass(cls, kind)), None)


@dataclass(frozen=True)
class Placed:
    """A record and where it stands in its file."""

    record: Any
    doc: Document
    loc: Loc

    def problem(self, name: str, message: str) -> Problem:
        loc = (*self.loc, name)
        return Problem(self.doc.path, self.doc.line_of(loc), _dotted(loc), message)


@dataclass
class Handbook:
    as_of: dict[str, datetime.date] = field(default_factory=dict)
    sources: dict[str, m.Source] = field(default_factory=dict)
    tracks: dict[str, m.Track] = field(default_factory=dict)
    round_kinds: dict[str, m.RoundKind] = field(default_factory=dict)
    loops: dict[str, m.Loop] = field(default_factory=dict)
    questions: dict[str, m.Question] = field(default_factory=dict)
    frameworks: dict[str, m.Framework] = field(default_factory=dict)
    bands: dict[str, m.PayBand] = field(default_factory=dict)
    figures: dict[str, m.KeyFigure] = field(default_factory=dict)
    checklists: dict[str, m.Checklist] = field(default_factory=dict)
    anti_patterns: dict[str, m.AntiPattern] = field(default_factory=dict)
    red_flags: dict[str, m.RedFlagPhrase] = field(default_factory=dict)
    terms: dict[str, m.Term] = field(default_factory=dict)
    statements: dict[str, m.Statement] = field(default_factory=dict)
    ratings: dict[str, m.RoundRating] = field(default_factory=dict)
    interviewers: dict[str, m.Interviewer] = field(default_factory=dict)
    default_vesting_years: int = 4
    practice: m.PracticeFile | None = None
    placed: list[Placed] = field(default_factory=list, repr=False)
    set_aside: tuple[str, ...] = ()  # editors' leftovers in data/, never read

    @classmethod
    def assemble(cls, parsed: dict[str, tuple[Document, BaseModel]]) -> Handbook:
        hb = cls()
        for doc, record in parsed.values():
            hb.placed.extend(_walk(record, doc, ()))
            if isinstance(record, m.Dataset):
                hb.as_of[doc.path.rsplit("/", 1)[-1].removesuffix(".yml")] = record.as_of
            if isinstance(record, m.PayFile):
                hb.default_vesting_years = record.default_vesting_years
            if isinstance(record, m.PracticeFile):
                hb.practice = record
        index = {
            m.Source: hb.sources, m.Track: hb.tracks, m.RoundKind: hb.round_kinds, m.Loop: hb.loops,
            m.Question: hb.questions, m.Framework: hb.frameworks, m.PayBand: hb.bands,
            m.KeyFigure: hb.figures, m.Checklist: hb.checklists, m.AntiPattern: hb.anti_patterns,
            m.RedFlagPhrase: hb.red_flags, m.Term: hb.terms, m.Statement: hb.statements, m.Interviewer: hb.interviewers,
        }  # fmt: skip
        tables_of: dict[type, list[dict]] = {}
        for p in hb.placed:
            cls = type(p.record)
            if cls not in tables_of:
                tables_of[cls] = [table for kind, table in index.items() if issubclass(cls, kind)]
            for table in tables_of[cls]:
                table.setdefault(p.record.id, p.record)
        hb.ratings = {p.record.round: p.record for p in hb.placed if isinstance(p.record, m.RoundRating)}
        for kind in (hb.questions, hb.loops):
            ordered = sorted(kind.items())
            kind.clear()
            kind.update(ordered)
        # Checklists in the order a reader works through them, everywhere they are listed.
        checklists = sorted(hb.checklists.values(), key=lambda cl: (cl.order, cl.id))
        hb.checklists = {cl.id: cl for cl in checklists}
        return hb

    # -- checks ---------------------------------------------------------------

    def problems(self) -> list[Problem]:
        return [
            *self._duplicate_ids(), *self._dangling_refs(), *self._checklist_item_ids(), *self._unsourced(),
            *self._model_answers(), *self._balance(),
        ]  # fmt: skip

    def _balance(self) -> Iterator[Problem]:
        from . import balance

        folder = next((p.doc.path.rsplit("/", 1)[0] for p in self.placed if isinstance(p.record, m.Question)), "data/questions")
        yield from balance.problems(list(self.questions.values()), list(self.round_kinds), folder)

    def _model_answers(self) -> Iterator[Problem]:
        from . import answers

        if self.practice is None:
            return
        phrases = list(self.red_flags.values())
        for p in self.placed:
            if isinstance(p.record, m.Question):
                for name, message in answers.findings_kept(p.record, self.practice.critique.rules, phrases):
                    yield p.problem(name, message)

    def _duplicate_ids(self) -> Iterator[Problem]:
        seen: dict[tuple[str, str], Placed] = {}
        for p in self.placed:
            kind = kind_of(type(p.record))
            if kind is None:
                continue
            first = seen.setdefault((kind, p.record.id), p)
            if first is not p:
                yield p.problem(
                    "id", f"{kind} id '{p.record.id}' is already used at {first.doc.path}:{first.doc.line_of((*first.loc, 'id'))}"
                )

    def ref_tables(self) -> dict[str, dict[str, Any]]:
        """The records a reference of each kind in REFS may point to."""
        return {
            "track": self.tracks, "round kind": self.round_kinds, "framework": self.frameworks, "source": self.sources,
            "pay band": self.bands, "checklist": self.checklists,
        }  # fmt: skip

    def _dangling_refs(self) -> Iterator[Problem]:
        known = self.ref_tables()
        for p in self.placed:
            for name, kind in refs_of(type(p.record)):
                value = getattr(p.record, name)
                values = value if isinstance(value, list) else [value]
                for i, ref in enumerate(values):
                    if ref is None or ref in known[kind]:
                        continue
                    if kind == "pay band" and not self.bands:
                        continue  # pay.yml is missing or broken, which is reported once already
                    where = Placed(p.record, p.doc, (*p.loc, name) if isinstance(value, list) else p.loc)
                    field_name = i if isinstance(value, list) else name
                    yield where.problem(field_name, f"unknown {kind} '{ref}'{_nearest(ref, known[kind])}")

    def _checklist_item_ids(self) -> Iterator[Problem]:
        seen: dict[str, tuple[Placed, Loc]] = {}
        for p in self.placed:
            if not isinstance(p.record, m.ChecklistItem):
                continue
            fields: list[Loc] = [("id",), *(("old_ids", i) for i in range(len(p.record.old_ids)))]
            for name, place in zip((p.record.id, *p.record.old_ids), fields, strict=True):
                first, first_place = seen.setdefault(name, (p, place))
                if first is not p:
                    at = f"{first.doc.path}:{first.doc.line_of((*first.loc, *first_place))}"
                    where = Placed(p.record, p.doc, (*p.loc, *place[:-1]))
                    yield where.problem(place[-1], f"checklist item id '{name}' is already used at {at}; ticks would mix")

    def _unsourced(self) -> Iterator[Problem]:
        for record, doc, loc, name in unsourced_figures(self):
            yield Placed(record, doc, loc).problem(name, "states a figure but has no source; add sources: [...]")

    # -- views used by the pages ------------------------------------------------

    def questions_for(self, *, round: str | None = None, framework: str | None = None) -> list[m.Question]:
        return [
            q for q in self.questions.values()
            if (round is None or q.round == round) and (framework is None or framework in q.frameworks)
        ]  # fmt: skip

    def loops_for(self, track: str) -> list[m.Loop]:
        return [loop for loop in self.loops.values() if loop.track == track]

    def bands_for(self, track: str) -> list[m.PayBand]:
        return [b for b in self.bands.values() if b.track == track]

    def anti_patterns_for(self, *, framework: str | None = None, round: str | None = None) -> list[m.AntiPattern]:
        return [
            a for a in self.anti_patterns.values()
            if (framework and framework in a.frameworks) or (round and round in a.rounds)
        ]  # fmt: skip

    @functools.cached_property
    def _glossary_names(self) -> tuple:
        return tuple((t.id, (t.term, *t.aliases)) for t in self.terms.values())

    def terms_in(self, q: m.Question) -> list[m.Term]:
        """The glossary terms a question's prompt, answers or outline use, in glossary order."""

        def find() -> list[str]:
            text = " ".join([q.prompt, *q.strong_answer, *q.follow_ups, *(pt for s in q.outline for pt in s.points), q.model_answer])
            found = _glossary_matcher(self._glossary_names).find(text)
            return [tid for tid in self.terms if tid in found]

        return [self.terms[tid] for tid in _TERMS_OF.get(q, find, key=self._glossary_names)]

    def tags(self) -> dict[str, list[m.Question]]:
        out: dict[str, list[m.Question]] = defaultdict(list)
        for q in self.questions.values():
            for tag in q.tags:
                out[tag].append(q)
        return dict(sorted(out.items()))


class KeptPerRecord:
    """Values made from one record, kept while the record is the same object, `key` is equal and
    the records in `also` are the same objects. `make serve` reloads only the files an edit
    touched, so every other file keeps its records. A full build forgets them all (`forget_all`):
    between two full builds, the code, the templates and every file but questions are the same."""

    _every: ClassVar[list[KeptPerRecord]] = []

    def __init__(self) -> None:
        self._kept: dict[str, tuple[Any, Any, tuple, Any]] = {}
        KeptPerRecord._every.append(self)

    def get(self, record: Any, make: Callable[[], Any], key: Any = None, also: tuple = ()) -> Any:
        kept = self._kept.get(record.id)
        if kept is None or kept[0] is not record or kept[1] != key or not same_objects(kept[2], also):
            kept = self._kept[record.id] = (record, key, also, make())
        return kept[3]

    @classmethod
    def forget_all(cls) -> None:
        for kept in cls._every:
            kept._kept.clear()


def same_objects(these: tuple, those: tuple) -> bool:
    return len(these) == len(those) and all(a is b for a, b in zip(these, those, strict=True))


_TERMS_OF = KeptPerRecord()  # a question's glossary term ids, while the glossary's names are the same

_WORD = re.compile(r"\w+")


def _occurs(needle: str, hay: str) -> bool:
    """`needle` in `hay` as a whole word: not inside a longer word or a hyphenated name."""
    start = hay.find(needle)
    while start != -1:
        end = start + len(needle)
        before = hay[start - 1] if start else " "
        after = hay[end] if end < len(hay) else " "
        if not (before.isalnum() or before in "_-") and not (after.isalnum() or after in "_-"):
            return True
        start = hay.find(needle, start + 1)
    return False


@dataclass(frozen=True)
class _GlossaryMatcher:
    """Every glossary name, indexed by its first word: a question's text is split into words
    once, and only the names whose first word occurs in it are looked for. Short all-capital
    names (KYC, MPC, ADL) match only as written; the rest in any case."""

    by_first_word: dict[str, list[tuple[str, str, bool]]]

    def find(self, text: str) -> set[str]:
        lower = text.lower()
        return {
            tid for word in set(_WORD.findall(lower)) & self.by_first_word.keys()
            for tid, name, exact in self.by_first_word[word] if _occurs(name, text if exact else lower)
        }  # fmt: skip


@functools.cache
def _glossary_matcher(terms: tuple[tuple[str, tuple[str, ...]], ...]) -> _GlossaryMatcher:
    index: dict[str, list[tuple[str, str, bool]]] = defaultdict(list)
    for tid, names in terms:
        for name in names:
            exact = len(name) <= 5 and name.isupper()
            first = _WORD.findall(name.lower())
            if first:
                index[first[0]].append((tid, name if exact else name.lower(), exact))
    return _GlossaryMatcher(dict(index))


def _walk(record: Any, doc: Document, loc: Loc) -> Iterator[Placed]:
    if isinstance(record, BaseModel):
        yield Placed(record, doc, loc)
        for name in m.nested_fields(type(record)):
            yield from _walk(getattr(record, name), doc, (*loc, name))
    elif isinstance(record, list):
        for i, child in enumerate(record):
            yield from _walk(child, doc, (*loc, i))


def _nearest(ref: str, known: dict[str, Any]) -> str:
    close = difflib.get_close_matches(ref, list(known), n=1)
    return f"; did you mean '{close[0]}'?" if close else ""


NOT_FIGURES = {"id", "file", "pattern", "old_ids", "tags", "year", "order", "sessions"}


def unsourced_figures(hb: Handbook) -> Iterator[tuple[Any, Document, Loc, str]]:
    """Every text or number that states a figure outside any record with sources."""
    sourced: set[tuple[str, Loc]] = set()
    for p in hb.placed:
        if getattr(p.record, "sources", None) or isinstance(p.record, m.Source):
            sourced.add((p.doc.path, p.loc))
    for p in hb.placed:
        if any((p.doc.path, p.loc[:end]) in sourced for end in range(len(p.loc), -1, -1)):
            continue
        for name in type(p.record).model_fields:
            value = getattr(p.record, name)
            if name in NOT_FIGURES or isinstance(value, bool):
                continue
            texts = value if isinstance(value, list) else [value]
            if isinstance(value, m.Span) or any(isinstance(t, str) and m.DIGIT.search(t) for t in texts):
                yield p.record, p.doc, p.loc, name
