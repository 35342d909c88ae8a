/* What every page shares, loaded by the theme override (overrides/main.html).
 *
 * The skip link sits in the header, which Material's instant navigation keeps
 * from page to page, so on each page view it is pointed at the new page's
 * target: its tool, or its content (read from #hb-content, which the page
 * brings with it). Following the link moves keyboard focus to the target, so
 * the next Tab reaches the tool's first control.
 */
(function () {
  "use strict";
  var HB = (window.HB = window.HB || {});
  if (HB.page) return;

  function retargetSkipLink() {
    var link = document.querySelector("a[data-hb-skip]");
    var content = document.getElementById("hb-content");
    if (!link || !content) return;
    var id = content.getAttribute("data-skip") || "hb-content";
    if (!document.getElementById(id)) id = "hb-content";
    var label = id === "hb-content" ? "Skip to content" : content.getAttribute("data-skip-label") || "Skip to content";
    // A page the browser loads has the right link already (the theme may have made it absolute):
    // setting it again would have the page laid out again.
    if (link.hash !== "#" + id || link.pathname !== location.pathname) link.setAttribute("href", "#" + id);
    if (link.textContent !== label) link.textContent = label;
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[data-hb-skip]");
    if (!link) return;
    var target = document.getElementById(link.hash.slice(1)); // the theme may have made the href absolute
    if (!target) return;
    event.preventDefault();
    if (!target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
    target.focus({ preventScroll: true });
    target.scrollIntoView({ block: "start" });
  });

  /* A key typed in a form control on the page belongs to that control (a select's type-ahead,
   * a checkbox's Space): the theme's own single-key shortcuts ("s", "f" and "/" open search)
   * never see it. The search box itself sits in the header, outside the page's content. */
  var CONTROLS = "input, select, textarea, button, [contenteditable], [role=combobox], [role=listbox], [role=textbox]";
  function inFormControl(node) {
    return !!(node && node.closest && node.closest(CONTROLS));
  }
  document.addEventListener("keydown", function (event) {
    if (event.key.length !== 1 || event.ctrlKey || event.metaKey || event.altKey) return;
    if (inFormControl(event.target) && event.target.closest(".md-content")) event.stopPropagation();
  });

  /* A table too wide for the screen scrolls sideways in its wrapper; a wrapper that
   * scrolls becomes a named, focusable region, so the arrow keys can scroll it too.
   * Tools redraw their tables as the reader types, so new wrappers are watched for. */
  var WRAPPERS = ".hb-scroll, .hb-table-wrap";
  var sizes = window.ResizeObserver ? new ResizeObserver(function (entries) {
    entries.forEach(function (entry) { markScrollable(entry.target); });
  }) : null;

  function markScrollable(box) {
    if (box.scrollWidth > box.clientWidth + 1) {
      if (box.getAttribute("tabindex") === "0") return;
      var caption = box.querySelector("caption, th");
      box.setAttribute("tabindex", "0");
      box.setAttribute("role", "region");
      box.setAttribute("aria-label", "Table" + (caption ? " (" + caption.textContent.trim() + ", …)" : "") + ", scrolls sideways");
    } else if (box.getAttribute("tabindex") === "0") {
      box.removeAttribute("tabindex");
      box.removeAttribute("role");
      box.removeAttribute("aria-label");
    }
  }

  function watch(root) {
    var boxes = root.matches && root.matches(WRAPPERS) ? [root] : [];
    boxes = boxes.concat(Array.prototype.slice.call(root.querySelectorAll ? root.querySelectorAll(WRAPPERS) : []));
    // A box being observed is first measured after the next layout, never in the middle of a script.
    boxes.forEach(function (box) {
      if (sizes) sizes.observe(box);
      else markScrollable(box);
    });
  }

  /* The browser scrolls a focused control into view only when none of it shows, so a button half
   * past a scrolling table's edge stayed cut off: the table is scrolled to show all of it. */
  document.addEventListener("focusin", function (event) {
    var box = event.target.closest && event.target.closest(WRAPPERS);
    if (!box || box === event.target) return;
    var shown = box.getBoundingClientRect(), it = event.target.getBoundingClientRect();
    if (it.left < shown.left || it.right > shown.right) event.target.scrollIntoView({ block: "nearest", inline: "nearest" });
  });

  if (window.MutationObserver) {
    new MutationObserver(function (records) {
      records.forEach(function (record) {
        Array.prototype.forEach.call(record.addedNodes, function (node) {
          if (node.nodeType === 1) watch(node);
        });
      });
    }).observe(document.documentElement, { childList: true, subtree: true });
  }

  /* Paper has no disclosure to open: every closed <details> in the page (a plan's days, a tool's
   * notes, those the theme does not know because a script drew them) prints open, and closes
   * again once printing is done. */
  var openedForPrint = [];
  window.addEventListener("beforeprint", function () {
    openedForPrint = Array.prototype.slice.call(document.querySelectorAll(".md-content details:not([open])"));
    openedForPrint.forEach(function (details) { details.open = true; });
  });
  window.addEventListener("afterprint", function () {
    openedForPrint.splice(0).forEach(function (details) { details.open = false; });
  });

  /* On phones the closed search box is shrunk to nothing, and its input still took a tab stop no
   * one could see. It leaves the tab order while search is closed; the theme's button and keys
   * still focus it, and focusing it opens search. */
  var phone = window.matchMedia("(max-width: 59.984375em)");
  function searchInputInTabOrder() {
    var toggle = document.getElementById("__search");
    var input = document.querySelector(".md-search__input");
    if (!toggle || !input) return;
    if (phone.matches && !toggle.checked) input.setAttribute("tabindex", "-1");
    else input.removeAttribute("tabindex");
  }
  document.addEventListener("change", function (event) {
    if (event.target.id === "__search") searchInputInTabOrder();
  });
  phone.addEventListener("change", searchInputInTabOrder);

  function onPage() {
    retargetSkipLink();
    searchInputInTabOrder();
    watch(document);
  }

  HB.page = { retargetSkipLink: retargetSkipLink, markScrollable: markScrollable, inFormControl: inFormControl };
  if (HB.onPage) HB.onPage(onPage);
  else document.addEventListener("DOMContentLoaded", onPage);
})();
