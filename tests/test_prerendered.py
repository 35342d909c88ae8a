"""Question pages and page macros skip Markdown's HTML parser (macros/prerendered.py): what each
becomes must be what Markdown makes of the same source, with the handbook's own extensions."""

from __future__ import annotations

import functools
import re

import markdown
from mkdocs.utils import meta

from macros import page_macros, pages
from macros.prerendered import END, START, PrerenderedHtml, anchor_ids, marked

from .conftest import mkdocs_config


def converter(*extra: markdown.Extension) -> markdown.Markdown:
    names, configs = [], {}
    for entry in mkdocs_config()["markdown_extensions"]:
        name, options = next(iter(entry.items())) if isinstance(entry, dict) else (entry, None)
        names.append(name)
        configs[name] = options or {}
    return markdown.Markdown(extensions=[*names, *extra], extension_configs=configs)


def test_every_question_page_is_what_markdown_would_make_of_it(handbook):
    plain, kept = converter(), converter(PrerenderedHtml())
    for q in handbook.questions.values():
        body = meta.get_data(pages.render_question(handbook, q))[0]
        assert START in body and END in body, q.id
        unmarked = "\n".join(line for line in body.splitlines() if line not in (START, END))
        assert kept.reset().convert(body) == plain.reset().convert(unmarked), q.id


def test_text_outside_the_marks_is_still_markdown():
    source = f"# A *heading*\n\n{START}\n<p>*kept as written*</p>\n{END}\n\nSome **bold** text"
    html = converter(PrerenderedHtml()).convert(source)
    assert "<em>heading</em>" in html and "<strong>bold</strong>" in html
    assert "<p>*kept as written*</p>" in html


def test_a_mark_left_open_leaves_the_rest_to_markdown():
    source = f"{START}\n\n*read as Markdown*"
    assert "<em>read as Markdown</em>" in converter(PrerenderedHtml()).convert(source)


def test_every_page_macro_is_what_markdown_would_make_of_it(handbook):
    """Page macros stand on a line of their own; marked, each keeps the HTML Markdown would make
    of it (up to blank lines between blocks)."""
    plain, kept = converter(), converter(PrerenderedHtml())
    one_gap = functools.partial(re.sub, r"\n\s*\n", "\n")
    for name, render in page_macros().items():
        html = render(handbook, "index.md")
        assert html.startswith("<") and "markdown=" not in html, name
        assert one_gap(kept.reset().convert(marked(html))) == one_gap(plain.reset().convert(html)), name


def test_anchor_ids_are_the_ids_of_tags_only():
    page = (
        '<section class="hb-ap" id="ap-one"><h2 data-id="not-this" id="tom&amp;jerry">A</h2>'
        '<p>Text saying id=&#34;no&#34;, and <code>id="nor-this"</code></p></section>'
    )
    assert anchor_ids(page) == {"ap-one", "tom&jerry"}
