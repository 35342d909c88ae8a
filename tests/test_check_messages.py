"""The words of the check: each message says what is wrong and what to write instead,
names invisible characters at the line an editor shows, never prints an internal repr,
and caps the lists one file could use to multiply the site."""

from __future__ import annotations

import json

import pydantic
import pytest

from macros import models
from macros.problems import INVISIBLE
from macros.schema import SCHEMA_DIR

from .conftest import DATA
from .test_load import GOOD_QUESTION, PROBE, line_of, loader, question, shared_copy


@pytest.fixture(scope="module")
def data_copy(tmp_path_factory):
    return shared_copy(tmp_path_factory)


@pytest.fixture
def problems(data_copy):
    yield from loader(data_copy)


ID_RULE = "lowercase letters a-z and digits, in words joined by single hyphens"
INVISIBLE_HINT = "an invisible character; delete it (retyping the words around it removes it)"


# -- ids -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "nearest"),
    [("Product Sense", "product-sense"), ("system_design", "system-design"), ("-screen-", "screen"), ("ai--ml", "ai-ml")],
)
def test_an_id_that_breaks_the_rule_is_described_in_words_with_the_nearest_valid_id(problems, raw, nearest):
    text = question(("round: system-design", f"round: '{raw}'"))
    assert problems({"questions/probe.yml": text}) == [
        f"{PROBE}:{line_of(text, 'round:')}: round: '{raw}' is not an id: use {ID_RULE}, such as '{nearest}'"
    ]


def test_a_tag_that_breaks_the_rule_says_tag(problems):
    text = question(("tags: [wallets, custody, security, scale]", "tags: [wallets, Cold Storage]"))
    assert problems({"questions/probe.yml": text}) == [
        f"{PROBE}:{line_of(text, 'tags:')}: tags[1]: 'Cold Storage' is not a tag: use {ID_RULE}, such as 'cold-storage'"
    ]


def test_a_literal_suggests_the_nearest_choice(problems):
    text = question(("type: system-design", "type: sytem-design"))
    assert problems({"questions/probe.yml": text}) == [
        f"{PROBE}:{line_of(text, 'type:')}: type: 'sytem-design' is not one of: {', '.join(models.QuestionType.__args__)}; "
        "did you mean 'system-design'?"
    ]


# -- invisible characters ------------------------------------------------------------------------


@pytest.mark.parametrize("char", sorted(INVISIBLE), ids=lambda c: f"U+{ord(c):04X}")
def test_an_invisible_character_is_named_at_the_line_an_editor_shows(problems, char):
    # The character sits on the second line of a folded block, after an earlier line break of its kind.
    old = "live, how does money move between hot and cold storage"
    text = question(("users. Where do the keys", f"users.{char} Where do the keys"), (old, old.replace("how does", f"how{char} does")))
    name = f"U+{ord(char):04X} {INVISIBLE[char]}"
    line = line_of(text, "  live, how")
    assert problems({"questions/probe.yml": text}) == [
        f"{PROBE}:{line - 1}: prompt: contains {name}, {INVISIBLE_HINT}",
        f"{PROBE}:{line}: prompt: contains {name}, {INVISIBLE_HINT}",
    ]


def test_invisible_characters_in_a_key_a_comment_and_an_id_are_named_too(problems):
    text = question(("prompt: >-", "prompt\u200b: >-"), ("round: system-design", "round: system\u2060-design"),
                    ("# yaml-language-server", "# yaml\u202e-language-server"))  # fmt: skip
    assert problems({"questions/probe.yml": text}) == [
        f"{PROBE}:1: (file): contains U+202E RIGHT-TO-LEFT OVERRIDE, {INVISIBLE_HINT}",
        f"{PROBE}:2: prompt: required field is missing; it should hold text",
        f"{PROBE}:{line_of(text, 'prompt')}: prompt<U+200B ZERO WIDTH SPACE>: contains U+200B ZERO WIDTH SPACE, {INVISIBLE_HINT}",
        f"{PROBE}:{line_of(text, 'round:')}: round: contains U+2060 WORD JOINER, {INVISIBLE_HINT}",
    ]


def test_a_byte_order_mark_at_the_start_is_accepted(problems):
    assert problems({"questions/probe.yml": "\ufeff" + GOOD_QUESTION}) == []


