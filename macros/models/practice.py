"""The practice tools (`practice.yml`) and the study plan (`plan.yml`)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, model_validator

from .common import Dataset, Id, Line, Record, Regex, SourceIds, Text

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
