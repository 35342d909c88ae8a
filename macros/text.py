"""Turn contributed text into safe HTML, and build links between pages.

Contributed strings may use inline Markdown.  They are rendered by a bare
Markdown instance (no extensions, so nothing can read files or fetch remote
content) and then cleaned by nh3, so raw HTML, scripts, event handlers and
`javascript:`/`data:` links never reach the page.
"""

from __future__ import annotations

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


def _markdown(text: str) -> str:
    # Angle brackets are escaped first, so raw HTML in data shows as the text it is.
    return _md.reset().convert(text.replace("<", "&lt;").replace(">", "&gt;"))


def inline(text: str) -> str:
    """One line of contributed Markdown as safe inline HTML."""
    rendered = _markdown(text)
    match = _PARA.match(rendered)
    body = match.group(1) if match and "</p>" not in match.group(1) else rendered
    return nh3.clean(body, tags=INLINE_TAGS, attributes=ATTRIBUTES, url_schemes=SCHEMES, link_rel="noopener nofollow")


def block(text: str) -> str:
    """A paragraph or more of contributed Markdown as safe HTML."""
    return nh3.clean(_markdown(text), tags=BLOCK_TAGS, attributes=ATTRIBUTES, url_schemes=SCHEMES, link_rel="noopener nofollow")


def plain(text: str) -> str:
    """Contributed Markdown reduced to plain text (for titles and data attributes)."""
    return html.unescape(nh3.clean(_markdown(text), tags=set())).strip()


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
