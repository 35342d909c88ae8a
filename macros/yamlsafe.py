"""Read YAML the strict way: safe tags only, no duplicate keys, no anchors or
aliases, bounded size and depth, and the line of every value kept so that
errors can point at it."""

from __future__ import annotations

import functools
import re
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
    """A parsed file: its plain data, and its text for finding where each value stands."""

    path: str
    data: Any
    text: str = field(repr=False)

    @functools.cached_property
    def root(self) -> yaml.Node:
        # Composed again only when a problem needs a line: holding thousands of node trees slows the whole load.
        fast = _compose_fast(self.text)
        return fast[0] if isinstance(fast, tuple) else _Composer(self.text).get_single_node()

    def _find(self, loc: Loc) -> tuple[int, yaml.Node | None]:
        """The line of the deepest part of loc found in the file, and its node if all of loc was found."""
        node: yaml.Node | None = self.root
        line = node.start_mark.line + 1
        for part in loc:
            child = None
            if isinstance(node, yaml.MappingNode):
                found = next((kv for kv in node.value if kv[0].value == part), None)
                if found is not None:
                    line, child = found[0].start_mark.line + 1, found[1]
            elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
                child = node.value[part]
                line = child.start_mark.line + 1
            if child is None:
                return line, None
            node = child
        return line, node

    def line_of(self, loc: Loc) -> int:
        return self._find(loc)[0]

    def raw(self, loc: Loc) -> str | None:
        """The text of the scalar at loc as written, before YAML read it as a value."""
        node = self._find(loc)[1]
        return node.value if isinstance(node, yaml.ScalarNode) else None


class _Stop(Exception):
    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line, self.message = line, message


class _Guard:
    """Composer step that refuses anchors and aliases and bounds nesting depth."""

    _depth = 0

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


class _Composer(_Guard, yaml.SafeLoader):
    """Pure-Python reader: slow, but its error messages are the ones contributors see."""


class _FastComposer(_Guard, yaml.composer.Composer, yaml.CSafeLoader):
    """libyaml's scanner and parser under PyYAML's composer, so the guard sees every event."""

    def __init__(self, stream: str) -> None:
        yaml.CSafeLoader.__init__(self, stream)
        yaml.composer.Composer.__init__(self)


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

    fast = _compose_fast(text)
    if isinstance(fast, _Stop):
        return fail(fast.line, fast.message)
    if fast is not None:
        return _document(shown_as, text, *fast)
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
    return _document(shown_as, text, node, composer)


# An '&' or '*' where YAML could read an anchor or alias (start of a node); prose such as
# "P&L" does not match, and a false match only costs the slower guarded path.
_MAYBE_ANCHOR = re.compile(r"(?<![^\s\[{,])[&*]")
# YAML also breaks lines at these; the bound below looks only at "\n".
_OTHER_LINE_BREAKS = ("\r", "\x85", "\u2028", "\u2029")


def _provably_shallow(text: str) -> bool:
    """An upper bound on nesting that needs no parse. A block collection starts at a
    column within its line's prefix of spaces and indicators, and each two levels of
    block nesting move at least one column right; each flow level needs a bracket."""
    if any(brk in text for brk in _OTHER_LINE_BREAKS):
        return False
    brackets = text.count("[") + text.count("{")
    widest = (MAX_DEPTH - 3 - brackets) // 2
    # "\n" first, not re.MULTILINE's "^": the regex engine then jumps between line starts.
    return widest >= 0 and not re.search(rf"\n[ ?:-]{{{widest + 1},}}", "\n" + text)


def _compose_fast(text: str) -> tuple[yaml.Node, yaml.BaseConstructor] | _Stop | None:
    """Compose with libyaml. Its composer is C, so it is used only when the text
    provably has no anchors and shallow nesting (deep nesting would overflow the C
    stack); otherwise libyaml's events go through the guarded Python composer.
    None when libyaml is missing or the text has an error, which the pure-Python
    reader then reports in its own words; libyaml also accepts tabs where PyYAML
    does not, so text with a tab takes that path too."""
    if not yaml.__with_libyaml__ or "\t" in text:
        return None
    maybe_anchor = ("&" in text or "*" in text) and _MAYBE_ANCHOR.search(text)
    guarded = maybe_anchor or not _provably_shallow(text)
    composer = _FastComposer(text) if guarded else yaml.CSafeLoader(text)
    try:
        return composer.get_single_node(), composer
    except _Stop as stop:
        return stop
    except yaml.YAMLError:
        return None
    finally:
        composer.dispose()


def _document(shown_as: str, text: str, root: yaml.Node, constructor: yaml.BaseConstructor) -> tuple[Document | None, list[Problem]]:
    problems: list[Problem] = []
    data = _Builder(shown_as, problems, constructor).build(root, ())
    return (None if problems else Document(shown_as, data, text)), problems


def _syntax_message(err: yaml.MarkedYAMLError) -> str:
    if err.problem and "'\\t'" in err.problem:
        return "YAML syntax: a tab character; YAML indents and separates with spaces only"
    if err.context == "expected a single document in the stream":
        return "YAML syntax: a second document ('---'); keep one record per file"
    return f"YAML syntax: {err.problem or err.context}".replace("\t", "\\t")


class _Builder:
    """Plain data from a node tree, refusing duplicate keys, keys that are not text and unsafe tags."""

    def __init__(self, path: str, problems: list[Problem], constructor: yaml.BaseConstructor) -> None:
        self.path, self.problems, self.constructor = path, problems, constructor

    def refuse(self, node: yaml.Node, loc: Loc, message: str) -> None:
        self.problems.append(Problem(self.path, node.start_mark.line + 1, _dotted(loc), message))

    def build(self, node: yaml.Node, loc: Loc) -> Any:
        if node.tag == _STR:
            return node.value
        if isinstance(node, yaml.MappingNode):
            if node.tag != _MAP:
                return self.refuse(node, loc, f"tag '{node.tag}' is not allowed")
            out: dict[str, Any] = {}
            first_line: dict[str, int] = {}
            for key_node, value_node in node.value:
                if not isinstance(key_node, yaml.ScalarNode) or key_node.tag != _STR:
                    self.refuse(key_node, loc, f"key {key_node.value!r} must be plain text")
                    continue
                key = key_node.value
                if key in out:
                    self.refuse(key_node, (*loc, key), f"duplicate key (first set on line {first_line[key]})")
                    continue
                first_line[key] = key_node.start_mark.line + 1
                out[key] = self.build(value_node, (*loc, key))
            return out
        if isinstance(node, yaml.SequenceNode):
            if node.tag != _SEQ:
                return self.refuse(node, loc, f"tag '{node.tag}' is not allowed")
            return [self.build(child, (*loc, i)) for i, child in enumerate(node.value)]
        try:
            return self.constructor.construct_object(node)
        except yaml.constructor.ConstructorError:
            return self.refuse(node, loc, f"tag '{node.tag}' is not allowed")


_STR, _SEQ, _MAP = (f"tag:yaml.org,2002:{name}" for name in ("str", "seq", "map"))


def _dotted(loc: Loc) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(file)"
