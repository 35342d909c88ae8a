"""The handbook's own style rules take effect: the theme's rules for content (`.md-typeset ul`,
`[dir=ltr] .md-typeset dd`, ...) are often more specific than a rule of ours for the same
element, and then a card grid shows as a bulleted column and a fact list indents on a phone.

Each page is read twice, with the theme's stylesheets and without them, on the pages that
show every kind of element, at phone and desktop widths and in print. A declaration of ours
that decides an element's value without the theme but not with it has been overridden."""

from __future__ import annotations

import pytest

from tests.browser.sweep import covering_pages

pytestmark = pytest.mark.browser

# Declarations whose value is the same wherever they apply (keywords, zero, pixels), so that
# reading it back tells whether the declaration won. The theme's custom properties are kept
# while its sheets are off, so that our rules that use them still apply.
OVERRIDDEN = """() => {
  const ours = sheet => Boolean(sheet.href && sheet.href.includes('/assets/handbook.'));
  const sheets = Array.from(document.styleSheets);
  const plain = /^(-?\\d+(\\.\\d+)?(px)?|[a-z][a-z-]*)$/;
  const contextual = new Set(['inherit', 'initial', 'unset', 'revert', 'currentcolor', 'auto']);
  const declared = [];
  const walk = rules => {
    for (const rule of rules) {
      if (rule instanceof CSSMediaRule) { if (matchMedia(rule.media.mediaText).matches) walk(rule.cssRules); continue; }
      if (rule instanceof CSSSupportsRule) { walk(rule.cssRules); continue; }
      if (!(rule instanceof CSSStyleRule) || rule.selectorText.includes('::')) continue;
      const elements = document.querySelectorAll(rule.selectorText);
      for (let i = 0; i < rule.style.length; i++) {
        const prop = rule.style[i], value = rule.style.getPropertyValue(prop).trim();
        if (!plain.test(value) || contextual.has(value)) continue;
        const text = `${rule.selectorText} { ${prop}: ${value} }`;
        for (const el of elements) declared.push({el, prop, value: value === '0' ? '0px' : value, text});
      }
    }
  };
  sheets.filter(ours).forEach(sheet => walk(sheet.cssRules));
  const read = () => declared.map(d => getComputedStyle(d.el).getPropertyValue(d.prop));
  const theirs = sheets.filter(sheet => !ours(sheet));
  const themed = getComputedStyle(document.body), root = document.documentElement.style;
  const kept = Array.from(themed).filter(p => p.startsWith('--'));
  kept.forEach(p => root.setProperty(p, themed.getPropertyValue(p)));
  theirs.forEach(sheet => { sheet.disabled = true; });
  const alone = read();
  theirs.forEach(sheet => { sheet.disabled = false; });
  kept.forEach(p => root.removeProperty(p));
  const together = read();
  const found = new Map();
  declared.forEach((d, i) => {
    if (alone[i] === d.value && together[i] !== d.value && !found.has(d.text))
      found.set(d.text, `${d.text} is ${together[i]} with the theme`);
  });
  return Array.from(found.values());
}"""

MEDIA = {"phone": (360, "screen"), "desktop": (1280, "screen"), "print": (1280, "print")}


@pytest.mark.parametrize("medium", MEDIA)
def test_the_theme_overrides_no_rule_of_the_handbooks_own(page, site, site_url, medium):
    width, media = MEDIA[medium]
    page.set_viewport_size({"width": width, "height": 800})
    page.emulate_media(media=media)
    overridden = {}
    for path in covering_pages(site):
        page.goto(site_url + path)
        for found in page.evaluate(OVERRIDDEN):
            overridden.setdefault(found, path or "home")
    assert not overridden, "\n".join(f"{path}: {found}" for found, path in overridden.items())


def test_the_check_reports_a_rule_the_theme_overrides(page, site_url):
    # The control: a rule of the theme's side more specific than ours must be reported.
    page.goto(site_url + "tags/")
    assert page.evaluate(OVERRIDDEN) == []
    page.add_style_tag(content="[dir] .md-typeset ul.hb-tag-index { display: block; }")
    assert page.evaluate(OVERRIDDEN) == [".md-typeset ul.hb-tag-index { display: flex } is block with the theme"]
