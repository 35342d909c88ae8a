/* The mock interview's rule: results saved under "mock:<seed>", a question dealt with the drill's
 * weights from the session's seed, when each follow-up falls due, and the feedback sheet as text.
 */
(function () {
  "use strict";
  var HB = (window.HB = window.HB || {});
  var drill = HB.drill;
  var load = HB.dom.load, isObject = HB.dom.isObject;
  HB.practice = HB.practice || {};

  var KEY = "mock:";
  var SEED = /^[a-z0-9]{4,16}$/;
  var ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

  function validResult(name, v) {
    return isObject(v) && typeof v.seed === "string" && SEED.test(v.seed) && name === KEY + v.seed && typeof v.q === "string" &&
      typeof v.round === "string" && typeof v.t === "string" && typeof v.r === "number" && v.r >= 1 && v.r <= 5 &&
      Array.isArray(v.scores) && v.scores.length > 0 && v.scores.every(function (s) {
        return isObject(s) && typeof s.signal === "string" && typeof s.score === "number" && s.score >= 1 && s.score <= 5 &&
          typeof s.note === "string";
      });
  }

  if (HB.store && HB.store.registerImporter) {
    HB.store.registerImporter(KEY, function (name, value) {
      var ok = validResult(name, value);
      if (ok) HB.store.set(name, value);
      return ok;
    });
  }

  function savedResults() {
    if (!HB.store) return [];
    return HB.store.names().filter(function (n) { return n.indexOf(KEY) === 0; }).map(function (n) {
      var v = load(n, null);
      return validResult(n, v) ? v : null;
    }).filter(Boolean).sort(function (a, b) { return a.t < b.t ? 1 : a.t > b.t ? -1 : 0; });
  }

  /* ---- dealing: the drill's weights, drawn with a generator seeded from the session's seed ---- */

  function seeded(seed) {
    var h = 1779033703 ^ seed.length;
    for (var i = 0; i < seed.length; i++) {
      h = Math.imul(h ^ seed.charCodeAt(i), 3432918353);
      h = (h << 13) | (h >>> 19);
    }
    return function () {
      h = (h + 0x6d2b79f5) | 0;
      var t = Math.imul(h ^ (h >>> 15), 1 | h);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  function newSeed() {
    var bytes = new Uint32Array(2);
    (window.crypto || window.msCrypto).getRandomValues(bytes);
    return (bytes[0].toString(36) + bytes[1].toString(36)).slice(0, 10).padEnd(6, "0");
  }

  function drillHistory() {
    var h = load("drill:history", []);
    return Array.isArray(h) ? h.filter(function (e) { return isObject(e) && typeof e.q === "string" && typeof e.r === "number"; }) : [];
  }

  function deal(pool, rule, seed) {
    if (!pool.length) return null;
    var ids = pool.map(function (q) { return q.id; }).sort();
    var mocks = drill.mockResults();
    var weights = drill.drillWeights(ids, drillHistory(), rule, mocks);
    var total = ids.reduce(function (s, id) { return s + (weights[id] || 0); }, 0);
    var x = seeded(seed)() * (total || ids.length);
    for (var i = 0; i < ids.length; i++) {
      x -= total ? weights[ids[i]] || 0 : 1;
      if (x < 0) return ids[i];
    }
    return ids[ids.length - 1];
  }

  /* Follow-up i of n is due at an even step between the end of the first time box and the end of the last. */
  function followUpsDue(boxes, n) {
    if (!boxes.length) return [];
    var a = boxes.length > 1 ? boxes[0].end : 0, b = boxes[boxes.length - 1].end;
    var out = [];
    for (var i = 0; i < n; i++) out.push(Math.round(a + ((i + 1) * (b - a)) / (n + 1)));
    return out;
  }

  function average(scores) {
    return scores.reduce(function (s, x) { return s + x.score; }, 0) / scores.length;
  }

  function weakest(result, count) {
    return result.scores.map(function (s, i) { return [s, i]; }).sort(function (a, b) {
      return a[0].score - b[0].score || a[1] - b[1];
    }).slice(0, count).map(function (p) { return p[0]; });
  }

  function sheetText(result, q, weak, pagesFor, answer, names) {
    var lines = ["Mock interview feedback: " + (names[result.round] || result.round), "Question: " + q.title, q.prompt, "",
      "Scores (average " + average(result.scores).toFixed(1) + " of 5):"];
    result.scores.forEach(function (s) { lines.push("- " + s.signal + ": " + s.score + " of 5" + (s.note ? ". " + s.note : "")); });
    if (result.notes) lines.push("", "Notes: " + result.notes);
    if (result.flags && result.flags.length) {
      lines.push("", "Red flags heard:");
      result.flags.forEach(function (f) { lines.push("- " + f); });
    }
    lines.push("", "Work on next:");
    weak.forEach(function (s) {
      lines.push("- " + s.signal + " (" + s.score + " of 5): " + (pagesFor[s.signal] || []).map(function (p) {
        return p.title + " <" + new URL(p.url, location.href).href + ">";
      }).join(", "));
    });
    lines.push("", "Model answer:");
    answer.forEach(function (p) { lines.push(p, ""); });
    return lines.join("\n").trim() + "\n";
  }

  HB.practice.mockDue = followUpsDue;
  HB.mock = {
    KEY: KEY, SEED: SEED, ID: ID, validResult: validResult, savedResults: savedResults, newSeed: newSeed, deal: deal,
    followUpsDue: followUpsDue, average: average, weakest: weakest, sheetText: sheetText,
  };
})();
