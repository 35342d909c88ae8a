"""Read YAML the strict way: safe tags only, no duplicate keys, no anchors or
aliases, no invisible characters, bounded size and depth, and the line of every
value kept so that errors can point at it.

A problem in one value does not stop the reading: the value is refused (a repeated
key keeps its first value) and the rest of the file is still read, so the check
lists every problem in one run. Only text YAML cannot parse stops it.
"""

from __future__ import annotations

import functools
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .problems import INVISIBLE_CHARS, Loc, Problem, dotted, invisible_message, shown

__all__ = ["MAX_DEPTH", "MAX_FILE_BYTES", "Document", "Problem", "read"]

MAX_FILE_BYTES = 256 * 1024
MAX_DEPTH = 24
# The deepest nesting handed to libyaml's composer, which recurses in C. Measured on Linux with
# PyYAML 6, 20,000 levels compose in a thread of the default stack size: this is far inside that.
_C_COMPOSER_DEPTH = 1000

# YAML breaks lines at these, most editors do not: each is read as a space so that YAML's
# line numbers are the ones an editor shows, and each is reported by name.
_LINE_BREAKS_EDITORS_HIDE = str.maketrans({"\x85": " ", "\u2028": " ", "\u2029": " "})
_EDITOR_LINE_BREAK = re.compile(r"\r\n?|\n")


@dataclass
class Document:
    """A parsed file: its plain data, its text for finding where each value stands, and the
    places whose values the reader refused (already reported, so not to be reported again)."""

    path: str
    data: Any
    text: str = field(repr=False)
    refused: frozenset[Loc] = frozenset()

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

    def line_of_text(self, loc: Loc, needle: str) -> int:
        """The line where `needle` stands inside the value at loc (a block of text spans several lines)."""
        line, node = self._find(loc)
        if node is None:
            return line
        at = self.text.find(needle, node.start_mark.index, node.end_mark.index)
        return line if at < 0 else _editor_line(self.text, at)

    def raw(self, loc: Loc) -> tuple[str, bool] | None:
        """The text of the scalar at loc before YAML read it as a value, and whether it is in quotes."""
        node = self._find(loc)[1]
        return (node.value, node.style in {"'", '"'}) if isinstance(node, yaml.ScalarNode) else None


def _editor_line(text: str, index: int) -> int:
    return len(_EDITOR_LINE_BREAK.findall(text, 0, index)) + 1


@dataclass(frozen=True)
class _Note:
    """A problem the composer found at a character of the text, placed in a field once the tree exists."""

    index: int
    message: str


class _Stop(Exception):
    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line, self.message = line, message


# The tag of a node put where an alias stood: the reader refuses the value, never follows the alias.
_REFUSED = "tag:handbook,refused"


class _Guard:
    """Composer step that refuses anchors and aliases (noting each, then reading on) and bounds nesting depth."""

    _depth = 0

    def compose_node(self, parent, index):  # noqa: ANN001 - PyYAML's signature
        event = self.peek_event()
        notes = self.__dict__.setdefault("notes", [])
        if isinstance(event, yaml.AliasEvent):
            self.get_event()
            notes.append(_Note(event.start_mark.index, f"alias '*{event.anchor}' is not allowed; write the value out"))
            return yaml.ScalarNode(_REFUSED, "", event.start_mark, event.end_mark)
        if getattr(event, "anchor", None):
            notes.append(_Note(event.start_mark.index, f"anchor '&{event.anchor}' is not allowed; write the value out"))
            event.anchor = None  # never registered, so no alias can reach it
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


def read(path: Path, shown_as: str, loaded: tuple[bytes | None, int] | None = None) -> tuple[Document | None, list[Problem]]:
    """Parse one file (from `loaded`, what `read_bytes` returned, when the caller has it). The
    document comes back whenever the text could be parsed, with the problems found in it; None
    when it could not, with the reason."""

    def fail(line: int, message: str, where: str = "(file)") -> tuple[None, list[Problem]]:
        return None, [*hidden, Problem(shown_as, line, where, message)]

    hidden: list[Problem] = []
    try:
        raw, size = loaded if loaded is not None else read_bytes(path)
    except OSError as err:
        return fail(1, f"cannot be read: {err.strerror or err}")
    if raw is None:
        return fail(1, f"file is {size:,} bytes; the limit is {MAX_FILE_BYTES:,} bytes")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        return fail(line, f"not UTF-8 (byte 0x{raw[err.start]:02x}); save the file as UTF-8")
    text = text.removeprefix("\ufeff")
    notes = [] if text.isascii() else [_Note(hit.start(), invisible_message(hit.group())) for hit in INVISIBLE_CHARS.finditer(text)]
    if notes:
        text = text.translate(_LINE_BREAKS_EDITORS_HIDE)
        # Until the text is parsed, an invisible character can only be placed at its line.
        hidden = [Problem(shown_as, _editor_line(text, n.index), "(file)", n.message) for n in notes]
    if not text.strip() or all(not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()):
        return fail(1, "file is empty")

    fast = _compose_fast(text)
    if isinstance(fast, _Stop):
        return fail(fast.line, fast.message)
    if fast is not None:
        return _document(shown_as, text, *fast, notes)
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
    return _document(shown_as, text, node, composer, notes)