def test_the_models_refuse_invisible_characters_placeholders_and_blank_text():
    for text, message in [
        ("a\u2028b", f"contains U+2028 LINE SEPARATOR, {INVISIBLE_HINT}"),
        ("TODO: later", "still holds the placeholder 'TODO:'; replace it with your own text"),
        ("    ", "the text is blank"),
    ]:
        with pytest.raises(pydantic.ValidationError) as err:
            models.Finding.model_validate({"text": text, "sources": ["handbook"]})
        assert [e["msg"] for e in err.value.errors()] == [message]


# -- lists that could multiply the site -------------------------------------------------------------


def test_ten_thousand_tags_are_one_message(problems):
    tags = ", ".join(f"t{i}" for i in range(10_000))
    text = question(("tags: [wallets, custody, security, scale]", f"tags: [{tags}]"))
    assert problems({"questions/probe.yml": text}) == [
        f"{PROBE}:{line_of(text, 'tags:')}: tags: the list has 10,000 items; the limit is 8: each tag makes a page of its own, so keep "
        "the few a candidate would filter by"
    ]


def test_every_capped_list_of_a_question_names_its_limit(problems):
    many = "".join(f"  - Point {i} of a longer answer than anyone can use.\n" for i in range(11))
    text = question(("red_flags:\n", f"red_flags:\n{many}"), ("follow_ups:\n", f"follow_ups:\n{many}"))
    assert problems({"questions/probe.yml": text}) == [
        f"{PROBE}:{line_of(text, 'red_flags:')}: red_flags: the list has 15 items; the limit is 8: keep the mistakes interviewers see most",
        f"{PROBE}:{line_of(text, 'follow_ups:')}: follow_ups: the list has 15 items; the limit is 8: keep the probes that test the "
        "first answer",
    ]


def test_the_schema_states_the_limits_editors_show():
    question_schema = json.loads((SCHEMA_DIR / "question.schema.json").read_text())
    props = question_schema["properties"]
    assert (props["prompt"]["minLength"], props["prompt"]["maxLength"]) == (models.MIN_TEXT, models.MAX_TEXT)
    assert "TODO:" in props["prompt"]["pattern"] and "\\u2028" in props["prompt"]["pattern"]
    assert props["tags"]["maxItems"] == 8
    assert props["tags"]["items"]["maxLength"] == models.MAX_TAG
    assert props["strong_answer"]["maxItems"] == 10


def test_every_list_in_every_data_file_is_capped():
    def lists(model, seen):
        if model in seen:
            return
        seen.add(model)
        for name, field in model.model_fields.items():
            if "list[" in str(field.annotation):
                yield model.__name__, name, any(getattr(c, "max_length", None) for c in field.metadata)
            inner = models.model_in(field.annotation)
            if inner is not None:
                yield from lists(inner, seen)

    seen: set = set()
    uncapped = [(m, n) for entry in models.DATA_FILES for m, n, capped in lists(entry.model, seen) if not capped]
    assert uncapped == []


# -- YAML that reads as something else -------------------------------------------------------------------


def test_keys_that_are_not_text_are_named_without_an_internal_repr(problems):
    text = GOOD_QUESTION + "1: one\n[a, b]: list\nyes: true\n? {k: v}\n: map\n"
    found = problems({"questions/probe.yml": text})
    assert found == [
        f"{PROBE}:{line_of(text, '1:')}: (file): the field name '1' is not text: YAML reads it as a number; correct the name, or put it "
        "in quotes",
        f"{PROBE}:{line_of(text, '[a, b]')}: (file): a field name must be text, but this one is a list; write a plain name before the "
        "colon",
        f"{PROBE}:{line_of(text, 'yes:')}: (file): the field name 'yes' is not text: YAML reads it as true/false; correct the name, or "
        "put it in quotes",
        f"{PROBE}:{line_of(text, '? {')}: (file): a field name must be text, but this one is a mapping; write a plain name before the "
        "colon",
    ]
    assert not any("Node" in p for p in found)


