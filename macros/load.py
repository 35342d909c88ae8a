"""Load `data/` into a checked Handbook, or fail listing every problem as
`file:line: field: message`.

Every file under `data/` is either read or reported with the reason it is not
(a wrong name, extension or folder, a symbolic link, not a file). A file that
breaks the schema is still checked as far as it can be: its references are
resolved from its raw data, so one run shows every problem.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import os
from collections.abc import Iterator
from pathlib import Path

from pydantic import BaseModel

from . import models as m
from .datafiles import FOLDERS, SINGLE_FILES, _shown, data_files, fingerprint
from .explain import CAP_REASONS, ID_HOMES, expected, explain, slug
from .handbook import Handbook
from .problems import Problem
from .refs import _Declared, _references_in_failed_files
from .text import counted
from .validate import _validate
from .yamlsafe import Document, read, read_bytes

__all__ = [
    "CAP_REASONS",
    "FOLDERS",
    "ID_HOMES",
    "ROOT",
    "SINGLE_FILES",
    "DataError",
    "data_dir",
    "data_files",
    "expected",
    "explain",
    "fingerprint",
    "load_handbook",
    "slug",
]

ROOT = Path(__file__).resolve().parent.parent


def data_dir(root: Path = ROOT) -> Path:
    """The data folder: `$HANDBOOK_DATA` when set (tests and the benchmark use it), else `data/` in root."""
    override = os.environ.get("HANDBOOK_DATA")
    return Path(override).resolve() if override else root / "data"


class DataError(Exception):
    def __init__(self, problems: list[Problem], set_aside: tuple[str, ...] = ()) -> None:
        self.problems, self.set_aside = problems, set_aside
        super().__init__("\n".join(map(str, problems)))

    @property
    def counted(self) -> str:
        return counted(len(self.problems), "problem")


def load_handbook(data_dir: Path, root: Path | None = None) -> Handbook:
    """Read and check every data file; raise DataError listing all problems."""
    with _without_gc_pauses():
        return _load(data_dir, root)


@contextlib.contextmanager
def _without_gc_pauses() -> Iterator[None]:
    # Loading only allocates: the cycle collector would rescan every record made so far,
    # again and again, for about a fifth of the load time at 5,000 questions.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


# Each file's reading and checking, kept while the file's bytes are the same, so a process that
# loads again after an edit (`make serve`) parses and checks only the files the edit touched.
_per_file: dict[Path, tuple[tuple, Document | None, list[Problem], BaseModel | None]] = {}


def _read_and_validate(path: Path, entry: m.DataFile, shown: str) -> tuple[Document | None, list[Problem], BaseModel | None]:
    """The file's document, its problems, and its record when it has none."""
    try:
        loaded = read_bytes(path)
    except OSError:
        return (*read(path, shown), None)  # `read` reports why
    key = (hashlib.blake2b(loaded[0] or b"", digest_size=16).digest(), loaded[1], entry, shown)
    kept = _per_file.get(path)
    if kept is not None and kept[0] == key:
        return kept[1:]
    doc, found = read(path, shown, loaded)
    record = None if doc is None else _validate(doc, entry, found)
    _per_file[path] = (key, doc, found, record)
    return doc, found, record


def _load(data_dir: Path, root: Path | None) -> Handbook:
    # Resolved once: every file path below is built from data_dir, so none needs resolving again.
    data_dir = data_dir.resolve()
    root = (root or data_dir.parent).resolve()
    problems: list[Problem] = []
    parsed: dict[str, tuple[Document, BaseModel]] = {}
    failed: list[tuple[Document, type[BaseModel]]] = []
    declared = _Declared()
    set_aside: list[str] = []
    if not data_dir.is_dir():
        raise DataError([Problem(_shown(data_dir, root), 1, "(file)", "the data folder does not exist")])
    unread = set(SINGLE_FILES) | {name for name in FOLDERS if (data_dir / name).is_symlink() or not (data_dir / name).is_dir()}

    for path, entry in data_files(data_dir, root, problems, set_aside):
        doc, found, record = _read_and_validate(path, entry, _shown(path, root))
        problems.extend(found)
        if doc is None:
            declared.add_unread(path, entry)
            continue
        unread.discard(entry.path)
        if record is None:
            failed.append((doc, entry.model))
            declared.add_raw(doc, entry.model)
        else:
            parsed[doc.path] = (doc, record)
    for name in unread:
        declared.add_unread(data_dir / name, SINGLE_FILES.get(name) or FOLDERS[name], whole=True)

    handbook = Handbook.assemble(parsed)
    handbook.set_aside = tuple(set_aside)
    problems.extend(_references_in_failed_files(handbook, failed, declared))
    problems.extend(p for p in handbook.problems() if not declared.covers_problem(p))
    if problems:
        raise DataError(sorted(dict.fromkeys(problems), key=lambda p: (p.path, p.line)), handbook.set_aside)
    return handbook
