"""The browser sweeps' choice of pages: in a folder of pages made from one template, the few
that show every kind of element; a page with an element of its own is never left out."""

from __future__ import annotations

from pathlib import Path

from tests.browser.sweep import covering_pages, site_pages

PAGE = "<!doctype html><html><body><nav class='md-nav'><a href='/'>Home</a></nav><article>{}</article></body></html>"


def write(site: Path, path: str, content: str) -> None:
    (site / path).mkdir(parents=True, exist_ok=True)
    (site / path / "index.html").write_text(PAGE.format(content), encoding="utf-8")


def test_covering_pages_keep_every_kind_of_element_and_drop_pages_that_add_none(tmp_path):
    write(tmp_path, "", "<h1>Home</h1>")
    write(tmp_path, "pay", "<table><tr><td>1</td></tr></table>")
    for i in range(20):
        write(tmp_path, f"questions/q{i:02}", f"<h1>Question {i}</h1><p>Text <code>{i}</code></p><img src='x.png'>")
    write(tmp_path, "questions/q20", "<h1>Table</h1><p>Text</p><table class='hb-stack'><tr><td><code>x</code></td></tr></table>")
    write(tmp_path, "questions/q21", "<h1>Nested</h1><ul><li><p>Text <code>y</code></p></li></ul>")

    chosen = covering_pages(tmp_path)

    assert len(site_pages(tmp_path)) == 24
    assert chosen == ["", "pay/", "questions/q00/", "questions/q20/", "questions/q21/"]


def test_an_element_differs_by_its_classes_and_by_its_parent(tmp_path):
    write(tmp_path, "tags/a", "<p>Text</p>")
    write(tmp_path, "tags/b", "<p class='hb-note'>Text</p>")
    write(tmp_path, "tags/c", "<blockquote><p>Text</p></blockquote>")
    write(tmp_path, "tags/d", "<p>Other text</p>")

    assert covering_pages(tmp_path) == ["tags/a/", "tags/b/", "tags/c/"]  # d shows what a shows