def test_a_date_that_does_not_exist_and_an_endless_number_are_refused(problems):
    text = question(("difficulty: stretch", "difficulty: 2026-02-30"), ("type: system-design", f"type: {'9' * 5000}"))
    assert problems({"questions/probe.yml": text}) == [
        f"{PROBE}:{line_of(text, 'type:')}: type: YAML read '{'9' * 57}...' as a number too long to hold; shorten it, or put it in "
        "quotes if it is text",
        f"{PROBE}:{line_of(text, 'difficulty:')}: difficulty: YAML read '2026-02-30' as a date, but there is no such day; check the "
        "month and day",
    ]


def test_anchors_aliases_and_unsafe_tags_are_refused_and_the_rest_is_still_checked(problems):
    text = question(("tracks: [pm, senior-pm]", "tracks: &t [pm]"), ("tags: [wallets, custody, security, scale]", "tags: *t"),
                    ("type: system-design", "type: !!python/object/apply:os.system ['true']"),
                    ("difficulty: stretch", "difficulty: hard"))  # fmt: skip
    assert problems({"questions/probe.yml": text}) == [
        f"{PROBE}:{line_of(text, 'tracks:')}: tracks: anchor '&t' is not allowed; write the value out",
        f"{PROBE}:{line_of(text, 'type:')}: type: tag 'tag:yaml.org,2002:python/object/apply:os.system' is not allowed",
        f"{PROBE}:{line_of(text, 'difficulty:')}: difficulty: 'hard' is not one of: foundation, core, stretch",
        f"{PROBE}:{line_of(text, 'tags:')}: tags: alias '*t' is not allowed; write the value out",
    ]


def test_text_where_fields_were_expected_and_fields_where_text_was_expected(problems):
    text = question(
        ("round: system-design", "round:\n  system: design"), ("  - step: Problem statement\n", "  - Problem statement\n  - step: x\n")
    )
    assert problems({"questions/probe.yml": text}) == [
        f"{PROBE}:{line_of(text, 'round:')}: round: expected a round kind id from tracks.yml (round_kinds), but found fields here; text "
        "with ': ' in it needs quotes, or write it after >-",
        f"{PROBE}:{line_of(text, '  - Problem statement')}: outline[0]: expected the fields step, points, written as name: value lines",
    ]


# -- every kind of problem at once ---------------------------------------------------------------------------


def test_every_kind_of_problem_in_one_file_is_listed_in_one_run(problems):
    tags = ", ".join(f"t{i}" for i in range(9))
    text = question(
        ("round: system-design\n", "round: system-design\nround: screen\n"), ("difficulty: stretch", "difficulty:"),
        ("tracks: [pm, senior-pm]", "tracks: [pm, cto]"), ("tags: [wallets, custody, security, scale]", f"tags: [{tags}]"),
        ("title: Design custody and wallets for an exchange with 100M+ users", "title: 'TODO: a title'"),
        ("users. Where do the keys", "users.\u2028 Where do the keys"), ("frameworks:", "frameworkz:"),
        ("  - Spends the time", "  - &a Spends the time"),
    )  # fmt: skip
    allowed = ", ".join(sorted(models.QuestionFile.model_fields))
    assert problems({"questions/probe.yml": text}) == [
        f"{PROBE}:{line_of(text, 'title:')}: title: still holds the placeholder 'TODO: a title'; replace it with a line of text (at most "
        "70 characters and meaningful alone, e.g. 'Launch a quarterly futures contract')",
        f"{PROBE}:{line_of(text, '  Design the wallet')}: prompt: contains U+2028 LINE SEPARATOR, {INVISIBLE_HINT}",
        f"{PROBE}:{line_of(text, 'tracks:')}: tracks[1]: unknown track 'cto'",
        f"{PROBE}:{line_of(text, 'round:')}: round: duplicate key 'round': set again on line {line_of(text, 'round:', 2)}; only this "
        "first value is checked, so keep one",
        f"{PROBE}:{line_of(text, 'round:', 2)}: round: duplicate key 'round': already set on line {line_of(text, 'round:')}, whose value "
        "is the one checked; keep one",
        f"{PROBE}:{line_of(text, 'difficulty:')}: difficulty: the value is empty; it should hold one of: foundation, core, stretch",
        f"{PROBE}:{line_of(text, 'frameworkz:')}: frameworkz: unknown field 'frameworkz'; did you mean 'frameworks'? (allowed: {allowed})",
        f"{PROBE}:{line_of(text, 'tags:')}: tags: the list has 9 items; the limit is 8: each tag makes a page of its own, so keep the few "
        "a candidate would filter by",
        f"{PROBE}:{line_of(text, '  - &a')}: red_flags[0]: anchor '&a' is not allowed; write the value out",
    ]


