"""The one way the handbook makes HTML: Jinja2 templates in `macros/templates/`,
with autoescape on. A template receives records and plain strings and escapes
them; contributed Markdown enters only through the `md` filters (`text.markdown`)."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

from jinja2 import Environment, FileSystemBytecodeCache, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from . import components as c
from .pay import usd, usd_span
from .text import counted, href, markdown, md_heading, plain, short_title, theme_title

TEMPLATES = Path(__file__).resolve().parent / "templates"


def json_text(data: object) -> str:
    """JSON as plain text, which the templates escape like any other: a tool's settings sit in an
    attribute of its element, since the theme's instant navigation runs every script in the new
    page's content again as a script, JSON included."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def yaml_scalar(value: object) -> Markup:
    """A front-matter value: JSON is valid YAML, and a title is HTML-escaped because the theme
    places page titles in the page unescaped."""
    if isinstance(value, str):
        value = theme_title(value)
    return Markup(json.dumps(value))


_BREAK_AFTER = re.compile(r"(?<=[-._–])(?=.)")


def breakable(text: str) -> Markup:
    """An id, a field's path or a range, escaped, with a line break allowed after each "-", ".",
    "_" or "–": a table column then narrows to its longest part instead of pushing the table
    sideways."""
    return Markup("<wbr>").join(_BREAK_AFTER.split(text))


def span(value, unit: str = "") -> str:
    from .disagreements import span_text

    return span_text(value, unit)


def _env() -> Environment:
    options = {"autoescape": True, "trim_blocks": True, "lstrip_blocks": True}
    # Compiling the templates took a fifth of a second of every build, so Jinja keeps the
    # compiled code in the user's temporary folder, keyed by each template's path and source.
    # The options are compiled in too, and Jinja's key leaves them out: the file name holds them.
    kept = FileSystemBytecodeCache(pattern=f"handbook-{hashlib.sha256(repr(options).encode()).hexdigest()[:12]}-%s.cache")
    env = Environment(loader=FileSystemLoader(TEMPLATES), undefined=StrictUndefined, bytecode_cache=kept, **options)
    env.filters.update(
        breakable=breakable, md=markdown, md_block=lambda text: markdown(text, block=True), md_heading=md_heading, plain=plain,
        short_title=short_title, counted=counted, usd=usd, span=span, json=json_text, yaml=yaml_scalar,
    )  # fmt: skip
    env.globals.update(
        href=href, usd_span=usd_span, c=c,
    )  # fmt: skip
    return env


ENV = _env()


def render(template: str, **context: object) -> Markup:
    """A template's output: safe to place in another template, since every data string in it was escaped."""
    return Markup(ENV.get_template(template).render(**context))
