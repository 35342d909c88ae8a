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
from pathlib import Path

from bs4 import BeautifulSoup, Tag


def site_pages(site: Path) -> list[str]:
    """Every page of the built site, as paths relative to its root ("" is the home page)."""
    paths = sorted(p.parent.relative_to(site).as_posix() for p in site.rglob("index.html"))
    return ["" if p == "." else f"{p}/" for p in paths]


def page_html(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


def pages_containing(site: Path, text: str) -> list[str]:
    """The pages whose built HTML contains `text`."""
    return [path for path in site_pages(site) if text in page_html(site, path)]


def kind(tag: Tag) -> tuple[str, str]:
    return tag.name, " ".join(sorted(tag.get("class", [])))


def elements(html: str) -> set[tuple[tuple[str, str], tuple[str, str]]]:
    """Each element of a page as (its parent's tag and classes, its own tag and classes)."""
    return {(kind(tag.parent), kind(tag)) for tag in BeautifulSoup(html, "html.parser").find_all(True)}


@functools.cache
def covering_pages(site: Path) -> list[str]:
    """Per folder, the fewest pages (chosen greedily) showing every element its pages show."""
    folders: dict[str, dict[str, set]] = defaultdict(dict)
    for path in site_pages(site):
        folders[path.rstrip("/").rpartition("/")[0]][path] = elements(page_html(site, path))
    chosen = []
    for pages in folders.values():
        unseen = set().union(*pages.values())
        while unseen:
            page = max(sorted(pages), key=lambda p: len(pages[p] & unseen))
            chosen.append(page)
            unseen -= pages[page]
    return sorted(chosen)
