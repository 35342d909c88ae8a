/* The practice tools: drill, story builder, dual-track scoring and offer
 * calculator. Loaded on every page; each tool starts only when its container
 * is on the page. Rules and figures come from the page (JSON blocks written at
 * build time from data/practice.yml, loops.yml and pay.yml); the maths mirrors
 * macros/practice.py, and the tests hold the two to the same results.
 * All text reaches the page through textContent, never as HTML.
 */
(function () {
  "use strict";
  var HB = (window.HB = window.HB || {});
  if (HB.practice) return;

  /* ---- maths, mirroring macros/practice.py ------------------------------ */

  function drillWeights(ids, history, rule) {
    var last = {};
    history.forEach(function (e) { last[e.q] = e.r; });
    var recent = {};
    if (rule.recent_window > 0) {
      history.slice(-rule.recent_window).forEach(function (e) { recent[e.q] = true; });
    }
    var out = {};
    ids.forEach(function (id) {
      var w = Object.prototype.hasOwnProperty.call(last, id) ? rule.rating_ceiling - last[id] : rule.unseen_weight;
      out[id] = w * (recent[id] ? rule.recent_factor : 1);
    });
    return out;
  }

  var regexCache = {};
  function found(pattern, text) {
    if (!pattern) return false;
    if (!Object.prototype.hasOwnProperty.call(regexCache, pattern)) {
      try { regexCache[pattern] = new RegExp(pattern, "i"); } catch (e) { regexCache[pattern] = null; }
    }
    return regexCache[pattern] ? regexCache[pattern].test(text || "") : false;
  }

  function spokenText(fields, names) {
    return names.map(function (n) { return (fields[n] || "").trim(); }).filter(Boolean).join(" ");
  }

  function firstSentence(text) {
    return text.trim().split(/[.!?]+\s+/)[0];
  }

  function wordCount(text) {
    return text.trim().split(/\s+/).filter(Boolean).length;
  }

  /* config: {formats: {dma: [{id}], star: [...]}, rules: [...], phrases: [...]} */
  function critique(fields, fmt, config) {
    var names = config.formats[fmt].map(function (f) { return f.id; });
    var story = spokenText(fields, names);
    var findings = [];
    if (!story) return findings;
    config.rules.forEach(function (rule) {
      if (rule.check === "field-needs") {
        rule.fields.forEach(function (f) {
          if (names.indexOf(f) >= 0 && !found(rule.pattern, fields[f] || "")) findings.push({ rule: rule.id, field: f });
        });
      } else if (rule.check === "claim-needs-evidence") {
        if (found(rule.claim, story) && !found(rule.pattern, story)) findings.push({ rule: rule.id });
      } else if (rule.check === "red-flag-phrases") {
        config.phrases.forEach(function (p) {
          if (found(p.pattern, story)) findings.push({ rule: rule.id, phrase: p.id });
        });
      } else if (rule.check === "spoken-length") {
        var seconds = (wordCount(story) * 60) / rule.words_per_minute;
        if (seconds > rule.target_seconds) findings.push({ rule: rule.id, seconds: seconds });
      } else if (rule.check === "opening-needs") {
        if (!found(rule.pattern, firstSentence(story))) findings.push({ rule: rule.id });
      }
    });
    return findings;
  }

  /* items: [{name, compliance, growth (null = not given)}]; compliance null = incomplete */
  function rankInitiatives(items, scoring, floor) {
    var wc = scoring.compliance_weight, wg = scoring.growth_weight;
    var margin = scoring.tie_margin + 1e-9;
    var scored = [], unscored = [], gated = [], incomplete = [];
    items.forEach(function (it, i) {
      if (it.compliance === null || it.compliance === undefined) incomplete.push({ item: it, index: i, status: "incomplete" });
      else if (it.compliance < floor) gated.push({ item: it, index: i, status: "gated" });
      else if (it.growth === null && wg !== 0) unscored.push({ item: it, index: i, status: "unscored" });
      else scored.push({ item: it, index: i, status: "ranked", combined: (wc * it.compliance + wg * (it.growth || 0)) / (wc + wg) });
    });
    scored.forEach(function (row) {
      row.rank = 1 + scored.filter(function (o) { return o.combined > row.combined + margin; }).length;
      row.tiedWith = scored.filter(function (o) { return o !== row && Math.abs(o.combined - row.combined) <= margin; })
        .map(function (o) { return o.item.name; });
    });
    scored.sort(function (a, b) { return a.rank - b.rank || a.index - b.index; });
    gated.sort(function (a, b) { return b.item.compliance - a.item.compliance || a.index - b.index; });
    return scored.concat(unscored, gated, incomplete);
  }

  var CADENCE_MONTHS = { monthly: 1, quarterly: 3, yearly: 12 };

  function vestingByYear(grant, years, cadence, cliffMonths) {
    var step = CADENCE_MONTHS[cadence], months = years * 12;
    var instalment = grant / Math.floor(months / step);
    var cliff = Math.min(cliffMonths, months);
    var paid = [], owed = 0, m;
    for (var y = 0; y < years; y++) paid.push(0);
    for (m = step; m <= months; m += step) {
      owed += instalment;
      if (m >= cliff) {
        paid[Math.floor((m - 1) / 12)] += owed;
        owed = 0;
      }
    }
    return paid;
  }

  /* As macros/pay.py annualise: base + target bonus + sign-on / years + equity per year. */
  function annualise(o) {
    var parts = [o.base];
    if (o.bonus_pct) parts.push((o.base * o.bonus_pct) / 100);
    if (o.sign_on) parts.push(o.sign_on / o.years);
    parts.push(o.equity_per_year);
    return parts.reduce(function (a, b) { return a + b; }, 0);
  }

  function offerYears(o) {
    var equity = vestingByYear(o.equity_per_year * o.years, o.years, o.cadence, o.cliff);
    var bonus = (o.base * o.bonus_pct) / 100;
    return equity.map(function (e, i) {
      var signOn = i === 0 ? o.sign_on : 0;
      return { year: i + 1, base: o.base, bonus: bonus, equity: e, sign_on: signOn, total: o.base + bonus + e + signOn };
    });
  }

  HB.practice = {
    drillWeights: drillWeights, critique: critique, rankInitiatives: rankInitiatives,
    vestingByYear: vestingByYear, annualise: annualise, offerYears: offerYears,
  };

  /* ---- small DOM helpers ------------------------------------------------- */

  function el(tag, props, children) {
    var node = document.createElement(tag);
    Object.keys(props || {}).forEach(function (key) {
      var value = props[key];
      if (value === undefined || value === null || value === false) return;
      if (key === "text") node.textContent = value;
      else if (key === "className") node.className = value;
      else if (key === "on") Object.keys(value).forEach(function (ev) { node.addEventListener(ev, value[ev]); });
      else if (key in node && typeof value !== "string") node[key] = value;
      else node.setAttribute(key, value === true ? "" : value);
    });
    (children || []).forEach(function (child) {
      if (child === null || child === undefined || child === false) return;
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }

  function readConfig(id) {
    var node = document.getElementById(id);
    if (!node) return null;
    try { return JSON.parse(node.textContent); } catch (e) { return null; }
  }

  function siteRoot() {
    try {
      var config = JSON.parse(document.getElementById("__config").textContent);
      return new URL(config.base, location.href);
    } catch (e) {
      return new URL("/", location.href);
    }
  }

  function load(name, fallback) {
    return HB.store ? HB.store.get(name, fallback) : fallback;
  }

  function save(name, value) {
    if (HB.store) HB.store.set(name, value);
  }

  function usd(value) {
    return "$" + Math.round(value).toLocaleString("en-US");
  }

  function clock(seconds) {
    var s = Math.max(0, Math.ceil(seconds));
    var m = Math.floor(s / 60);
    return m + ":" + (s % 60 < 10 ? "0" : "") + (s % 60);
  }

  function field(labelText, input, hint) {
    return el("label", { className: "hb-field" }, [el("span", { className: "hb-field-label", text: labelText }), input,
      hint ? el("span", { className: "hb-field-hint", text: hint }) : null]);
  }

  function select(name, options, value) {
    var node = el("select", { name: name });
    options.forEach(function (o) {
      node.appendChild(el("option", { value: o[0], text: o[1] }));
    });
    if (value !== undefined) node.value = value;
    return node;
  }

  function isTyping(target) {
    if (!target || !target.tagName) return false;
    return /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName) || target.isContentEditable;
  }

  function isObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  /* ---- importers: the practice tools travel in the same export file ------ */

  function validHistory(value) {
    return Array.isArray(value) && value.every(function (e) {
      return isObject(e) && typeof e.q === "string" && typeof e.r === "number" && e.r >= 1 && e.r <= 5;
    });
  }

  function validStory(value) {
    return isObject(value) && typeof value.id === "string" && isObject(value.fields) &&
      (value.format === "dma" || value.format === "star");
  }

  function registerImporters() {
    if (!HB.store || !HB.store.registerImporter) return;
    HB.store.registerImporter("drill:", function (name, value) {
      var ok = (name === "drill:history" && validHistory(value)) || (name === "drill:prefs" && isObject(value));
      if (ok) HB.store.set(name, value);
      return ok;
    });
    HB.store.registerImporter("story:", function (name, value) {
      if (!validStory(value) || name !== "story:" + value.id) return false;
      HB.store.set(name, value);
      return true;
    });
    HB.store.registerImporter("scoring:", function (name, value) {
      if (name !== "scoring:state" || !isObject(value) || !Array.isArray(value.items)) return false;
      HB.store.set(name, value);
      return true;
    });
    HB.store.registerImporter("offer:", function (name, value) {
      if (name !== "offer:state" || !isObject(value)) return false;
      HB.store.set(name, value);
      return true;
    });
  }

  /* ---- drill --------------------------------------------------------------- */

  var questionsPromise = null;
  function loadQuestions(path) {
    if (!questionsPromise) {
      questionsPromise = fetch(new URL(path, siteRoot()).href).then(function (r) {
        if (!r.ok) throw new Error("HTTP " + r.status);
        return r.json();
      }).then(function (data) { return data.questions; });
      questionsPromise.catch(function () { questionsPromise = null; });
    }
    return questionsPromise;
  }

  var RATING_LABELS = { 1: "Lost", 2: "Shaky", 3: "Passable", 4: "Good", 5: "Solid" };
  var FILTERS = [["track", "Track"], ["round", "Round"], ["type", "Type"], ["difficulty", "Difficulty"]];

  function weightedPick(pool, weights, avoid) {
    var candidates = pool.length > 1 ? pool.filter(function (q) { return q.id !== avoid; }) : pool;
    var total = candidates.reduce(function (sum, q) { return sum + weights[q.id]; }, 0);
    if (total <= 0) return candidates[Math.floor(Math.random() * candidates.length)];
    var x = Math.random() * total;
    for (var i = 0; i < candidates.length; i++) {
      x -= weights[candidates[i].id];
      if (x < 0) return candidates[i];
    }
    return candidates[candidates.length - 1];
  }

  function startDrill(root, config, cleanups) {
    var prefs = load("drill:prefs", {});
    if (!isObject(prefs)) prefs = {};
    var state = { questions: [], current: null, timer: null, rated: null };
    var status = el("p", { className: "hb-drill-status", role: "status", "aria-live": "polite" });
    clear(root);
    root.appendChild(el("p", { className: "hb-loading", text: "Loading the questions…" }));

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
      clear(root);
      var filters = el("div", { className: "hb-drill-filters" });
      FILTERS.forEach(function (f) {
        var options = [["", "Any " + f[1].toLowerCase()]].concat(config.filters[f[0]]);
        var node = select(f[0], options, prefs[f[0]] || "");
        node.addEventListener("change", function () {
          prefs[f[0]] = node.value;
          save("drill:prefs", prefs);
          updateCount();
          next();
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

      ui.meta = el("p", { className: "hb-drill-meta" });
      ui.prompt = el("p", { className: "hb-drill-prompt", id: "hb-drill-prompt" });
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
      var card = el("section", { className: "hb-drill-card", "aria-labelledby": "hb-drill-prompt" }, [
        ui.meta, ui.prompt, el("div", { className: "hb-drill-clockrow" }, [ui.clock, status]),
        el("div", { className: "hb-drill-buttons" }, [ui.start, ui.reveal, ui.next]),
        ui.answer, ui.rating,
      ]);
      ui.history = el("section", { className: "hb-drill-history", "aria-label": "Drill history" });

      root.appendChild(el("div", { className: "hb-drill-controls" }, [filters, ui.count, timerRow]));
      root.appendChild(card);
      root.appendChild(ui.history);

      var asked = new URLSearchParams(location.search).get("q");
      var first = asked ? byId(asked) : null;
      updateCount();
      if (asked && !first) status.textContent = "There is no question with the id “" + asked + "”; here is another one.";
      show(first || pickNext());
      renderHistory();

      var onKey = function (e) {
        if (e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target) || !root.isConnected) return;
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
      var weights = drillWeights(candidates.map(function (q) { return q.id; }), drillHistory(), config.repetition);
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
      ui.prompt.textContent = q.prompt;
      root.setAttribute("data-question", q.id);
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
        status.textContent = "Time's up. Reveal the model points and rate yourself.";
        ui.start.textContent = "Restart (s)";
      }
    }

    /* ---- reveal and rate ---- */

    function reveal() {
      var q = state.current;
      if (!q || !ui.answer.hidden) return;
      clear(ui.answer);
      var outline = el("ol", { className: "hb-outline" });
      q.outline.forEach(function (step) {
        outline.appendChild(el("li", {}, [el("strong", { text: step.step }),
          el("ul", {}, step.points.map(function (p) { return el("li", { text: p }); }))]));
      });
      ui.answer.appendChild(el("h3", { text: "Answer outline" }));
      ui.answer.appendChild(outline);
      ui.answer.appendChild(el("h3", { text: "What a strong answer does" }));
      ui.answer.appendChild(el("ul", { className: "hb-strong" }, q.strong.map(function (s) { return el("li", { text: s }); })));
      ui.answer.appendChild(el("h3", { text: "Red flags" }));
      ui.answer.appendChild(el("ul", { className: "hb-redflags" }, q.flags.map(function (s) { return el("li", { text: s }); })));
      if (q.follow_ups.length) {
        ui.answer.appendChild(el("h3", { text: "Likely follow-ups" }));
        ui.answer.appendChild(el("ul", {}, q.follow_ups.map(function (s) { return el("li", { text: s }); })));
      }
      ui.answer.hidden = false;
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

    /* ---- history and weak areas ---- */

    function renderHistory() {
      var h = drillHistory();
      clear(ui.history);
      ui.history.appendChild(el("h2", { id: "history", text: "Your drill history" }));
      if (!h.length) {
        ui.history.appendChild(el("p", { text: "Nothing drilled yet in this browser. Ratings you give appear here." }));
        return;
      }
      ui.history.appendChild(el("h3", { text: "Weakest areas" }));
      ui.history.appendChild(el("p", { className: "hb-meta",
        text: "Average of your latest rating for each question, lowest first." }));
      var areas = el("div", { className: "hb-weak" });
      [["round", "By round"], ["type", "By question type"]].forEach(function (pair) {
        var list = el("ol", { className: "hb-weak-list", "data-area": pair[0] });
        weakAreas(h, pair[0]).forEach(function (a) {
          list.appendChild(el("li", { "data-key": a.key, "data-average": a.average.toFixed(2) },
            [el("strong", { text: config.names[pair[0]][a.key] || a.key }),
             " average " + a.average.toFixed(1) + " over " + a.count + (a.count === 1 ? " question" : " questions")]));
        });
        areas.appendChild(el("div", {}, [el("h4", { text: pair[1] }), list]));
      });
      ui.history.appendChild(areas);

      ui.history.appendChild(el("h3", { text: "Drilled so far" }));
      var rows = h.slice(-100).reverse().map(function (e) {
        var q = byId(e.q);
        var when = new Date(e.t);
        return el("tr", { "data-question": e.q, "data-rating": String(e.r) }, [
          el("td", { text: isNaN(when) ? "" : when.toLocaleString() }),
          el("td", {}, [q ? el("a", { href: new URL(q.url, siteRoot()).href, text: shorten(q.prompt) }) : e.q]),
          el("td", { text: q ? (config.names.round[q.round] || q.round) : "" }),
          el("td", { text: e.r + " " + RATING_LABELS[e.r] }),
        ]);
      });
      ui.history.appendChild(el("div", { className: "hb-table-wrap" }, [el("table", { className: "hb-table hb-drill-log" }, [
        el("thead", {}, [el("tr", {}, [el("th", { text: "When" }), el("th", { text: "Question" }), el("th", { text: "Round" }),
          el("th", { text: "Rating" })])]),
        el("tbody", {}, rows),
      ])]));
      ui.history.appendChild(el("button", { type: "button", className: "md-button", "data-action": "clear-history",
        text: "Clear drill history", on: { click: function () {
          if (window.confirm("Delete your whole drill history in this browser?")) { save("drill:history", null); renderHistory(); }
        } } }));
    }

    function weakAreas(h, key) {
      var latest = {};
      h.forEach(function (e) { latest[e.q] = e.r; });
      var groups = {};
      Object.keys(latest).forEach(function (id) {
        var q = byId(id);
        if (!q) return;
        var g = (groups[q[key]] = groups[q[key]] || { key: q[key], sum: 0, count: 0 });
        g.sum += latest[id];
        g.count += 1;
      });
      return Object.keys(groups).map(function (k) {
        var g = groups[k];
        return { key: g.key, count: g.count, average: g.sum / g.count };
      }).sort(function (a, b) { return a.average - b.average || a.key.localeCompare(b.key); });
    }
  }

  function shorten(text) {
    var first = text.split(/[.?!]\s/)[0];
    return first.length > 90 ? first.slice(0, first.lastIndexOf(" ", 90)) + "…" : first;
  }

  /* ---- story builder ------------------------------------------------------ */

  function storyNames() {
    return HB.store ? HB.store.names().filter(function (n) { return n.indexOf("story:") === 0; }) : [];
  }

  function savedStories() {
    return storyNames().map(function (n) { return load(n, null); }).filter(validStory)
      .sort(function (a, b) { return String(b.updated || "").localeCompare(String(a.updated || "")); });
  }

  function newStory() {
    return { id: "s" + Date.now().toString(36) + Math.random().toString(36).slice(2, 6), title: "", format: "dma", fields: {}, updated: "" };
  }

  function startStories(root, config, cleanups) {
    var story = newStory();
    var ui = {};
    document.body.classList.add("hb-page-stories");
    cleanups.push(function () { document.body.classList.remove("hb-page-stories"); });
    clear(root);

    ui.list = el("div", { className: "hb-story-list" });
    ui.title = el("input", { type: "text", name: "title", maxLength: 120, placeholder: "e.g. Rolled back the auto-hedge launch" });
    ui.formats = el("div", { className: "hb-story-formats", role: "radiogroup", "aria-label": "Story format" });
    [["dma", "DMA: Decision, Metric, Alignment"], ["star", "STAR: Situation, Task, Action, Result"]].forEach(function (f) {
      var radio = el("input", { type: "radio", name: "hb-story-format", value: f[0] });
      radio.addEventListener("change", function () {
        if (radio.checked) { story.format = f[0]; renderFields(); changed(); }
      });
      ui.formats.appendChild(el("label", { className: "hb-radio" }, [radio, " " + f[1]]));
    });
    ui.fields = el("div", { className: "hb-story-fields" });
    ui.spoken = el("p", { className: "hb-story-spoken" });
    ui.estimate = el("p", { className: "hb-story-estimate" });
    ui.critique = el("ul", { className: "hb-critique", "aria-live": "polite" });
    ui.status = el("p", { className: "hb-story-status", role: "status" });
    ui.title.addEventListener("input", function () { story.title = ui.title.value; changed(); });

    var editor = el("section", { className: "hb-story-editor", "aria-label": "Story worksheet" }, [
      field("Story title", ui.title), ui.formats, ui.fields,
      el("div", { className: "hb-story-buttons" }, [
        el("button", { type: "button", className: "md-button md-button--primary", "data-action": "save", text: "Save story",
          on: { click: function () { persist(true); } } }),
        el("button", { type: "button", className: "md-button", "data-action": "new", text: "New story",
          on: { click: function () { open(newStory()); ui.title.focus(); } } }),
      ]),
      ui.status,
      el("h3", { text: "As you would say it" }), ui.spoken, ui.estimate,
      el("h3", { text: "Critique" }), ui.critique,
    ]);
    ui.print = el("div", { className: "hb-story-print" });
    root.appendChild(el("div", { className: "hb-story-layout" }, [editor, ui.list]));
    root.appendChild(ui.print);

    var stories = savedStories();
    open(stories.length ? stories[0] : newStory());

    function open(s) {
      story = JSON.parse(JSON.stringify(s));
      ui.title.value = story.title || "";
      Array.prototype.forEach.call(ui.formats.querySelectorAll("input"), function (r) { r.checked = r.value === story.format; });
      ui.status.textContent = "";
      renderFields();
      refresh();
      renderList();
    }

    function renderFields() {
      clear(ui.fields);
      config.formats[story.format].forEach(function (f) {
        var area = el("textarea", { name: f.id, rows: 3, "data-field": f.id });
        area.value = story.fields[f.id] || "";
        area.addEventListener("input", function () { story.fields[f.id] = area.value; changed(); });
        ui.fields.appendChild(field(f.label, area, f.hint));
      });
    }

    function isEmpty(s) {
      return !(s.title || "").trim() && !Object.keys(s.fields).some(function (k) { return (s.fields[k] || "").trim(); });
    }

    function changed() {
      refresh();
      persist(false);
    }

    function persist(explicit) {
      if (isEmpty(story)) {
        if (explicit) ui.status.textContent = "Write something first; empty stories are not saved.";
        return;
      }
      story.updated = new Date().toISOString();
      save("story:" + story.id, story);
      ui.status.textContent = "Saved in this browser.";
      renderList();
    }

    function refresh() {
      var names = config.formats[story.format].map(function (f) { return f.id; });
      var text = spokenText(story.fields, names);
      ui.spoken.textContent = text || "Your story appears here in the order you would tell it.";
      var lengthRule = config.rules.filter(function (r) { return r.check === "spoken-length"; })[0];
      if (lengthRule) {
        var words = text ? wordCount(text) : 0;
        var seconds = (words * 60) / lengthRule.words_per_minute;
        ui.estimate.textContent = words + (words === 1 ? " word" : " words") + ": about " + Math.round(seconds) +
          " s spoken at " + lengthRule.words_per_minute + " words a minute (target " + lengthRule.target_seconds + " s).";
        ui.estimate.setAttribute("data-seconds", String(Math.round(seconds)));
      }
      renderCritique(critique(story.fields, story.format, config), text);
    }

    function renderCritique(findings, text) {
      clear(ui.critique);
      if (!text) {
        ui.critique.appendChild(el("li", { className: "hb-critique-none", text: "Start writing and the critique appears here." }));
        return;
      }
      if (!findings.length) {
        ui.critique.appendChild(el("li", { className: "hb-critique-ok", text: "No critique: a decision, a number up front, money or a percentage, and nothing that sounds like deferring." }));
        return;
      }
      findings.forEach(function (f) {
        var rule = config.rules.filter(function (r) { return r.id === f.rule; })[0];
        var detail = null;
        if (f.field) detail = "In: " + labelOf(f.field) + ".";
        if (f.phrase) {
          var p = config.phrases.filter(function (x) { return x.id === f.phrase; })[0];
          detail = "“" + p.phrase + "”. Instead: " + p.instead;
        }
        if (f.seconds) detail = "About " + Math.round(f.seconds) + " s against a target of " + rule.target_seconds + " s.";
        ui.critique.appendChild(el("li", { className: "hb-finding", "data-rule": f.rule, "data-phrase": f.phrase || null,
          "data-field": f.field || null }, [
          el("strong", { text: rule.title }), detail ? el("span", { className: "hb-finding-detail", text: " " + detail }) : null,
          f.phrase ? null : el("span", { className: "hb-finding-advice", text: " " + rule.advice }),
        ]));
      });
    }

    function labelOf(id) {
      var all = config.formats.dma.concat(config.formats.star);
      return (all.filter(function (f) { return f.id === id; })[0] || { label: id }).label;
    }

    function renderList() {
      var stories = savedStories();
      clear(ui.list);
      ui.list.appendChild(el("h3", { text: "Saved stories (" + stories.length + ")" }));
      if (!stories.length) {
        ui.list.appendChild(el("p", { text: "None yet. Stories save themselves as you type." }));
      } else {
        var list = el("ul", { className: "hb-story-saved" });
        stories.forEach(function (s) {
          var count = critique(s.fields, s.format, config).length;
          list.appendChild(el("li", { "data-story": s.id, className: s.id === story.id ? "hb-current" : "" }, [
            el("span", { className: "hb-story-name", text: s.title || "Untitled story" }),
            el("span", { className: "hb-meta", text: " " + s.format.toUpperCase() + " · " +
              (count ? count + (count === 1 ? " critique" : " critiques") : "no critique") }),
            el("span", { className: "hb-story-actions" }, [
              el("button", { type: "button", className: "md-button", "data-action": "edit", text: "Edit",
                on: { click: function () { open(s); } } }),
              el("button", { type: "button", className: "md-button", "data-action": "delete", text: "Delete",
                on: { click: function () {
                  if (!window.confirm("Delete the story “" + (s.title || "Untitled story") + "”?")) return;
                  save("story:" + s.id, null);
                  if (s.id === story.id) open(newStory()); else renderList();
                } } }),
            ]),
          ]));
        });
        ui.list.appendChild(list);
      }
      ui.list.appendChild(el("button", { type: "button", className: "md-button", "data-action": "print",
        text: "Print the story bank", on: { click: function () { window.print(); } } }));
      renderPrint(stories);
    }

    function renderPrint(stories) {
      clear(ui.print);
      ui.print.appendChild(el("h2", { text: "Story bank" }));
      stories.forEach(function (s) {
        var parts = config.formats[s.format].filter(function (f) { return (s.fields[f.id] || "").trim(); });
        ui.print.appendChild(el("article", { className: "hb-story-card" }, [
          el("h3", { text: (s.title || "Untitled story") + " (" + s.format.toUpperCase() + ")" }),
          el("dl", {}, parts.reduce(function (acc, f) {
            return acc.concat([el("dt", { text: f.label }), el("dd", { text: s.fields[f.id] })]);
          }, [])),
        ]));
      });
    }
  }

  /* ---- dual-track scoring --------------------------------------------------- */

  function toScore(value) {
    if (value === "" || value === null || value === undefined) return null;
    var n = Number(value);
    if (!isFinite(n)) return null;
    return Math.max(0, Math.min(100, Math.round(n)));
  }

  /* The ranking lives in the query string: Material's navigation tracking rewrites the hash. */
  function scoringFromQuery(query) {
    var params = new URLSearchParams(query);
    var items = params.getAll("i").map(function (raw) {
      var bits = raw.split("|");
      if (bits.length < 3) return null;
      var growth = bits.pop(), compliance = bits.pop();
      return { name: bits.join("|"), compliance: toScore(compliance), growth: toScore(growth) };
    }).filter(Boolean);
    if (!items.length) return null;
    var floor = toScore(params.get("floor"));
    return { floor: floor, items: items };
  }

  function scoringToQuery(state) {
    var params = new URLSearchParams();
    params.set("floor", String(state.floor));
    state.items.forEach(function (it) {
      params.append("i", it.name + "|" + (it.compliance === null ? "" : it.compliance) + "|" + (it.growth === null ? "" : it.growth));
    });
    return "?" + params.toString();
  }

  function startScoring(root, config) {
    var example = { floor: config.floor, items: config.example.map(function (i) {
      return { name: i.name, compliance: i.compliance, growth: i.growth === undefined ? null : i.growth };
    }) };
    var stored = load("scoring:state", null);
    var state = scoringFromQuery(location.search) ||
      (isObject(stored) && Array.isArray(stored.items) && stored.items.length ? stored : null) ||
      JSON.parse(JSON.stringify(example));
    if (state.floor === null || state.floor === undefined) state.floor = config.floor;
    var ui = {};
    clear(root);

    ui.floor = el("input", { type: "number", name: "floor", min: "0", max: "100", step: "1", inputMode: "numeric", value: String(state.floor) });
    ui.floor.addEventListener("input", function () {
      var f = toScore(ui.floor.value);
      if (f !== null) { state.floor = f; update(); }
    });
    ui.rows = el("tbody", {});
    ui.result = el("div", { className: "hb-scoring-result", "aria-live": "polite" });
    ui.share = el("input", { type: "text", readOnly: true, name: "share", className: "hb-share", "aria-label": "Link to this ranking" });

    root.appendChild(field("Compliance floor (0–100): below it, nothing ships", ui.floor));
    root.appendChild(el("div", { className: "hb-table-wrap" }, [el("table", { className: "hb-table hb-scoring-inputs" }, [
      el("thead", {}, [el("tr", {}, [el("th", { text: "Initiative" }), el("th", { text: "Compliance 0–100" }),
        el("th", { text: "Growth 0–100" }), el("th", {}, [el("span", { className: "hb-visually-hidden", text: "Remove" })])])]),
      ui.rows,
    ])]));
    root.appendChild(el("div", { className: "hb-scoring-buttons" }, [
      el("button", { type: "button", className: "md-button", "data-action": "add", text: "Add an initiative",
        on: { click: function () { state.items.push({ name: "Initiative " + (state.items.length + 1), compliance: 50, growth: 50 }); renderRows(); update(); } } }),
      el("button", { type: "button", className: "md-button", "data-action": "reset", text: "Back to the article's example",
        on: { click: function () { state = JSON.parse(JSON.stringify(example)); ui.floor.value = String(state.floor); renderRows(); update(); } } }),
    ]));
    root.appendChild(el("h3", { text: "Ranking" }));
    root.appendChild(ui.result);
    root.appendChild(field("Share or bookmark this ranking", ui.share, "The whole table lives in this link."));

    renderRows();
    update();

    function renderRows() {
      clear(ui.rows);
      state.items.forEach(function (it, index) {
        var name = el("input", { type: "text", name: "name", value: it.name, "aria-label": "Initiative name", maxLength: 120 });
        var comp = el("input", { type: "number", name: "compliance", min: "0", max: "100", step: "1", inputMode: "numeric",
          value: it.compliance === null ? "" : String(it.compliance), "aria-label": "Compliance weight" });
        var growth = el("input", { type: "number", name: "growth", min: "0", max: "100", step: "1", inputMode: "numeric",
          value: it.growth === null ? "" : String(it.growth), "aria-label": "Growth weight", placeholder: "none" });
        name.addEventListener("input", function () { it.name = name.value; update(); });
        comp.addEventListener("input", function () { it.compliance = toScore(comp.value); update(); });
        growth.addEventListener("input", function () { it.growth = toScore(growth.value); update(); });
        ui.rows.appendChild(el("tr", { "data-index": String(index) }, [
          el("td", {}, [name]), el("td", {}, [comp]), el("td", {}, [growth]),
          el("td", {}, [el("button", { type: "button", className: "md-button", "data-action": "remove", text: "Remove",
            "aria-label": "Remove " + it.name,
            on: { click: function () { state.items.splice(index, 1); renderRows(); update(); } } })]),
        ]));
      });
    }

    function update() {
      var ranked = rankInitiatives(state.items, config, state.floor);
      clear(ui.result);
      var body = el("tbody", {});
      var ties = false;
      ranked.forEach(function (row) {
        var it = row.item, why;
        if (row.status === "gated") why = "Does not ship: compliance " + it.compliance + " is under the floor of " + state.floor + ", whatever its growth.";
        else if (row.status === "unscored") why = "Clears the compliance floor but has no growth weight yet, so it cannot be ranked.";
        else if (row.status === "incomplete") why = "Give it a compliance weight to rank it.";
        else {
          why = "Combined score " + row.combined.toFixed(1) + " (compliance " + it.compliance + ", growth " + it.growth + ").";
          if (row.tiedWith.length) {
            ties = true;
            why += " Tied with " + row.tiedWith.join(", ") + ": the regional risk officer decides.";
          }
        }
        body.appendChild(el("tr", { "data-name": it.name, "data-status": row.status, "data-rank": row.rank ? String(row.rank) : null,
          className: row.tiedWith && row.tiedWith.length ? "hb-tie" : "" }, [
          el("td", { text: row.rank ? String(row.rank) : "—" }), el("td", { text: it.name }),
          el("td", { text: it.compliance === null ? "—" : String(it.compliance) }),
          el("td", { text: it.growth === null ? "—" : String(it.growth) }), el("td", { text: why }),
        ]));
      });
      ui.result.appendChild(el("div", { className: "hb-table-wrap" }, [el("table", { className: "hb-table hb-ranking" }, [
        el("thead", {}, [el("tr", {}, ["Rank", "Initiative", "Compliance", "Growth", "Why"].map(function (h) { return el("th", { text: h }); }))]),
        body,
      ])]));
      var winner = ranked.filter(function (r) { return r.status === "ranked"; });
      var summary;
      if (!winner.length) summary = "Nothing clears the compliance floor of " + state.floor + ", so nothing ships this sprint.";
      else if (winner[0].tiedWith.length) summary = "The top spot is a tie. " + config.tie_rule;
      else summary = winner[0].item.name + " goes first.";
      ui.result.appendChild(el("p", { className: "hb-scoring-summary", text: summary }));
      if (ties && !winner[0].tiedWith.length) ui.result.appendChild(el("p", { className: "hb-scoring-tie", text: config.tie_rule }));
      var query = scoringToQuery(state);
      if (location.search !== query) history.replaceState(history.state, "", location.pathname + query + location.hash);
      ui.share.value = location.href;
      save("scoring:state", state);
    }
  }

  /* ---- offer calculator ------------------------------------------------------ */

  function num(value, fallback) {
    var n = Number(value);
    return value === "" || !isFinite(n) ? fallback : n;
  }

  function startOffer(root, config) {
    var preload = config.preload;
    var stored = load("offer:state", null);
    var state = Object.assign({}, preload, isObject(stored) ? stored : {});
    var inputs = {};
    clear(root);

    function numberInput(name, min, max, step) {
      var node = el("input", { type: "number", name: name, min: String(min), max: String(max), step: String(step || 1),
        inputMode: "decimal" });
      node.value = state[name] === null || state[name] === undefined ? "" : String(state[name]);
      node.addEventListener("input", update);
      inputs[name] = node;
      return node;
    }

    inputs.track = select("track", config.tracks, state.track);
    inputs.track.addEventListener("change", update);
    inputs.cadence = select("cadence", [["monthly", "Monthly"], ["quarterly", "Quarterly"], ["yearly", "Yearly"]], state.cadence);
    inputs.cadence.addEventListener("change", update);
    inputs.equity_mode = select("equity_mode", [["annual", "Value vesting per year"], ["total", "Total grant over the vesting years"]], state.equity_mode);
    inputs.equity_mode.addEventListener("change", update);

    var form = el("div", { className: "hb-offer-form" }, [
      field("Compare with bands for", inputs.track),
      field("Base salary ($ a year)", numberInput("base", 0, 100000000, 1000)),
      field("Bonus target (% of base)", numberInput("bonus_pct", 0, 1000, 1)),
      field("Bonus cap (% of base, optional)", numberInput("cap_pct", 0, 1000, 1)),
      field("Equity or tokens given as", inputs.equity_mode),
      field("Equity or tokens ($)", numberInput("equity", 0, 100000000, 1000)),
      field("Vesting years", numberInput("years", 1, 10, 1)),
      field("Vesting cadence", inputs.cadence),
      field("Cliff (months)", numberInput("cliff", 0, 48, 1)),
      field("Sign-on bonus ($, paid once)", numberInput("sign_on", 0, 100000000, 1000)),
    ]);
    var out = el("div", { className: "hb-offer-out", "aria-live": "polite" });
    root.appendChild(form);
    root.appendChild(el("button", { type: "button", className: "md-button", "data-action": "reset", text: "Back to the sample offer",
      on: { click: function () { fill(preload); } } }));
    root.appendChild(out);
    update();

    function fill(values) {
      Object.keys(values).forEach(function (k) {
        if (inputs[k]) inputs[k].value = values[k] === null || values[k] === undefined ? "" : String(values[k]);
      });
      update();
    }

    function read() {
      var years = Math.max(1, Math.min(10, Math.round(num(inputs.years.value, config.default_years))));
      var equity = Math.max(0, num(inputs.equity.value, 0));
      var mode = inputs.equity_mode.value;
      return {
        track: inputs.track.value,
        base: Math.max(0, num(inputs.base.value, 0)),
        bonus_pct: Math.max(0, num(inputs.bonus_pct.value, 0)),
        cap_pct: inputs.cap_pct.value === "" ? null : Math.max(0, num(inputs.cap_pct.value, 0)),
        equity_mode: mode,
        equity: equity,
        years: years,
        cadence: CADENCE_MONTHS[inputs.cadence.value] ? inputs.cadence.value : "yearly",
        cliff: Math.max(0, Math.min(48, Math.round(num(inputs.cliff.value, 0)))),
        sign_on: Math.max(0, num(inputs.sign_on.value, 0)),
        equity_per_year: mode === "total" ? equity / years : equity,
      };
    }

    function update() {
      var o = read();
      save("offer:state", { track: o.track, base: o.base, bonus_pct: o.bonus_pct, cap_pct: o.cap_pct, equity_mode: o.equity_mode,
        equity: o.equity, years: o.years, cadence: o.cadence, cliff: o.cliff, sign_on: o.sign_on });
      var total = annualise(o);
      clear(out);

      var years = offerYears(o);
      out.appendChild(el("h3", { text: "Year by year" }));
      out.appendChild(el("div", { className: "hb-table-wrap" }, [el("table", { className: "hb-table hb-offer-years" }, [
        el("thead", {}, [el("tr", {}, ["Year", "Base", "Bonus at target", "Equity or tokens vesting", "Sign-on", "Total"]
          .map(function (h) { return el("th", { text: h }); }))]),
        el("tbody", {}, years.map(function (y) {
          return el("tr", { "data-year": String(y.year), "data-total": String(Math.round(y.total)), "data-equity": String(Math.round(y.equity)) }, [
            el("td", { text: "Year " + y.year }), el("td", { text: usd(y.base) }), el("td", { text: usd(y.bonus) }),
            el("td", { text: usd(y.equity) }), el("td", { text: usd(y.sign_on) }), el("td", {}, [el("strong", { text: usd(y.total) })]),
          ]);
        })),
      ])]));
      out.appendChild(el("p", { className: "hb-meta", text: vestingNote(o) }));

      out.appendChild(el("h3", { text: "Annualised" }));
      out.appendChild(el("p", { className: "hb-annualised", id: "hb-offer-annualised", "data-value": String(Math.round(total)) }, [
        "Annualised total: ", el("strong", { text: usd(total) }),
      ]));
      var parts = [["Base", o.base], ["Target bonus (" + o.bonus_pct + "% of base)", (o.base * o.bonus_pct) / 100],
        ["Equity or tokens per year", o.equity_per_year], ["Sign-on ÷ " + o.years + (o.years === 1 ? " year" : " years"), o.sign_on / o.years]];
      out.appendChild(el("ul", { className: "hb-breakdown" }, parts.map(function (p) { return el("li", { text: p[0] + ": " + usd(p[1]) }); })));
      if (o.cap_pct !== null && o.cap_pct > o.bonus_pct) {
        out.appendChild(el("p", { className: "hb-offer-cap", text: "With the bonus at its cap of " + o.cap_pct + "% of base: " +
          usd(total + (o.base * (o.cap_pct - o.bonus_pct)) / 100) + " a year." }));
      }

      var trackName = (config.tracks.filter(function (t) { return t[0] === o.track; })[0] || ["", o.track])[1];
      out.appendChild(el("h3", { text: "Against the reported bands: " + trackName }));
      var bands = config.bands.filter(function (b) { return b.track === o.track; });
      out.appendChild(el("div", { className: "hb-table-wrap" }, [el("table", { className: "hb-table hb-offer-bands" }, [
        el("thead", {}, [el("tr", {}, ["Band", "Annualised", "Your offer", "Try it"].map(function (h) { return el("th", { text: h }); }))]),
        el("tbody", {}, bands.map(function (b) { return bandRow(b, total); })),
      ])]));
    }

    function bandRow(b, total) {
      var where, gap;
      total = Math.round(total);
      if (total < b.low) { where = "below"; gap = usd(b.low - total) + " under its low end"; }
      else if (total > b.high) { where = "above"; gap = usd(total - b.high) + " over its high end"; }
      else { where = "within"; gap = "inside the range"; }
      var range = b.low === b.high ? usd(b.low) : usd(b.low) + "–" + usd(b.high);
      var left = b.left_out.length ? " Not counted: " + b.left_out.join("; ") + "." : "";
      function tryEnd(end) {
        var i = b.inputs[end];
        return el("button", { type: "button", className: "md-button", "data-action": "try-" + end,
          text: end === "low" ? "Low end" : "High end",
          on: { click: function () {
            fill({ base: i.base, bonus_pct: i.bonus_pct, cap_pct: "", equity_mode: "annual", equity: i.equity_per_year,
              years: i.years, cadence: "yearly", cliff: 0, sign_on: i.sign_on });
          } } });
      }
      return el("tr", { "data-band": b.id, "data-annual-low": String(b.low), "data-annual-high": String(b.high), "data-position": where }, [
        el("td", { text: b.level + " (" + b.sources.join(", ") + ")" }),
        el("td", { text: range + left }),
        el("td", {}, [el("strong", { text: where }), " · " + gap]),
        el("td", {}, [tryEnd("low"), " ", tryEnd("high")]),
      ]);
    }
  }

  function vestingNote(o) {
    if (!o.equity_per_year) return "No equity or tokens entered.";
    var step = CADENCE_MONTHS[o.cadence];
    var first = step;
    while (first < o.cliff && first < o.years * 12) first += step;
    var text = "The first equity vests at the end of month " + first;
    if (o.cliff > 0 && first > step) text += " (the cliff releases everything owed up to then)";
    return text + ", then " + o.cadence + " until month " + o.years * 12 + ".";
  }

  /* ---- wiring ----------------------------------------------------------------- */

  function linkQuestionToDrill() {
    var question = document.querySelector(".hb-question[data-question]");
    if (!question) return;
    var id = question.getAttribute("data-question");
    Array.prototype.forEach.call(document.querySelectorAll('.hb-practice a[href*="practice/drill"]'), function (a) {
      a.setAttribute("href", a.getAttribute("href").split("?")[0] + "?q=" + encodeURIComponent(id));
    });
  }

  var cleanups = [];
  function mount() {
    cleanups.splice(0).forEach(function (fn) { fn(); });
    linkQuestionToDrill();
    var tools = [["hb-drill", "hb-drill-config", startDrill], ["hb-stories", "hb-stories-config", startStories],
      ["hb-scoring", "hb-scoring-config", startScoring], ["hb-offer", "hb-offer-config", startOffer]];
    tools.forEach(function (t) {
      var root = document.getElementById(t[0]);
      var config = root && readConfig(t[1]);
      if (!root || !config) return;
      root.classList.add("hb-tool--live");
      try {
        t[2](root, config, cleanups);
      } catch (e) {
        root.appendChild(el("p", { className: "hb-error", text: "This tool failed to start: " + e.message }));
        throw e;
      }
    });
  }

  registerImporters();
  document.addEventListener("hb:imported", function () { mount(); });
  HB.onPage(mount);
})();
