"""The handbook's schema: every data file is one of the `*File` models below.

The models are the single source of truth; `make schema` writes the JSON
Schemas editors use from them.  Strict types make YAML 1.1 coercions
(`no` -> False, `3.10` -> 3.1, `12:30` -> 750) fail instead of slipping through.
"""

from __future__ import annotations

import dataclasses
import datetime
import functools
import re
import typing
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints, ValidationInfo, field_validator, model_validator
from pydantic_core import PydanticCustomError

from .problems import INVISIBLE, INVISIBLE_CHARS, invisible_message

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
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


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


# -- sources ---------------------------------------------------------------


class Source(Record):
    id: Id
    title: Line
    kind: Literal["vendor-article", "official", "report", "handbook"]
    year: Annotated[int, Field(ge=2000, le=2100)]
    file: Line | None = Field(None, description="The article's file in shared/sources, if any.")
    url: Annotated[str, StringConstraints(pattern=r"^https://[^\s<>\"']+$", max_length=300)] | None = Field(
        None, description="The article's public address."
    )
    published: datetime.date | None = Field(None, description="The date the article carries, if any.")
    covers: Text
    reliability: Text = Field(description="An honest note on how far the source can be trusted.")


class SourcesFile(Dataset):
    sources: Annotated[list[Source], Field(min_length=1, max_length=100)]


# -- tracks, round kinds and loops -----------------------------------------


class Finding(Record):
    """A sentence of the handbook's own reading, with the sources it rests on."""

    text: Text
    sources: SourceIds


class Track(Record):
    id: Id
    name: Line
    summary: Text
    common_ground: list[Finding] = Field(
        default_factory=list, max_length=10, description="The handbook's reading of what every source agrees on."
    )


class RoundKind(Record):
    """A type of interview round that questions and checklists refer to."""

    id: Id
    name: Line
    summary: Text


class TracksFile(Dataset):
    tracks: Annotated[list[Track], Field(min_length=1, max_length=20)]
    round_kinds: Annotated[list[RoundKind], Field(min_length=1, max_length=30)]


class Round(Record):
    """One round of one loop as one source reports it."""

    id: Id
    order: Annotated[int, Field(ge=1, le=20)]
    name: Line
    kind: Id = Field(description="A round kind id from tracks.yml.")
    minutes: Span | None = Field(None, description="Length as reported; omit when the source gives none.")
    sessions: Annotated[int, Field(ge=1, le=10)] = 1
    interviewers: list[Line] = Field(default_factory=list, max_length=8)
    focus: Text
    scored: list[Line] = Field(default_factory=list, max_length=10)
    optional: bool = False


class Duration(Record):
    """A length of time, normalised to calendar days, with the source's own wording."""

    days: Span
    reported: Line = Field(description="The source's own figure, e.g. '2-3 weeks'.")


class Process(Record):
    contact_to_offer: Duration | None = None
    decision_lag: Duration | None = None
    note: Text | None = None


class Loop(Record):
    """A track's interview loop as one source describes it."""

    id: Id
    track: Id
    title: Line
    sources: SourceIds
    stated_rounds: Span | None = Field(None, description="The number of rounds the source states, if it says one.")
    rounds: list[Round] = Field(
        default_factory=list, max_length=12, description="The rounds in order, as far as the source describes them."
    )
    process: Process = Process()
    note: Text | None = None

    @model_validator(mode="after")
    def _rounds_known(self) -> Loop:
        if not self.rounds and self.stated_rounds is None:
            raise ValueError("give the rounds, or stated_rounds when the source only states a count")
        orders = [r.order for r in self.rounds]
        if len(set(orders)) != len(orders):
            raise ValueError("two rounds share the same order")
        return self


class LoopsFile(Dataset):
    loops: Annotated[list[Loop], Field(min_length=1, max_length=50)]


# -- questions --------------------------------------------------------------

