/* The dual-track scoring calculator: gate on compliance, rank the rest.
 * `rankInitiatives` mirrors macros/tools/scoring.py; the tests hold the two to the same results.
 */
(function () {
  "use strict";
  var HB = (window.HB = window.HB || {});
  var dom = HB.dom;
  var el = dom.el, clear = dom.clear, load = dom.load, save = dom.save, isObject = dom.isObject;
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

  function sameItems(a, b) {
    return JSON.stringify(a) === JSON.stringify(b);
  }

  /* The calculator is in the page already (macros/templates/scoring_live.html), drawn for the
   * article's example: the script wires it up, and redraws only a table of the reader's own. */
  function startScoring(root, config, cleanups) {
    var example = { floor: config.floor, items: config.example.map(function (i) {
      return { name: i.name, compliance: i.compliance, growth: i.growth === undefined ? null : i.growth };
    }) };
    var stored = load("scoring:state", null);
    var state = scoringFromQuery(location.search) ||
      (isObject(stored) && Array.isArray(stored.items) && stored.items.length ? stored : null) ||
      JSON.parse(JSON.stringify(example));
    if (state.floor === null || state.floor === undefined) state.floor = config.floor;
    var live = root.querySelector(".hb-scoring-live");
    var ui = {
      floor: live.querySelector("input[name=floor]"),
      rows: live.querySelector(".hb-scoring-inputs tbody"),
      result: live.querySelector(".hb-scoring-result"),
      share: live.querySelector("input[name=share]"),
    };

    dom.listen(live, "input", function (event) {
      var input = event.target;
      if (input === ui.floor) {
        var f = toScore(ui.floor.value);
        if (f !== null) { state.floor = f; update(); }
        return;
      }
      var row = input.closest(".hb-scoring-inputs tr[data-index]");
      var it = row && state.items[Number(row.getAttribute("data-index"))];
      if (!it) return;
      if (input.name === "name") it.name = input.value;
      else if (input.name === "compliance" || input.name === "growth") it[input.name] = toScore(input.value);
      else return;
      update();
    }, cleanups);
    dom.listen(live, "click", function (event) {
      var button = event.target.closest("button[data-action]");
      var action = button && button.getAttribute("data-action");
      var removed = action === "remove" ? Number(button.closest("tr[data-index]").getAttribute("data-index")) : -1;
      if (action === "add") state.items.push({ name: "Initiative " + (state.items.length + 1), compliance: 50, growth: 50 });
      else if (action === "reset") { state = JSON.parse(JSON.stringify(example)); ui.floor.value = String(state.floor); }
      else if (action === "remove") state.items.splice(removed, 1);
      else return;
      renderRows();
      update();
      if (action === "add") ui.rows.querySelector("tr:last-child input[name=name]").focus();
      if (removed < 0) return;
      // The row and its button are gone: focus the next row's Remove, or the last one's, or Add.
      var left = ui.rows.querySelectorAll("[data-action=remove]");
      (left[Math.min(removed, left.length - 1)] || live.querySelector("[data-action=add]")).focus();
    }, cleanups);

    if (state.floor !== example.floor || !sameItems(state.items, example.items)) {
      ui.floor.value = String(state.floor);
      renderRows();
      update();
    } else {
      share();
    }

    function renderRows() {
      clear(ui.rows);
      state.items.forEach(function (it, index) {
        ui.rows.appendChild(el("tr", { "data-index": String(index) }, [
          el("td", {}, [el("input", { type: "text", name: "name", value: it.name, "aria-label": "Initiative name", maxLength: 120 })]),
          el("td", {}, [el("input", { type: "number", name: "compliance", min: "0", max: "100", step: "1", inputMode: "numeric",
            value: it.compliance === null ? "" : String(it.compliance), "aria-label": "Compliance weight" })]),
          el("td", {}, [el("input", { type: "number", name: "growth", min: "0", max: "100", step: "1", inputMode: "numeric",
            value: it.growth === null ? "" : String(it.growth), "aria-label": "Growth weight", placeholder: "none" })]),
          el("td", {}, [el("button", { type: "button", className: "md-button", "data-action": "remove", text: "Remove",
            "aria-label": "Remove " + it.name })]),
        ]));
      });
    }

    /* The address keeps the whole table, and the share field shows it. */
    function share() {
      var query = scoringToQuery(state);
      if (location.search !== query) history.replaceState(history.state, "", location.pathname + query + location.hash);
      ui.share.value = location.href.split("#")[0]; // the table, not the section last in view
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
          className: row.tiedWith && row.tiedWith.length ? "hb-tie" : null }, [
          el("td", { className: "hb-num", text: row.rank ? String(row.rank) : "—" }), el("td", { text: it.name }),
          el("td", { className: "hb-num", text: it.compliance === null ? "—" : String(it.compliance) }),
          el("td", { className: "hb-num", text: it.growth === null ? "—" : String(it.growth) }), el("td", { text: why }),
        ]));
      });
      ui.result.appendChild(el("div", { className: "hb-table-wrap" }, [el("table", { className: "hb-table hb-ranking" }, [
        el("thead", {}, [el("tr", {}, ["Rank", "Initiative", "Compliance", "Growth", "Why"].map(function (h) {
          return el("th", { text: h, className: h === "Initiative" || h === "Why" ? null : "hb-num" });
        }))]),
        body,
      ])]));
      var winner = ranked.filter(function (r) { return r.status === "ranked"; });
      var summary;
      if (!winner.length) summary = "Nothing clears the compliance floor of " + state.floor + ", so nothing ships this sprint.";
      else if (winner[0].tiedWith.length) summary = "The top spot is a tie. " + config.tie_rule;
      else summary = winner[0].item.name + " goes first.";
      ui.result.appendChild(el("p", { className: "hb-scoring-summary", text: summary }));
      if (ties && !winner[0].tiedWith.length) ui.result.appendChild(el("p", { className: "hb-scoring-tie", text: config.tie_rule }));
      share();
      save("scoring:state", state);
    }
  }

  HB.practice.rankInitiatives = rankInitiatives;
  dom.tool("hb-scoring", startScoring);
})();
