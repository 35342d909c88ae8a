/* The mock interview, for two people on one screen or two devices.
 *
 * The page has four views, chosen by the address: setup (pick a track and a round, deal a
 * question), the candidate's view, the interviewer's view (?view=interviewer&question=&round=&seed=,
 * all it carries) and a saved feedback sheet (?view=sheet&seed=). Results are saved under
 * "mock:<seed>" and travel in the progress file; the drill reads them as ratings.
 */
(function () {
  "use strict";
  var HB = (window.HB = window.HB || {});
  var dom = HB.dom;
  var mock = HB.mock;
  var KEY = mock.KEY, SEED = mock.SEED, ID = mock.ID, validResult = mock.validResult, savedResults = mock.savedResults,
    newSeed = mock.newSeed, deal = mock.deal, followUpsDue = mock.followUpsDue, average = mock.average, weakest = mock.weakest,
    sheetText = mock.sheetText;
  var loadQuestions = dom.loadQuestions, loadAnswer = dom.loadAnswer;
  var el = dom.el, clear = dom.clear, siteRoot = dom.siteRoot, load = dom.load, save = dom.save, clock = dom.clock, field = dom.field,
    copyText = dom.copyText;

  function pageAddress(params) {
    var url = new URL(location.href);
    url.hash = "";
    url.search = params ? "?" + new URLSearchParams(params).toString() : "";
    return url.href;
  }

  function startMock(root, config, cleanups) {
    var params = new URLSearchParams(location.search);
    var view = params.get("view");
    /* "question", not "q": Material opens its search box for a "q" in the address */
    var session = { q: params.get("question"), round: params.get("round"), seed: params.get("seed") };
    var byId = {};
    var names = {};
    config.rounds.forEach(function (r) { names[r[0]] = r[1]; });
    if (!root.hbSetup) {
      var built = root.querySelector(".hb-mock-live");
      root.hbSetup = built && built.cloneNode(true);
    }
    if (!view) {
      setup("");
      return;
    }
    clear(root);
    root.appendChild(el("p", { className: "hb-loading", text: "Loading the questions…" }));
    questions().then(function () {
      if (!root.isConnected) return;
      var valid = session.q && ID.test(session.q) && byId[session.q] && config.rubric[session.round] && SEED.test(session.seed || "");
      if (view === "interviewer" && valid) withAnswer(session.q, interviewer);
      else if (view === "candidate" && valid) candidate();
      else if (view === "sheet" && load(KEY + session.seed, null)) showSaved(session.seed);
      else setup("That mock link is incomplete or names a question this handbook does not have; deal a new one.");
    }, function (err) {
      clear(root);
      root.appendChild(el("p", { className: "hb-error", text: "The questions could not be loaded (" + err.message +
        "). Run the mock on paper with the rubric below." }));
    });

    function questions() {
      return loadQuestions(config.questions).then(function (list) {
        if (!Object.keys(byId).length) list.forEach(function (q) { byId[q.id] = q; });
      });
    }

    /* A question's follow-ups, red flags and model answer are in a small file of their own,
     * fetched when a view that shows them opens. */
    function withAnswer(id, view) {
      if (!byId[id] || byId[id].flags) { view(); return; }
      loadAnswer(config.answers, id).then(function (found) {
        byId[id] = Object.assign({}, byId[id], found);
        if (root.isConnected) view();
      }, function (err) {
        clear(root);
        root.appendChild(el("p", { className: "hb-error", text: "This question's follow-ups and red flags could not be loaded (" +
          err.message + "). Run the mock on paper with the rubric below." }));
      });
    }

    function go(params) {
      history.replaceState(history.state, "", pageAddress(params));
    }

    function heading(text) {
      return el("h2", { className: "hb-mock-title", id: "hb-mock-view", tabindex: "-1", text: text });
    }

    /* ---- setup ---- */

    /* The setup is in the page already (macros/templates/mock_live.html); coming back to it
     * later puts a copy of it back. The questions are fetched only when a mock is dealt, or to
     * name the questions of mocks already scored. */
    function setup(message) {
      var live = root.querySelector(".hb-mock-live");
      if (!live) {
        clear(root);
        live = root.appendChild(root.hbSetup.cloneNode(true));
      }
      root.setAttribute("data-view", "setup");
      var track = live.querySelector("select[name=track]"), round = live.querySelector("select[name=round]");
      var status = live.querySelector(".hb-mock-status"), count = live.querySelector(".hb-mock-count");
      var wanted = new URLSearchParams(location.search);
      [[track, wanted.get("track")], [round, wanted.get("round")]].forEach(function (pair) {
        if (pair[1] && pair[0].querySelector('option[value="' + CSS.escape(pair[1]) + '"]')) pair[0].value = pair[1];
      });
      if (track.selectedIndex || round.selectedIndex) counted();
      if (status.textContent !== message) status.textContent = message;
      function pool() {
        return Object.keys(byId).map(function (id) { return byId[id]; }).filter(function (q) {
          return q.round === round.value && q.tracks.indexOf(track.value) >= 0;
        });
      }
      function counted() {
        var n = (config.counts[track.value] || {})[round.value] || 0;
        count.textContent = n === 1 ? "1 question to deal from." : n + " questions to deal from.";
      }
      dom.listen(live, "input", function (event) { if (event.target === track || event.target === round) counted(); }, cleanups);
      dom.listen(live.querySelector("[data-action=deal]"), "click", function () {
        questions().then(function () {
          var seed = newSeed();
          var q = deal(pool(), config.repetition, seed);
          if (!q) {
            status.textContent = "No question for this track and round yet; pick another round.";
            return;
          }
          session = { q: q, round: round.value, seed: seed };
          go({ view: "candidate", question: q, round: round.value, seed: seed });
          candidate();
          var view = root.querySelector("#hb-mock-view"); // the button that had focus is gone
          view.focus({ preventScroll: true });
          view.scrollIntoView({ block: "start" });
        }, function (err) {
          status.textContent = "The questions could not be loaded (" + err.message + "). Run the mock on paper with the rubric below.";
        });
      }, cleanups);
      if (savedResults().length) {
        questions().then(function () {
          var old = live.querySelector(".hb-mock-results");
          if (old) old.replaceWith(resultsList());
        }, function () {});
      }
    }

    function resultsList() {
      var results = savedResults();
      var box = el("section", { className: "hb-mock-results", "aria-labelledby": "hb-mock-results" }, [
        el("h2", { id: "hb-mock-results", text: "Your mock interviews" })]);
      if (!results.length) {
        box.appendChild(el("p", { text: "No mock scored in this browser yet." }));
        return box;
      }
      var rows = results.map(function (r) {
        var q = byId[r.q];
        var when = new Date(r.t);
        return el("tr", { "data-seed": r.seed, "data-question": r.q }, [
          el("td", { text: isNaN(when) ? "" : when.toLocaleDateString() }),
          el("td", {}, [el("a", { href: pageAddress({ view: "sheet", seed: r.seed }), text: q ? q.title : r.q })]),
          el("td", { text: names[r.round] || r.round }),
          el("td", { className: "hb-num", text: average(r.scores).toFixed(1) }),
        ]);
      });
      box.appendChild(el("div", { className: "hb-table-wrap" }, [el("table", { className: "hb-table hb-mock-log" }, [
        el("thead", {}, [el("tr", {}, [el("th", { text: "When" }), el("th", { text: "Question" }), el("th", { text: "Round" }),
          el("th", { className: "hb-num", text: "Average" })])]),
        el("tbody", {}, rows)])]));
      return box;
    }

    /* ---- the candidate's view ---- */

    function candidate() {
      clear(root);
      root.setAttribute("data-view", "candidate");
      root.setAttribute("data-question", session.q);
      var q = byId[session.q];
      var link = pageAddress({ view: "interviewer", question: session.q, round: session.round, seed: session.seed });
      var linkInput = el("input", { type: "text", name: "interviewer-link", readOnly: true, value: link });
      var copied = el("span", { className: "hb-mock-status", role: "status", "aria-live": "polite" });
      var prompt = el("p", { className: "hb-mock-prompt", hidden: true, text: q.prompt });
      var reveal = el("button", { type: "button", className: "md-button", "aria-expanded": "false", "data-action": "show-prompt",
        text: "Show me the question", on: { click: function () {
          prompt.hidden = !prompt.hidden;
          reveal.setAttribute("aria-expanded", String(!prompt.hidden));
          reveal.textContent = prompt.hidden ? "Show me the question" : "Hide the question";
        } } });
      root.appendChild(heading("Candidate: " + (names[session.round] || session.round)));
      root.appendChild(el("p", { text: "Your interviewer reads the question out and scores you in their own view. Don't look at it: the rubric is theirs." }));
      root.appendChild(el("div", { className: "hb-mock-share" }, [
        el("a", { className: "md-button md-button--primary", href: link, target: "_blank", rel: "noopener", "data-action": "open-interviewer",
          text: "Open the interviewer's view in a new tab" }),
        field("Or send this link to the interviewer's device", linkInput, "It carries the question id, the round and a seed, nothing else."),
        el("button", { type: "button", className: "md-button", "data-action": "copy-link", text: "Copy the link", on: { click: function () {
          copyText(link, copied, "Link copied.");
          linkInput.select();
        } } }),
        copied,
      ]));
      root.appendChild(HB.mockClock(root, config.boxes[session.round] || [], cleanups).node);
      root.appendChild(el("div", { className: "hb-mock-card" }, [reveal, prompt]));
      var waiting = el("p", { className: "hb-mock-waiting", text: "When the interviewer finishes in a tab of this browser, the feedback sheet appears here. On another device, they can copy it to you as text." });
      root.appendChild(waiting);
      root.appendChild(el("button", { type: "button", className: "md-button", "data-action": "new", text: "Deal another question",
        on: { click: function () { go(null); setup(""); } } }));
      var onStorage = function (e) {
        if (e.key === HB.store.prefix + KEY + session.seed && root.isConnected && root.getAttribute("data-view") === "candidate") {
          showSaved(session.seed);
        }
      };
      window.addEventListener("storage", onStorage);
      cleanups.push(function () { window.removeEventListener("storage", onStorage); });
    }

    /* ---- the interviewer's view ---- */

    function interviewer() {
      clear(root);
      root.setAttribute("data-view", "interviewer");
      root.setAttribute("data-question", session.q);
      var q = byId[session.q];
      var rubric = config.rubric[session.round];
      var boxes = config.boxes[session.round] || [];
      var due = followUpsDue(boxes, q.follow_ups.length);
      var asked = {};
      var timer = HB.mockClock(root, boxes, cleanups, function (s) {
        Array.prototype.forEach.call(root.querySelectorAll(".hb-mock-followups li[data-due]"), function (li) {
          li.classList.toggle("hb-mock-due", s >= Number(li.getAttribute("data-due")));
        });
      });
      root.appendChild(heading("Interviewer: " + (names[session.round] || session.round)));
      root.appendChild(el("p", { className: "hb-mock-private", text: "Keep this screen away from the candidate." }));
      root.appendChild(el("section", { className: "hb-mock-card", "aria-labelledby": "hb-mock-read" }, [
        el("h3", { id: "hb-mock-read", text: "Read this out" }), el("p", { className: "hb-mock-prompt", text: q.prompt }),
        el("p", { className: "hb-meta" }, [el("a", { href: new URL(q.url, siteRoot()).href, target: "_blank", rel: "noopener", text: q.title })])]));
      root.appendChild(el("section", { "aria-label": "Clock" }, [timer.node]));

      var followUps = el("ol", { className: "hb-mock-followups" }, q.follow_ups.map(function (text, i) {
        var box = el("input", { type: "checkbox", "data-follow-up": String(i) });
        box.addEventListener("change", function () {
          if (box.checked) asked[i] = Math.round(timer.elapsed());
          else delete asked[i];
        });
        return el("li", { "data-due": due.length ? String(due[i]) : null }, [el("label", {}, [box, " Asked: ", text]),
          el("span", { className: "hb-mock-when", text: due.length ? " Around " + clock(due[i]) + "." : " After the main answer." })]);
      }));
      root.appendChild(el("section", { "aria-labelledby": "hb-mock-fu" }, [el("h3", { id: "hb-mock-fu", text: "Follow-ups to ask, and when" }),
        q.follow_ups.length ? followUps : el("p", { text: "This question has no follow-ups; push on the weakest part of the answer." })]));

      var flags = el("ul", { className: "hb-mock-flags" }, q.flags.map(function (text, i) {
        return el("li", {}, [el("label", {}, [el("input", { type: "checkbox", "data-flag": String(i) }), " Heard: ", text])]);
      }));
      root.appendChild(el("section", { "aria-labelledby": "hb-mock-rf" }, [el("h3", { id: "hb-mock-rf", text: "Red flags to listen for" }), flags]));

      var levels = el("dl", { className: "hb-levels hb-mock-levels" }, ["1", "3", "5"].filter(function (k) { return rubric.levels[k]; }).map(function (k) {
        return el("div", { className: "hb-level hb-level--" + k }, [el("dt", { text: k + " of 5 sounds like" }), el("dd", { text: rubric.levels[k] })]);
      }));
      var signals = rubric.signals.map(function (s, i) {
        var radios = [1, 2, 3, 4, 5].map(function (n) {
          return el("label", { className: "hb-mock-score" }, [el("input", { type: "radio", name: "score-" + i, value: String(n), "data-signal": String(i) }),
            " " + n]);
        });
        var note = el("textarea", { name: "note-" + i, rows: "2" });
        return el("fieldset", { className: "hb-mock-signal", "data-signal": s.name }, [el("legend", { text: s.name }),
          el("div", { className: "hb-mock-scores" }, radios), field("Notes on " + s.name, note)]);
      });
      var overall = el("textarea", { name: "overall", rows: "3" });
      var status = el("p", { className: "hb-mock-status", role: "status", "aria-live": "polite" });
      var finish = el("button", { type: "button", className: "md-button md-button--primary", "data-action": "finish",
        text: "Finish and write the feedback sheet", on: { click: done } });
      root.appendChild(el("section", { className: "hb-mock-rubric", "aria-labelledby": "hb-mock-rb" }, [
        el("h3", { id: "hb-mock-rb", text: "Rubric: score each signal from 1 to 5" }),
        el("p", { className: "hb-meta" }, ["The rating guide's words for 1, 3 and 5 in this round (", el("a", { href: config.links.rating + "#rating-" +
          session.round, text: "rating guide" }), "):"]),
        levels].concat(signals, [field("Overall notes for the candidate", overall), finish, status])));

      function done() {
        var scores = [], missing = [];
        rubric.signals.forEach(function (s, i) {
          var picked = root.querySelector('input[name="score-' + i + '"]:checked');
          if (!picked) missing.push(s.name);
          else scores.push({ signal: s.name, score: Number(picked.value), note: root.querySelector('textarea[name="note-' + i + '"]').value.trim() });
        });
        if (missing.length) {
          status.textContent = "Score every signal first. Still to score: " + missing.join("; ") + ".";
          return;
        }
        var avg = average(scores);
        var result = {
          v: 1, seed: session.seed, q: session.q, round: session.round, t: new Date().toISOString(), r: Math.floor(avg + 0.5),
          seconds: Math.round(timer.elapsed()), scores: scores, notes: overall.value.trim(),
          flags: Array.prototype.filter.call(root.querySelectorAll("input[data-flag]"), function (b) { return b.checked; }).map(function (b) {
            return q.flags[Number(b.getAttribute("data-flag"))];
          }),
          follow_ups: Object.keys(asked).map(Number).sort(function (a, b) { return a - b; }).map(function (i) {
            return { text: q.follow_ups[i], at: asked[i] };
          }),
        };
        save(KEY + session.seed, result);
        showSaved(session.seed);
      }
    }

    /* ---- the feedback sheet ---- */

    function showSaved(seed) {
      var result = load(KEY + seed, null);
      if (!validResult(KEY + seed, result)) { setup("That feedback sheet is not saved in this browser."); return; }
      withAnswer(result.q, function () { drawSheet(seed, result); });
    }

    function drawSheet(seed, result) {
      clear(root);
      root.setAttribute("data-view", "sheet");
      root.setAttribute("data-question", result.q);
      go({ view: "sheet", seed: seed });
      var q = byId[result.q] || { title: result.q, prompt: "", model_answer: [], strong: [], url: "" };
      var rubric = config.rubric[result.round] || { signals: [] };
      var pagesFor = {};
      rubric.signals.forEach(function (s) { pagesFor[s.name] = s.pages; });
      var avg = average(result.scores);
      var copied = el("span", { className: "hb-mock-status", role: "status", "aria-live": "polite" });
      var rows = result.scores.map(function (s) {
        return el("tr", { "data-signal": s.signal, "data-score": String(s.score) }, [el("th", { scope: "row", text: s.signal }),
          el("td", { className: "hb-num", text: s.score + " of 5" }), el("td", { text: s.note })]);
      });
      var weak = weakest(result, 2);
      var answer = q.model_answer && q.model_answer.length ? q.model_answer : q.strong || [];
      var when = new Date(result.t);
      var sheet = el("section", { id: "mock-feedback", className: "hb-mock-sheet", "aria-labelledby": "mock-feedback-title",
        "data-average": avg.toFixed(2) }, [
        el("h2", { id: "mock-feedback-title", tabindex: "-1", text: "Feedback: " + (names[result.round] || result.round) + " mock" }),
        el("p", { className: "hb-meta", text: (isNaN(when) ? "" : when.toLocaleString() + " · ") + "Clock: " + clock(result.seconds || 0) +
          " · Average " + avg.toFixed(1) + " of 5" }),
        el("p", { className: "hb-mock-question" }, [el("strong", { text: "Question: " }), q.url ? el("a", { href: new URL(q.url, siteRoot()).href,
          text: q.title }) : q.title]),
        el("p", { className: "hb-mock-prompt", text: q.prompt }),
        el("table", { className: "hb-table hb-mock-scores-table" }, [
          el("thead", {}, [el("tr", {}, [el("th", { text: "Signal" }), el("th", { className: "hb-num", text: "Score" }), el("th", { text: "Notes" })])]),
          el("tbody", {}, rows)]),
        result.notes ? el("p", { className: "hb-mock-notes" }, [el("strong", { text: "Notes: " }), result.notes]) : null,
        result.flags && result.flags.length ? el("div", {}, [el("h3", { text: "Red flags heard" }),
          el("ul", {}, result.flags.map(function (f) { return el("li", { text: f }); }))]) : null,
        result.follow_ups && result.follow_ups.length ? el("div", {}, [el("h3", { text: "Follow-ups asked" }),
          el("ul", {}, result.follow_ups.map(function (f) { return el("li", { text: clock(f.at) + ": " + f.text }); }))]) : null,
        el("h3", { text: "Work on next: the two weakest signals" }),
        el("ul", { className: "hb-mock-weakest" }, weak.map(function (s) {
          var pages = pagesFor[s.signal] || [];
          return el("li", { "data-signal": s.signal }, [el("strong", { text: s.signal + " (" + s.score + " of 5)" }),
            pages.length ? ": " : "", pages.length ? el("span", {}, pages.map(function (p, i) {
              return el("span", {}, [i ? ", " : "", el("a", { href: p.url, text: p.title })]);
            })) : null]);
        })),
        el("h3", { text: q.model_answer && q.model_answer.length ? "The model answer, to read together" : "What a strong answer does" }),
        el("div", { className: "hb-mock-answer" }, answer.map(function (para) { return el("p", { text: para }); })),
        el("div", { className: "hb-mock-actions" }, [
          el("button", { type: "button", className: "md-button md-button--primary", "data-action": "print", text: "Print the sheet",
            on: { click: function () { window.print(); } } }),
          el("button", { type: "button", className: "md-button", "data-action": "copy", text: "Copy as text",
            on: { click: function () { copyText(sheetText(result, q, weak, pagesFor, answer, names), copied, "Copied the sheet as text."); } } }),
          el("a", { className: "md-button", href: pageAddress(null), "data-action": "new", text: "Set up another mock",
            on: { click: function (e) { e.preventDefault(); go(null); setup(""); } } }),
          copied]),
      ]);
      root.appendChild(sheet);
      var heading = sheet.querySelector("h2");
      heading.focus({ preventScroll: true });
      heading.scrollIntoView({ block: "start" });
    }
  }

  dom.tool("hb-mock", startMock);
})();
