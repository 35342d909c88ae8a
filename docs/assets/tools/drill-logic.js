/* The drill's rule: spaced-repetition weights over the drill history and the mocks' results,
 * the weighted draw, and the weakest areas. `drillWeights` mirrors macros/tools/drill.py; the
 * tests hold the two to the same results. The mock deals with the same weights.
 */
(function () {
  "use strict";
  var HB = (window.HB = window.HB || {});
  var isObject = HB.dom.isObject, compare = HB.dom.compare;
  HB.practice = HB.practice || {};
  /* Mock results ({q, r, t}) merged into the drill history by time: a question scored in a
   * mock counts as drilled at the mock's rating. Mirrors `with_mocks` in drill.py. */
  function withMocks(history, mocks) {
    if (!mocks || !mocks.length) return history.slice();
    return history.concat(mocks).map(function (e, i) { return [e, i]; }).sort(function (a, b) {
      var ta = a[0].t || "", tb = b[0].t || "";
      return ta < tb ? -1 : ta > tb ? 1 : a[1] - b[1];
    }).map(function (pair) { return pair[0]; });
  }

  function mockResults() {
    if (!HB.store) return [];
    return HB.store.names().filter(function (n) { return n.indexOf("mock:") === 0; }).map(function (n) {
      return HB.store.get(n, null);
    }).filter(function (v) {
      return isObject(v) && typeof v.q === "string" && typeof v.r === "number" && v.r >= 1 && v.r <= 5 && typeof v.t === "string";
    }).map(function (v) { return { q: v.q, r: v.r, t: v.t }; });
  }

  function drillWeights(ids, history, rule, mocks) {
    history = withMocks(history, mocks);
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

  function validHistory(value) {
    return Array.isArray(value) && value.every(function (e) {
      return isObject(e) && typeof e.q === "string" && typeof e.r === "number" && e.r >= 1 && e.r <= 5;
    });
  }

  if (HB.store && HB.store.registerImporter) {
    HB.store.registerImporter("drill:", function (name, value) {
      var ok = (name === "drill:history" && validHistory(value)) || (name === "drill:prefs" && isObject(value));
      if (ok) HB.store.set(name, value);
      return ok;
    });
  }

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

  function weakAreas(h, key, byId) {
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
    }).sort(function (a, b) { return a.average - b.average || compare(a.key, b.key); });
  }

  HB.practice.drillWeights = drillWeights;
  HB.practice.mockResults = mockResults;
  HB.drill = {
    withMocks: withMocks, mockResults: mockResults, drillWeights: drillWeights, validHistory: validHistory,
    weightedPick: weightedPick, weakAreas: weakAreas,
  };
})();
