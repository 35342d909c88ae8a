/* The dual-track scoring calculator: gate on compliance, rank the rest.
 * `rankInitiatives` mirrors macros/tools/scoring.py; the tests hold the two to the same results.
 */
(function () {
  "use strict";
  var HB = (window.HB = window.HB || {});
  var dom = HB.dom;
  var el = dom.el, clear = dom.clear, load = dom.load, save = dom.save, field = dom.field, isObject = dom.isObject;
  HB.practice = HB.practice || {};

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


  if (HB.store && HB.store.registerImporter) {
    HB.store.registerImporter("scoring:", function (name, value) {
      if (name !== "scoring:state" || !isObject(value) || !Array.isArray(value.items)) return false;
      HB.store.set(name, value);
      return true;
    });
  }


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

  HB.practice.rankInitiatives = rankInitiatives;
  dom.tool("hb-scoring", "hb-scoring-config", startScoring);
})();
