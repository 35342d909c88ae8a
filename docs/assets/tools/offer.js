/* The offer calculator: an offer year by year and annualised, against the bands.
 * `vestingByYear` and `annualise` mirror macros/tools/offer.py and macros/pay.py.
 */
(function () {
  "use strict";
  var HB = (window.HB = window.HB || {});
  var dom = HB.dom;
  var el = dom.el, clear = dom.clear, load = dom.load, save = dom.save, usd = dom.usd, isObject = dom.isObject;
  HB.practice = HB.practice || {};
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


  if (HB.store && HB.store.registerImporter) {
    HB.store.registerImporter("offer:", function (name, value) {
      if (name !== "offer:state" || !isObject(value)) return false;
      HB.store.set(name, value);
      return true;
    });
  }


  function num(value, fallback) {
    var n = Number(value);
    return value === "" || !isFinite(n) ? fallback : n;
  }

  /* The calculator is in the page already (macros/templates/offer_live.html), drawn for the
   * sample offer: the script wires it up, and draws the result again only when the reader's
   * own figures differ from the sample's. */
  function startOffer(root, config, cleanups) {
    var preload = config.preload;
    var stored = load("offer:state", null);
    var state = Object.assign({}, preload, isObject(stored) ? stored : {});
    var live = root.querySelector(".hb-offer-live");
    var out = live.querySelector(".hb-offer-out");
    var inputs = {};
    Array.prototype.forEach.call(live.querySelectorAll(".hb-offer-form [name]"), function (node) { inputs[node.name] = node; });

    dom.listen(live, "input", update, cleanups); // a select fires "input" too
    dom.listen(live, "click", function (event) {
      var button = event.target.closest("button[data-action]");
      if (!button) return;
      var action = button.getAttribute("data-action");
      if (action === "reset") fill(preload);
      else if (action === "try-low" || action === "try-high") {
        var id = button.closest("tr[data-band]").getAttribute("data-band");
        tryBand(id, action.slice(4));
        // The table is drawn again: focus goes to the same button in its new row.
        var again = live.querySelector('.hb-offer-bands tr[data-band="' + id + '"] [data-action="' + action + '"]');
        if (again) again.focus();
      }
    }, cleanups);
    if (Object.keys(preload).some(function (k) { return String(state[k]) !== String(preload[k]); })) fill(state);

    function tryBand(id, end) {
      var band = config.bands.filter(function (b) { return b.id === id; })[0];
      var i = band && band.inputs[end];
      if (!i) return;
      fill({ base: i.base, bonus_pct: i.bonus_pct, cap_pct: "", equity_mode: "annual", equity: i.equity_per_year,
        years: i.years, cadence: "yearly", cliff: 0, sign_on: i.sign_on });
    }

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
          .map(function (h, i) { return el("th", { text: h, className: i ? "hb-num" : null }); }))]),
        el("tbody", {}, years.map(function (y) {
          return el("tr", { "data-year": String(y.year), "data-total": String(Math.round(y.total)), "data-equity": String(Math.round(y.equity)) }, [
            el("td", { text: "Year " + y.year }), el("td", { className: "hb-num", text: usd(y.base) }),
            el("td", { className: "hb-num", text: usd(y.bonus) }), el("td", { className: "hb-num", text: usd(y.equity) }),
            el("td", { className: "hb-num", text: usd(y.sign_on) }), el("td", { className: "hb-num" }, [el("strong", { text: usd(y.total) })]),
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
        el("thead", {}, [el("tr", {}, ["Band", "Annualised", "Your offer", "Try it"].map(function (h, i) {
          return el("th", { text: h, className: i === 3 ? "hb-offer-try" : null });
        }))]),
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
        return el("button", { type: "button", className: "md-button", "data-action": "try-" + end, text: end === "low" ? "Low end" : "High end" });
      }
      return el("tr", { "data-band": b.id, "data-annual-low": String(b.low), "data-annual-high": String(b.high), "data-position": where }, [
        el("td", { text: b.level + " (" + b.sources.join(", ") + ")" }),
        el("td", { text: range + left }),
        el("td", {}, [el("strong", { text: where }), " · " + gap]),
        el("td", { className: "hb-offer-try" }, [tryEnd("low"), " ", tryEnd("high")]),
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

  HB.practice.vestingByYear = vestingByYear;
  HB.practice.annualise = annualise;
  HB.practice.offerYears = offerYears;
  dom.tool("hb-offer", startOffer);
})();
