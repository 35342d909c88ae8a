"""What a maintainer must be able to trust about the published site: the same
data builds the same bytes, and no page makes a reader's browser fetch anything
from another host."""

from __future__ import annotations

import datetime
import gzip
import re
import struct
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup

from .conftest import BUILD_EPOCH, ROOT, build_site, copy_data

SITE_HOST = urlsplit(yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["site_url"]).netloc
# Elements and attributes through which a page makes the browser fetch something.
FETCHING = {
    "script": ("src",),
    "img": ("src", "srcset"),
    "iframe": ("src",),
    "frame": ("src",),
    "source": ("src", "srcset"),
    "video": ("src", "poster"),
    "audio": ("src",),
    "track": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "input": ("src",),
}
# Link relations that fetch (or open a connection) as the page loads; canonical, alternate
# and the like only name an address.
FETCHING_LINKS = {"stylesheet", "preload", "modulepreload", "prefetch", "preconnect", "dns-prefetch", "icon", "manifest",
                  "apple-touch-icon", "prerender"}  # fmt: skip
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)|@import\s+['"]([^'"]+)""")


@pytest.fixture(scope="module")
def rebuilt(tmp_path_factory) -> Path:
    """A second build of the same data, from another folder and another hash seed."""
    tmp = tmp_path_factory.mktemp("rebuild")
    data = copy_data(tmp)
    with pytest.MonkeyPatch.context() as env:
        env.setenv("PYTHONHASHSEED", "4242")
        result = build_site(tmp / "site", data)
    assert result.returncode == 0, result.stderr
    return tmp / "site"


def files_of(site: Path) -> dict[str, bytes]:
    return {str(p.relative_to(site)): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def test_two_builds_of_the_same_data_are_byte_identical(site, rebuilt):
    first, second = files_of(site), files_of(rebuilt)
    assert sorted(first) == sorted(second), "the two builds wrote different files"
    differing = [name for name in first if first[name] != second[name]]
    assert differing == [], f"{len(differing)} of {len(first)} files differ, e.g. {differing[:10]}"


def test_the_sitemap_is_dated_by_source_date_epoch(site):
    packed = (site / "sitemap.xml.gz").read_bytes()
    # A gzip header stores its modification time in bytes 4-7; it must be the fixed epoch, not the clock.
    assert struct.unpack("<I", packed[4:8])[0] == int(BUILD_EPOCH)
    built_on = datetime.datetime.fromtimestamp(int(BUILD_EPOCH), datetime.UTC).date().isoformat()
    lastmods = set(re.findall(r"<lastmod>([^<]+)</lastmod>", gzip.decompress(packed).decode()))
    assert lastmods == {built_on}


def _html_pages(site: Path) -> list[tuple[str, BeautifulSoup]]:
    return [(str(p.relative_to(site)), BeautifulSoup(p.read_text(encoding="utf-8"), "html.parser")) for p in sorted(site.rglob("*.html"))]


def fetched_urls(page: BeautifulSoup) -> list[str]:
    urls = []
    for tag, attributes in FETCHING.items():
        for el in page.find_all(tag):
            for attr in attributes:
                value = el.get(attr)
                if value:
                    urls += [part.split()[0] for part in value.split(",") if part.strip()] if attr == "srcset" else [value]
    for link in page.find_all("link", href=True):
        if FETCHING_LINKS & {rel.lower() for rel in link.get("rel", [])}:
            urls.append(link["href"])
    for el in page.find_all(style=True):
        urls += [a or b for a, b in CSS_URL.findall(el["style"])]
    for style in page.find_all("style"):
        urls += [a or b for a, b in CSS_URL.findall(style.get_text())]
    return urls


def is_third_party(url: str) -> bool:
    parts = urlsplit(url.strip())
    if parts.scheme in {"data", "blob"}:
        return False
    return bool(parts.netloc) and parts.netloc != SITE_HOST


def test_no_page_fetches_from_another_host(site):
    foreign = [(name, url) for name, page in _html_pages(site) for url in fetched_urls(page) if is_third_party(url)]
    assert foreign == []


def test_no_stylesheet_fetches_from_another_host(site):
    foreign = [
        (str(css.relative_to(site)), a or b)
        for css in sorted(site.rglob("*.css"))
        for a, b in CSS_URL.findall(css.read_text(encoding="utf-8", errors="replace"))
        if is_third_party(a or b)
    ]
    assert foreign == []


def test_the_checks_above_see_third_party_urls():
    # The detector itself, on markup it must catch and markup it must let through.
    page = BeautifulSoup(
        '<script src="https://cdn.example.com/x.js"></script><link rel="stylesheet" href="//fonts.example.com/f.css">'
        '<img srcset="a.png 1x, https://img.example.com/b.png 2x"><iframe src="https://evil.example/"></iframe>'
        '<source src="https://media.example/v.mp4"><style>@font-face{src:url(https://fonts.example.org/f.woff2)}</style>'
        '<link rel="canonical" href="https://elsewhere.example/"><a href="https://example.org/">a link</a>'
        '<script src="../assets/store.js"></script><img src="data:image/png;base64,AAAA">',
        "html.parser",
    )
    assert [url for url in fetched_urls(page) if is_third_party(url)] == [
        "https://cdn.example.com/x.js",
        "https://img.example.com/b.png",
        "https://evil.example/",
        "https://media.example/v.mp4",
        "//fonts.example.com/f.css",
        "https://fonts.example.org/f.woff2",
    ]
