"""HTML the handbook's templates have already made, passed through Markdown whole.

A question page is HTML from its first line to its last, and each page macro writes a block of
HTML, all built by the templates with every data string escaped. Markdown would still run its
HTML parser over every line of it, only to find where each block ends and keep it as written:
a fifth of a build at the shipped size. The template and the macros mark that HTML, and this
extension keeps it as Markdown keeps any raw HTML block, unparsed. `tests/test_prerendered.py`
holds what comes out to what Markdown would make of the same source.
"""

from __future__ import annotations

import html
import re

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor
from markupsafe import Markup

START = "<!-- hb:html -->"
END = "<!-- /hb:html -->"


def marked(block: Markup) -> Markup:
    """A block of HTML from the templates, marked to pass through Markdown whole."""
    return Markup("{}\n{}\n{}").format(Markup(START), block, Markup(END))


# An id attribute inside a start tag. The templates escape every quote and '>' in attribute
# values, and text outside tags has its '<' escaped, so no value or text can look like one.
_ID = re.compile(r'<[a-zA-Z][^>]*?\sid="([^"]*)"')


def anchor_ids(page_html: str) -> set[str]:
    """The ids in a page's HTML. MkDocs learns a page's anchors from its element tree and from
    raw HTML as Markdown reads it; the kept HTML is neither, so its ids are found here."""
    return {html.unescape(value) for value in _ID.findall(page_html)}


class _KeepMarked(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        rest = lines
        while START in rest:
            start = rest.index(START)
            try:
                end = rest.index(END, start)
            except ValueError:
                break
            block = "\n".join(rest[start + 1 : end])
            out += [*rest[:start], "", self.md.htmlStash.store(block), ""]
            rest = rest[end + 1 :]
        return out + rest


class PrerenderedHtml(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Markdown's name
        # After whitespace is normalised (30); before MkDocs' scan for anchors (21) and the HTML
        # block parser (20), so neither reads the kept HTML: see anchor_ids.
        md.preprocessors.register(_KeepMarked(md), "hb_prerendered_html", 25)
