/* The question bank's filters.
 *
 * The page lists every question, grouped by round, and each entry carries its facets in data
 * attributes (data-track, data-round, data-type, data-framework, data-difficulty, data-origin,
 * data-tag; space-separated where a question has several). The build draws the filters above
 * it: a select per facet, each option with the number of questions it leaves, and a text filter
 * over the titles (macros/views.py: question_bank). This script makes them work: it hides the
 * questions and the rounds a selection leaves empty, counts again what each option would leave,
 * and picks a random question from the current selection. Until a filter is set there is
 * nothing to do, so it reads the entries only then: at a thousand questions reading them is
 * most of the page's start-up.
 *
 * The selection lives in the address bar (?round=system-design&type=metrics&text=fee),
 * kept up to date with history.replaceState, so a filtered view can be
 * bookmarked, shared and reloaded. Without this script the filters are hidden and the full
 * list is shown.
 */
(function () {
  "use strict";
  var HB = (window.HB = window.HB || {});
  if (HB.bank) return;

  /* "text", not "q": the theme opens its search box for a "q" in the address. */
  var TEXT_KEY = "text";

  function words(value) {
    return (value || "").toLowerCase().split(/\s+/).filter(Boolean);
  }

  /* One entry per question, read once from the list. */
  function readQuestions(bank, keys) {
    return Array.prototype.map.call(bank.querySelectorAll("li.hb-q"), function (li) {
      var link = li.querySelector("a");
      var values = {};
      keys.forEach(function (key) {
        values[key] = (li.getAttribute("data-" + key) || "").split(/\s+/).filter(Boolean);
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

  /* The selection in the address, else what the controls hold: a reader may have picked a
   * filter before this script arrived, and the browser restores a form on going back. */
  function readState(search, ui) {
    var params = new URLSearchParams(search);
    var state = {};
    Object.keys(ui.selects).forEach(function (key) {
      var select = ui.selects[key];
      var wanted = params.has(key) ? params.get(key) : select.value;
      var known = Array.prototype.some.call(select.options, function (option) {
        return option.value === wanted;
      });
      state[key] = known ? wanted : "";
    });
    state[TEXT_KEY] = (params.has(TEXT_KEY) ? params.get(TEXT_KEY) : ui.text.value).trim();
    return state;
  }

  function writeState(state) {
    var params = new URLSearchParams(location.search);
    Object.keys(state).forEach(function (key) {
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

  function matches(q, state, keys, skipFacet, textWords) {
    for (var i = 0; i < keys.length; i++) {
      var key = keys[i];
      if (key !== skipFacet && state[key] && q.values[key].indexOf(state[key]) < 0) return false;
    }
    for (var j = 0; j < textWords.length; j++) {
      if (q.title.indexOf(textWords[j]) < 0) return false;
    }
    return true;
  }

  /* How many questions each option would leave, given every other filter. */
  function countOptions(questions, state, keys, textWords) {
    var counts = {};
    keys.forEach(function (key) {
      var byValue = { "": 0 };
      questions.forEach(function (q) {
        if (!matches(q, state, keys, key, textWords)) return;
        byValue[""] += 1;
        q.values[key].forEach(function (v) {
          byValue[v] = (byValue[v] || 0) + 1;
        });
      });
      counts[key] = byValue;
    });
    return counts;
  }

  /* The controls the build drew. */
  function findControls(container) {
    var form = container.querySelector(".hb-bank-form");
    var selects = {};
    Array.prototype.forEach.call(form.querySelectorAll("select[data-facet]"), function (select) {
      selects[select.getAttribute("data-facet")] = select;
    });
    function find(selector) {
      return form.querySelector(selector);
    }
    return {
      form: form, toggle: find(".hb-bank-toggle"), selects: selects, text: find("input[name=" + TEXT_KEY + "]"),
      count: find(".hb-bank-count"), random: find(".hb-bank-random"), reset: find(".hb-bank-reset"), empty: find(".hb-bank-empty"),
    };
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
    var ui = findControls(container);
    var keys = Object.keys(ui.selects);
    var state = readState(location.search, ui);
    var questions = null;
    var rounds = null;

    function entries() {
      if (!questions) {
        questions = readQuestions(bank, keys);
        rounds = readRounds(bank, questions);
      }
      return questions;
    }

    function active() {
      return Object.keys(state).filter(function (key) { return state[key]; }).length;
    }

    function apply() {
      var textWords = words(state[TEXT_KEY]);
      var shown = 0;
      entries().forEach(function (q) {
        var show = matches(q, state, keys, null, textWords);
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
      var counts = countOptions(questions, state, keys, textWords);
      var on = active();
      keys.forEach(function (key) {
        var select = ui.selects[key];
        select.value = state[key];
        Array.prototype.forEach.call(select.options, function (option) {
          var n = counts[key][option.value] || 0;
          option.textContent = option.getAttribute("data-label") + " (" + n + ")";
          option.setAttribute("data-count", String(n));
          option.disabled = n === 0 && option.value !== state[key];
        });
      });
      ui.count.textContent = shown + " of " + total + " questions";
      ui.toggle.textContent = on ? "Filters (" + on + " on)" : "Filters";
      ui.count.setAttribute("data-shown", String(shown));
      ui.empty.hidden = shown > 0;
      ui.random.disabled = shown === 0;
      bank.classList.toggle("hb-bank--filtered", shown !== total);
      writeState(state);
    }

    // On a phone the filters fold behind this one button (bank.css); on a wide screen it is hidden.
    ui.toggle.addEventListener("click", function () {
      var open = ui.toggle.getAttribute("aria-expanded") !== "true";
      ui.toggle.setAttribute("aria-expanded", String(open));
      ui.form.classList.toggle("hb-bank-form--open", open);
    });
    keys.forEach(function (key) {
      ui.selects[key].addEventListener("change", function () {
        state[key] = ui.selects[key].value;
        apply();
      });
    });
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
    // The page opens with every question shown and counted: only a selection needs work.
    if (active()) {
      ui.text.value = state[TEXT_KEY];
      apply();
    } else {
      writeState(state);
    }
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