QuestionType = Literal[
    "screen",
    "product-sense",
    "system-design",
    "behavioral",
    "compliance",
    "metrics",
    "ai-ml",
    "strategy",
    "negotiation",
    "estimation",
    "product-critique",
    "people-leadership",
    "ask-the-interviewer",
]
Difficulty = Literal["foundation", "core", "stretch"]


class OutlineStep(Record):
    step: Line = Field(description="A step of the framework, e.g. 'Constraints'.")
    points: Annotated[list[Text], Field(min_length=1, max_length=8)]


WORD = re.compile(r"\S+")


def words(text: str) -> int:
    return len(WORD.findall(text))


def _word_count(text: str, low: int, high: int, what: str) -> str:
    n = words(text)
    if not low <= n <= high:
        raise ValueError(f"{what} has {n} words; write {low} to {high}")
    return text


class WeakAnswer(Record):
    answer: Text = Field(description="A plausible answer that fails, as a candidate would say it: 60 to 200 words.")
    why: Text = Field(description="Why it fails, pointing to the question's red flags.")

    @model_validator(mode="after")
    def _length(self) -> WeakAnswer:
        _word_count(self.answer, 60, 200, "the weak answer")
        return self


class Question(Record):
    id: Id = Field(description="Equal to the file name without .yml.")
    title: Annotated[Line, StringConstraints(min_length=8, max_length=70)] = Field(
        description="At most 70 characters and meaningful alone, e.g. 'Launch a quarterly futures contract'."
    )
    origin: Literal["reported", "practice"] = Field(
        description=(
            "reported: a source describes the prompt or its scenario; "
            "practice: written for the handbook on a theme a source names (cite handbook too)."
        ),
    )
    prompt: Text
    tracks: Annotated[list[Id], Field(min_length=1, max_length=6)]
    round: Id = Field(description="A round kind id from tracks.yml.")
    type: QuestionType
    difficulty: Difficulty
    frameworks: list[Id] = Field(default_factory=list, max_length=4)
    tags: list[Tag] = Field(default_factory=list, max_length=8)
    strong_answer: Annotated[list[Text], Field(min_length=1, max_length=10)]
    red_flags: Annotated[list[Text], Field(min_length=1, max_length=8)]
    follow_ups: list[Text] = Field(default_factory=list, max_length=8)
    outline: Annotated[list[OutlineStep], Field(min_length=1, max_length=10)]
    model_answer: Text = Field(
        description="What a strong candidate would say out loud: first person, 250 to 500 words, ending in a decision."
    )
    weak_answer: WeakAnswer
    sources: SourceIds

    @model_validator(mode="after")
    def _answer_length(self) -> Question:
        _word_count(self.model_answer, 250, 500, "the model answer")
        return self

    @field_validator("sources")
    @classmethod
    def _practice_cites_handbook(cls, sources: list[str], info: ValidationInfo) -> list[str]:
        if info.data.get("origin") == "practice" and "handbook" not in sources:
            raise ValueError("origin is practice, so sources must include handbook: the question is the handbook's own")
        return sources


class QuestionFile(Question):
    """One question per file: `data/questions/<id>.yml`."""


# -- frameworks -------------------------------------------------------------


class FrameworkStep(Record):
    name: Line
    detail: Text


class WorkedExample(Record):
    prompt: Text
    walkthrough: Annotated[list[Text], Field(min_length=1, max_length=12)]


class Framework(Record):
    id: Id
    name: Line
    short_name: Line | None = None
    summary: Text
    when_to_use: Annotated[list[Text], Field(min_length=1, max_length=8)]
    steps: Annotated[list[FrameworkStep], Field(min_length=1, max_length=10)]
    example: WorkedExample
    mistakes: Annotated[list[Text], Field(min_length=1, max_length=10)]
    compared_with: list[Text] = Field(default_factory=list, max_length=6, description="How it differs from a neighbour, e.g. STAR.")
    sources: SourceIds


class FrameworkFile(Framework):
    """One framework per file: `data/frameworks/<id>.yml`."""


# -- pay --------------------------------------------------------------------


class Bonus(Record):
    target_pct: Span | None = Field(None, description="Target bonus, percent of base.")
    cap_pct: Span | None = Field(None, description="Maximum bonus, percent of base.")


