"""Scaffold a new question: `make new-question ROUND= TRACK= TYPE= PROMPT=` (or `PROMPT_FILE=`).

Writes `data/questions/<id>.yml` from `templates/question.yml`, with an id made
from the prompt.  Every text that starts with `TODO:` is for the contributor to
replace, and `make check` refuses the file until none is left.  Missing
arguments are asked for when a person is at the terminal; otherwise the script
says what is missing and stops.  Values arrive as typed: the Makefile hands them
over with no second reading by make or a shell, and the prompt may also come from
a file (`PROMPT_FILE=path`, or `PROMPT_FILE=-` for standard input).
"""

from __future__ import annotations

import argparse
import re
import sys
import textwrap
import typing
import unicodedata
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from macros.models import MAX_TEXT, Difficulty, QuestionType  # noqa: E402
from macros.yamlsafe import read  # noqa: E402

TEMPLATE = ROOT / "templates" / "question.yml"
PLACEHOLDER = "TODO:"
QUESTION_TYPES = list(typing.get_args(QuestionType))
DIFFICULTIES = list(typing.get_args(Difficulty))
DEFAULTS = {"difficulty": "core"}
MAX_ID_WORDS = 6
MAX_ID_CHARS = 60
# Words that say little about the question, left out of its id.
FILLER = set(
    "a an the and or but of for to in on at by with from into about as is are was be been being it its this that "
    "these those you your yours we our i me my they their he she his her how what which who whom why when where "
    "would should could can will do does did have has had tell walk us give describe explain whether if so than then"
    .split()
)  # fmt: skip


class Refused(Exception):
    """An argument the handbook cannot take; the message says what to give instead."""


# -- choices the data allows -------------------------------------------------------


def known_ids(data_dir: Path) -> dict[str, list[str]]:
    """Track and round kind ids from tracks.yml, read leniently so a half-edited data folder still scaffolds."""
    doc, _ = read(data_dir / "tracks.yml", "tracks.yml")
    data = doc.data if doc is not None and isinstance(doc.data, dict) else {}

    def ids(key: str) -> list[str]:
        entries = data.get(key) or []
        return [e["id"] for e in entries if isinstance(e, dict) and isinstance(e.get("id"), str)]

    return {"track": ids("tracks"), "round": ids("round_kinds"), "type": QUESTION_TYPES, "difficulty": DIFFICULTIES}


# -- the id -----------------------------------------------------------------------------


def slug_words(text: str) -> list[str]:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.findall(r"[a-z0-9]+", ascii_text)


def question_id(prompt: str, taken: set[str]) -> str:
    """A short id from the prompt's telling words, made unique against `taken`."""
    words = slug_words(prompt)
    telling = [w for w in words if w not in FILLER] or words or ["question"]
    base = ""
    for word in telling[:MAX_ID_WORDS]:
        candidate = f"{base}-{word}" if base else word
        if len(candidate) > MAX_ID_CHARS:
            break
        base = candidate
    base = base or telling[0][:MAX_ID_CHARS]
    qid, n = base, 2
    while qid in taken:
        qid, n = f"{base}-{n}", n + 1
    return qid


def taken_ids(data_dir: Path) -> set[str]:
    return {p.stem for p in (data_dir / "questions").glob("*.y*ml")}


# -- checking the arguments ---------------------------------------------------------


def clean_prompt(text: str) -> str:
    # YAML cannot hold most control characters, and the prompt is one paragraph.
    printable = "".join(ch if ch.isprintable() else " " for ch in text)
    prompt = " ".join(printable.split())
    if not prompt:
        raise Refused("the prompt is empty: give the question as an interviewer would ask it")
    if len(prompt) > MAX_TEXT:
        raise Refused(f"the prompt is {len(prompt):,} characters; the limit is {MAX_TEXT:,}")
    return prompt


def one_of(kind: str, value: str, allowed: list[str]) -> str:
    if value not in allowed:
        raise Refused(f"unknown {kind} '{value}'; choose one of: {', '.join(allowed)}")
    return value


def tracks_of(value: str, allowed: list[str]) -> list[str]:
    tracks = [t.strip() for t in value.replace(" ", ",").split(",") if t.strip()]
    if not tracks:
        raise Refused(f"no track given; choose from: {', '.join(allowed)}")
    return [one_of("track", t, allowed) for t in dict.fromkeys(tracks)]


# -- writing the file ---------------------------------------------------------------------


def folded(text: str, indent: str = "  ") -> str:
    """`text` as a YAML folded block: every character in it is literal, so quotes, colons and # are safe."""
    lines = textwrap.wrap(text, width=96, break_long_words=False, break_on_hyphens=False)
    return ">-\n" + "".join(f"{indent}{line}\n" for line in lines)


SCAFFOLD_HEADER = (
    '# Scaffolded by `make new-question`. Replace every text that starts with "TODO:",\n'
    "# then run `make check`. CONTRIBUTING.md explains each field.\n"
)


def render(template: str, qid: str, prompt: str, tracks: list[str], round_id: str, qtype: str, difficulty: str) -> str:
    values = {
        "id": f"{qid}\n",
        "tracks": f"[{', '.join(tracks)}]\n",
        "round": f"{round_id}\n",
        "type": f"{qtype}\n",
        "difficulty": f"{difficulty}\n",
    }
    text = _replace_header(template)
    for key, value in values.items():
        text = _replace_field(text, key, value)
    return _replace_field(text, "prompt", folded(prompt))