# -- numbers, text lengths and what the check prints -------------------------------------------

PLAIN_DIGITS = "write the number in plain digits, such as 1500000 or 0.25"


def edited_file(name: str, old: str, new: str) -> str:
    text = (DATA / name).read_text(encoding="utf-8")
    assert old in text, old
    return text.replace(old, new, 1)


def test_a_title_too_short_or_long_is_counted_in_characters_not_items(problems):
    short = question(("title: Design custody and wallets for an exchange with 100M+ users", "title: Custody"))
    assert problems({"questions/probe.yml": short}) == [f"{PROBE}:3: title: the text is 7 characters; write at least 8"]
    long = question(("title: Design custody and wallets for an exchange with 100M+ users", f"title: {'Very ' * 14}long design of custody"))
    assert problems({"questions/probe.yml": long}) == [f"{PROBE}:3: title: the text is 92 characters; the limit is 70"]


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("{low: 30, high: .nan}", "YAML read '.nan' as not-a-number or infinity; write the figure in digits"),
        ("{low: 1, high: .inf}", "YAML read '.inf' as not-a-number or infinity; write the figure in digits"),
        ("{low: -30, high: 45}", "-30 is out of range: the value must be at least 0"),
        (
            "{low: 30, high: 1e300}",
            f"expected a number; YAML read '1e300' as text: {PLAIN_DIGITS}",
        ),
    ],
    ids=["nan", "infinity", "negative", "exponent without a point"],
)
def test_a_length_that_is_not_a_real_number_is_refused_in_words(problems, value, message):
    text = edited_file("loops.yml", "minutes: {low: 30, high: 45}", f"minutes: {value}")
    found = problems({"loops.yml": text})
    assert len(found) == 1 and found[0].startswith("data/loops.yml:15: loops[0].rounds[0].minutes.") and found[0].endswith(message)


def test_a_figure_that_is_not_a_number_is_refused_before_the_build(problems):
    text = edited_file("key-figures.yml", "value: {low: 150000000, high: 150000000}", "value: {low: .nan, high: .nan}")
    assert problems({"key-figures.yml": text}) == [
        f"data/key-figures.yml:8: figures[0].value.{end}: YAML read '.nan' as not-a-number or infinity; write the figure in digits"
        for end in ("low", "high")
    ]


def test_a_control_character_in_a_value_or_key_is_named_and_never_printed(problems):
    text = question(("tags: [wallets, custody, security, scale]", 'tags: [wallets, "\\e[2J\\e]0;owned\\a"]\n"x\\e": 1'))
    found = problems({"questions/probe.yml": text})
    assert found and all("\x1b" not in line and "\x07" not in line for line in found)
    assert any("'<U+001B ESCAPE>[2J<U+001B ESCAPE>]0;owned<U+0007 BELL>' is not a tag" in line for line in found)
    assert any("unknown field 'x<U+001B ESCAPE>'" in line for line in found)


def test_an_address_outside_printable_ascii_is_refused(problems):
    text = edited_file(
        "sources.yml", "url: https://sirjohnnymai.com/blog/binance-pm-interview-qa-2026/", 'url: "https://sirjohnnymai.com/\\e[2J/\\u202e/"'
    )
    found = problems({"sources.yml": text})
    assert len(found) == 1 and "sources[0].url: 'https://sirjohnnymai.com/<U+001B ESCAPE>[2J/<U+202E RIGHT-TO-LEFT OVERRIDE>/'" in found[0]


def test_an_old_checklist_id_that_clashes_is_placed_at_the_old_id(problems):
    text = edited_file(
        "checklists/screen.yml",
        "  - id: sc-two-minute-metric\n",
        "  - id: sc-two-minute-metric\n    old_ids: [sc-gone, sc-shipped-at-scale]\n",
    )
    assert problems({"checklists/screen.yml": text}) == [
        "data/checklists/screen.yml:17: items[1].old_ids[1]: checklist item id 'sc-shipped-at-scale' is already used at "
        "data/checklists/screen.yml:11; ticks would mix"
    ]