class Equity(Record):
    kind: Literal["rsu", "token", "equity"]
    company_pct: Span | None = Field(None, description="Grant as a percent of the company.")
    annual_usd: UsdSpan | None = Field(None, description="Value vesting per year.")
    share_of_total_pct: Span | None = Field(None, description="Percent of total annual pay.")
    vesting_years: Annotated[int, Field(ge=1, le=10)] | None = None
    cadence: Literal["monthly", "quarterly", "yearly"] | None = None
    cliff_months: Annotated[int, Field(ge=0, le=48)] | None = None


InferableTerm = Literal[
    "base", "bonus.target_pct", "bonus.cap_pct", "equity.kind", "equity.annual_usd", "equity.share_of_total_pct",
    "equity.vesting_years", "equity.cadence", "equity.cliff_months", "sign_on",
]  # fmt: skip


class Inference(Record):
    """A pay term the band's source does not state, and where the handbook took it from."""

    term: InferableTerm
    why: Line = Field(description="Where the value comes from, e.g. 'cliff taken from a negotiation script'.")


class PayBand(Record):
    id: Id
    track: Id
    level: Line = Field(description="'L4', 'L5', 'senior' ... or 'unstated'.")
    sources: SourceIds
    base: UsdSpan
    bonus: Bonus | None = None
    equity: Equity | None = None
    sign_on: UsdSpan | None = None
    stated_total: UsdSpan | None = Field(None, description="A total the source states, to check against its parts.")
    stated_total_label: Line | None = None
    inferred: list[Inference] = Field(
        default_factory=list, max_length=10, description="Terms the handbook inferred or borrowed rather than read in the band's source."
    )
    note: Text | None = None


class PayFile(Dataset):
    currency: Literal["USD"] = "USD"
    default_vesting_years: Annotated[int, Field(ge=1, le=10)] = 4
    bands: Annotated[list[PayBand], Field(min_length=1, max_length=100)]


# -- key figures ------------------------------------------------------------


class KeyFigure(Record):
    id: Id
    topic: Id = Field(description="Figures sharing a topic are compared on the disagreements page.")
    label: Line
    value: Span
    unit: Line
    per: Literal["second", "minute", "hour", "day"] | None = Field(
        None, description="Only for a rate of events (trades, requests); the page then checks it per second."
    )
    note: Text | None = None
    sources: SourceIds

    @model_validator(mode="after")
    def _a_rate_counts_events(self) -> KeyFigure:
        if self.per and MONEY.search(self.unit):
            raise ValueError(f"a sum of money ({self.unit}) is not a rate; leave out per")
        return self


class Statement(Record):
    """What one source says on a topic that has no single number, e.g. whether a round exists."""

    id: Id
    topic: Id = Field(description="Statements and figures sharing a topic are compared on the disagreements page.")
    label: Line = Field(description="The topic in words, shown as the row's heading.")
    says: Text = Field(description="The source's position, in the handbook's words.")
    sources: SourceIds


class KeyFiguresFile(Dataset):
    figures: Annotated[list[KeyFigure], Field(min_length=1, max_length=200)]
    statements: list[Statement] = Field(default_factory=list, max_length=200)


# -- checklists -------------------------------------------------------------


class ChecklistItem(Record):
    id: Id = Field(description="Stable: the browser keeps ticks under it. Never reuse one.")
    text: Text
    old_ids: list[Id] = Field(default_factory=list, max_length=10, description="Earlier ids of this item, so ticks follow a rename.")
    sources: list[Id] = Field(default_factory=list, max_length=MAX_SOURCES)
    own_advice: bool = Field(False, description="True when the item is the handbook's advice, not a source's.")

    @model_validator(mode="after")
    def _sourced(self) -> ChecklistItem:
        if not self.sources and not self.own_advice:
            raise ValueError("an item needs sources, or own_advice: true")
        return self


