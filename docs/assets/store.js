/* The handbook's browser storage: one place that every tool (checklists,
 * drills, stories) reads and writes through, so that progress is exported and
 * imported as one file.
 *
 * Keys are "hb:<site base path>:<name>", so two copies of the handbook served
 * from different paths never share ticks. Reading never throws: corrupt JSON,
 * a full quota or disabled storage are reported through `HB.store.problem`
 * and the page carries on with in-memory state for the visit.
 */
(function () {
  "use strict";
  var HB = (window.HB = window.HB || {});
  if (HB.store) return;

  var FORMAT = "binance-pm-handbook-progress";
  var VERSION = 1;

  function basePath() {
    try {
      // load.js reads the site root on the first page; __config goes stale under instant navigation.
      var root = HB.load ? HB.load.root : new URL(JSON.parse(document.getElementById("__config").textContent).base, location.href);
      return new URL(root, location.href).pathname.replace(/\/?$/, "/");
    } catch (e) {
      return "/";
    }
  }

  var prefix = "hb:" + basePath() + ":";
  var memory = {};
  var storage = null;
  var problem = null;
  try {
    storage = window.localStorage;
    var probe = prefix + "__probe";
    storage.setItem(probe, "1");
    storage.removeItem(probe);
  } catch (e) {
    storage = null;
    problem = "Your browser does not allow this site to save data, so progress will last only for this visit.";
  }

  function fail(message) {
    problem = message;
    document.dispatchEvent(new CustomEvent("hb:storage-problem", { detail: message }));
  }

  function get(name, fallback) {
    if (Object.prototype.hasOwnProperty.call(memory, name)) return memory[name];
    if (!storage) return fallback;
    var raw;
    try {
      raw = storage.getItem(prefix + name);
    } catch (e) {
      fail("Saved progress could not be read, so changes will last only for this visit.");
      return fallback;
    }
    if (raw === null) return fallback;
    try {
      return JSON.parse(raw);
    } catch (e) {
      fail("Some saved progress was unreadable and has been ignored; changes will last only for this visit.");
      memory[name] = fallback;
      return fallback;
    }
  }

  function set(name, value) {
    memory[name] = value;
    if (!storage) return false;
    try {
      if (value === undefined || value === null) storage.removeItem(prefix + name);
      else storage.setItem(prefix + name, JSON.stringify(value));
      return true;
    } catch (e) {
      fail("Progress could not be saved (the browser's storage is full or blocked); it will last only for this visit.");
      return false;
    }
  }

  function names() {
    var out = {};
    Object.keys(memory).forEach(function (n) { out[n] = true; });
    if (storage) {
      try {
        for (var i = 0; i < storage.length; i++) {
          var key = storage.key(i);
          if (key && key.indexOf(prefix) === 0) out[key.slice(prefix.length)] = true;
        }
      } catch (e) { /* reported on read */ }
    }
    return Object.keys(out).sort();
  }

  /* Everything saved by this copy of the handbook, as one JSON document. */
  function exportAll() {
    var data = {};
    names().forEach(function (n) {
      var value = get(n, null);
      if (value !== null && value !== undefined) data[n] = value;
    });
    return { format: FORMAT, version: VERSION, exported: new Date().toISOString(), data: data };
  }

  /* Parse an export file. Returns {data} or {error}; never changes storage. */
  function parseExport(text) {
    var doc;
    try {
      doc = JSON.parse(text);
    } catch (e) {
      return { error: "This file is not valid JSON, so nothing was imported." };
    }
    if (!doc || typeof doc !== "object" || doc.format !== FORMAT || typeof doc.data !== "object" || doc.data === null) {
      return { error: "This file is not a progress export from this handbook, so nothing was imported." };
    }
    if (typeof doc.version !== "number" || doc.version > VERSION) {
      return { error: "This file comes from a newer version of the handbook; nothing was imported." };
    }
    return { data: doc.data };
  }

  /* Each tool registers how to take back its own saved names ("check:", "story:", ...).
   * An importer returns true when it restored the value, false when the value
   * no longer applies (a removed checklist item, say) and was skipped. */
  var importers = {};
  function registerImporter(namePrefix, importer) {
    importers[namePrefix] = importer;
  }

  function importAll(data) {
    var kept = [], skipped = [];
    Object.keys(data).sort().forEach(function (name) {
      var owner = Object.keys(importers).filter(function (p) { return name.indexOf(p) === 0; })[0];
      var ok = false;
      try {
        ok = owner ? importers[owner](name, data[name]) === true : false;
      } catch (e) {
        ok = false;
      }
      (ok ? kept : skipped).push(name);
    });
    document.dispatchEvent(new CustomEvent("hb:imported", { detail: { kept: kept, skipped: skipped } }));
    return { kept: kept, skipped: skipped };
  }

  /* Run `fn` on every page view: Material's instant navigation swaps pages
   * without reloading and announces each one on `document$`. */

  HB.store = {
    registerImporter: registerImporter,
    importAll: importAll,
    prefix: prefix,
    get: get,
    set: set,
    names: names,
    exportAll: exportAll,
    parseExport: parseExport,
    get problem() { return problem; },
  };
})();
