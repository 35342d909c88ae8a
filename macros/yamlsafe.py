"""Read YAML the strict way: safe tags only, no duplicate keys, no anchors or
aliases, bounded size and depth, and the line of every value kept so that
errors can point at it."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

MAX_FILE_BYTES = 256 * 1024
MAX_DEPTH = 24

Loc = tuple[str | int, ...]


@dataclass
class Problem:
    path: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.field}: {self.message}"


@dataclass
class Document:
    """A parsed file: its plain data, and where each value stands in it."""

    path: str
    data: Any
    lines: dict[Loc, int] = field(default_factory=dict)
    scalars: dict[Loc, str] = field(default_factory=dict)

    def line_of(self, loc: Loc) -> int:
        for end in range(len(loc), -1, -1):
            if loc[:end] in self.lines:
                return self.lines[loc[:end]]
        return 1


class _Stop(Exception):
    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line, self.message = line, message


class _Composer(yaml.SafeLoader):
    """SafeLoader that refuses anchors and aliases and bounds nesting depth."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._depth = 0

    def compose_node(self, parent, index):  # noqa: ANN001 - PyYAML's signature
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent):
            raise _Stop(event.start_mark.line + 1, f"alias '*{event.anchor}' is not allowed; write the value out")
        if getattr(event, "anchor", None):
            raise _Stop(event.start_mark.line + 1, f"anchor '&{event.anchor}' is not allowed; write the value out")
        self._depth += 1
        if self._depth > MAX_DEPTH:
            raise _Stop(event.start_mark.line + 1, f"nested deeper than {MAX_DEPTH} levels")
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


def read(path: Path, shown_as: str) -> tuple[Document | None, list[Problem]]:
    """Parse one file; on failure return no document and the problems found."""

    def fail(line: int, message: str, where: str = "(file)") -> tuple[None, list[Problem]]:
        return None, [Problem(shown_as, line, where, message)]

    raw = path.read_bytes()
    if len(raw) > MAX_FILE_BYTES:
        return fail(1, f"file is {len(raw):,} bytes; the limit is {MAX_FILE_BYTES:,} bytes")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        return fail(line, f"not UTF-8 (byte 0x{raw[err.start]:02x}); save the file as UTF-8")
    text = text.removeprefix("\ufeff")
    if not text.strip() or all(not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()):
        return fail(1, "file is empty")

    try:
        composer = _Composer(text)
    except yaml.reader.ReaderError as err:  # a control character: PyYAML checks the whole text up front
        line = text[: err.position].count("\n") + 1
        return fail(line, f"character U+{err.character:04X} is not allowed in YAML; delete it")
    try:
        node = composer.get_single_node()
    except _Stop as stop:
        return fail(stop.line, stop.message)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = mark.line + 1 if mark else 1
        return fail(line, _syntax_message(err))
    except RecursionError:
        return fail(1, f"nested deeper than {MAX_DEPTH} levels")
    finally:
        composer.dispose()

    doc = Document(shown_as, None)
    problems: list[Problem] = []
    doc.data = _build(node, (), doc, problems, composer)
    return (None if problems else doc), problems


def _syntax_message(err: yaml.MarkedYAMLError) -> str:
    if err.problem and "'\\t'" in err.problem:
        return "YAML syntax: a tab character; YAML indents and separates with spaces only"
    if err.context == "expected a single document in the stream":
        return "YAML syntax: a second document ('---'); keep one record per file"
    return f"YAML syntax: {err.problem or err.context}".replace("\t", "\\t")


def _build(node: yaml.Node, loc: Loc, doc: Document, problems: list[Problem], composer: _Composer) -> Any:
    doc.lines.setdefault(loc, node.start_mark.line + 1)
    where = _dotted(loc)
    if isinstance(node, yaml.MappingNode):
        if node.tag != "tag:yaml.org,2002:map":
            problems.append(Problem(doc.path, node.start_mark.line + 1, where, f"tag '{node.tag}' is not allowed"))
            return None
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            line = key_node.start_mark.line + 1
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag != "tag:yaml.org,2002:str":
                problems.append(Problem(doc.path, line, where, f"key {key_node.value!r} must be plain text"))
                continue
            key = key_node.value
            if key in out:
                first = doc.lines[(*loc, key)]
                problems.append(Problem(doc.path, line, _dotted((*loc, key)), f"duplicate key (first set on line {first})"))
                continue
            doc.lines[(*loc, key)] = line
            out[key] = _build(value_node, (*loc, key), doc, problems, composer)
        return out
    if isinstance(node, yaml.SequenceNode):
        if node.tag != "tag:yaml.org,2002:seq":
            problems.append(Problem(doc.path, node.start_mark.line + 1, where, f"tag '{node.tag}' is not allowed"))
            return None
        return [_build(child, (*loc, i), doc, problems, composer) for i, child in enumerate(node.value)]
    doc.scalars[loc] = node.value
    try:
        return composer.construct_object(node)
    except yaml.constructor.ConstructorError:
        problems.append(Problem(doc.path, node.start_mark.line + 1, where, f"tag '{node.tag}' is not allowed"))
        return None


def _dotted(loc: Loc) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(file)"