class Checklist(Record):
    id: Id = Field(description="Equal to the file name without .yml.")
    title: Line
    summary: Text
    round: Id | None = Field(None, description="The round kind this checklist prepares for, if any.")
    order: Annotated[int, Field(ge=0, le=1000)] = 100
    items: Annotated[list[ChecklistItem], Field(min_length=1, max_length=40)]


class ChecklistFile(Checklist):
    """One checklist per file: `data/checklists/<id>.yml`."""


# -- anti-patterns ----------------------------------------------------------


class AntiPattern(Record):
    id: Id
    title: Line
    bad: Text
    good: Text
    why: Text
    frameworks: list[Id] = Field(default_factory=list, max_length=6)
    rounds: list[Id] = Field(default_factory=list, max_length=10)
    sources: SourceIds


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


class RedFlagPhrase(Record):
    id: Id
    phrase: Line = Field(description="What a candidate says, as the interviewer hears it.")
    pattern: Regex = Field(description="A case-insensitive regular expression that finds it in a story.")
    instead: Text
    sources: SourceIds


class AntiPatternsFile(Dataset):
    anti_patterns: Annotated[list[AntiPattern], Field(min_length=1, max_length=100)]
    red_flag_phrases: list[RedFlagPhrase] = Field(default_factory=list, max_length=50)


# -- glossary, rating guide, questions to ask ----------------------------------


class Term(Record):
    id: Id
    term: Line
    aliases: list[Line] = Field(default_factory=list, max_length=10, description="Other names and abbreviations a reader may type.")
    definition: Text = Field(description="In the handbook's own words.")
    why_it_matters: Text = Field(description="Why an interviewer cares, and how it shows up in a round.")
    see_also: list[Id] = Field(default_factory=list, max_length=10, description="Ids of related terms.")
    sources: SourceIds


class GlossaryFile(Dataset):
    terms: Annotated[list[Term], Field(min_length=1, max_length=500)]


class RatingLevel(Record):
    score: Literal[1, 3, 5]
    sounds_like: Text = Field(description="What an answer at this score sounds like in the room.")


class RoundRating(Record):
    round: Id = Field(description="A round kind id from tracks.yml.")
    signals: Annotated[list[Line], Field(min_length=2, max_length=6)] = Field(
        description="What the interviewer scores in this round, each 1 to 5."
    )
    levels: Annotated[list[RatingLevel], Field(min_length=3, max_length=3)]
    sources: SourceIds


class RatingGuideFile(Dataset):
    rounds: Annotated[list[RoundRating], Field(min_length=1, max_length=30)]


class AskQuestion(Record):
    id: Id
    ask: Line = Field(description="The question, as you would put it.")
    tells_you: Text = Field(description="What the answer tells you about the job.")
    sources: SourceIds


class Interviewer(Record):
    id: Id
    name: Line
    questions: Annotated[list[AskQuestion], Field(min_length=1, max_length=20)]


class AskFile(Dataset):
    interviewers: Annotated[list[Interviewer], Field(min_length=1, max_length=20)]


# -- practice ---------------------------------------------------------------

StoryField = Literal["decision", "metric", "alignment", "situation", "task", "action", "result"]


class TimerPreset(Record):
    id: Id
    label: Line
    seconds: Annotated[int, Field(ge=1, le=14_400)]
    default_for: list[Id] = Field(default_factory=list, max_length=10, description="Round kind ids whose questions start on this preset.")
    why: Text
    sources: SourceIds


class Timer(Record):
    presets: Annotated[list[TimerPreset], Field(min_length=1, max_length=20)]
    round_lengths: bool = Field(True, description="Also offer every round length reported in loops.yml as a preset.")


