"""Turn contributed text into safe HTML, and build links between pages.

Contributed strings may use inline Markdown.  They are rendered by a bare
Markdown instance (no extensions, so nothing can read files or fetch remote
content) and then cleaned by nh3, so raw HTML, scripts, event handlers and
`javascript:`/`data:` links never reach the page.
"""

from __future__ import annotations

import functools
import html
import posixpath
import re

import markdown
import nh3

INLINE_TAGS = {"em", "strong", "code", "a", "br"}
BLOCK_TAGS = INLINE_TAGS | {"p", "ul", "ol", "li"}
ATTRIBUTES = {"a": {"href", "title"}}
SCHEMES = {"http", "https", "mailto"}

_md = markdown.Markdown(extensions=[], output_format="html")
_PARA = re.compile(r"^<p>(.*)</p>$", re.S)


def esc(text: object) -> str:
    return html.escape(str(text), quote=True)


# Text that Markdown and nh3 give back unchanged: it starts with a letter, a bracket or a
# quote (so no block such as a heading, list, quote or code can begin), ends without space,
# and has no line break, control character, no-break space or character that inline Markdown
# or HTML acts on. Most contributed prose is like this; skipping the Markdown run for it is
# what keeps a build of thousands of questions fast. tests/test_text.py holds both paths to
# the same output.
_UNCHANGED = re.compile(r"[A-Za-z(\"'\u2018\u201c][^\x00-\x1f\x7f\xa0\\`*_\[\]!<>&#]*(?<=\S)\Z")


def _markdown(text: str) -> str:
    # Angle brackets are escaped first, so raw HTML in data shows as the text it is.
    return _md.reset().convert(text.replace("<", "&lt;").replace(">", "&gt;"))


@functools.cache
def inline(text: str) -> str:
    """One line of contributed Markdown as safe inline HTML."""
    if _UNCHANGED.match(text):
        return text
    rendered = _markdown(text)
    match = _PARA.match(rendered)
    body = match.group(1) if match and "</p>" not in match.group(1) else rendered
    return nh3.clean(body, tags=INLINE_TAGS, attributes=ATTRIBUTES, url_schemes=SCHEMES, link_rel="noopener nofollow")


@functools.cache
def block(text: str) -> str:
    """A paragraph or more of contributed Markdown as safe HTML."""
    if _UNCHANGED.match(text):
        return f"<p>{text}</p>"
    return nh3.clean(_markdown(text), tags=BLOCK_TAGS, attributes=ATTRIBUTES, url_schemes=SCHEMES, link_rel="noopener nofollow")


@functools.cache
def plain(text: str) -> str:
    """Contributed Markdown reduced to plain text (for titles and data attributes)."""
    if _UNCHANGED.match(text):
        return text
    return html.unescape(nh3.clean(_markdown(text), tags=set())).strip()


@functools.cache
def short_title(text: str, limit: int = 90) -> str:
    first = re.split(r"(?<=[.?!])\s", plain(text), maxsplit=1)[0]
    if len(first) <= limit:
        return first
    return first[: first.rfind(" ", 0, limit)].rstrip(",;:") + "…"


def page_url(src: str, directory_urls: bool = True) -> str:
    """The URL MkDocs gives the page built from `src` (a docs-relative .md path)."""
    stem = src.removesuffix(".md")
    if not directory_urls:
        return f"{stem}.html"
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return f"{stem}/"


def href(from_src: str, to_src: str, directory_urls: bool = True, anchor: str = "") -> str:
    """A relative link from one page to another, as it must appear in raw HTML."""
    base = "/" + page_url(from_src, directory_urls)
    base_dir = base if base.endswith("/") else posixpath.dirname(base)
    target = "/" + page_url(to_src, directory_urls)
    rel = posixpath.relpath(target, base_dir)
    if target.endswith("/") and not rel.endswith("/"):
        rel += "/"
    return rel + (f"#{anchor}" if anchor else "")
