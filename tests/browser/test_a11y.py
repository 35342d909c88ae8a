"""Accessibility: axe-core in Chromium on every page of the built site, in the light and
the dark scheme, at 1280 px and at 390 px (every page light at 1280 and dark at 390; in the
other two pairings, which differ from those only in how each element is styled, the pages
that show every kind of element: `sweep.covering_pages`); then with search results open, with the phone
menu open, and with every button in the content focused, hovered and pressed. Serious and
critical violations fail; each failure names the page, the rule and the elements.

One browser context per scheme and width visits every page in turn, with axe injected
by the context, so the sweep costs a page load and an axe run per page and no more."""

from __future__ import annotations

from pathlib import Path

import axe_playwright_python
import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.sweep import covering_pages, site_pages
from tests.browser.wrappers import mismarked_wrappers
from tests.conftest import watched_page

pytestmark = pytest.mark.browser

FAILING_IMPACTS = {"serious", "critical"}
AXE_FILE = Path(axe_playwright_python.__file__).parent / "axe.min.js"
SCHEMES = ["light", "dark"]
WIDTHS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}
EVERY_PAGE = {("light", "desktop"), ("dark", "phone")}  # each scheme and each width, every page
# Pages with the most states: the home page, the bank, every practice tool, a checklist, pay.
STATEFUL = [
    *["", "questions/", "pay/", "checklists/day-before/"],
    *["practice/drill/", "practice/scoring/", "practice/stories/", "practice/offer/"],
]

RUN = """async (options) => {
    const result = await axe.run(options.include ? {include: options.include} : document,
                                 {resultTypes: ['violations'], ...(options.only ? {runOnly: options.only} : {})});
    return result.violations.filter(v => v.impact === 'serious' || v.impact === 'critical').map(v =>
        `${v.id} (${v.impact}): ${v.help} -> ` + v.nodes.slice(0, 4).map(n => n.target.join(' ')).join('; ')
        + (v.nodes.length > 4 ? `; and ${v.nodes.length - 4} more` : ''));
}"""


def at_rest(page) -> None:
    """Wait until no transition runs: axe judges colours as they are, so a panel or button
    caught mid-fade fails contrast that it meets once at rest. A practice tool's script may
    arrive after the page's load event and redraw its part of the page, so every tool must have
    started, and the tables it drew have had the layout after which the page marks them
    scrollable; one still unmarked is axe's to report."""
    page.wait_for_function("document.querySelectorAll('.hb-tool:not(.hb-tool--live)').length === 0")
    page.wait_for_function("document.getAnimations().every(a => a.playState !== 'running')")
    mismarked_wrappers(page)


def failing(violations: list[dict]) -> list[str]:
    """Serious and critical violations from an axe result, one line each."""
    return [
        f"{v['id']} ({v['impact']}): {v['help']} -> " + "; ".join(" ".join(map(str, n["target"])) for n in v["nodes"][:5])
        for v in violations
        if v["impact"] in FAILING_IMPACTS
    ]


def axe_source() -> str:
    return AXE_FILE.read_text(encoding="utf-8")


def run_axe(page, include: list | None = None, only: list | None = None) -> list[str]:
    at_rest(page)
    return page.evaluate(RUN, {"include": include, "only": only})


def serious_violations(page) -> list[str]:
    """axe-core, injected for this run, on the page at rest: its serious and critical violations."""
    at_rest(page)
    return failing(Axe().run(page).response["violations"])


@pytest.fixture(scope="module", params=[(s, w) for s in SCHEMES for w in WIDTHS], ids=lambda p: f"{p[0]}-{p[1]}")
def axe_page(browser, request):
    scheme, width = request.param
    context = browser.new_context(viewport=WIDTHS[width], color_scheme=scheme)
    context.add_init_script(axe_source())
    page = watched_page(context)
    page.width_name = width
    page.every_page = (scheme, width) in EVERY_PAGE
    yield page
    context.close()


def test_every_page_has_no_serious_violation(axe_page, site, site_url):
    found = []
    for path in site_pages(site) if axe_page.every_page else covering_pages(site):
        axe_page.goto(site_url + path)
        found += [f"{path or 'home'}: {v}" for v in run_axe(axe_page)]
    assert not found, f"{len(found)} violations:\n" + "\n".join(found[:40])
    assert axe_page.errors == []


def test_with_search_results_open(axe_page, site_url):
    axe_page.goto(site_url)
    axe_page.keyboard.press("/")
    box = axe_page.locator("input.md-search__input")
    box.fill("pay")
    box.press("End")
    axe_page.locator(".md-search-result__item").first.wait_for()
    assert axe_page.locator(".md-search").get_attribute("aria-label") == "Search"
    found = run_axe(axe_page)
    assert not found, "\n".join(found)


@pytest.mark.parametrize("scheme", SCHEMES)
def test_with_the_phone_menu_open(browser, site_url, scheme):
    # The menu is a drawer on phones only, so this runs at phone width in both schemes.
    context = browser.new_context(viewport=WIDTHS["phone"], color_scheme=scheme)
    context.add_init_script(axe_source())
    page = context.new_page()
    try:
        for path in ["", "questions/", "practice/drill/"]:
            page.goto(site_url + path)
            page.locator("label.md-header__button[for=__drawer]").click()
            page.locator(".md-sidebar--primary .md-nav__link").first.wait_for(state="visible")
            found = run_axe(page)
            assert not found, f"{path or 'home'}:\n" + "\n".join(found)
    finally:
        context.close()


