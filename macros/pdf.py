"""Blank checklist forms as PDF: `site/pdf/<checklist-id>.pdf` for each
checklist and `site/pdf/all-checklists.pdf` with every one of them.

The HTML is built here from the loaded Handbook, never scraped from the site,
and made by `macros/templates/checklist_pdf.html`, which escapes every data string.  Run as
`python -m macros.pdf SITE_DIR [--data DATA_DIR]`.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.metadata
import os
import shutil
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import yaml
from markupsafe import Markup

from .handbook import Handbook
from .html import render
from .load import DataError, data_dir, load_handbook
from .models import Checklist

ROOT = Path(__file__).resolve().parent.parent
ALL_CHECKLISTS = "all-checklists"
PANGO_HELP = (
    "WeasyPrint could not load a system library it needs (Pango): {error}\n"
    "Install it with: apt-get install libpango-1.0-0 libpangoft2-1.0-0"
)

STYLE = """
@page {
  size: A4;
  margin: 18mm 16mm 20mm;
  @bottom-left { content: string(handbook); font-size: 8pt; color: #555; }
  @bottom-right { content: "Page " counter(page) " of " counter(pages); font-size: 8pt; color: #555; }
}
html { font-family: "DejaVu Sans", "Liberation Sans", sans-serif; font-size: 10pt; line-height: 1.4; color: #000; }
body { margin: 0; font-variant-ligatures: none; hyphens: manual; }
.handbook { string-set: handbook content(); font-size: 8.5pt; color: #555; margin: 0 0 2mm; }
h1 { font-size: 17pt; margin: 0 0 2mm; line-height: 1.2; }
.summary { margin: 0 0 2mm; }
.meta { font-size: 8.5pt; color: #333; margin: 0 0 4mm; }
.checklist + .checklist { break-before: page; }
ol.items { list-style: none; margin: 0; padding: 0; }
ol.items li { break-inside: avoid; display: flex; gap: 3mm; padding: 2.2mm 0; border-bottom: 0.4pt solid #bbb; }
.box { flex: none; width: 4mm; height: 4mm; margin-top: 0.6mm; border: 1pt solid #000; background: #fff; }
.text { flex: 1; }
.sources { display: block; font-size: 8pt; color: #444; margin-top: 0.8mm; }
.done { margin-top: 6mm; font-size: 8.5pt; color: #333; }
a { color: inherit; text-decoration: none; }
code { font-family: "DejaVu Sans Mono", monospace; font-size: 9pt; }
.contents ol { padding-left: 5mm; }
.contents a::after { content: leader(".") " " target-counter(attr(href), page); }
"""


@dataclass(frozen=True)
class Imprint:
    """What every form says about where it comes from."""

    name: str
    url: str

    def page_url(self, checklist_id: str) -> str:
        return f"{self.url.rstrip('/')}/checklists/{checklist_id}/" if self.url else ""


def imprint_from_config(config_file: Path = ROOT / "mkdocs.yml") -> Imprint:
    # MkDocs' own loader, so site_url's !ENV tag gives the published address when SITE_URL is set.
    from mkdocs.utils.yaml import get_yaml_loader

    try:
        config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=get_yaml_loader()) or {}  # noqa: S506 (MkDocs' loader is safe)
    except (OSError, yaml.YAMLError):
        config = {}
    return Imprint(name=str(config.get("site_name", "Binance PM Interview Handbook")), url=str(config.get("site_url") or ""))


# -- HTML -----------------------------------------------------------------------


def checklist_document(hb: Handbook, cl: Checklist, imprint: Imprint) -> str:
    return render("checklist_pdf.html", title=cl.title, checklists=[cl], contents=False, hb=hb, imprint=imprint, style=Markup(STYLE))


def all_checklists_document(hb: Handbook, imprint: Imprint) -> str:
    checklists = list(hb.checklists.values())
    return render(
        "checklist_pdf.html", title="All checklists", checklists=checklists, contents=True, hb=hb, imprint=imprint, style=Markup(STYLE)
    )


# -- PDF ------------------------------------------------------------------------


def import_weasyprint():
    """WeasyPrint, or OSError naming the missing system library."""
    import weasyprint

    return weasyprint


def write_pdf(weasyprint, html: str, target: Path) -> None:
    # No resource is ever fetched: the forms are self-contained.
    fetcher = weasyprint.urls.URLFetcher(allowed_protocols=())
    weasyprint.HTML(string=html, url_fetcher=fetcher).write_pdf(target)


def write_all(hb: Handbook, out_dir: Path, imprint: Imprint, cache: PdfCache | None = None) -> list[Path]:
    """Write one PDF per checklist and one with all of them; returns the paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    documents = {cl.id: checklist_document(hb, cl, imprint) for cl in hb.checklists.values()}
    documents[ALL_CHECKLISTS] = all_checklists_document(hb, imprint)
    written = []
    for name, html in documents.items():
        target = out_dir / f"{name}.pdf"
        if cache is None or not cache.copy(html, target):
            # Imported only when a PDF is laid out: the import alone takes about half a second.
            write_pdf(import_weasyprint(), html, target)
            if cache is not None:
                cache.keep(html, target)
        written.append(target)
    return written


@dataclass
class PdfCache:
    """Finished PDFs by a hash of everything that goes into them, so a build whose
    checklists did not change (most builds, and every `make serve` rebuild after a
    question edit) copies them instead of laying them out again."""

    folder: Path
    limit: int = 200

    def _path(self, html: str) -> Path:
        key = "\0".join((importlib.metadata.version("weasyprint"), os.environ.get("SOURCE_DATE_EPOCH", ""), html))
        return self.folder / f"{hashlib.sha256(key.encode()).hexdigest()}.pdf"

    def copy(self, html: str, target: Path) -> bool:
        cached = self._path(html)
        if not cached.is_file():
            return False
        shutil.copyfile(cached, target)
        cached.touch()
        return True

    def keep(self, html: str, written: Path) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        cached = self._path(html)
        partial = cached.with_suffix(f".{os.getpid()}.part")
        shutil.copyfile(written, partial)
        partial.replace(cached)
        entries = sorted(self.folder.glob("*.pdf"), key=lambda p: p.stat().st_mtime, reverse=True)
        for stale in entries[self.limit :]:
            stale.unlink(missing_ok=True)


def write_site_pdfs(config) -> None:
    """For an MkDocs `on_post_build` hook: the PDFs the checklist pages link to."""
    from mkdocs.exceptions import PluginError

    from .site import handbook_for

    imprint = Imprint(name=str(config["site_name"]), url=str(config.get("site_url") or ""))
    try:
        cache = PdfCache(Path(config["config_file_path"]).resolve().parent / ".cache" / "pdf")
        write_all(handbook_for(config), Path(config["site_dir"]) / "pdf", imprint, cache)
    except OSError as error:
        raise PluginError(PANGO_HELP.format(error=error)) from None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m macros.pdf", description="Write the checklist PDFs into SITE_DIR/pdf/.")
    parser.add_argument("site_dir", type=Path, nargs="?", default=ROOT / "site")
    parser.add_argument("--data", type=Path, default=None, help="data folder (default: HANDBOOK_DATA or data/)")
    args = parser.parse_args(argv)
    try:
        import_weasyprint()
    except OSError as error:
        print(PANGO_HELP.format(error=error), file=sys.stderr)
        return 1
    try:
        hb = load_handbook(args.data or data_dir(ROOT), root=ROOT)
    except DataError as error:
        print(f"the data has {error.counted}; no PDF was written:\n{error}", file=sys.stderr)
        return 1
    started = time.perf_counter()
    written = write_all(hb, args.site_dir / "pdf", imprint_from_config())
    print(f"wrote {len(written)} PDFs to {args.site_dir / 'pdf'} in {time.perf_counter() - started:.1f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
