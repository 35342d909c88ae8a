"""Table wrappers as the page marks them: one that scrolls sideways must be a named, focusable
region (so arrow keys can scroll it), one that fits must not be a tab stop. The page marks a
wrapper after the layout that follows its drawing (docs/assets/page.js), so a check waits for
that layout before it judges."""

from __future__ import annotations

from playwright.sync_api import TimeoutError as PlaywrightTimeout

# A table wrapper, named in a failure by its caption or first heading.
TABLE_NAME = "box => (box.querySelector('caption, th') || box).textContent.trim().slice(0, 40)"
MISMARKED_WRAPPERS = f"""() => Array.from(document.querySelectorAll('.hb-scroll, .hb-table-wrap'))
  .filter(box => (box.scrollWidth > box.clientWidth + 1) !== (box.getAttribute('tabindex') === '0'
    && box.getAttribute('role') === 'region' && /scrolls sideways/.test(box.getAttribute('aria-label') || '')))
  .map({TABLE_NAME})"""


def mismarked_wrappers(page, timeout: float = 2000) -> list[str]:
    """The wrappers still not marked for their width once the page has had `timeout` ms to mark them."""
    try:
        page.wait_for_function(f"({MISMARKED_WRAPPERS})().length === 0", timeout=timeout)
        return []
    except PlaywrightTimeout:
        return page.evaluate(MISMARKED_WRAPPERS)
