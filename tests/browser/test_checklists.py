"""Checklists in Chromium: ticks that survive reloads, rebuilds and renames,
progress bars, reset, export and import, storage problems, and printing."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from tests.conftest import DATA, build_site, copy_data, mkdocs_config, serve, serve_sitemap_for, watched_page

pytestmark = pytest.mark.browser

WIDE = {"width": 1400, "height": 1000}


def first_long_checklist(data: Path) -> dict:
    """The first checklist (by file name) with enough items to reorder, reword, rename and remove."""
    for path in sorted((data / "checklists").glob("*.yml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        if len(doc["items"]) >= 5:
            return doc
    raise AssertionError("the data needs a checklist with at least 5 items")


CHECKLIST = first_long_checklist(DATA)
CID = CHECKLIST["id"]
IDS = [item["id"] for item in CHECKLIST["items"]]
TOTAL_ITEMS = sum(len(yaml.safe_load(p.read_text(encoding="utf-8"))["items"]) for p in (DATA / "checklists").glob("*.yml"))


def checklist_url(base: str, cid: str = CID) -> str:
    return f"{base}checklists/{cid}/"


def open_checklist(page, base: str, cid: str = CID, query: str = "") -> None:
    page.goto(checklist_url(base, cid) + query)
    page.wait_for_selector(".hb-checklist[data-hb-ready]")


def item(page, item_id: str):
    return page.locator(f'.hb-item[data-item="{item_id}"] input.hb-check')


def progress_text(page) -> str:
    return page.locator(".hb-checklist .hb-progress__text").inner_text()


def ticked_ids(page) -> list[str]:
    return page.eval_on_selector_all(".hb-item", "rows => rows.filter(r => r.querySelector('input').checked).map(r => r.dataset.item)")


def index_progress(page) -> dict[str, str]:
    rows = page.eval_on_selector_all(
        ".hb-cl", "rows => rows.map(r => [r.dataset.checklist, r.querySelector('.hb-progress__text').textContent])"
    )
    return dict(rows)


def overall_text(page) -> str:
    return page.locator(".hb-progress-all .hb-progress__text").inner_text()


# -- one site: ticks, progress, reset -------------------------------------------------


def test_a_tick_survives_a_reload_and_is_saved_under_the_item_id(page, site_url):
    open_checklist(page, site_url)
    item(page, IDS[0]).check()
    item(page, IDS[2]).check()
    page.reload()
    page.wait_for_selector(".hb-checklist[data-hb-ready]")
    assert ticked_ids(page) == [IDS[0], IDS[2]]
    saved = page.evaluate("Object.keys(localStorage).filter(k => k.includes(':check:')).sort()")
    assert saved == sorted(f"hb:/:check:{i}" for i in (IDS[0], IDS[2]))
    assert page.errors == []


def test_progress_bar_counts_ticks_on_the_page_and_the_index(page, site_url):
    open_checklist(page, site_url)
    bar = page.locator(".hb-checklist [role=progressbar]")
    assert progress_text(page) == f"0 of {len(IDS)} done"
    for i in IDS[:3]:
        item(page, i).check()
    item(page, IDS[1]).uncheck()
    assert progress_text(page) == f"2 of {len(IDS)} done"
    assert bar.get_attribute("aria-valuenow") == "2"
    assert bar.get_attribute("aria-valuemax") == str(len(IDS))
    assert bar.get_attribute("aria-valuemin") == "0"
    assert CHECKLIST["title"] in bar.get_attribute("aria-label")

    page.goto(f"{site_url}checklists/")
    page.wait_for_selector(".hb-checklists[data-hb-ready]")
    rows = index_progress(page)
    assert rows[CID] == f"2 of {len(IDS)} done"
    assert all(text.startswith("0 of ") for cid, text in rows.items() if cid != CID)
    assert overall_text(page) == f"2 of {TOTAL_ITEMS} done"
    assert page.locator(".hb-cl [role=progressbar]").count() == len(rows)
    assert page.errors == []


def test_reset_asks_first_and_clears_only_this_checklist(page, site_url):
    open_checklist(page, site_url)
    item(page, IDS[0]).check()
    item(page, IDS[1]).check()
    page.evaluate("HB.store.set('check:some-other-item', true)")

    page.once("dialog", lambda dialog: dialog.dismiss())
    page.get_by_role("button", name="Reset this checklist").click()
    assert progress_text(page) == f"2 of {len(IDS)} done"

    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Reset this checklist").click()
    assert progress_text(page) == f"0 of {len(IDS)} done"
    assert ticked_ids(page) == []
    page.reload()
    assert ticked_ids(page) == []
    assert page.evaluate("HB.store.get('check:some-other-item', false)") is True


def test_ticks_carry_over_instant_navigation(page, site_url):
    serve_sitemap_for(page, site_url)
    page.goto(f"{site_url}checklists/")
    page.wait_for_selector(".hb-checklists[data-hb-ready]")
    page.wait_for_load_state("networkidle")
    page.evaluate("window.hbSamePage = true")
    page.locator(f'.hb-cl[data-checklist="{CID}"] a').first.click()
    page.wait_for_url(checklist_url(site_url))
    page.wait_for_selector(".hb-checklist[data-hb-ready]")
    item(page, IDS[0]).check()
    page.go_back()
    page.wait_for_selector(".hb-checklists[data-hb-ready]")
    assert index_progress(page)[CID] == f"1 of {len(IDS)} done"
    assert page.evaluate("window.hbSamePage === true"), "the page reloaded: instant navigation was not exercised"
    assert page.errors == []


# -- storage problems ------------------------------------------------------------------

CORRUPT = f"localStorage.setItem('hb:/:check:{IDS[0]}', '{{bad json')"
# Storage that refuses every write, as in some private-browsing modes. (A localStorage
# getter that throws is not simulated: Material's own inline palette script fails on it.)
REFUSED = "Storage.prototype.setItem = function () { throw new DOMException('refused', 'SecurityError'); }"
# Storage that works at first and fills up later: the quota error comes with the first tick.
FULL = """(() => {
  const setItem = Storage.prototype.setItem;
  Storage.prototype.setItem = function (key, value) {
    if (key.includes(':check:')) throw new DOMException('full', 'QuotaExceededError');
    return setItem.call(this, key, value);
  };
})()"""


@pytest.mark.parametrize("script", [CORRUPT, REFUSED, FULL], ids=["corrupt-json", "writes-refused", "quota-full"])
def test_a_storage_problem_shows_a_message_and_the_checklist_still_works(page, site_url, script):
    page.add_init_script(script)
    open_checklist(page, site_url)
    item(page, IDS[1]).check()
    note = page.locator(".hb-checklist .hb-storage-note")
    assert note.get_attribute("role") == "status"
    assert note.is_visible()
    assert "can't be saved" in note.inner_text()
    assert ticked_ids(page) == [IDS[1]]
    assert progress_text(page) == f"1 of {len(IDS)} done"
    assert page.errors == []


# -- export and import -----------------------------------------------------------------


def export_file(page, where: str, tmp_path: Path) -> Path:
    with page.expect_download() as info:
        page.locator(f"{where} .hb-export").click()
    target = tmp_path / info.value.suggested_filename
    info.value.save_as(target)
    return target


def test_export_in_one_browser_and_import_in_another_restores_the_same_ticks(browser, site_url, tmp_path):
    other = first_other_checklist()
    first = browser.new_context(accept_downloads=True)
    page = first.new_page()
    open_checklist(page, site_url)
    item(page, IDS[0]).check()
    item(page, IDS[3]).check()
    open_checklist(page, site_url, other["id"])
    item(page, other["items"][0]["id"]).check()
    page.goto(f"{site_url}checklists/")
    page.wait_for_selector(".hb-checklists[data-hb-ready]")
    saved = export_file(page, ".hb-progress-all", tmp_path)
    first.close()
    assert saved.suffix == ".json"
    doc = json.loads(saved.read_text())
    doc["data"]["check:no-longer-in-the-handbook"] = True
    saved.write_text(json.dumps(doc))

    second = browser.new_context()
    page = watched_page(second)
    open_checklist(page, site_url)
    assert ticked_ids(page) == []
    page.locator(".hb-checklist .hb-import__file").set_input_files(str(saved))
    message = page.locator(".hb-checklist .hb-transfer__msg")
    message.filter(has_text="Restored").wait_for()
    assert "Restored 3 entries" in message.inner_text()
    assert "check:no-longer-in-the-handbook" in message.inner_text()
    assert ticked_ids(page) == [IDS[0], IDS[3]]
    assert progress_text(page) == f"2 of {len(IDS)} done"
    open_checklist(page, site_url, other["id"])
    assert ticked_ids(page) == [other["items"][0]["id"]]
    assert page.errors == []
    second.close()


def first_other_checklist() -> dict:
    for path in sorted((DATA / "checklists").glob("*.yml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        if doc["id"] != CID:
            return doc
    raise AssertionError("the data needs two checklists")


@pytest.mark.parametrize(
    ("content", "says"),
    [(b"{not json", "not valid JSON"), (b'{"hello": "world"}', "not a progress export")],
    ids=["not-json", "not-an-export"],
)
def test_a_malformed_import_says_so_and_changes_nothing(page, site_url, content, says):
    page.goto(f"{site_url}checklists/")
    page.wait_for_selector(".hb-checklists[data-hb-ready]")
    page.evaluate(f"HB.store.set('check:{IDS[0]}', true)")
    before = page.evaluate("JSON.stringify(HB.store.exportAll().data)")
    page.locator(".hb-progress-all .hb-import__file").set_input_files(
        files=[{"name": "progress.json", "mimeType": "application/json", "buffer": content}]
    )
    message = page.locator(".hb-progress-all .hb-transfer__msg")
    message.filter(has_text=says).wait_for()
    assert page.evaluate("JSON.stringify(HB.store.exportAll().data)") == before
    assert page.errors == []


# -- printing -------------------------------------------------------------------------


def test_printing_drops_navigation_and_controls_and_keeps_ticks(page, site_url):
    page.set_viewport_size(WIDE)
    open_checklist(page, site_url)
    item(page, IDS[0]).check()
    on_screen = [".md-header", ".md-sidebar--primary", ".hb-transfer", ".hb-reset"]
    assert all(page.locator(sel).first.is_visible() for sel in on_screen)

    page.emulate_media(media="print")
    assert not any(page.locator(sel).first.is_visible() for sel in [*on_screen, ".md-footer", ".md-search", ".md-sidebar--secondary"])
    assert page.locator("h1").first.is_visible()
    boxes = page.locator(".hb-check")
    assert all(boxes.nth(i).is_visible() for i in range(boxes.count()))
    backgrounds = page.eval_on_selector_all(".hb-check", "boxes => boxes.map(b => getComputedStyle(b).backgroundImage)")
    assert "url(" in backgrounds[0], "a ticked box prints its tick"
    assert all(bg == "none" for bg in backgrounds[1:]), "an unticked box prints empty"
    header = page.locator(".hb-print-header")
    config = mkdocs_config()
    assert header.is_visible() and config["site_name"] in header.inner_text() and config["site_url"] in header.inner_text()
    assert page.eval_on_selector(".hb-item", "el => getComputedStyle(el).breakInside") == "avoid"


# -- a rebuilt handbook: reordered, reworded, renamed and removed items --------------------


@dataclass
class Versions:
    """The main site and an edited rebuild, served one at a time at the same address."""

    url: str
    link: Path
    builds: dict[str, Path]

    def show(self, name: str) -> None:
        staged = self.link.with_name("staged")
        staged.symlink_to(self.builds[name])
        os.replace(staged, self.link)


@dataclass(frozen=True)
class Edits:
    kept: str
    reworded: str
    renamed_from: str
    renamed_to: str
    removed: str
    total: int


def edit_checklist(data: Path) -> Edits:
    path = data / "checklists" / f"{CID}.yml"
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    kept, reworded, renamed, removed, *rest = doc["items"]
    reworded["text"] = "Reworded for the rebuild: " + reworded["text"]
    old = renamed["id"]
    renamed["id"] = f"{old[:70]}-v2"
    renamed["old_ids"] = [old, *renamed.get("old_ids", [])]
    doc["items"] = [*reversed(rest), renamed, reworded, kept]
    path.write_text(yaml.safe_dump(doc, sort_keys=False, allow_unicode=True, width=1000), encoding="utf-8")
    return Edits(kept["id"], reworded["id"], old, renamed["id"], removed["id"], len(doc["items"]))


@pytest.fixture(scope="module")
def edits_and_versions(site, tmp_path_factory):
    work = tmp_path_factory.mktemp("rebuilt")
    data = copy_data(work)
    edits = edit_checklist(data)
    result = build_site(work / "site", data)
    assert result.returncode == 0, result.stderr
    root = work / "served"
    root.mkdir()
    link = root / "hb"
    link.symlink_to(site)
    with serve(root) as url:
        yield edits, Versions(f"{url}hb/", link, {"main": site, "rebuilt": work / "site"})


@pytest.fixture
def rebuilt(edits_and_versions):
    edits, versions = edits_and_versions
    versions.show("main")
    yield edits, versions
    versions.show("main")


def test_ticks_survive_a_rebuild_that_reorders_rewords_renames_and_removes_items(page, rebuilt):
    edits, versions = rebuilt
    open_checklist(page, versions.url)
    for i in (edits.kept, edits.reworded, edits.renamed_from, edits.removed):
        item(page, i).check()
    assert progress_text(page) == f"4 of {len(IDS)} done"

    versions.show("rebuilt")
    # A query string the static server ignores keeps Chromium from reusing the cached page.
    open_checklist(page, versions.url, query="?rebuilt")
    assert page.locator(f'.hb-item[data-item="{edits.removed}"]').count() == 0
    assert page.locator(".hb-item").first.get_attribute("data-item") != IDS[0], "the rebuild did not reorder"
    assert "Reworded for the rebuild" in page.locator(f'.hb-item[data-item="{edits.reworded}"]').inner_text()
    assert sorted(ticked_ids(page)) == sorted([edits.kept, edits.reworded, edits.renamed_to])
    assert progress_text(page) == f"3 of {edits.total} done"
    saved = page.evaluate("Object.keys(localStorage).map(k => k.slice(HB.store.prefix.length))")
    assert f"check:{edits.renamed_to}" in saved and f"check:{edits.renamed_from}" not in saved, "the old key was not migrated"

    page.goto(f"{versions.url}checklists/?rebuilt")
    page.wait_for_selector(".hb-checklists[data-hb-ready]")
    assert index_progress(page)[CID] == f"3 of {edits.total} done"
    assert overall_text(page) == f"3 of {TOTAL_ITEMS - 1} done"
    assert page.errors == []


def test_the_index_counts_a_tick_saved_under_an_old_id(page, rebuilt):
    edits, versions = rebuilt
    versions.show("rebuilt")
    page.goto(f"{versions.url}checklists/?rebuilt-index")
    page.wait_for_selector(".hb-checklists[data-hb-ready]")
    page.evaluate(f"HB.store.set('check:{edits.renamed_from}', true); HB.store.set('check:{edits.removed}', true)")
    page.reload()
    page.wait_for_selector(".hb-checklists[data-hb-ready]")
    assert index_progress(page)[CID] == f"1 of {edits.total} done"


def test_an_import_from_before_a_rename_ticks_the_renamed_item(browser, rebuilt, tmp_path):
    edits, versions = rebuilt
    before = browser.new_context(accept_downloads=True)
    page = before.new_page()
    open_checklist(page, versions.url)
    item(page, edits.renamed_from).check()
    item(page, edits.removed).check()
    saved = export_file(page, ".hb-checklist", tmp_path)
    before.close()

    versions.show("rebuilt")
    after = browser.new_context()
    page = after.new_page()
    open_checklist(page, versions.url, query="?rebuilt-import")
    page.locator(".hb-checklist .hb-import__file").set_input_files(str(saved))
    message = page.locator(".hb-checklist .hb-transfer__msg")
    message.filter(has_text="Restored").wait_for()
    assert "Restored 1 entry" in message.inner_text()
    assert f"check:{edits.removed}" in message.inner_text()
    assert ticked_ids(page) == [edits.renamed_to]
    assert page.evaluate(f"HB.store.get('check:{edits.removed}', false)") is False
    after.close()