class CritiqueRule(Record):
    """One check the story builder runs on a story as it is typed."""

    id: Id
    check: Literal["field-needs", "claim-needs-evidence", "red-flag-phrases", "spoken-length", "opening-needs"] = Field(
        description=(
            "field-needs: each listed field must match `pattern`; claim-needs-evidence: a story matching `claim` "
            "must also match `pattern`; red-flag-phrases: the red_flag_phrases of anti-patterns.yml; "
            "spoken-length: words at `words_per_minute` against `target_seconds`; opening-needs: the first "
            "sentence must match `pattern`."
        )
    )
    title: Line = Field(description="What the critique says is wrong, shown to the candidate.")
    advice: Text
    fields: list[StoryField] = Field(default_factory=list, max_length=7, description="For field-needs: the worksheet fields checked.")
    pattern: Regex | None = Field(None, description="A case-insensitive regular expression.")
    claim: Regex | None = Field(None, description="For claim-needs-evidence: what counts as claiming impact.")
    words_per_minute: Annotated[int, Field(ge=60, le=400)] | None = None
    target_seconds: Annotated[int, Field(ge=5, le=600)] | None = None
    sources: SourceIds

    @model_validator(mode="after")
    def _complete(self) -> CritiqueRule:
        needs = {
            "field-needs": ("fields", "pattern"), "claim-needs-evidence": ("claim", "pattern"),
            "spoken-length": ("words_per_minute", "target_seconds"), "opening-needs": ("pattern",), "red-flag-phrases": (),
        }  # fmt: skip
        missing = [name for name in needs[self.check] if not getattr(self, name)]
        if missing:
            raise ValueError(f"a '{self.check}' rule needs {', '.join(missing)}")
        return self


class StoryCritique(Record):
    rules: Annotated[list[CritiqueRule], Field(min_length=1, max_length=30)]


class ScoredInitiative(Record):
    name: Line
    compliance: Annotated[int, Field(ge=0, le=100)]
    growth: Annotated[int, Field(ge=0, le=100)] | None = Field(None, description="Omit when the source does not report it.")
    note: Text | None = None


class DualTrackScoring(Record):
    """The scoring calculator's rule and the worked example it opens with."""

    framework: Id = Field(description="The framework the calculator practises.")
    compliance_floor: Annotated[int, Field(ge=0, le=100)] = Field(description="Below this compliance weight nothing ships.")
    compliance_weight: Annotated[int, Field(ge=0, le=10)] = 1
    growth_weight: Annotated[int, Field(ge=0, le=10)] = 1
    tie_margin: Annotated[float, Field(ge=0, le=50)] = Field(0, description="Combined scores this close count as a tie.")
    tie_rule: Text
    rule_note: Text
    example: Annotated[list[ScoredInitiative], Field(min_length=2, max_length=10)]
    sources: SourceIds

    @model_validator(mode="after")
    def _weighted(self) -> DualTrackScoring:
        if self.compliance_weight + self.growth_weight == 0:
            raise ValueError("at least one of compliance_weight and growth_weight must be above 0")
        return self


class SpacedRepetition(Record):
    """How the drill picks the next question: weight = unseen, or ceiling minus the last rating."""

    unseen_weight: Annotated[float, Field(gt=0, le=100)]
    rating_ceiling: Annotated[int, Field(ge=6, le=100)] = Field(description="A question last rated r weighs ceiling - r.")
    recent_window: Annotated[int, Field(ge=0, le=100)] = Field(description="How many of the latest drills count as recent.")
    recent_factor: Annotated[float, Field(ge=0, le=1)] = Field(description="A recent question's weight is multiplied by this.")
    note: Text
    sources: SourceIds


class OfferPreload(Record):
    band: Id = Field(description="The pay band from pay.yml the offer calculator opens with.")
    note: Text
    sources: SourceIds


class PracticeFile(Dataset):
    timer: Timer
    critique: StoryCritique
    scoring: DualTrackScoring
    repetition: SpacedRepetition
    offer: OfferPreload


def is_model(obj: Any) -> bool:
    return isinstance(obj, type) and issubclass(obj, BaseModel)


def model_in(annotation: Any) -> type[BaseModel] | None:
    """The record type a field holds, directly or in a list or union; None for plain values."""
    if is_model(annotation):
        return annotation
    return next(filter(None, map(model_in, typing.get_args(annotation))), None)


