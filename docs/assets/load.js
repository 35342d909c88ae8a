/* Loads on every page, async, and loads the rest only where a page needs it:
 * a practice tool's scripts on that tool's page, checklist code where checklists
 * are, the bank's filters on the bank. Material's instant navigation swaps pages
 * without a reload, so the check runs on every page view; a script is added once
 * and then starts its component on each page that has one.
 */
(function () {
  "use strict";
  var HB = (window.HB = window.HB || {});
  if (HB.load) return;

  /* Run `fn` on every page view: Material announces each one on `document$`. This file is
   * async, so it may run before the theme's script has defined `document$`: until the page is
   * parsed, it waits. A script that arrives after the page was announced (every script this
   * file loads) runs `fn` at once. */
  HB.onPage = function (fn) {
    function subscribe() {
      if (window.document$ && typeof window.document$.subscribe === "function") {
        var fired = false;
        window.document$.subscribe(function (doc) { fired = true; fn(doc); });
        if (!fired) fn();
      } else {
        fn();
      }
    }
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", subscribe);
    else subscribe();
  };

  var TOOL = ["assets/store.js", "assets/dom.js"];
  var DRILL = TOOL.concat("assets/tools/drill-logic.js");
  var NEEDS = [
    ["body", ["assets/page.js"]],
    ["#hb-start", ["assets/store.js", "assets/start.js"]],
    [".hb-checklist, .hb-checklists", ["assets/store.js", "assets/checklists.js"]],
    [".hb-bank", ["assets/store.js", "assets/bank.js"]],
    ["#hb-drill", DRILL.concat("assets/tools/drill-history.js", "assets/tools/drill.js")],
    ["#hb-stories", TOOL.concat("assets/tools/stories.js")],
    ["#hb-scoring", TOOL.concat("assets/tools/scoring.js")],
    ["#hb-offer", TOOL.concat("assets/tools/offer.js")],
    ["#hb-mock", DRILL.concat("assets/tools/mock-logic.js", "assets/tools/mock-clock.js", "assets/tools/mock.js")],
    ["#hb-plan", TOOL.concat("assets/tools/plan-logic.js", "assets/tools/plan.js")],
    [".hb-question[data-question]", TOOL],
  ];
  var ALL = NEEDS.reduce(function (all, need) { return all.concat(need[1]); }, []);

  function base() {
    try {
      return new URL(JSON.parse(document.getElementById("__config").textContent).base, location.href);
    } catch (e) {
      return new URL("/", location.href);
    }
  }

  // The site's root, read once: instant navigation keeps the first page's __config, whose
  // relative base would point elsewhere once the address has changed.
  var ROOT = base().href;

  var added = {};
  var pending = {};
  function add(path) {
    if (!pending[path]) {
      pending[path] = new Promise(function (resolve) {
        var script = document.createElement("script");
        script.src = new URL(path, ROOT).href;
        script.async = false; // run in the order added: the store and DOM helper before a tool
        script.onload = script.onerror = resolve;
        document.head.appendChild(script);
        added[path] = true;
      });
    }
    return pending[path];
  }

  function need(paths) {
    return Promise.all(paths.map(add));
  }

  HB.load = {
    root: ROOT,
    /* Every script: a progress import on any page must know every tool's keys. */
    all: function () { return need(ALL); },
  };

  /* In a task of its own: on a first load the page is announced inside the theme's start-up
   * task, which a phone counts as blocking once it runs past the first paint, and each script
   * added costs the main thread about a millisecond. */
  HB.onPage(function () {
    setTimeout(function () {
      NEEDS.forEach(function (rule) {
        if (document.querySelector(rule[0])) need(rule[1]);
      });
    });
  });
})();