def _replace_header(template: str) -> str:
    # The template opens with the schema line, then a how-to-start note up to the first
    # blank line; a scaffolded file needs only the schema line and what to do next.
    schema_line, rest = template.split("\n", 1)
    _, _, fields = rest.partition("\n\n")
    return f"{schema_line}\n{SCAFFOLD_HEADER}\n{fields}"


def _replace_field(text: str, key: str, value: str) -> str:
    # A top-level field: its line, plus any indented lines of a block value under it.
    pattern = re.compile(rf"^{key}:[^\n]*\n(?:[ ]+[^\n]*\n)*", re.M)
    new, count = pattern.subn(lambda _: f"{key}: {value}", text, count=1)
    if count != 1:
        raise RuntimeError(f"{TEMPLATE} has no top-level '{key}:' field")
    return new


# -- asking ------------------------------------------------------------------------------


def ask(label: str, choices: list[str] | None, check: Callable[[str], object]):
    """Ask at the terminal until the answer passes `check`; returns what `check` returns."""
    stdin, stdout = sys.stdin, sys.stdout
    hint = f" ({', '.join(choices)})" if choices else ""
    while True:
        stdout.write(f"{label}{hint}: ")
        stdout.flush()
        answer = stdin.readline()
        if not answer:
            raise Refused(f"no {label.lower()} given")
        try:
            return check(answer.strip())
        except Refused as refused:
            stdout.write(f"  {refused}\n")


EXAMPLE = "make new-question ROUND=product TRACK=pm TYPE=product-sense PROMPT='How would you ...?'"


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="make new-question",
        description="Scaffold data/questions/<id>.yml. Missing values are asked for at a terminal.",
        epilog=f"example: {EXAMPLE}",
    )
    # An empty value counts as not given: make passes every variable, set or not.
    parser.add_argument("--round", help="round kind id from data/tracks.yml, e.g. product")
    parser.add_argument("--track", help="track id(s), comma-separated, e.g. pm,senior-pm")
    parser.add_argument("--type", help=f"one of: {', '.join(QUESTION_TYPES)}")
    parser.add_argument("--prompt", help="the question, as an interviewer would ask it")
    parser.add_argument("--prompt-file", help="a file holding the prompt; - reads it from standard input")
    parser.add_argument("--difficulty", help=f"one of: {', '.join(DIFFICULTIES)} (default: core)")
    parser.add_argument("--data", type=Path, default=ROOT / "data", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.prompt_file and args.prompt:
        parser.error("give PROMPT or PROMPT_FILE, not both")
    if args.prompt_file:
        args.prompt = _read_prompt(args.prompt_file)
    return args


def _read_prompt(name: str) -> str:
    if name == "-":
        return sys.stdin.read()
    try:
        return Path(name).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise SystemExit(f"new-question: cannot read PROMPT_FILE {name}: {getattr(err, 'strerror', None) or err}") from None


def gather(args: argparse.Namespace, interactive: bool) -> dict[str, object]:
    """Check every given value; at a terminal ask again for what is missing or wrong,
    otherwise refuse, naming every problem at once."""
    known = known_ids(args.data)
    checks: dict[str, tuple[str, list[str] | None, Callable[[str], object]]] = {
        "prompt": ("Prompt", None, clean_prompt),
        "round": ("Round", known["round"], lambda v: one_of("round", v, known["round"])),
        "track": ("Track(s)", known["track"], lambda v: tracks_of(v, known["track"])),
        "type": ("Type", QUESTION_TYPES, lambda v: one_of("type", v, QUESTION_TYPES)),
        "difficulty": ("Difficulty", DIFFICULTIES, lambda v: one_of("difficulty", v, DIFFICULTIES)),
    }
    values: dict[str, object] = {}
    problems: list[str] = []
    for name, (label, choices, check) in checks.items():
        given = _given(args, name)
        try:
            if not given:
                raise Refused(f"{name.upper()} is missing" + (f"; choose from: {', '.join(choices)}" if choices else ""))
            values[name] = check(given)
        except Refused as refused:
            if not interactive:
                problems.append(str(refused))
                continue
            if given:
                print(f"  {refused}")
            values[name] = ask(label, choices, check)
    if problems:
        raise Refused("\n".join([*problems, f"example: {EXAMPLE}"]))
    return values


def _given(args: argparse.Namespace, name: str) -> str:
    return (getattr(args, name) or "").strip() or DEFAULTS.get(name, "")


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    try:
        values = gather(args, interactive=sys.stdin.isatty())
    except Refused as refused:
        print(f"new-question: {refused}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("\nnew-question: stopped; nothing was written", file=sys.stderr)
        return 130
    qid = question_id(values["prompt"], taken_ids(args.data))
    text = render(TEMPLATE.read_text(encoding="utf-8"), qid, values["prompt"], values["track"], values["round"],
                  values["type"], values["difficulty"])  # fmt: skip
    target = args.data / "questions" / f"{qid}.yml"
    with target.open("x", encoding="utf-8") as out:  # never overwrite a question
        out.write(text)
    shown = target.relative_to(ROOT) if target.is_relative_to(ROOT) else target
    print(f"wrote {shown}")
    print(f"next: replace every '{PLACEHOLDER}' in it, then run `make check`, which lists any left")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
