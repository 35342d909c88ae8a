/* The drill: a timed question, drawn with spaced repetition and rated 1-5. */
(function () {
  "use strict";
  var HB = (window.HB = window.HB || {});
  var dom = HB.dom;
  var drill = HB.drill;
  var mockResults = drill.mockResults, drillWeights = drill.drillWeights, validHistory = drill.validHistory,
    weightedPick = drill.weightedPick;
  var loadQuestions = dom.loadQuestions, loadAnswer = dom.loadAnswer;
  var el = dom.el, clear = dom.clear, siteRoot = dom.siteRoot, load = dom.load, save = dom.save, clock = dom.clock,
    isObject = dom.isObject;

  var FILTERS = ["track", "round", "type", "difficulty"];

  /* The drill is in the page already (macros/templates/drill_live.html), open on a first
   * question: the script wires it up by delegation and keeps that question on a first visit.
   * The bank's questions are fetched when the reader moves on, filters, or comes back with a
   * history or a filter, which the rule below then chooses from. */
  function startDrill(root, config, cleanups, again) {
    var RATING_LABELS = config.ratings;
    var prefs = load("drill:prefs", {});
    if (!isObject(prefs)) prefs = {};
    var state = { questions: [], answers: {}, current: null, timer: null, rated: null };
    var find = function (selector) { return root.querySelector(selector); };
    var ui = {
      count: find(".hb-drill-count"), timerChoice: find("select[name=timer]"), custom: find("input[name=custom-seconds]"),
      meta: find(".hb-drill-meta"), prompt: find(".hb-drill-prompt"), clock: find(".hb-clock"), startLabel: find("[data-action=start] .hb-key-label"),
      answer: find(".hb-drill-answer"), rating: find(".hb-drill-rating"), history: find(".hb-drill-history"),
    };
    var status = find(".hb-drill-status");
    ui.customField = ui.custom.closest(".hb-field");
    var filters = {};
    FILTERS.forEach(function (name) { filters[name] = find(".hb-drill-filters select[name=" + name + "]"); });

    /* The home page links here with the reader's track: it becomes the track filter. */
    var params = new URLSearchParams(location.search);
    var track = params.get("track");
    if (!again && track && track !== prefs.track && filters.track.querySelector('option[value="' + CSS.escape(track) + '"]')) {
      prefs.track = track;
      save("drill:prefs", prefs);
    }
    FILTERS.forEach(function (name) { if (prefs[name]) filters[name].value = prefs[name]; });
    if (prefs.timer) ui.timerChoice.value = prefs.timer;
    if (ui.timerChoice.value === "") ui.timerChoice.value = "auto";
    if (prefs.custom) ui.custom.value = String(prefs.custom);
    var custom = ui.timerChoice.value === "custom";
    if (ui.customField.hidden === custom) ui.customField.hidden = !custom;
    wire();

    /* "question", not "q": the theme opens its search box for a "q" in the address. */
    var asked = params.get("question");
    var fresh = !asked && !drillHistory().length && !mockResults().length && FILTERS.every(function (f) { return !prefs[f]; });
    if (fresh && again) {
      show(config.starter); // back to the first question
    } else if (fresh) {
      state.current = config.starter;
      root.setAttribute("data-question", config.starter.id);
      if (ui.timerChoice.value === "auto") readyTimer(presetFor(state.current));
      else resetTimer();
      // Fetched at the reader's first touch or key, so that the next question comes at once; not
      // while the page loads, where a phone pays for it in blocking time.
      var prefetch = function () { loadQuestions(config.questions).catch(function () {}); };
      dom.listen(document, "pointerdown", prefetch, cleanups);
      dom.listen(document, "keydown", prefetch, cleanups);
    } else {
      withQuestions(function () {
        var first = asked ? byId(asked) : null;
        updateCount();
        if (asked && !first) status.textContent = "There is no question with the id “" + asked + "”; here is another one.";
        show(first || pickNext());
        renderHistory();
      });
    }

    function withQuestions(then) {
      loadQuestions(config.questions).then(function (questions) {
        if (!root.isConnected) return;
        state.questions = questions;
        then();
      }, function (err) {
        status.textContent = "The questions could not be loaded (" + err.message + "). Open the question bank and time yourself instead.";
      });
    }

    function drillHistory() {
      var h = load("drill:history", []);
      return validHistory(h) ? h : [];
    }

    function matches(q) {
      return FILTERS.every(function (f) {
        var want = prefs[f];
        if (!want) return true;
        return f === "track" ? q.tracks.indexOf(want) >= 0 : q[f] === want;
      });
    }

    function byId(id) {
      return state.questions.filter(function (q) { return q.id === id; })[0] || null;
    }

    function wire() {
      dom.listen(root, "click", function (event) {
        var button = event.target.closest("button");
        if (!button) return;
        var action = button.getAttribute("data-action");
        if (action === "start") toggleTimer();
        else if (action === "reveal") reveal();
        else if (action === "next") next();
        else if (button.hasAttribute("data-rating")) rate(Number(button.getAttribute("data-rating")));
      }, cleanups);
      dom.listen(ui.timerChoice, "change", timerChanged, cleanups);
      dom.listen(ui.custom, "input", timerChanged, cleanups);
      // A closed select changes on a typed letter; a filter chosen by keyboard applies when the
      // reader leaves the control, so a stray key never swaps the question.
      FILTERS.forEach(function (name) {
        var node = filters[name], byKey = false, pending = false;
        dom.listen(node, "keydown", function () { byKey = true; }, cleanups);
        dom.listen(node, "pointerdown", function () { byKey = false; }, cleanups);
        dom.listen(node, "change", function () {
          prefs[name] = node.value;
          save("drill:prefs", prefs);
          var now = !byKey;
          if (byKey) pending = true;
          withQuestions(function () {
            updateCount();
            if (now) next();
          });
        }, cleanups);
        dom.listen(node, "blur", function () {
          byKey = false;
          if (pending) { pending = false; withQuestions(next); }
        }, cleanups);
      });
      dom.listen(document, "keydown", function (e) {
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
      }, cleanups);
      cleanups.push(stopTimer);
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
      if (!state.questions.length) { withQuestions(next); return; }
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
      return (q && config.fit_seconds[q.round]) || config.presets[0].seconds;
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
      ui.clock.textContent = clock(seconds);
      ui.clock.classList.remove("hb-clock--done");
      ui.startLabel.textContent = "Start";
      readyTimer(seconds);
    }

    function readyTimer(seconds) {
      state.timer = { total: seconds, left: seconds, running: false, since: 0, done: false };
      root.setAttribute("data-timer", "ready");
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
        ui.startLabel.textContent = "Resume";
        return;
      }
      fetchAnswer(state.current).catch(function () {}); // so that it is here when the clock runs out
      t.running = true;
      t.since = Date.now();
      root.setAttribute("data-timer", "running");
      status.textContent = "Answer out loud now.";
      ui.startLabel.textContent = "Pause";
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
        ui.startLabel.textContent = "Restart";
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
      status.textContent = "Saved: rated " + r + " (" + RATING_LABELS[r] + "). Next, or n, brings the next question.";
      renderHistory();
    }

    /* ---- history and weak areas (drill-history.js) ---- */

    function renderHistory() {
      if (!state.questions.length) { withQuestions(renderHistory); return; }
      HB.drillHistory.render(ui.history, drillHistory(), mockResults(), byId, config.names, RATING_LABELS, function () {
        if (window.confirm("Delete your whole drill history in this browser?")) { save("drill:history", null); renderHistory(); }
      });
    }
  }

  dom.tool("hb-drill", startDrill);
})();
