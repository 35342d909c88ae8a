"""Contributed text, made safe for where it lands.

`markdown` is the one place data becomes HTML: a bare Markdown instance that reads
no raw HTML (so `<b>` shows as typed), no underscore emphasis (so `__init__` and
snake_case stay as typed), then nh3 with a short allow-list, then `Markup`.
Nothing else in the handbook makes `Markup` from data; templates escape the rest.
`plain` gives the same text without markup, for titles, attributes and JSON;
`md_heading` escapes a plain title so Markdown and attr_list read it as text.
"""

from __future__ import annotations

import functools
import html
import re

import markdown as _markdown_lib
import nh3
from markupsafe import Markup, escape

INLINE_TAGS = {"em", "strong", "code", "a", "br"}
BLOCK_TAGS = INLINE_TAGS | {"p", "ul", "ol", "li"}
ATTRIBUTES = {"a": {"href", "title"}}
SCHEMES = {"http", "https", "mailto"}
_PARA = re.compile(r"^<p>(.*)</p>$", re.S)


def _reader() -> _markdown_lib.Markdown:
    md = _markdown_lib.Markdown(extensions=[], output_format="html")
    md.preprocessors.deregister("html_block")  # raw HTML is text, escaped on output
    md.inlinePatterns.deregister("html")
    md.inlinePatterns.deregister("entity")
    for images in ("image_link", "image_reference", "short_image_ref"):
        md.inlinePatterns.deregister(images)  # "![alt](address)" is a "!" and a link
    md.delimiters.remove("_")  # underscores never emphasise
    return md


_md = _reader()

# Text that Markdown and nh3 give back unchanged: it starts with a letter, a bracket or a
# quote (so no block such as a heading, list, quote or code can begin), ends without space,
# and has no line break, control character, no-break space or character that inline Markdown
# or HTML acts on. Most contributed prose is like this; skipping the Markdown run for it is
# what keeps a build of thousands of questions fast. tests/test_text.py holds both paths to
# the same output.
_UNCHANGED = re.compile(r"[A-Za-z(\"'\u2018\u201c][^\x00-\x1f\x7f\xa0\\`*_\[\]!<>&#]*(?<=\S)\Z")


def _only_web_links(element: str, attribute: str, value: str) -> str | None:
    # Browsers drop tabs, newlines and control characters inside a URL, so "java<TAB>script:"
    # runs as script although a sanitizer reads it as a relative link. A contributed link is
    # kept only when, read as a browser reads it, it is http, https or mailto.
    if attribute != "href":
        return value
    seen = "".join(ch for ch in value if ord(ch) > 0x20).lower()
    return value if seen.split(":", 1)[0] in SCHEMES and ":" in seen else None


# A code span, as Markdown finds one: its contents are escaped by Markdown itself.
_CODE_SPAN = re.compile(r"(?<!\\)(`+)(.+?)(?<!`)\1(?!`)", re.S)
# What would start a heading, list, quote or numbered list at the start of inline text.
_BLOCK_START = re.compile(r"^(\s*)(#{1,6}|[-+*>]|\d+[.)])(?=\s|$)")


def _as_typed(text: str, inline: bool) -> str:
    """Text for Markdown with `&` escaped outside code spans (so "&amp;" and "&#106;" show as
    typed) and, for inline text, a leading "#", "-", "+", "*", ">" or "1." kept as text."""
    parts, last = [], 0
    for span in _CODE_SPAN.finditer(text):
        parts += [text[last : span.start()].replace("&", "&amp;"), span.group(0)]
        last = span.end()
    parts.append(text[last:].replace("&", "&amp;"))
    typed = "".join(parts)
    if not inline:
        return typed

    # "\#", "\-" and "1\." are Markdown's own escapes: the character stays, the block does not start.
    def escaped(m: re.Match) -> str:
        marker = m.group(2)
        return m.group(1) + ("\\#" * len(marker) if marker.startswith("#") else marker[:-1] + "\\" + marker[-1])

    return _BLOCK_START.sub(escaped, typed)


def _clean(rendered: str, tags: set[str]) -> str:
    return nh3.clean(
        rendered, tags=tags, attributes=ATTRIBUTES, url_schemes=SCHEMES, link_rel="noopener nofollow",
        attribute_filter=_only_web_links,
    )  # fmt: skip


@functools.cache
def _inline(text: str) -> str:
    if _UNCHANGED.match(text):
        return text
    rendered = _md.reset().convert(_as_typed(text, inline=True))
    match = _PARA.match(rendered)
    body = match.group(1) if match and "</p>" not in match.group(1) else rendered
    return _clean(body, INLINE_TAGS)


def paragraphs(text: str) -> list[str]:
    """Block text's paragraphs: folded YAML (`>-`) keeps a blank line of the source as one line
    break, so each line is a paragraph of its own."""
    return [line for line in map(str.strip, text.split("\n")) if line]


@functools.cache
def _block(text: str) -> str:
    parts = paragraphs(text)
    if all(_UNCHANGED.match(p) for p in parts):
        return "\n".join(f"<p>{p}</p>" for p in parts)
    return _clean(_md.reset().convert(_as_typed("\n\n".join(parts), inline=False)), BLOCK_TAGS)


def markdown(text: str, *, block: bool = False) -> Markup:
    """Contributed inline Markdown (or paragraphs and lists, with `block`: each line a
    paragraph) as safe HTML."""
    return Markup(_block(text) if block else _inline(text))


@functools.cache
def plain(text: str) -> str:
    """Contributed Markdown reduced to plain text (for titles, attributes and JSON)."""
    if _UNCHANGED.match(text):
        return text
    return html.unescape(nh3.clean(_md.reset().convert(_as_typed(text, inline=True)), tags=set())).strip()


# The characters Markdown (with the tables extension's "|") lets a backslash escape, which are all
# it or attr_list acts on in a heading; a backslash before any other shows on the page.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")


def md_heading(text: str) -> Markup:
    """A plain title for a Markdown heading line: escaped for HTML, then for Markdown."""
    flat = " ".join(plain(text).split())
    return Markup(_MD_SPECIAL.sub(r"\\\1", html.escape(flat, quote=False)))


@functools.cache
def counted(n: int, noun: str) -> str:
    """'1 question', '3 questions'."""
    return f"{n} {noun}{'' if n == 1 else 's'}"


def short_title(text: str, limit: int = 90) -> str:
    first = re.split(r"(?<=[.?!])\s", plain(text), maxsplit=1)[0]
    if len(first) <= limit:
        return first
    return first[: first.rfind(" ", 0, limit)].rstrip(",;:") + "…"


def theme_title(text: str) -> str:
    """A title from data on one line, escaped: the theme places page, nav and search titles in
    the page unescaped."""
    return str(escape(" ".join(text.split())))


def page_url(src: str, directory_urls: bool = True) -> str:
    """The URL MkDocs gives the page built from `src` (a docs-relative .md path)."""
    stem = src.removesuffix(".md")
    if not directory_urls:
        return f"{stem}.html"
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return f"{stem}/"


def href(from_src: str, to_src: str, directory_urls: bool = True, anchor: str = "") -> str:
    """A relative link from one page to another."""
    here = page_url(from_src, directory_urls).split("/")[:-1]
    there = page_url(to_src, directory_urls).split("/")
    shared = 0
    while shared < min(len(here), len(there) - 1) and here[shared] == there[shared]:
        shared += 1
    rel = "../" * (len(here) - shared) + "/".join(there[shared:])
    return (rel or "./") + (f"#{anchor}" if anchor else "")
