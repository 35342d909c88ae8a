"""Which entries under `data/` are data files to read, and why every other entry is refused."""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterator
from pathlib import Path

from . import models as m
from .problems import Problem, nearest

SINGLE_FILES = {f.path: f for f in m.DATA_FILES if not f.is_folder}
FOLDERS = {f.path: f for f in m.DATA_FILES if f.is_folder}
# Files an editor or the operating system keeps beside the ones being edited (a swap file, a
# backup, a lock) for as long as the editor is open: set aside, never read, never an error.
_EDITOR_LEFTOVER = re.compile(r"^\..*\.sw[a-p]$|^\.#|~$|^\.DS_Store$|^Thumbs\.db$")


SET_ASIDE = "set aside, not read: an editor's swap, backup or lock file"


def editor_leftover(name: str) -> bool:
    return _EDITOR_LEFTOVER.search(name) is not None


def _shown(path: Path, root: Path) -> str:
    try:
        return str(path.relative_to(root))
    except ValueError:
        return str(path)


def data_files(data_dir: Path, root: Path, problems: list[Problem], set_aside: list[str]) -> Iterator[tuple[Path, m.DataFile]]:
    """Every data file to read, in a stable order; an editor's leftover goes into set_aside and
    every other entry under data_dir becomes a problem. Nothing is followed out of data_dir:
    symbolic links are refused, never read."""

    def refuse(path: Path, message: str) -> None:
        if editor_leftover(path.name):
            set_aside.append(_shown(path, root))
        else:
            problems.append(Problem(_shown(path, root), 1, "(file)", message))

    entries = {e.name: e for e in _entries(data_dir)}
    for name in SINGLE_FILES.keys() - entries.keys():
        refuse(data_dir / name, "required file is missing")
    for name in FOLDERS.keys() - entries.keys():
        refuse(data_dir / name, "required folder is missing")
    for name, dirent in sorted(entries.items()):
        path = data_dir / name
        if dirent.is_symlink():
            refuse(path, _SYMLINK)
        elif name in SINGLE_FILES:
            if dirent.is_file(follow_symlinks=False):
                yield path, SINGLE_FILES[name]
            else:
                refuse(path, f"{name} must be a file, and this is {_kind(dirent)}")
        elif name in FOLDERS:
            if dirent.is_dir(follow_symlinks=False):
                yield from _folder_files(path, FOLDERS[name], refuse)
            else:
                refuse(path, f"{name} must be a folder of <id>.yml files, and this is {_kind(dirent)}")
        elif dirent.is_dir(follow_symlinks=False):
            folders = ", ".join(f"data/{f}/" for f in FOLDERS)
            for inner in _files_under(path):
                refuse(inner, f"data/{name}/ is not a data folder, so this file is never read; the folders are {folders}")
        else:
            refuse(path, _top_level_reason(name, dirent))


def fingerprint(data_dir: Path) -> tuple[tuple[str, int, int, int], ...]:
    """Every entry under data_dir with its type, and a file's size and time of change: equal
    fingerprints, equal data. A folder's own time changes whenever a file in it is added or
    replaced, as an editor's save-by-rename does, so it is left out; an editor's leftovers too."""
    out = []
    for top, dirs, files in os.walk(data_dir):  # os.walk follows no symbolic link to a folder
        for name in sorted([*dirs, *files]):
            if editor_leftover(name):
                continue
            st = os.lstat(os.path.join(top, name))
            changed = (0, 0) if stat.S_ISDIR(st.st_mode) else (st.st_mtime_ns, st.st_size)
            out.append((os.path.join(top, name), st.st_mode, *changed))
    return tuple(out)


def _entries(folder: Path) -> list[os.DirEntry]:
    with os.scandir(folder) as it:
        return list(it)


def _files_under(folder: Path) -> Iterator[Path]:
    """Everything below folder that is not itself a folder, without following links."""
    for dirent in sorted(_entries(folder), key=lambda e: e.name):
        if dirent.is_dir(follow_symlinks=False):
            yield from _files_under(Path(dirent.path))
        else:
            yield Path(dirent.path)


def _folder_files(folder: Path, entry: m.DataFile, refuse) -> Iterator[tuple[Path, m.DataFile]]:  # noqa: ANN001
    where = f"data/{entry.path}/"
    for dirent in sorted(_entries(folder), key=lambda e: e.name):
        path = folder / dirent.name
        suffix = path.suffix
        if dirent.is_symlink():
            refuse(path, _SYMLINK)
        elif dirent.is_dir(follow_symlinks=False):
            for inner in _files_under(path):
                refuse(inner, f"the check reads no subfolders of {where}: move the file into {where} itself")
        elif not dirent.is_file(follow_symlinks=False):
            refuse(path, f"not a file but {_kind(dirent)}; {where} holds only <id>.yml files")
        elif suffix == ".yml":
            yield path, entry
        elif suffix.lower() in {".yml", ".yaml"}:
            refuse(path, f"the extension must be .yml, not {suffix}: rename it to {path.stem}.yml")
        else:
            refuse(path, f"not a YAML data file: {where} holds only <id>.yml files")


_SYMLINK = "a symbolic link: data/ takes only real files, so the check does not follow it; put the file itself here"


def _kind(dirent: os.DirEntry) -> str:
    mode = dirent.stat(follow_symlinks=False).st_mode
    return "a folder" if stat.S_ISDIR(mode) else "a file" if stat.S_ISREG(mode) else "a special file (not a regular file)"


def _top_level_reason(name: str, dirent: os.DirEntry) -> str:
    if not dirent.is_file(follow_symlinks=False):
        return f"not a file but {_kind(dirent)}"
    stem, dot, suffix = name.rpartition(".")
    if dot and suffix.lower() in {"yml", "yaml"}:
        if f"{stem}.yml" in SINGLE_FILES:
            return f"the extension must be .yml, not .{suffix}: rename it to {stem}.yml"
        close = nearest(stem, [name.removesuffix(".yml") for name in SINGLE_FILES])
        hint = f"did you mean {close}.yml? " if close else ""
        return (
            f"not one of the data files, so it is never read; {hint}A question goes in data/questions/, "
            f"a framework in data/frameworks/, a checklist in data/checklists/"
        )
    return "not a YAML data file: data/ holds only the .yml files that CONTRIBUTING.md lists"
