/* The question bank's filters.
 *
 * The page already lists every question, grouped by round, and each entry
 * carries its facets in data attributes (data-track, data-round, data-type,
 * data-framework, data-difficulty, data-origin, data-tag; space-separated where a question
 * has several). A hidden list names each facet's values, in the handbook's order, with the
 * number of questions that have each. This script builds a select per facet and a text
 * filter over the titles into #hb-bank-controls, shows how many questions each option
 * would leave, hides rounds left empty, and picks a random question from the
 * current selection. Until a filter is set it shows the list's own counts, and reads the
 * entries only then: at a thousand questions reading them is most of the page's start-up.
 *
 * The selection lives in the address bar (?round=system-design&type=metrics&q=fee),
 * kept up to date with history.replaceState, so a filtered view can be
 * bookmarked, shared and reloaded. Without this script the full list is shown.
 */
(function () {
  "use strict";
  var HB = (window.HB = window.HB || {});
  if (HB.bank) return;

  var FACETS = [
    { key: "track", label: "Track", all: "All tracks" },
    { key: "round", label: "Round", all: "All rounds" },
    { key: "type", label: "Type", all: "All types" },
    { key: "framework", label: "Framework", all: "All frameworks" },
    { key: "difficulty", label: "Difficulty", all: "All levels" },
    { key: "origin", label: "Origin", all: "Reported and practice" },
    { key: "tag", label: "Tag", all: "All tags" },
  ];
  /* "text", not "q": the theme opens its search box for a "q" in the address. */
  var TEXT_KEY = "text";

  function words(value) {
    return (value || "").toLowerCase().split(/\s+/).filter(Boolean);
  }

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      node.setAttribute(name, attrs[name]);
    });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  /* One entry per question, read once from the list. */
  function readQuestions(bank) {
    return Array.prototype.map.call(bank.querySelectorAll("li.hb-q"), function (li) {
      var link = li.querySelector("a");
      var values = {};
      FACETS.forEach(function (facet) {
        values[facet.key] = (li.getAttribute("data-" + facet.key) || "").split(/\s+/).filter(Boolean);
      });
      return {
        li: li,
        link: link,
        title: (link ? link.textContent : li.textContent).toLowerCase(),
        values: values,
        shown: true,
      };
    });
  }

  /* Each facet's values in use, in the handbook's order, with how many questions have each. */
  function readOptions(bank) {
    var options = {};
    FACETS.forEach(function (facet) {
      options[facet.key] = [];
    });
    bank.querySelectorAll(".hb-bank-labels [data-facet]").forEach(function (item) {
      var list = options[item.getAttribute("data-facet")];
      if (!list) return;
      list.push({ value: item.getAttribute("data-value"), label: item.textContent, count: Number(item.getAttribute("data-count")) });
    });
    return options;
  }

  /* The counts with no filter set, as the page states them. */
  function listedCounts(options, total) {
    var counts = {};
    FACETS.forEach(function (facet) {
      counts[facet.key] = { "": total };
      options[facet.key].forEach(function (o) {
        counts[facet.key][o.value] = o.count;
      });
    });
    return counts;
  }

  function readState(search, options) {
    var params = new URLSearchParams(search);
    var state = {};
    FACETS.forEach(function (facet) {
      var wanted = params.get(facet.key) || "";
      var known = options[facet.key].some(function (o) {
        return o.value === wanted;
      });
      state[facet.key] = known ? wanted : "";
    });
    state[TEXT_KEY] = (params.get(TEXT_KEY) || "").trim();
    return state;
  }

  function writeState(state) {
    var params = new URLSearchParams(location.search);
    FACETS.map(function (f) {
      return f.key;
    })
      .concat([TEXT_KEY])
      .forEach(function (key) {
        if (state[key]) params.set(key, state[key]);
        else params.delete(key);
      });
    var query = params.toString();
    var url = location.pathname + (query ? "?" + query : "") + location.hash;
    if (url !== location.pathname + location.search + location.hash) {
      // Keep Material's history state (the scroll offset it restores on back/forward).
      history.replaceState(history.state, "", url);
    }
  }

  function matches(q, state, skipFacet, textWords) {
    for (var i = 0; i < FACETS.length; i++) {
      var key = FACETS[i].key;
      if (key !== skipFacet && state[key] && q.values[key].indexOf(state[key]) < 0) return false;
    }
    for (var j = 0; j < textWords.length; j++) {
      if (q.title.indexOf(textWords[j]) < 0) return false;
    }
    return true;
  }

  /* How many questions each option would leave, given every other filter. */
  function countOptions(questions, state, textWords) {
    var counts = {};
    FACETS.forEach(function (facet) {
      var byValue = { "": 0 };
      questions.forEach(function (q) {
        if (!matches(q, state, facet.key, textWords)) return;
        byValue[""] += 1;
        q.values[facet.key].forEach(function (v) {
          byValue[v] = (byValue[v] || 0) + 1;
        });
      });
      counts[facet.key] = byValue;
    });
    return counts;
  }

  function buildControls(container, options, total) {
    var form = el("form", { class: "hb-bank-form", role: "search", "aria-label": "Filter the questions" });
    // On a phone the filters fold behind this one button (bank.css); on a wide screen it is hidden.
    var toggle = el("button", { type: "button", class: "md-button hb-bank-toggle", "aria-expanded": "false", "aria-controls": "hb-bank-filters" }, "Filters");
    toggle.addEventListener("click", function () {
      var open = toggle.getAttribute("aria-expanded") !== "true";
      toggle.setAttribute("aria-expanded", String(open));
      form.classList.toggle("hb-bank-form--open", open);
    });
    form.appendChild(toggle);
    var filters = el("div", { class: "hb-bank-filters", id: "hb-bank-filters" });
    var selects = {};
    FACETS.forEach(function (facet) {
      if (!options[facet.key].length) return;
      var label = el("label", { class: "hb-filter" });
      label.appendChild(el("span", { class: "hb-filter__name" }, facet.label));
      var select = el("select", { name: facet.key, "data-facet": facet.key });
      select.appendChild(el("option", { value: "" }, facet.all));
      options[facet.key].forEach(function (o) {
        var option = el("option", { value: o.value }, o.label);
        option.setAttribute("data-label", o.label);
        select.appendChild(option);
      });
      label.appendChild(select);
      filters.appendChild(label);
      selects[facet.key] = select;
    });
    var textLabel = el("label", { class: "hb-filter hb-filter--text" });
    textLabel.appendChild(el("span", { class: "hb-filter__name" }, "Title contains"));
    var text = el("input", { type: "search", name: TEXT_KEY, autocomplete: "off", placeholder: "e.g. liquidity", "aria-describedby": "hb-bank-count" });
    textLabel.appendChild(text);
    filters.appendChild(textLabel);
    form.appendChild(filters);

    var bar = el("div", { class: "hb-bank-bar" });
    var count = el("p", { class: "hb-bank-count", id: "hb-bank-count", role: "status", "aria-live": "polite" }, total + " of " + total + " questions");
    var random = el("button", { type: "button", class: "md-button md-button--primary hb-bank-random" }, "Random question");
    var reset = el("button", { type: "button", class: "md-button hb-bank-reset" }, "Clear filters");
    bar.appendChild(count);
    bar.appendChild(random);
    bar.appendChild(reset);
    form.appendChild(bar);
    var empty = el("p", { class: "hb-bank-empty", hidden: "" }, "No question matches these filters. Clear a filter to see more.");
    form.appendChild(empty);

    container.textContent = "";
    container.appendChild(form);
    return { form: form, toggle: toggle, selects: selects, text: text, count: count, random: random, reset: reset, empty: empty };
  }

  /* Each round with its entries. */
  function readRounds(bank, questions) {
    var rounds = Array.prototype.map.call(bank.querySelectorAll("section.hb-round"), function (section) {
      return { el: section, count: section.querySelector(".hb-count"), questions: [] };
    });
    questions.forEach(function (q) {
      var section = q.li.closest("section.hb-round");
      rounds.forEach(function (round) {
        if (round.el === section) round.questions.push(q);
      });
    });
    return rounds;
  }

  function setup(bank, container) {
    var total = Number(bank.getAttribute("data-total"));
    var options = readOptions(bank);
    var ui = buildControls(container, options, total);
    var state = readState(location.search, options);
    var questions = null;
    var rounds = null;

    function entries() {
      if (!questions) {
        questions = readQuestions(bank);
        rounds = readRounds(bank, questions);
      }
      return questions;
    }

    function apply() {
      var textWords = words(state[TEXT_KEY]);
      var active = Object.keys(state).filter(function (key) { return state[key]; }).length;
      var shown = total;
      var counts;
      if (questions || active) {
        shown = 0;
        entries().forEach(function (q) {
          var show = matches(q, state, null, textWords);
          if (show !== q.shown) {
            q.li.hidden = !show;
            q.shown = show;
          }
          if (show) shown += 1;
        });
        rounds.forEach(function (s) {
          var n = s.questions.filter(function (q) {
            return q.shown;
          }).length;
          s.el.hidden = n === 0;
          if (s.count) s.count.textContent = "(" + n + ")";
        });
        counts = countOptions(questions, state, textWords);
      } else {
        counts = listedCounts(options, total);
      }
      Object.keys(ui.selects).forEach(function (key) {
        var select = ui.selects[key];
        select.value = state[key];
        Array.prototype.forEach.call(select.options, function (option) {
          var n = counts[key][option.value] || 0;
          var name = option.value ? option.getAttribute("data-label") : FACETS.filter(function (f) {
            return f.key === key;
          })[0].all;
          option.textContent = name + " (" + n + ")";
          option.setAttribute("data-count", String(n));
          option.disabled = n === 0 && option.value !== state[key];
        });
      });
      ui.count.textContent = shown + " of " + total + " questions";
      ui.toggle.textContent = active ? "Filters (" + active + " on)" : "Filters";
      ui.count.setAttribute("data-shown", String(shown));
      ui.empty.hidden = shown > 0;
      ui.random.disabled = shown === 0;
      bank.classList.toggle("hb-bank--filtered", shown !== total);
      writeState(state);
    }

    Object.keys(ui.selects).forEach(function (key) {
      ui.selects[key].addEventListener("change", function () {
        state[key] = ui.selects[key].value;
        apply();
      });
    });
    ui.text.value = state[TEXT_KEY];
    ui.text.addEventListener("input", function () {
      state[TEXT_KEY] = ui.text.value.trim();
      apply();
    });
    ui.form.addEventListener("submit", function (event) {
      event.preventDefault();
    });
    ui.reset.addEventListener("click", function () {
      Object.keys(state).forEach(function (key) {
        state[key] = "";
      });
      ui.text.value = "";
      apply();
    });
    ui.random.addEventListener("click", function () {
      var pool = entries().filter(function (q) {
        return q.shown && q.link;
      });
      if (!pool.length) return;
      // A click on the link itself lets Material's instant navigation handle it.
      pool[Math.floor(Math.random() * pool.length)].link.click();
    });
    apply();
  }

  /* Rounds off the screen keep estimated heights until drawn (bank.css). The browser goes on
   * placing a link's target as they are drawn when it loads the page itself; instant navigation
   * places it once, so there the target is placed again when the rounds around it have been
   * drawn, unless the reader has moved. */
  function loadedByTheBrowser() {
    var entry = performance.getEntriesByType ? performance.getEntriesByType("navigation")[0] : null;
    return !entry || entry.name.split("#")[0] === location.href.split("#")[0];
  }

  function settle(bank) {
    if (loadedByTheBrowser()) return;
    var id = decodeURIComponent(location.hash.slice(1));
    var target = id && document.getElementById(id);
    if (!target || !bank.contains(target)) return;
    var moved = false;
    var events = ["wheel", "touchstart", "keydown", "mousedown"];
    function stop() {
      moved = true;
    }
    events.forEach(function (name) {
      addEventListener(name, stop, { once: true, passive: true });
    });
    requestAnimationFrame(function () {
      requestAnimationFrame(function () {
        events.forEach(function (name) {
          removeEventListener(name, stop);
        });
        if (!moved) target.scrollIntoView();
      });
    });
  }

  function init() {
    var bank = document.querySelector(".hb-bank");
    var container = document.getElementById("hb-bank-controls");
    if (!bank || !container || container.getAttribute("data-ready")) return;
    container.setAttribute("data-ready", "true");
    setup(bank, container);
    settle(bank);
  }

  HB.bank = { init: init };
  HB.onPage(init);
})();
