"""The pages a sweep of the built site visits: every page, or the fewest pages that show
every kind of element the site has.

A check whose outcome depends on the text of a page (a link without a name, a page wider
than a phone) must visit every page. A check whose outcome depends only on how each kind of
element is styled (its colours in the other scheme, its layout at the other width) learns
nothing more from the 170th question page than from the first, since the question and tag
pages are each one template filled with text. For those checks `covering_pages` picks, in
each folder of the site, the fewest pages that between them show every element found in
any page of that folder, an element being its tag and classes inside its parent's."""

from __future__ import annotations

import functools
from collections import defaultdict
from html.parser import HTMLParser
from pathlib import Path

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


def site_pages(site: Path) -> list[str]:
    """Every page of the built site, as paths relative to its root ("" is the home page)."""
    paths = sorted(p.parent.relative_to(site).as_posix() for p in site.rglob("index.html"))
    return ["" if p == "." else f"{p}/" for p in paths]


def pages_containing(site: Path, text: str) -> list[str]:
    """The pages whose built HTML contains `text`."""
    return [path for path in site_pages(site) if text in (site / path / "index.html").read_text(encoding="utf-8")]


class _Elements(HTMLParser):
    """Each element of a page as (its parent's tag and classes, its own tag and classes)."""

    def __init__(self) -> None:
        super().__init__()
        self.open: list[tuple[str, str]] = [("", "")]
        self.found: set[tuple[tuple[str, str], tuple[str, str]]] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = (tag, " ".join(sorted((dict(attrs).get("class") or "").split())))
        self.found.add((self.open[-1], element))
        if tag not in VOID:
            self.open.append(element)

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self.open) - 1, 0, -1):
            if self.open[depth][0] == tag:
                del self.open[depth:]
                return


def elements(html: str) -> set:
    parser = _Elements()
    parser.feed(html)
    return parser.found


@functools.cache
def covering_pages(site: Path) -> list[str]:
    """Per folder, the fewest pages (chosen greedily) showing every element its pages show."""
    folders: dict[str, dict[str, set]] = defaultdict(dict)
    for path in site_pages(site):
        folders[path.rstrip("/").rpartition("/")[0]][path] = elements((site / path / "index.html").read_text(encoding="utf-8"))
    chosen = []
    for pages in folders.values():
        unseen = set().union(*pages.values())
        while unseen:
            page = max(sorted(pages), key=lambda p: len(pages[p] & unseen))
            chosen.append(page)
            unseen -= pages[page]
    return sorted(chosen)
