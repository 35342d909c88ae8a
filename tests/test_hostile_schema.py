"""Hostile text in every text field of every data file, found from the schema.

The test walks every model reachable from the data files' models, finds each field
that holds text (directly, in a list or in a nested record), and writes payloads into
every such field of a copy of the data. It then builds the site and checks every HTML,
JSON and PDF file for anything a payload made live, and opens every kind of page in
Chromium to check that no dialog fires. A new text field is covered without anyone
listing it: the coverage test fails when a text field received no payload.

A field that cannot hold prose is skipped by its type, never by its name: ids, tags and
addresses (strings with a pattern), enums, dates and numbers. Regular expressions are
code, so a payload goes into them as an escaped alternative that keeps the pattern valid.
"""

from __future__ import annotations

import json
import re
import types
import typing
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from pydantic import AfterValidator, BaseModel, StringConstraints

from macros import models as m

from .conftest import DATA, build_site, serve

# No digits: a figure without a source is refused, and payloads must pass the checks.
PAYLOADS = [
    "<script>alert(document.domain)</script>",
    "<img src=x onerror=alert(document.domain)>",
    "<svg onload=alert(document.domain)>",
    "<iframe src=javascript:alert(document.domain)></iframe>",
    '<a href="javascript:alert(document.domain)">x</a>',
    "<a href='JaVaScRiPt:alert(document.domain)'>x</a>",
    '<a href="java&Tab;script:alert(document.domain)">x</a>',
    "[x](javascript:alert(document.domain))",
    "[x](JaVaScRiPt:alert(document.domain))",
    "[x](java\tscript:alert(document.domain))",
    "[x](javascript&colon;alert(document.domain))",
    "[x](vbscript:msgbox(document.domain))",
    "[x](data:text/html,<script>alert(document.domain)</script>)",
    '<a href="data:text/html,<script>alert(document.domain)</script>">x</a>',
    "![x](javascript:alert(document.domain))",
    '<img src="vbscript:alert(document.domain)">',
    "[x](y) {: onclick=alert(document.cookie) }",
    'x {: onmouseover="alert(document.domain)" }',
    '<div markdown="block" onclick="alert(document.domain)">x</div>',
    "</script><script>alert(document.domain)</script>",
    "<!-- <script>alert(document.domain)</script> -->",
    "<!--",
    '" onmouseover="alert(document.domain)" x="',
    "' onfocus='alert(document.domain)' autofocus x='",
    "<style>*{background:url(javascript:alert(document.domain))}</style>",
    '<base href="javascript:alert(document.domain)//">',
    '<meta http-equiv="refresh" content="url=javascript:alert(document.domain)">',
    "<form action=javascript:alert(document.domain)><button>x</button></form>",
    "<details open ontoggle=alert(document.domain)>",
    "`</code><script>alert(document.domain)</script>`",
    "**<img src=x onerror=alert(document.domain)>**",
    "{{ config.site_name }} {% include 'mkdocs.yml' %} {# hidden #}",
]
TEMPLATE_PAYLOAD = PAYLOADS[-1]
RTL_OVERRIDE = "\u202e"
DANGEROUS_SCHEMES = ("javascript:", "vbscript:", "data:")
URL_ATTRIBUTES = {"href", "src", "srcset", "action", "formaction", "data", "poster", "xlink:href", "background", "srcdoc"}
NEVER_FROM_DATA = ["iframe", "object", "embed", "frame", "base", "form"]


# -- the schema: which fields hold text ---------------------------------------------------


def _portable(meta: object) -> bool:
    return isinstance(meta, AfterValidator) and meta.func is m._portable_regex