def read_bytes(path: Path) -> tuple[bytes | None, int]:
    """The file's bytes, or None and its size when it is too large to read. The file is opened
    without following a symbolic link, so a link swapped in after the folder was listed fails."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    with os.fdopen(fd, "rb") as handle:
        size = os.fstat(handle.fileno()).st_size
        if size > MAX_FILE_BYTES:
            return None, size
        return handle.read(MAX_FILE_BYTES + 1), size


# An '&' or '*' where YAML could read an anchor or alias (start of a node); prose such as
# "P&L" does not match, and a false match only costs the slower guarded path. The character
# comes first so that the search skips to it; a look-behind first is tried at every position.
_MAYBE_ANCHOR = re.compile(r"[&*](?<![^\s\[{,][&*])")
# YAML also breaks lines at these; the bound below looks only at "\n".
_OTHER_LINE_BREAKS = ("\r", "\x85", "\u2028", "\u2029")


_LINE_PREFIX = re.compile(r"\n[ ?:-]*")


def _depth_bound(text: str) -> int | None:
    """An upper bound on nesting that needs no parse, or None. A block collection starts at a
    column within its line's prefix of spaces and indicators, and each two levels of block
    nesting move at least one column right; each flow level needs a bracket."""
    if any(brk in text for brk in _OTHER_LINE_BREAKS):
        return None
    # "\n" first, not re.MULTILINE's "^": the regex engine then jumps between line starts.
    widest = max(map(len, _LINE_PREFIX.findall("\n" + text))) - 1
    return 2 * widest + text.count("[") + text.count("{") + 3


def _first_too_deep(root: yaml.Node) -> int | None:
    """The line of the first node, in the order of the text, nested deeper than MAX_DEPTH."""
    stack = [(root, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_DEPTH:
            return node.start_mark.line + 1
        if isinstance(node, yaml.MappingNode):
            children = [part for pair in node.value for part in pair]
        elif isinstance(node, yaml.SequenceNode):
            children = node.value
        else:
            continue
        stack.extend((child, depth + 1) for child in reversed(children))
    return None


def _compose_fast(text: str) -> tuple[yaml.Node, yaml.BaseConstructor] | _Stop | None:
    """Compose with libyaml. Its composer is C and recursive, so it is used only when the
    text provably has no anchors and nesting well within the C stack, and MAX_DEPTH is then
    checked on the tree it made; otherwise libyaml's events go through the guarded Python
    composer. None when libyaml is missing or the text has an error, which the pure-Python
    reader then reports in its own words; libyaml also accepts tabs where PyYAML does not, so
    text with a tab takes that path too."""
    if not yaml.__with_libyaml__ or "\t" in text:
        return None
    maybe_anchor = ("&" in text or "*" in text) and _MAYBE_ANCHOR.search(text)
    bound = _depth_bound(text)
    guarded = maybe_anchor or bound is None or bound > _C_COMPOSER_DEPTH
    composer = _FastComposer(text) if guarded else yaml.CSafeLoader(text)
    try:
        root = composer.get_single_node()
    except _Stop as stop:
        return stop
    except yaml.YAMLError:
        return None
    finally:
        composer.dispose()
    if not guarded and root is not None and bound > MAX_DEPTH and (line := _first_too_deep(root)):
        return _Stop(line, f"nested deeper than {MAX_DEPTH} levels")
    return root, composer


def _document(
    shown_as: str, text: str, root: yaml.Node | None, constructor: yaml.BaseConstructor, notes: list[_Note]
) -> tuple[Document | None, list[Problem]]:
    if root is None:
        return None, [Problem(shown_as, 1, "(file)", "file is empty")]
    builder = _Builder(shown_as, constructor)
    data = builder.build(root, ())
    problems = builder.problems
    for note in sorted([*notes, *getattr(constructor, "notes", ())], key=lambda n: n.index):
        loc = _loc_at(root, note.index)
        problems.append(Problem(shown_as, _editor_line(text, note.index), dotted(loc), note.message))
        # An anchored value still stands and is checked; a character in a comment refuses no value.
        if loc and not note.message.startswith("anchor"):
            builder.refused.add(loc)
    return Document(shown_as, data, text, frozenset(builder.refused)), problems


def _loc_at(node: yaml.Node, index: int, loc: Loc = ()) -> Loc:
    """The place of the deepest key or value whose text holds the character at index."""
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            name = key.value if isinstance(key, yaml.ScalarNode) else "(key)"
            if key.start_mark.index <= index < key.end_mark.index:
                return (*loc, name)
            if value.start_mark.index <= index < max(value.end_mark.index, value.start_mark.index + 1):
                return _loc_at(value, index, (*loc, name))
    elif isinstance(node, yaml.SequenceNode):
        for i, child in enumerate(node.value):
            if child.start_mark.index <= index < max(child.end_mark.index, child.start_mark.index + 1):
                return _loc_at(child, index, (*loc, i))
    return loc


def _syntax_message(err: yaml.MarkedYAMLError) -> str:
    if err.problem and "'\\t'" in err.problem:
        return "YAML syntax: a tab character; YAML indents and separates with spaces only"
    if err.context == "expected a single document in the stream":
        return "YAML syntax: a second document ('---'); keep one record per file"
    return f"YAML syntax: {err.problem or err.context}".replace("\t", "\\t")


_READ_AS = {"bool": "true/false", "int": "a number", "float": "a number", "null": "empty (null)", "timestamp": "a date"}


class _Builder:
    """Plain data from a node tree. A repeated key keeps its first value and is reported at every
    line it stands on; a key that is not text and a value with an unsafe tag are refused."""

    def __init__(self, path: str, constructor: yaml.BaseConstructor) -> None:
        self.path, self.constructor = path, constructor
        self.problems: list[Problem] = []
        self.refused: set[Loc] = set()

    def report(self, node: yaml.Node, loc: Loc, message: str) -> None:
        self.problems.append(Problem(self.path, node.start_mark.line + 1, dotted(loc), message))

    def refuse(self, node: yaml.Node, loc: Loc, message: str) -> None:
        self.report(node, loc, message)
        self.refused.add(loc)

    def build(self, node: yaml.Node, loc: Loc) -> Any:
        if node.tag == _STR:
            return node.value
        if node.tag == _REFUSED:
            self.refused.add(loc)
            return None
        if isinstance(node, yaml.MappingNode):
            if node.tag != _MAP:
                return self.refuse(node, loc, f"tag '{node.tag}' is not allowed")
            return self.build_mapping(node, loc)
        if isinstance(node, yaml.SequenceNode):
            if node.tag != _SEQ:
                return self.refuse(node, loc, f"tag '{node.tag}' is not allowed")
            return [self.build(child, (*loc, i)) for i, child in enumerate(node.value)]
        try:
            return self.constructor.construct_object(node)
        except yaml.constructor.ConstructorError:
            return self.refuse(node, loc, f"tag '{node.tag}' is not allowed")
        except ValueError:  # a date such as 2026-02-30, or a number of thousands of digits
            if node.tag.endswith("timestamp"):
                return self.refuse(node, loc, f"YAML read {shown(node.value)} as a date, but there is no such day; check the month and day")
            return self.refuse(
                node, loc, f"YAML read {shown(node.value)} as a number too long to hold; shorten it, or put it in quotes if it is text"
            )

    def build_mapping(self, node: yaml.MappingNode, loc: Loc) -> dict[str, Any]:
        out: dict[str, Any] = {}
        lines: dict[str, list[yaml.Node]] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag != _STR:
                self.report(key_node, loc, _not_text_key(key_node))
                continue
            key = key_node.value
            lines.setdefault(key, []).append(key_node)
            if len(lines[key]) == 1:
                out[key] = self.build(value_node, (*loc, key))
        for key, nodes in lines.items():
            if len(nodes) > 1:
                self.report_repeats(key, nodes, loc)
        return out

    def report_repeats(self, key: str, nodes: list[yaml.Node], loc: Loc) -> None:
        first, *again = (n.start_mark.line + 1 for n in nodes)
        where = " and ".join(map(str, again))
        self.report(
            nodes[0],
            (*loc, key),
            f"duplicate key {shown(key)}: set again on line{'s' * (len(again) > 1)} {where}; only this first value is checked, so keep one",
        )
        for node in nodes[1:]:
            self.report(
                node, (*loc, key), f"duplicate key {shown(key)}: already set on line {first}, whose value is the one checked; keep one"
            )


def _not_text_key(node: yaml.Node) -> str:
    if isinstance(node, yaml.ScalarNode):
        kind = node.tag.rsplit(":", 1)[-1]
        read_as = _READ_AS.get(kind, f"a value tagged '{node.tag}'")
        return f"the field name {shown(node.value)} is not text: YAML reads it as {read_as}; correct the name, or put it in quotes"
    kind = "a list" if isinstance(node, yaml.SequenceNode) else "a mapping"
    return f"a field name must be text, but this one is {kind}; write a plain name before the colon"


_STR, _SEQ, _MAP = (f"tag:yaml.org,2002:{name}" for name in ("str", "seq", "map"))
