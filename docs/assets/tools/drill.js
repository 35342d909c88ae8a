/* The drill: a timed question, drawn with spaced repetition and rated 1-5. */
(function () {
  "use strict";
  var HB = (window.HB = window.HB || {});
  var dom = HB.dom;
  var drill = HB.drill;
  var mockResults = drill.mockResults, drillWeights = drill.drillWeights, validHistory = drill.validHistory,
    weightedPick = drill.weightedPick;
  var loadQuestions = dom.loadQuestions, loadAnswer = dom.loadAnswer;
  var el = dom.el, clear = dom.clear, siteRoot = dom.siteRoot, load = dom.load, save = dom.save, clock = dom.clock, field = dom.field,
    select = dom.select, isObject = dom.isObject;

  var RATING_LABELS = { 1: "Lost", 2: "Shaky", 3: "Passable", 4: "Good", 5: "Solid" };
  var FILTERS = [["track", "Track"], ["round", "Round"], ["type", "Type"], ["difficulty", "Difficulty"]];

  function startDrill(root, config, cleanups) {
    var prefs = load("drill:prefs", {});
    if (!isObject(prefs)) prefs = {};
    var state = { questions: [], answers: {}, current: null, timer: null, rated: null };
    var status = el("p", { className: "hb-drill-status", role: "status", "aria-live": "polite" });
    // The page carries a first question, shown until the drill has loaded.
    var starter = root.querySelector("[data-starter]");
    var starterId = starter && starter.getAttribute("data-starter");
    if (!starter) {
      clear(root);
      root.appendChild(el("p", { className: "hb-loading", text: "Loading the questions…" }));
    }

    loadQuestions(config.questions).then(function (questions) {
      if (!root.isConnected) return;
      state.questions = questions;
      build();
    }, function (err) {
      clear(root);
      root.appendChild(el("p", { className: "hb-error", text: "The questions could not be loaded (" + err.message +
        "). Open the question bank and time yourself instead." }));
    });

    function drillHistory() {
      var h = load("drill:history", []);
      return validHistory(h) ? h : [];
    }

    function matches(q) {
      return FILTERS.every(function (f) {
        var want = prefs[f[0]];
        if (!want) return true;
        return f[0] === "track" ? q.tracks.indexOf(want) >= 0 : q[f[0]] === want;
      });
    }

    function byId(id) {
      return state.questions.filter(function (q) { return q.id === id; })[0] || null;
    }

    var ui = {};

    function build() {
      /* "question", not "q": the theme opens its search box for a "q" in the address. */
      var asked = new URLSearchParams(location.search).get("question");
      var first = asked ? byId(asked) : null;
      // A first visit opens on the question the page already showed; once the reader has a
      // history or a filter, the rule below chooses.
      var fresh = !drillHistory().length && !mockResults().length && FILTERS.every(function (f) { return !prefs[f[0]]; });
      if (!asked && fresh && starterId) first = byId(starterId);
      // When that question stays, so does its card: the drill is built around it, and the
      // question the reader is already reading is never painted again.
      var kept = starter && first && first.id === starterId ? starter : null;
      Array.prototype.slice.call(root.childNodes).forEach(function (node) {
        if (node !== kept) root.removeChild(node);
      });
      var filters = el("div", { className: "hb-drill-filters" });
      FILTERS.forEach(function (f) {
        var options = [["", "Any " + f[1].toLowerCase()]].concat(config.filters[f[0]]);
        var node = select(f[0], options, prefs[f[0]] || "");
        // A closed select changes on a typed letter; a filter chosen by keyboard applies when
        // the reader leaves the control, so a stray key never swaps the question.
        var byKey = false, pending = false;
        node.addEventListener("keydown", function () { byKey = true; });
        node.addEventListener("pointerdown", function () { byKey = false; });
        node.addEventListener("change", function () {
          prefs[f[0]] = node.value;
          save("drill:prefs", prefs);
          updateCount();
          if (byKey) pending = true;
          else next();
        });
        node.addEventListener("blur", function () {
          byKey = false;
          if (pending) { pending = false; next(); }
        });
        filters.appendChild(field(f[1], node));
      });
      ui.count = el("p", { className: "hb-drill-count", "aria-live": "polite" });

      var timerOptions = [["auto", "Fit the question's round"]].concat(
        config.presets.map(function (p) { return [p.id, p.label + " (" + clock(p.seconds) + ")"]; }),
        [["custom", "Custom length"]]
      );
      ui.timerChoice = select("timer", timerOptions, prefs.timer || "auto");
      if (ui.timerChoice.value === "") ui.timerChoice.value = "auto";
      ui.custom = el("input", { type: "number", name: "custom-seconds", min: "1", max: "10800", step: "1", inputMode: "numeric",
        value: String(prefs.custom || 90) });
      ui.customField = field("Seconds", ui.custom);
      ui.timerChoice.addEventListener("change", timerChanged);
      ui.custom.addEventListener("input", timerChanged);
      var timerRow = el("div", { className: "hb-drill-timer-choice" }, [field("Timer", ui.timerChoice), ui.customField]);

      ui.meta = kept ? kept.querySelector(".hb-drill-meta") : el("p", { className: "hb-drill-meta" });
      ui.prompt = kept ? kept.querySelector(".hb-drill-prompt") : el("p", { className: "hb-drill-prompt" });
      ui.prompt.id = "hb-drill-prompt";
      ui.clock = el("div", { className: "hb-clock", role: "timer", "aria-label": "Time left" });
      ui.start = el("button", { type: "button", className: "md-button md-button--primary", "data-action": "start", text: "Start (s)",
        on: { click: toggleTimer } });
      ui.reveal = el("button", { type: "button", className: "md-button", "data-action": "reveal", text: "Reveal (r)",
        on: { click: reveal } });
      ui.next = el("button", { type: "button", className: "md-button", "data-action": "next", text: "Next (n)",
        on: { click: function () { next(); } } });
      ui.answer = el("div", { className: "hb-drill-answer", hidden: true });
      ui.rating = el("div", { className: "hb-drill-rating", role: "group", "aria-label": "Rate your answer" });
      ui.rating.appendChild(el("span", { className: "hb-field-label", text: "How did it go?" }));
      [1, 2, 3, 4, 5].forEach(function (r) {
        ui.rating.appendChild(el("button", { type: "button", className: "md-button hb-rate", "data-rating": String(r),
          "aria-pressed": "false", title: RATING_LABELS[r], text: r + " " + RATING_LABELS[r],
          on: { click: function () { rate(r); } } }));
      });
      var rest = [
        el("div", { className: "hb-drill-clockrow" }, [ui.clock, status]),
        el("div", { className: "hb-drill-buttons" }, [ui.start, ui.reveal, ui.next]),
        ui.answer, ui.rating,
      ];
      var card = kept || el("section", { className: "hb-drill-card" }, [ui.meta, ui.prompt]);
      rest.forEach(function (node) { card.appendChild(node); });
      card.classList.remove("hb-drill-starter");
      card.removeAttribute("data-starter");
      card.setAttribute("aria-labelledby", "hb-drill-prompt");
      ui.history = el("section", { className: "hb-drill-history", "aria-label": "Drill history" });

      var controls = el("div", { className: "hb-drill-controls" }, [filters, ui.count, timerRow]);
      if (kept) {
        root.insertBefore(controls, kept);
      } else {
        root.appendChild(controls);
        root.appendChild(card);
      }
      root.appendChild(ui.history);
      updateCount();
      if (asked && !first) status.textContent = "There is no question with the id “" + asked + "”; here is another one.";
      show(first || pickNext());
      renderHistory();

      var onKey = function (e) {
        /* Single-key shortcuts never fire while a form control has focus: typing in a field,
         * choosing in a list or pressing a focused button keeps its own meaning. */
        if (e.ctrlKey || e.metaKey || e.altKey || e.isComposing || !root.isConnected) return;
        if (HB.page.inFormControl(e.target) || HB.page.inFormControl(document.activeElement)) return;
        var handled = true;
        if (e.key === "s") toggleTimer();
        else if (e.key === "r") reveal();
        else if (e.key === "n") next();
        else if (/^[1-5]$/.test(e.key)) rate(Number(e.key));
        else handled = false;
        if (handled) {
          e.preventDefault();
          e.stopPropagation(); /* keep Material's own s/n shortcuts out of the drill */
        }
      };
      document.addEventListener("keydown", onKey);
      cleanups.push(function () { document.removeEventListener("keydown", onKey); stopTimer(); });
    }

    function pool() {
      return state.questions.filter(matches);
    }

    function updateCount() {
      var n = pool().length;
      ui.count.textContent = n === 1 ? "1 question matches." : n + " questions match.";
    }

    function pickNext() {
      var candidates = pool();
      if (!candidates.length) return null;
      var weights = drillWeights(candidates.map(function (q) { return q.id; }), drillHistory(), config.repetition, mockResults());
      return weightedPick(candidates, weights, state.current && state.current.id);
    }

    function next() {
      status.textContent = "";
      show(pickNext());
    }

    function presetFor(q) {
      var choice = ui.timerChoice.value;
      if (choice === "custom") {
        var s = Math.round(Number(ui.custom.value));
        return s >= 1 && s <= 10800 ? s : 90;
      }
      var chosen = config.presets.filter(function (p) { return p.id === choice; })[0];
      if (chosen) return chosen.seconds;
      var fit = q ? config.presets.filter(function (p) { return p.rounds.indexOf(q.round) >= 0; })[0] : null;
      return fit ? fit.seconds : config.presets[0].seconds;
    }

    function timerChanged() {
      prefs.timer = ui.timerChoice.value;
      var s = Math.round(Number(ui.custom.value));
      if (s >= 1 && s <= 10800) prefs.custom = s;
      ui.customField.hidden = ui.timerChoice.value !== "custom";
      save("drill:prefs", prefs);
      resetTimer();
    }

    function show(q) {
      state.current = q;
      state.rated = null;
      ui.customField.hidden = ui.timerChoice.value !== "custom";
      clear(ui.answer);
      ui.answer.hidden = true;
      markRating(0);
      if (!q) {
        ui.meta.textContent = "";
        ui.prompt.textContent = "No question matches these filters. Widen them to carry on.";
        stopTimer();
        ui.clock.textContent = "";
        return;
      }
      clear(ui.meta);
      ui.meta.appendChild(document.createTextNode(
        [config.names.round[q.round] || q.round, config.names.type[q.type] || q.type, q.difficulty].join(" · ") + " · "));
      ui.meta.appendChild(el("a", { href: new URL(q.url, siteRoot()).href, text: "Open the question page" }));
      if (ui.prompt.textContent !== q.prompt) ui.prompt.textContent = q.prompt;
      root.setAttribute("data-question", q.id);
      // Asked for while the reader answers, so that it is here when they reveal it.
      fetchAnswer(q).catch(function () {});
      resetTimer();
    }

    /* ---- the countdown ---- */

    function resetTimer() {
      stopTimer();
      var seconds = presetFor(state.current);
      state.timer = { total: seconds, left: seconds, running: false, since: 0, done: false };
      ui.clock.textContent = clock(seconds);
      ui.clock.classList.remove("hb-clock--done");
      root.setAttribute("data-timer", "ready");
      ui.start.textContent = "Start (s)";
    }

    function stopTimer() {
      if (state.timer && state.timer.handle) clearInterval(state.timer.handle);
      if (state.timer) state.timer.handle = null;
    }

    function toggleTimer() {
      var t = state.timer;
      if (!t || !state.current) return;
      if (t.done) { resetTimer(); t = state.timer; }
      if (t.running) {
        t.left = Math.max(0, t.left - (Date.now() - t.since) / 1000);
        t.running = false;
        stopTimer();
        root.setAttribute("data-timer", "paused");
        status.textContent = "Paused.";
        ui.start.textContent = "Resume (s)";
        return;
      }
      t.running = true;
      t.since = Date.now();
      root.setAttribute("data-timer", "running");
      status.textContent = "Answer out loud now.";
      ui.start.textContent = "Pause (s)";
      t.handle = setInterval(tick, 200);
    }

    function tick() {
      var t = state.timer;
      if (!root.isConnected) { stopTimer(); return; }
      var left = t.left - (Date.now() - t.since) / 1000;
      ui.clock.textContent = clock(left);
      if (left <= 0) {
        stopTimer();
        t.running = false;
        t.done = true;
        t.left = 0;
        ui.clock.classList.add("hb-clock--done");
        root.setAttribute("data-timer", "done");
        ui.start.textContent = "Restart (s)";
        reveal();
        status.textContent = "Time's up. Compare your answer with the model answer below, then rate yourself.";
      }
    }

    /* ---- reveal and rate ---- */

    function fetchAnswer(q) {
      return loadAnswer(config.answers, q.id).then(function (found) { state.answers[q.id] = found; });
    }

    function reveal() {
      var q = state.current;
      if (!q || !ui.answer.hidden) return;
      clear(ui.answer);
      ui.answer.hidden = false;
      var a = state.answers[q.id];
      if (!a) {
        ui.answer.appendChild(el("p", { className: "hb-loading", text: "Loading the answer…" }));
        fetchAnswer(q).then(function () {
          if (state.current !== q || ui.answer.hidden) return;
          ui.answer.hidden = true;
          reveal();
        }, function (err) {
          if (state.current !== q) return;
          clear(ui.answer);
          ui.answer.appendChild(el("p", { className: "hb-error" }, ["The answer could not be loaded (" + err.message + "); ",
            el("a", { href: new URL(q.url, siteRoot()).href, text: "read it on the question's page" }), "."]));
        });
        return;
      }
      answerInto(ui.answer, a);
    }

    function answerInto(box, a) {
      var model = Array.isArray(a.model_answer) ? a.model_answer : [];
      if (model.length) {
        box.appendChild(el("h3", { text: "Model answer" }));
        box.appendChild(el("div", { className: "hb-model-answer" }, model.map(function (p) { return el("p", { text: p }); })));
      }
      var outline = el("ol", { className: "hb-outline" });
      a.outline.forEach(function (step) {
        outline.appendChild(el("li", {}, [el("strong", { text: step.step }),
          el("ul", {}, step.points.map(function (p) { return el("li", { text: p }); }))]));
      });
      box.appendChild(el("h3", { text: "Answer outline" }));
      box.appendChild(outline);
      box.appendChild(el("h3", { text: "What a strong answer does" }));
      box.appendChild(el("ul", { className: "hb-strong" }, a.strong.map(function (s) { return el("li", { text: s }); })));
      box.appendChild(el("h3", { text: "Red flags" }));
      box.appendChild(el("ul", { className: "hb-redflags" }, a.flags.map(function (s) { return el("li", { text: s }); })));
      if (a.follow_ups.length) {
        box.appendChild(el("h3", { text: "Likely follow-ups" }));
        box.appendChild(el("ul", {}, a.follow_ups.map(function (s) { return el("li", { text: s }); })));
      }
    }

    function markRating(r) {
      Array.prototype.forEach.call(ui.rating.querySelectorAll("[data-rating]"), function (b) {
        b.setAttribute("aria-pressed", String(Number(b.getAttribute("data-rating")) === r));
      });
    }

    function rate(r) {
      var q = state.current;
      if (!q) return;
      var h = drillHistory();
      var entry = { q: q.id, r: r, t: new Date().toISOString() };
      /* a second rating of the same sitting corrects the first rather than adding a drill */
      if (state.rated && h.length && h[h.length - 1].q === q.id && h[h.length - 1].t === state.rated) h[h.length - 1] = entry;
      else h.push(entry);
      state.rated = entry.t;
      save("drill:history", h.slice(-1000));
      markRating(r);
      status.textContent = "Saved: rated " + r + " (" + RATING_LABELS[r] + "). Press n for the next question.";
      renderHistory();
    }

    /* ---- history and weak areas (drill-history.js) ---- */

    function renderHistory() {
      HB.drillHistory.render(ui.history, drillHistory(), mockResults(), byId, config.names, RATING_LABELS, function () {
        if (window.confirm("Delete your whole drill history in this browser?")) { save("drill:history", null); renderHistory(); }
      });
    }
  }

  dom.tool("hb-drill", "hb-drill-config", startDrill);
})();
