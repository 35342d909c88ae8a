"""The preview `make serve` runs: after an edit to question files only, the pages whose
source or Markdown changed are rendered again, in place, by MkDocs' own page steps; the rest
of the site stays as the last build wrote it. A page made from data is made again only when a
question record it shows changed (`PageReads`), and a page under docs/ only when it calls a
macro in READS_QUESTIONS.

The first build is MkDocs' own full build, and so is the rebuild after any other change:
another data file, a question added, removed or renamed, a tag gained or lost, anything
under docs/, overrides/, macros/ or hooks/, mkdocs.yml or CONTRIBUTING.md, and any edit
the data check refuses (the full build reports it as usual). The hooks record what each
full build made (configuration, files, navigation, template environment, every page's
Markdown after macros) and the inputs it read. `tests/test_preview.py` holds the site
after an edit to what a full build of the same data writes, file for file.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs import utils
from mkdocs.commands.build import _build_page
from mkdocs.exceptions import Abort, PluginError
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from watchdog.observers.polling import PollingObserver

from . import READS_QUESTIONS, pages
from .datafiles import editor_leftover, fingerprint
from .handbook import Handbook, same_objects
from .site import data_dir, handbook_for, project_root
from .text import counted

log = logging.getLogger("mkdocs.plugins.handbook.preview")

# Besides data/: what a build reads, under the project's root.
INPUTS = ("docs", "overrides", "macros", "hooks", "mkdocs.yml", "CONTRIBUTING.md")


@dataclass
class Build:
    """What the last full build made, and from which inputs."""

    config: object
    files: Files
    hb: Handbook
    sources: dict[str, str]
    reads: dict[str, tuple]
    data: tuple
    inputs: tuple
    nav: object = None
    env: object = None
    markdown: dict[str, str] = field(default_factory=dict)
    macros: dict[str, set[str]] = field(default_factory=dict)
    complete: bool = False


_last: Build | None = None


# -- what the hooks record during a full build -------------------------------------------


class PageReads:
    """`pages.generated`'s `made`: it records the question records each page reads, and with the
    last build's, gives back the page made then when they are the same objects. The reload keeps
    the record of every question file the edit did not touch, and nothing else changed."""

    def __init__(self, last: Build | None = None) -> None:
        self.reads: dict[str, tuple] = {}
        self._last = last

    def __call__(self, src: str, reads: tuple, make: Callable[[], str]) -> str:
        self.reads[src] = reads
        before = self._last.reads.get(src) if self._last else None
        if before is not None and same_objects(before, reads):
            return self._last.sources[src]
        return make()


def started(config, files: Files, hb: Handbook, sources: dict[str, str], reads: dict[str, tuple]) -> None:
    global _last
    _last = Build(config, files, hb, sources, reads, fingerprint(data_dir(config)), inputs(config))


def remember(**made) -> None:
    if _last is not None:
        for name, value in made.items():
            setattr(_last, name, value)


def remember_markdown(page: Page, markdown: str) -> None:
    if _last is not None:
        _last.markdown[page.file.src_uri] = markdown


def macro_called(src: str, name: str) -> None:
    if _last is not None:
        _last.macros.setdefault(src, set()).add(name)


def finished() -> None:
    if _last is not None:
        _last.complete = True


def inputs(config) -> tuple:
    """Every file a build reads besides data/, with its size and time of change (an editor's swap
    file beside a page is not read, and changes while the page is open)."""
    root = project_root(config)
    out = []
    for name in INPUTS:
        top = root / name
        walk = [(str(top.parent), [], [top.name])] if top.is_file() else os.walk(top)
        for folder, dirs, names in walk:
            dirs[:] = sorted(d for d in dirs if d != "__pycache__")
            for n in sorted(n for n in names if not editor_leftover(n)):
                st = os.stat(os.path.join(folder, n))
                out.append((os.path.join(folder, n), st.st_mtime_ns, st.st_size))
    return tuple(out)


# -- the rebuild ----------------------------------------------------------------------------


# MkDocs looks for changed files every half second, which alone adds 0.25 s on average to
# every save. A tenth of a second costs a few hundred stat calls per look over docs/ and data/.
POLL_SECONDS = 0.1


def watch_closely(server) -> None:
    """Have the server look for changes every POLL_SECONDS. Its watcher has not started yet, so
    the paths already watched move to a new one; those added later land on it directly."""
    watched = list(server._watched_paths)
    for path in watched:
        server.unwatch(path)
    server.observer = PollingObserver(timeout=POLL_SECONDS)
    for path in watched:
        server.watch(path)


def rebuilder(full_build: Callable[[], None]) -> Callable[[], None]:
    """The server's rebuild: only what an edit touched when it can, else `full_build`."""

    def rebuild() -> None:
        if not rebuild_touched():
            full_build()

    return rebuild