BUTTONS = ".md-content button:visible, .md-content .md-button:visible, .md-header label.md-header__button:visible"


def test_buttons_focused_hovered_and_pressed(axe_page, site_url):
    found = []
    for path in STATEFUL:
        axe_page.goto(site_url + path)
        axe_page.wait_for_load_state("load")
        if path == "practice/drill/":
            axe_page.locator("#hb-drill [data-action=reveal]").click()  # the rating buttons show, one pressed
            axe_page.locator('#hb-drill .hb-rate[data-rating="3"]').click()
        count = axe_page.locator(BUTTONS).count()
        for i in range(min(count, 12)):
            button = axe_page.locator(BUTTONS).nth(i)
            if not button.is_visible():
                continue
            button.evaluate("b => b.setAttribute('data-axe-target', '')")
            for state in ["focus", "hover", "press"]:
                if state == "focus":
                    button.focus()
                elif state == "hover":
                    button.hover()
                else:
                    box = button.bounding_box()
                    axe_page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
                    axe_page.mouse.down()
                found += [f"{path or 'home'} {state}: {v}" for v in run_axe(axe_page, [["[data-axe-target]"]], ["color-contrast"])]
                if state == "press":
                    # Released elsewhere, the press is no click: nothing opens or navigates.
                    axe_page.mouse.move(1, 1)
                    axe_page.mouse.up()
            button.evaluate("b => b.removeAttribute('data-axe-target')")
        pressed = axe_page.locator('.md-content [aria-pressed="true"]:visible, .md-content [aria-expanded="true"]:visible')
        if pressed.count():
            found += [f"{path or 'home'} pressed: {v}" for v in run_axe(axe_page, only=["color-contrast"])]
    assert not found, f"{len(found)} violations:\n" + "\n".join(found[:40])


def test_the_check_reports_what_axe_finds(axe_page, site_url):
    # The control: markup with known violations must be reported, so a silent axe cannot pass.
    axe_page.goto(site_url)
    axe_page.evaluate(
        "document.body.insertAdjacentHTML('beforeend', '<img src=\"x.png\"><p style=\"color:#bbb;background:#fff\">faint text</p>')"
    )
    found = run_axe(axe_page)
    assert any(f.startswith("image-alt (critical)") for f in found), found
    assert any(f.startswith("color-contrast (serious)") for f in found), found


def test_the_drills_buttons_are_named_by_their_action_and_announce_their_key(page, site_url):
    # A screen reader says "Start", not "Start (s)"; the key is the button's shortcut.
    page.goto(site_url + "practice/drill/")
    drill = page.locator("#hb-drill[data-question]")
    for action, name, key in [("start", "Start", "s"), ("reveal", "Reveal", "r"), ("next", "Next", "n")]:
        button = drill.get_by_role("button", name=name, exact=True)
        assert button.get_attribute("data-action") == action
        assert button.get_attribute("aria-keyshortcuts") == key
        assert button.locator("kbd").inner_text() == key
    page.keyboard.press("s")
    assert drill.get_by_role("button", name="Pause", exact=True).get_attribute("aria-keyshortcuts") == "s"


def test_single_key_shortcuts_never_fire_while_a_form_control_has_focus(page, site_url):
    page.goto(site_url + "practice/drill/")
    page.wait_for_selector("#hb-drill[data-question]")
    question = page.get_attribute("#hb-drill", "data-question")
    for control in ["input[name=custom-seconds]", "[data-action=reveal]", "[data-action=next]"]:
        if "custom" in control:
            page.locator("select[name=timer]").select_option("custom")
        page.focus(f"#hb-drill {control}")
        for key in ["s", "r", "n", "3"]:
            page.keyboard.press(key)
        assert page.get_attribute("#hb-drill", "data-timer") == "ready", control
        assert page.get_attribute("#hb-drill", "data-question") == question, control
        assert page.locator(".hb-drill-answer").is_hidden(), control
    # A closed select takes a typed letter as its own: the filter changes, the question waits.
    page.focus("#hb-drill select[name=track]")
    page.keyboard.press("s")
    assert page.locator("#hb-drill select[name=track]").input_value() != ""
    assert page.get_attribute("#hb-drill", "data-question") == question
    page.locator("#hb-drill select[name=track]").blur()
    page.wait_for_function("id => document.querySelector('#hb-drill').dataset.question !== id", arg=question)
    page.reload()
    page.wait_for_selector("#hb-drill[data-question]")
    page.keyboard.press("s")  # with nothing focused the shortcut works
    assert page.get_attribute("#hb-drill", "data-timer") == "running"


PAGE_CONTROLS = [("questions/", ".hb-bank-form .hb-bank-random"), ("checklists/screen/", ".hb-checklist input[type=checkbox]")]


@pytest.mark.parametrize("path, control", PAGE_CONTROLS)
def test_a_letter_typed_on_a_page_control_never_opens_search(page, site_url, path, control):
    page.goto(site_url + path)
    page.wait_for_function("window.HB && HB.page")  # the page's script keeps typed letters in the control
    page.locator(control).first.focus()
    for key in ["s", "f", "/"]:
        page.keyboard.press(key)
    assert page.evaluate("document.activeElement.closest('.md-content') !== null")
    assert page.locator("input.md-search__input").input_value() == ""
