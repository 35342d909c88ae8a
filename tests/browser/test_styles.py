"""The handbook's own style rules take effect: the theme's rules for content (`.md-typeset ul`,
`[dir=ltr] .md-typeset dd`, ...) are often more specific than a rule of ours for the same
element, and then a card grid shows as a bulleted column and a fact list indents on a phone.

Each page is read twice, with the theme's stylesheets and without them, on the pages that
show every kind of element, at phone and desktop widths, in the dark scheme on a phone and in
print. A declaration of ours that decides an element's value without the theme but not with it
has been overridden."""

from __future__ import annotations

import pytest

from tests.browser.sweep import covering_pages

pytestmark = pytest.mark.browser

# Declarations of one value (a keyword, a number, a length in any unit, and the theme's and our
# custom properties through var()). What a declaration would give an element
# is read by setting it on that element alone, inline; what the element shows is then compared
# with it. The theme's custom properties are kept while its sheets are off, so that our rules
# that use them still apply, and transitions are held so that every value is read at once.
OVERRIDDEN = """() => {
  const ours = sheet => Boolean(sheet.href && sheet.href.includes('/assets/handbook.'));
  const sheets = Array.from(document.styleSheets);
  const plain = /^(-?\\d+(\\.\\d+)?(px|em|rem|%|mm|pt|ch|vw|vh)?|[a-z][a-z-]*)$/;
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
        if (prop.startsWith('--') || contextual.has(value) || !(plain.test(value) || value.includes('var('))) continue;
        const text = `${rule.selectorText} { ${prop}: ${value} }`;
        for (const el of elements) declared.push({el, prop, value, text});
      }
    }
  };
  sheets.filter(ours).forEach(sheet => walk(sheet.cssRules));
  const held = document.createElement('style');
  held.textContent = '*, *::before, *::after { transition: none !important; }';
  document.head.append(held);
  const read = () => declared.map(({el, prop, value}) => {
    const shown = getComputedStyle(el).getPropertyValue(prop);
    const inline = [el.style.getPropertyValue(prop), el.style.getPropertyPriority(prop)];
    el.style.setProperty(prop, value, 'important');
    const own = getComputedStyle(el).getPropertyValue(prop);
    el.style.removeProperty(prop);
    if (inline[0]) el.style.setProperty(prop, ...inline);
    return {shown, own};
  });
  const theirs = sheets.filter(sheet => !ours(sheet));
  const themed = getComputedStyle(document.body), root = document.documentElement.style;
  const kept = Array.from(themed).filter(p => p.startsWith('--'));
  kept.forEach(p => root.setProperty(p, themed.getPropertyValue(p)));
  theirs.forEach(sheet => { sheet.disabled = true; });
  const alone = read();
  theirs.forEach(sheet => { sheet.disabled = false; });
  kept.forEach(p => root.removeProperty(p));
  const together = read();
  held.remove();
  const found = new Map();
  declared.forEach((d, i) => {
    if (alone[i].shown === alone[i].own && together[i].shown !== together[i].own && !found.has(d.text))
      found.set(d.text, `${d.text} is ${together[i].shown} with the theme`);
  });
  return Array.from(found.values());
}"""

MEDIA = {
    "phone": (360, "screen", "light"),
    "phone, dark": (360, "screen", "dark"),
    "desktop": (1280, "screen", "light"),
    "print": (1280, "print", "light"),
}


@pytest.mark.parametrize("medium", MEDIA)
def test_the_theme_overrides_no_rule_of_the_handbooks_own(page, site, site_url, medium):
    width, media, scheme = MEDIA[medium]
    page.set_viewport_size({"width": width, "height": 800})
    page.emulate_media(media=media, color_scheme=scheme)
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


def test_the_check_reports_a_length_of_ours_the_theme_overrides(page, site_url):
    # A length in em is read on the element itself, so it resolves alike from our rule and inline.
    # (The theme's `.md-typeset svg { max-width: 100% }` once stretched the loop timeline so.)
    page.goto(site_url + "tags/")
    page.add_style_tag(content="[dir] .md-typeset ul.hb-tag-index { margin-top: 3px; }")
    assert page.evaluate(OVERRIDDEN) == [".md-typeset ul.hb-tag-index { margin-top: 1em } is 3px with the theme"]


def test_the_check_reports_a_colour_of_ours_the_theme_overrides(page, site_url):
    # A declaration through one of the theme's custom properties is compared by the colour it
    # resolves to on that element, in the scheme the reader sees.
    page.emulate_media(color_scheme="dark")
    page.goto(site_url + "tags/")
    assert page.evaluate(OVERRIDDEN) == []
    page.add_style_tag(content="[dir] .md-typeset h1 { color: rgb(1, 2, 3); }")
    assert page.evaluate(OVERRIDDEN) == [".md-typeset h1 { color: var(--md-default-fg-color) } is rgb(1, 2, 3) with the theme"]