def rebuild_touched() -> bool:
    """Render again the pages an edit to question files changed; False when it cannot."""
    last = _last
    if last is None or not last.complete or inputs(last.config) != last.inputs:
        return False
    now = fingerprint(data_dir(last.config))
    if not _only_question_files_edited(last.data, now):
        return False
    try:
        hb = handbook_for(last.config)
    except PluginError:
        return False  # the full build reports the data's problems as usual
    made = PageReads(last)
    sources = pages.generated(hb, made)
    if sources.keys() != last.sources.keys():
        return False
    try:
        with _strict_warnings(last.config):
            _render_changed(last, sources)
    except BaseException:
        last.complete = False  # the next rebuild is a full one
        raise
    last.hb, last.sources, last.reads, last.data = hb, sources, made.reads, now
    return True


def _only_question_files_edited(before: tuple, now: tuple) -> bool:
    """The same entries, and every one that changed is a question file."""
    if [entry[0] for entry in before] != [entry[0] for entry in now]:
        return False
    changed = [new[0] for old, new in zip(before, now, strict=True) if old != new]
    return all(Path(path).parent.name == "questions" and path.endswith(".yml") for path in changed)


def _render_changed(last: Build, sources: dict[str, str]) -> None:
    config, files = last.config, last.files
    changed = []
    for file in files.documentation_pages(inclusion=InclusionLevel.is_in_serve):
        src = file.src_uri
        made_from_data = src in sources
        if made_from_data:
            if sources[src] == last.sources[src]:
                continue
            file.content_string = sources[src]
        elif not (last.macros.get(src, set()) & READS_QUESTIONS):
            continue
        # A page made from data changed in its source, front matter (its title) included; a page
        # under docs/ can change only in what its macros write, and only those that show questions.
        if _read_again(file, config, files, None if made_from_data else last.markdown.get(src)):
            changed.append(file.page)
    if not changed:
        return
    search = config.plugins["material/search"].search_index
    kept, search.entries = search.entries, []
    doc_files = files.documentation_pages(inclusion=InclusionLevel.is_in_serve)
    for page in changed:
        _build_page(page, config, doc_files, last.nav, last.env)
    search.entries = _merged(kept, search.entries)
    for page in changed:
        page.validate_anchor_links(files=files, log_level=config.validation.links.anchors)
    config.plugins.on_post_build(config=config)
    log.info("rebuilt %s: %s", counted(len(changed), "page"), ", ".join(p.file.src_uri for p in changed))


def _read_again(file: File, config, files: Files, before: str | None) -> bool:
    """MkDocs' steps for reading a page; the page is converted to HTML unless its Markdown is `before`."""
    page = file.page
    config._current_page = page
    try:
        page = config.plugins.on_pre_page(page, config=config, files=files)
        page.read_source(config)
        page.markdown = config.plugins.on_page_markdown(page.markdown, page=page, config=config, files=files)
        if page.markdown == before:
            return False
        page.render(config, files)
        page.content = config.plugins.on_page_content(page.content, page=page, config=config, files=files)
        return True
    finally:
        config._current_page = None


def _merged(kept: list[dict], fresh: list[dict]) -> list[dict]:
    """The search entries of the pages built again, each page's in place of its old ones."""

    def page_of(entry: dict) -> str:
        return entry["location"].split("#")[0]

    by_page: dict[str, list[dict]] = {}
    for entry in fresh:
        by_page.setdefault(page_of(entry), []).append(entry)
    out, placed = [], set()
    for entry in kept:
        page = page_of(entry)
        if page not in by_page:
            out.append(entry)
        elif page not in placed:
            placed.add(page)
            out.extend(by_page[page])
    return out + [e for page, entries in by_page.items() if page not in placed for e in entries]


class _strict_warnings:
    """As MkDocs' build: in strict mode, a warning while rebuilding fails the rebuild."""

    def __init__(self, config) -> None:
        self.strict = config.strict
        self.counter = utils.CountHandler()
        self.counter.setLevel(logging.WARNING)

    def __enter__(self) -> None:
        logging.getLogger("mkdocs").addHandler(self.counter)

    def __exit__(self, *exc) -> None:
        logging.getLogger("mkdocs").removeHandler(self.counter)
        if exc[0] is None and self.strict and (counts := self.counter.get_counts()):
            raise Abort("Aborted with " + ", ".join(f"{v} {k.lower()}s" for k, v in counts) + " in strict mode!")