def kind_of(annotation: object, metadata: tuple = ()) -> tuple:
    """("text",), ("regex",), ("model", M), ("list", kind) or ("other",) for a field's type."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        base, *extra = typing.get_args(annotation)
        return kind_of(base, (*metadata, *extra))
    if origin in (typing.Union, types.UnionType):
        kinds = [kind_of(a, metadata) for a in typing.get_args(annotation) if a is not type(None)]
        return kinds[0] if len(kinds) == 1 else ("other",)
    if origin is list:
        return ("list", kind_of(typing.get_args(annotation)[0]))
    if annotation is str:
        if any(_portable(meta) for meta in metadata):
            return ("regex",)
        if any(isinstance(meta, StringConstraints) and meta.pattern for meta in metadata):
            return ("other",)  # ids, tags, addresses: a pattern admits no prose
        return ("text",)
    if m.is_model(annotation):
        return ("model", annotation)
    return ("other",)


def field_kind(model: type[BaseModel], name: str) -> tuple:
    info = model.model_fields[name]
    return kind_of(info.annotation, tuple(info.metadata))


def leaf_kind(model: type[BaseModel], name: str) -> tuple:
    """The kind of what a field holds, inside any lists."""
    kind = field_kind(model, name)
    while kind[0] == "list":
        kind = kind[1]
    return kind


def text_fields(roots: list[type[BaseModel]]) -> set[tuple[str, str]]:
    """(model, field) for every field that holds text, in every model reachable from `roots`."""
    found: set[tuple[str, str]] = set()
    seen: set[type[BaseModel]] = set()
    stack = list(roots)
    while stack:
        model = stack.pop()
        if model in seen:
            continue
        seen.add(model)
        for name in model.model_fields:
            kind = leaf_kind(model, name)
            if kind[0] in ("text", "regex"):
                found.add((model.__name__, name))
            elif kind[0] == "model":
                stack.append(kind[1])
    return found


def data_models() -> list[type[BaseModel]]:
    return [f.model for f in m.DATA_FILES]


def test_the_walk_finds_text_in_nested_records_and_lists_and_skips_ids_by_type():
    fields = text_fields(data_models())
    assert {("QuestionFile", "prompt"), ("QuestionFile", "strong_answer"), ("OutlineStep", "points"), ("WeakAnswer", "why")} <= fields
    assert {("Term", "aliases"), ("Round", "interviewers"), ("CritiqueRule", "pattern")} <= fields
    assert ("QuestionFile", "id") not in fields and ("QuestionFile", "tags") not in fields and ("Source", "url") not in fields
    assert ("QuestionFile", "difficulty") not in fields and ("SourcesFile", "as_of") not in fields


# -- poisoning a copy of the data ---------------------------------------------------------


def _escape_regex(text: str) -> str:
    return re.sub(r"([\\^$.|?*+()\[\]{}/])", r"\\\1", text)


@dataclass
class Poisoner:
    """Writes a payload into each text value of a file, in turn through the list of payloads."""

    payloads: list[str] = field(default_factory=lambda: list(PAYLOADS))
    counter: int = 0
    poisoned: set[tuple[str, str]] = field(default_factory=set)

    def next_payload(self, room: int) -> str:
        for _ in range(len(self.payloads)):
            payload = self.payloads[self.counter % len(self.payloads)]
            self.counter += 1
            if len(payload) + 1 <= room:
                return payload
        raise AssertionError(f"no payload fits in {room} characters")

    def text(self, original: str | None, model: type[BaseModel], name: str, regex: bool) -> str:
        self.poisoned.add((model.__name__, name))
        if regex:
            # (?!) never matches, so the payload rides along without changing what the pattern finds.
            return f"(?:{original})|(?!){_escape_regex(self.next_payload(10_000))}"
        limit = _max_length(model, name)
        payload = self.next_payload(limit)
        base = (original or "").strip()
        # Keep the word count: drop as many words from the end as the payload adds.
        words = base.split(" ")
        keep = words[: max(len(words) - len(payload.split()), 1)] if base else []
        base = " ".join(keep)[: max(limit - len(payload) - 1, 0)].rstrip()
        value = f"{base} {payload}".strip()
        return value if len(value) >= _min_length(model, name) else f"{value} and more words"

    def record(self, data: dict, model: type[BaseModel]) -> None:
        for name in model.model_fields:
            kind = field_kind(model, name)
            value = data.get(name)
            if kind[0] in ("text", "regex"):
                if value is not None or name in _optional_text(model):
                    data[name] = self.text(value, model, name, kind[0] == "regex")
            elif kind[0] == "list" and kind[1][0] in ("text", "regex") and isinstance(value, list):
                data[name] = [self.text(v, model, name, kind[1][0] == "regex") for v in value]
            elif kind[0] == "model" and isinstance(value, dict):
                self.record(value, kind[1])
            elif kind[0] == "list" and kind[1][0] == "model" and isinstance(value, list):
                for item in value:
                    if isinstance(item, dict):
                        self.record(item, kind[1][1])


def _constraint(model: type[BaseModel], name: str, attr: str) -> int | None:
    info = model.model_fields[name]
    pool = list(info.metadata)
    stack = [info.annotation]
    while stack:
        tp = stack.pop()
        if typing.get_origin(tp) is typing.Annotated:
            base, *extra = typing.get_args(tp)
            pool += extra
            stack.append(base)
        else:
            stack += [a for a in typing.get_args(tp)]
    values = [getattr(meta, attr) for meta in pool if getattr(meta, attr, None) is not None]
    return min(values) if attr == "max_length" and values else (max(values) if values else None)


def _max_length(model: type[BaseModel], name: str) -> int:
    return _constraint(model, name, "max_length") or 4000


def _min_length(model: type[BaseModel], name: str) -> int:
    return _constraint(model, name, "min_length") or 0


def _optional_text(model: type[BaseModel]) -> set[str]:
    """Optional text fields, which the poisoner fills even where the data leaves them out."""
    return {
        name for name, info in model.model_fields.items()
        if not info.is_required() and field_kind(model, name)[0] == "text"
    }  # fmt: skip


def model_for(path: Path) -> type[BaseModel]:
    """The model of a data file (`path` relative to data/), from the one registry of data files."""
    return next(f.model for f in m.DATA_FILES if f.path == path.parts[0])


def poison(data_dir: Path, payloads: list[str] = PAYLOADS) -> Poisoner:
    poisoner = Poisoner(list(payloads))
    for path in sorted(data_dir.rglob("*.yml")):
        content = yaml.safe_load(path.read_text(encoding="utf-8"))
        poisoner.record(content, model_for(path.relative_to(data_dir)))
        path.write_text(yaml.safe_dump(content, allow_unicode=True, sort_keys=False, width=10_000), encoding="utf-8")
    return poisoner


@pytest.fixture(scope="module")
def poisoned(tmp_path_factory) -> tuple[Path, Poisoner]:
    import shutil

    tmp = tmp_path_factory.mktemp("poisoned")
    data = tmp / "data"
    shutil.copytree(DATA, data)
    poisoner = poison(data)
    out = tmp / "site"
    result = build_site(out, data)
    assert result.returncode == 0, result.stderr[-4000:]
    return out, poisoner


def test_every_text_field_of_every_model_received_a_payload(poisoned):
    _, poisoner = poisoned
    assert text_fields(data_models()) - poisoner.poisoned == set()


def test_every_payload_was_used(poisoned):
    _, poisoner = poisoned
    assert poisoner.counter >= 3 * len(PAYLOADS)


# -- what "live" means in a built file ------------------------------------------------------


def _scheme(url: str) -> str:
    # Browsers ignore whitespace and control characters inside a scheme.
    return "".join(ch for ch in url if ord(ch) > 0x20).lower()


def live_markup(html: str) -> list[str]:
    """Everything in a piece of HTML that a payload could have made run or navigate."""
    soup = BeautifulSoup(html, "html.parser")
    found = []
    for el in soup.find_all(True):
        for attr, value in el.attrs.items():
            if attr.lower().startswith("on"):
                found.append(f"<{el.name} {attr}>")
            if attr.lower() in URL_ATTRIBUTES and isinstance(value, str) and _scheme(value).startswith(DANGEROUS_SCHEMES):
                found.append(f"<{el.name} {attr}={value[:40]}>")
        if el.name in NEVER_FROM_DATA:
            found.append(f"<{el.name}>")
        if el.name == "meta" and str(el.get("http-equiv", "")).lower() == "refresh":
            found.append("<meta refresh>")
        if "data-config" in el.attrs:
            json.loads(el["data-config"])  # a tool's settings: data, whole
        if el.name == "script" and el.get("type") == "application/json":
            json.loads(el.get_text())  # data, inert while it parses whole: nothing broke out of it
        elif el.name in ("script", "style") and re.search(r"alert\(|msgbox\(", el.get_text()):
            found.append(f"<{el.name}> with a payload")
    return found


def every_file(site: Path, suffix: str) -> Iterator[tuple[str, Path]]:
    for path in sorted(site.rglob(f"*{suffix}")):
        yield str(path.relative_to(site)), path


def test_no_payload_is_live_in_any_html_file(poisoned, site):
    """Nothing on a poisoned page that the same page built from the real data lacks (the theme
    has forms of its own: search and the colour scheme)."""
    poisoned_site, _ = poisoned
    live = {}
    for name, path in every_file(poisoned_site, ".html"):
        benign = site / name
        baseline = live_markup(benign.read_text(encoding="utf-8")) if benign.is_file() else []
        found = live_markup(path.read_text(encoding="utf-8"))
        for item in baseline:
            if item in found:
                found.remove(item)
        if found:
            live[name] = found
    assert live == {}


def test_payloads_show_as_typed_and_templates_never_run(poisoned):
    site, _ = poisoned
    texts = [BeautifulSoup(p.read_text(encoding="utf-8"), "html.parser").get_text() for _, p in every_file(site, ".html")]
    assert any(TEMPLATE_PAYLOAD in text for text in texts)
    assert any("<script>alert(document.domain)</script>" in text for text in texts)


def test_no_payload_is_live_in_any_json_file(poisoned):
    site, _ = poisoned
    files = list(every_file(site, ".json"))
    assert files
    for name, path in files:
        data = json.loads(path.read_text(encoding="utf-8"))
        if name.endswith("search_index.json"):
            # Material's search shows titles and text as HTML, so they must be inert HTML.
            for doc in data["docs"]:
                assert live_markup(doc.get("title", "")) == [], (name, doc["location"])
                assert live_markup(doc.get("text", "")) == [], (name, doc["location"])


def test_no_payload_is_live_in_any_pdf(poisoned):
    from pypdf import PdfReader

    site, _ = poisoned
    pdfs = list(every_file(site, ".pdf"))
    assert pdfs
    for name, path in pdfs:
        raw = path.read_bytes()
        assert b"/JavaScript" not in raw and b"/JS " not in raw and b"/Launch" not in raw, name
        reader = PdfReader(path)
        for page in reader.pages:
            for annot in page.get("/Annots") or []:
                action = annot.get_object().get("/A") or {}
                uri = str(action.get("/URI", ""))
                assert not _scheme(uri).startswith(DANGEROUS_SCHEMES), (name, uri)
    text = "".join(page.extract_text() for page in PdfReader(site / "pdf/all-checklists.pdf").pages)
    assert "document.domain" in text  # the payloads are printed as text


# -- characters a reader cannot see, or that control a terminal, are refused in every field ------

# yaml.safe_dump writes the control characters as double-quoted escapes ("\e", "\0", "\r"),
# the one way they reach a data file, since YAML refuses them typed raw.
UNSEEN = {
    "right-to-left override": RTL_OVERRIDE,
    "escape": "\x1b",
    "null": "\x00",
    "carriage return": "\r",
    "delete": "\x7f",
    "soft hyphen": "\u00ad",
    "left-to-right mark": "\u200e",
    "tag letter": "\U000e0069",
    "private use": "\ue000",
}


@pytest.mark.parametrize("char", UNSEEN.values(), ids=UNSEEN.keys())
def test_an_unseen_or_control_character_is_refused_in_every_text_field(tmp_path, char):
    import shutil

    from macros.load import DataError, load_handbook

    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    poison(data, [f"x{char}exe"])
    with pytest.raises(DataError) as refused:
        load_handbook(data)
    code = f"U+{ord(char):04X}"
    fields = {re.findall(r"[a-z_]+", p.field)[-1] for p in refused.value.problems if code in p.message}
    assert {name for _, name in text_fields(data_models())} - fields == set()
    # the message names the character and never prints it
    assert all(char not in str(p) for p in refused.value.problems)


# -- in Chromium: no dialog on any kind of page -------------------------------------------------

PAGE_KINDS = [
    "", "tracks/pm/", "tracks/", "questions/", "tags/", "frameworks/star/", "frameworks/", "checklists/screen/",
    "checklists/", "pay/", "key-figures/", "disagreements/", "anti-patterns/", "sources/", "glossary/",
    "rating-guide/", "ask/", "practice/", "practice/drill/", "practice/stories/", "practice/scoring/", "practice/offer/",
]  # fmt: skip


def test_no_dialog_fires_on_any_kind_of_page(poisoned, browser):
    site, _ = poisoned
    question = sorted((site / "questions").iterdir())[0].name
    tag = sorted(p.name for p in (site / "tags").iterdir() if p.is_dir())[0]
    dialogs: list[str] = []
    with serve(site) as url:
        context = browser.new_context()
        page = context.new_page()
        page.on("dialog", lambda d: (dialogs.append(f"{page.url}: {d.message}"), d.dismiss()))
        for path in [*PAGE_KINDS, f"questions/{question}/", f"tags/{tag}/"]:
            page.goto(url + path)
            page.wait_for_load_state("networkidle")
            for details in page.locator("details").all()[:5]:
                details.evaluate("d => d.open = true")
        page.goto(url + "practice/drill/")
        page.wait_for_selector("#hb-drill[data-question]", timeout=10_000)
        page.goto(url)
        page.keyboard.press("/")
        page.keyboard.type("alert document domain")
        page.wait_for_timeout(1500)
        context.close()
    assert dialogs == []