@functools.cache
def nested_fields(model: type[BaseModel]) -> tuple[str, ...]:
    """The fields of a record type that can hold other records."""
    return tuple(name for name, f in model.model_fields.items() if model_in(f.annotation) is not None)


# -- study plan -------------------------------------------------------------------------


class PlanHours(Record):
    low: Annotated[float, Field(gt=0, le=24)]
    high: Annotated[float, Field(gt=0, le=24)]
    default: Annotated[float, Field(gt=0, le=24)]
    step: Annotated[float, Field(gt=0, le=4)] = 0.5


class PlanMinutes(Record):
    """How long the plan budgets for one item of each kind."""

    checklist: Annotated[int, Field(ge=5, le=600)]
    framework: Annotated[int, Field(ge=5, le=600)]
    question: Annotated[int, Field(ge=5, le=600)]
    mock: Annotated[int, Field(ge=5, le=600)]
    review: Annotated[int, Field(ge=5, le=600)]


class PlanMocks(Record):
    every_days: Annotated[int, Field(ge=1, le=60)] = Field(description="One mock for this many study days.")
    max: Annotated[int, Field(ge=0, le=30)] = Field(description="Never more mocks than this in one plan.")
    min_study_days: Annotated[int, Field(ge=1, le=60)] = Field(description="Shorter plans have no mock.")


class FixedPlans(Record):
    """The plans the page shows without JavaScript."""

    track: Id
    hours: Annotated[float, Field(gt=0, le=24)]
    days: Annotated[list[Annotated[int, Field(ge=1, le=366)]], Field(min_length=1, max_length=4)]


class PlanRule(Record):
    id: Id
    title: Line
    text: Text = Field(description="The rule in words, shown on the plan page.")


class PlanFile(Dataset):
    max_days: Annotated[int, Field(ge=1, le=366)] = Field(description="The furthest interview date the plan accepts, in days.")
    hours: PlanHours
    first_checklist: Id = Field(description="The checklist every plan starts with.")
    last_day_checklist: Id = Field(description="The checklist for the day before the interview.")
    extra_rounds: list[Id] = Field(default_factory=list, max_length=10, description="Round kinds studied after the loop's own rounds.")
    frameworks_per_round: Annotated[int, Field(ge=0, le=10)]
    questions_per_round: Annotated[int, Field(ge=0, le=20)]
    minutes: PlanMinutes
    mocks: PlanMocks
    fixed_plans: FixedPlans
    rules: Annotated[list[PlanRule], Field(min_length=1, max_length=20)]
    sources: SourceIds


# -- the data files -----------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class DataFile:
    """A file of `data/` such as `sources.yml`, or a folder such as `questions` that holds one
    `<id>.yml` per record. Each file matches `model`; editors read `schema/<schema>.schema.json`."""

    path: str
    model: type[BaseModel]
    schema: str

    @property
    def is_folder(self) -> bool:
        return not self.path.endswith(".yml")


# The one list of data files: the loader reads these and nothing else, `make schema` writes their schemas.
DATA_FILES = (
    DataFile("sources.yml", SourcesFile, "sources"),
    DataFile("tracks.yml", TracksFile, "tracks"),
    DataFile("loops.yml", LoopsFile, "loops"),
    DataFile("pay.yml", PayFile, "pay"),
    DataFile("key-figures.yml", KeyFiguresFile, "key-figures"),
    DataFile("anti-patterns.yml", AntiPatternsFile, "anti-patterns"),
    DataFile("practice.yml", PracticeFile, "practice"),
    DataFile("glossary.yml", GlossaryFile, "glossary"),
    DataFile("rating-guide.yml", RatingGuideFile, "rating-guide"),
    DataFile("ask.yml", AskFile, "ask"),
    DataFile("plan.yml", PlanFile, "plan"),
    DataFile("questions", QuestionFile, "question"),
    DataFile("frameworks", FrameworkFile, "framework"),
    DataFile("checklists", ChecklistFile, "checklist"),
)
FILE_MODELS: dict[str, type[BaseModel]] = {f.schema: f.model for f in DATA_FILES}
