"""The checklist PDFs: blank forms built from the data, readable as text."""

from __future__ import annotations

import dataclasses
import math
import os
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from mkdocs.utils.yaml import get_yaml_loader
from pypdf import PdfReader

from macros import pdf
from macros.handbook import Handbook
from macros.load import load_handbook
from macros.models import Checklist, ChecklistItem
from macros.text import plain
from tests.conftest import DATA, ROOT

HB = load_handbook(DATA)
CONFIG = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=get_yaml_loader())  # noqa: S506 (MkDocs' loader)


def weasyprint_missing() -> str | None:
    try:
        pdf.import_weasyprint()
    except OSError as error:
        return f"WeasyPrint cannot load Pango ({error}): apt-get install libpango-1.0-0 libpangoft2-1.0-0"
    return None


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory) -> Path:
    reason = weasyprint_missing()
    if reason:
        if os.environ.get("HANDBOOK_REQUIRE_BROWSER"):
            pytest.fail(reason)
        pytest.skip(reason)
    out = tmp_path_factory.mktemp("pdfsite")
    result = subprocess.run([sys.executable, "-m", "macros.pdf", str(out)], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    return out / "pdf"


def normalised(text: str) -> str:
    """Text as compared: ligatures and soft hyphens undone, a line break after a
    hyphen or slash joined, runs of whitespace made one space."""
    text = unicodedata.normalize("NFKC", text).replace("\u00ad", "")
    text = re.sub(r"([-/])\s+", r"\1", text)
    return re.sub(r"\s+", " ", text).strip()


def text_of(path: Path) -> str:
    return normalised(" ".join(page.extract_text() or "" for page in PdfReader(path).pages))


def pages_of(path: Path) -> int:
    return len(PdfReader(path).pages)


def test_every_checklist_has_a_pdf_and_there_is_one_with_all(pdfs):
    assert sorted(p.stem for p in pdfs.glob("*.pdf")) == sorted([*HB.checklists, pdf.ALL_CHECKLISTS])


@pytest.mark.parametrize("cid", sorted(HB.checklists))
def test_a_checklist_pdf_is_a_blank_form_with_every_item(pdfs, cid):
    cl = HB.checklists[cid]
    path = pdfs / f"{cid}.pdf"
    assert 1 <= pages_of(path) <= math.ceil(len(cl.items) / 4)
    text = text_of(path)
    for expected in [CONFIG["site_name"], cl.title, plain(cl.summary), *(plain(i.text) for i in cl.items)]:
        assert normalised(expected) in text
    for item in cl.items:
        for source in item.sources:
            assert source in text
    assert f"of {len(cl.items)}" in text


def test_the_all_checklists_pdf_holds_every_checklist_each_on_its_own_pages(pdfs):
    path = pdfs / f"{pdf.ALL_CHECKLISTS}.pdf"
    singles = sum(pages_of(pdfs / f"{cid}.pdf") for cid in HB.checklists)
    assert len(HB.checklists) + 1 <= pages_of(path) <= singles + 2
    text = text_of(path)
    for cl in HB.checklists.values():
        assert normalised(cl.title) in text
        for item in cl.items:
            assert normalised(plain(item.text)) in text


def test_the_same_data_writes_the_same_bytes(tmp_path, pdfs):
    cl = next(iter(HB.checklists.values()))
    weasyprint = pdf.import_weasyprint()
    html = pdf.checklist_document(HB, cl, pdf.imprint_from_config())
    pdf.write_pdf(weasyprint, html, tmp_path / "again.pdf")
    assert (tmp_path / "again.pdf").read_bytes() == (pdfs / f"{cl.id}.pdf").read_bytes()


def test_form_html_escapes_data_and_draws_one_empty_box_per_item():
    hostile = Checklist(
        id="hostile", title="<b>Title</b>", summary="Summary <script>alert(1)</script>",
        items=[
            ChecklistItem(id="one", text="<img src=x onerror=alert(1)> **bold**", own_advice=True),
            ChecklistItem(id="two", text="[link](javascript:alert(1))", sources=["guide-2026"]),
        ],
    )  # fmt: skip
    html = pdf.checklist_document(Handbook(checklists={"hostile": hostile}), hostile, pdf.Imprint("Handbook", ""))
    page = BeautifulSoup(html, "html.parser")
    assert page.select("script, img, [onerror]") == []
    assert "javascript:" not in html
    assert page.h1.get_text() == "<b>Title</b>"
    assert len(page.select("li .box")) == 2
    assert all(not box.get_text() for box in page.select(".box"))
    assert page.select_one("strong").get_text() == "bold"


def test_a_missing_pango_names_the_library_and_the_install_command(monkeypatch, capsys, tmp_path):
    def no_pango():
        raise OSError("cannot load library 'libpango-1.0-0': libpango-1.0-0: cannot open shared object file")

    monkeypatch.setattr(pdf, "import_weasyprint", no_pango)
    assert pdf.main([str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "Pango" in err and "apt-get install libpango-1.0-0 libpangoft2-1.0-0" in err
    assert not (tmp_path / "pdf").exists()


def test_every_pdf_link_on_the_site_resolves(site):
    links = []
    for html in [site / "checklists" / "index.html", *sorted(site.glob("checklists/*/index.html"))]:
        page = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        links += [(html, a["href"]) for a in page.select(".hb-pdf a[href]")]
    assert len(links) == len(HB.checklists) + 1
    missing = [f"{html.relative_to(site)} -> {href}" for html, href in links if not (html.parent / href).resolve().is_file()]
    assert missing == []


def test_every_printed_page_names_the_handbook_and_its_address(site):
    # The print header is written into each page by the theme override (overrides/main.html).
    for page in [site / "index.html", site / "pay" / "index.html"]:
        header = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select_one(".hb-print-header")
        assert header is not None and CONFIG["site_name"] in header.get_text()
        assert header.get_text().split(" · ")[-1].startswith(CONFIG["site_url"])


def test_unchanged_checklists_are_copied_from_the_cache_and_a_changed_one_is_laid_out_again(tmp_path, pdfs, monkeypatch):
    cache = pdf.PdfCache(tmp_path / "cache")
    imprint = pdf.imprint_from_config()
    pdf.write_all(HB, tmp_path / "first", imprint, cache)
    laid_out: list[str] = []
    real_write = pdf.write_pdf
    monkeypatch.setattr(
        pdf, "write_pdf", lambda weasyprint, html, target: (laid_out.append(target.name), real_write(weasyprint, html, target))
    )

    pdf.write_all(HB, tmp_path / "second", imprint, cache)
    assert laid_out == []
    for first in (tmp_path / "first").glob("*.pdf"):
        assert (tmp_path / "second" / first.name).read_bytes() == first.read_bytes() == (pdfs / first.name).read_bytes()

    cl = next(iter(HB.checklists.values()))
    changed = dataclasses.replace(HB, checklists={**HB.checklists, cl.id: cl.model_copy(update={"title": "A new title"})})
    pdf.write_all(changed, tmp_path / "third", imprint, cache)
    assert sorted(laid_out) == sorted([f"{cl.id}.pdf", f"{pdf.ALL_CHECKLISTS}.pdf"])
    assert "A new title" in text_of(tmp_path / "third" / f"{cl.id}.pdf")
