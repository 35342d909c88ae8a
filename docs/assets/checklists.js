/* Checklists that keep their ticks.
 *
 * A tick is saved through HB.store under "check:<item id>", the stable id from
 * the checklist's YAML: never a slug of the text, never a position, so an item
 * keeps its tick when it is reworded or moved. An item renamed in the data
 * lists its earlier ids in data-old-ids; a tick saved under one of them is
 * moved to the current id the first time the item is shown. Ids that are no
 * longer in the handbook are never counted and are skipped on import.
 *
 * Without this script the checkboxes still work for the visit and print as
 * empty boxes.
 */
(function () {
  "use strict";
  var HB = (window.HB = window.HB || {});
  if (HB.checklists || !HB.store) return;

  var KEY = "check:";
  var SHOWN_SKIPPED = 8;

  /* Which item ids exist now, and which current id each old id became. Read
   * from the page on every page load (the index and each checklist page carry
   * the whole handbook's ids), and used by the importer. */
  var catalogue = { known: {}, renamed: {} };
  /* The redraw functions of the current page's checklists and progress bars. */
  var views = [];

  function words(value) {
    return (value || "").split(/\s+/).filter(Boolean);
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function addRenamed(pairs, into) {
    words(pairs).forEach(function (pair) {
      var parts = pair.split("=");
      if (parts.length === 2 && parts[0] && parts[1]) into[parts[0]] = parts[1];
    });
  }

  function readCatalogue(root) {
    var known = {}, renamed = {};
    root.querySelectorAll(".hb-checklist[data-known]").forEach(function (box) {
      words(box.getAttribute("data-known")).forEach(function (id) { known[id] = true; });
      addRenamed(box.getAttribute("data-renamed"), renamed);
    });
    root.querySelectorAll(".hb-cl[data-items]").forEach(function (row) {
      words(row.getAttribute("data-items")).forEach(function (id) { known[id] = true; });
      addRenamed(row.getAttribute("data-renamed"), renamed);
    });
    return { known: known, renamed: renamed };
  }

  /* -- ticks ------------------------------------------------------------------ */

  function storedTick(id) {
    return HB.store.get(KEY + id, false) === true;
  }

  /* Whether the item is ticked, moving a tick saved under an old id to the current one. */
  function isTicked(id, oldIds) {
    if (storedTick(id)) return true;
    for (var i = 0; i < oldIds.length; i++) {
      if (storedTick(oldIds[i])) {
        if (HB.store.set(KEY + id, true)) HB.store.set(KEY + oldIds[i], null);
        return true;
      }
    }
    return false;
  }

  function setTick(id, oldIds, ticked) {
    HB.store.set(KEY + id, ticked ? true : null);
    if (!ticked) oldIds.forEach(function (old) { HB.store.set(KEY + old, null); });
  }

  function importTick(name, value) {
    if (value !== true) return false;
    var id = name.slice(KEY.length);
    var current = catalogue.known[id] ? id : catalogue.renamed[id];
    if (!current || !catalogue.known[current]) return false;
    HB.store.set(KEY + current, true);
    return true;
  }

  /* -- progress bar ----------------------------------------------------------- */

  /* The bars and buttons are in the page (macros/templates/_parts.html); this brings them to life. */
  function progressBar(wrap) {
    var bar = wrap.querySelector(".hb-progress__bar");
    var fill = wrap.querySelector(".hb-progress__fill");
    var text = wrap.querySelector(".hb-progress__text");
    return {
      update: function (done, total) {
        var summary = done + " of " + total + " done";
        bar.setAttribute("aria-valuemax", String(total));
        bar.setAttribute("aria-valuenow", String(done));
        bar.setAttribute("aria-valuetext", summary);
        fill.style.width = (total ? Math.round((100 * done) / total) : 0) + "%";
        text.textContent = summary;
        wrap.classList.toggle("hb-progress--complete", total > 0 && done === total);
      },
    };
  }

  /* -- storage problems -------------------------------------------------------- */

  function showProblem(detail) {
    var hosts = document.querySelectorAll(".hb-checklist, .hb-progress-all");
    hosts.forEach(function (host) {
      var note = host.querySelector(".hb-storage-note");
      if (!note) {
        note = element("p", "hb-storage-note");
        note.setAttribute("role", "status");
        host.insertBefore(note, host.firstChild);
      }
      note.textContent = "Your progress can't be saved in this browser right now. " +
        (detail || "") + " Ticking still works until you leave the site.";
    });
  }

  /* -- export and import ------------------------------------------------------- */

  function today() {
    return new Date().toISOString().slice(0, 10);
  }

  function exportProgress(message) {
    var doc = HB.store.exportAll();
    var blob = new Blob([JSON.stringify(doc, null, 2)], { type: "application/json" });
    var url = URL.createObjectURL(blob);
    var link = element("a");
    link.href = url;
    link.download = "binance-pm-handbook-progress-" + today() + ".json";
    link.hidden = true;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
    var count = Object.keys(doc.data).length;
    say(message, "Saved a file with " + count + (count === 1 ? " entry" : " entries") + " of progress.", false);
  }

  function describeImport(result) {
    var kept = result.kept.length, skipped = result.skipped;
    var text = "Restored " + kept + (kept === 1 ? " entry" : " entries") + ".";
    if (skipped.length) {
      var shown = skipped.slice(0, SHOWN_SKIPPED).join(", ");
      var more = skipped.length > SHOWN_SKIPPED ? " and " + (skipped.length - SHOWN_SKIPPED) + " more" : "";
      text += " Skipped " + skipped.length + " that no longer apply to this handbook: " + shown + more + ".";
    }
    return text;
  }

  function readFile(file) {
    if (file.text) return file.text();
    return new Promise(function (resolve, reject) {
      var reader = new FileReader();
      reader.onload = function () { resolve(String(reader.result)); };
      reader.onerror = function () { reject(reader.error); };
      reader.readAsText(file);
    });
  }

  function importProgress(input, message) {
    var file = input.files && input.files[0];
    if (!file) return;
    // Every tool's script first: each checks and accepts its own part of the file.
    var ready = HB.load ? HB.load.all() : Promise.resolve();
    Promise.all([readFile(file), ready]).then(function (done) {
      var parsed = HB.store.parseExport(done[0]);
      if (parsed.error) {
        say(message, parsed.error, true);
        return;
      }
      say(message, describeImport(HB.store.importAll(parsed.data)), false);
    }).catch(function () {
      say(message, "The file could not be read, so nothing was imported.", true);
    }).then(function () {
      input.value = "";
    });
  }

  function say(message, text, isError) {
    message.textContent = text;
    message.classList.toggle("hb-transfer__msg--error", isError);
  }

  function wireTransfer(box) {
    var message = box.querySelector(".hb-transfer__msg");
    var input = box.querySelector(".hb-import__file");
    box.querySelector(".hb-export").addEventListener("click", function () { exportProgress(message); });
    input.addEventListener("change", function () { importProgress(input, message); });
  }

  /* -- a checklist page ------------------------------------------------------- */

  function pageTitle() {
    var heading = document.querySelector(".md-content h1");
    return heading ? heading.textContent.trim() : "this checklist";
  }

  function setUpChecklist(box) {
    var title = pageTitle();
    var items = Array.prototype.map.call(box.querySelectorAll(".hb-item[data-item]"), function (row) {
      return { id: row.getAttribute("data-item"), oldIds: words(row.getAttribute("data-old-ids")), row: row, input: row.querySelector("input.hb-check") };
    }).filter(function (item) { return item.input; });

    var progress = progressBar(box.querySelector(".hb-cl-tools .hb-progress"));
    var reset = box.querySelector(".hb-reset");
    wireTransfer(box.querySelector(".hb-transfer"));

    function draw() {
      var done = 0;
      items.forEach(function (item) {
        var ticked = isTicked(item.id, item.oldIds);
        item.input.checked = ticked;
        item.row.classList.toggle("hb-item--done", ticked);
        if (ticked) done++;
      });
      progress.update(done, items.length);
    }

    items.forEach(function (item) {
      item.input.addEventListener("change", function () {
        setTick(item.id, item.oldIds, item.input.checked);
        draw();
      });
    });
    reset.addEventListener("click", function () {
      if (!window.confirm("Clear every tick on “" + title + "”? This cannot be undone.")) return;
      items.forEach(function (item) { setTick(item.id, item.oldIds, false); });
      draw();
    });
    views.push(draw);
    draw();
  }

  /* -- the checklists index ----------------------------------------------------- */

  function oldIdsByItem(pairs) {
    var renamed = {}, out = {};
    addRenamed(pairs, renamed);
    Object.keys(renamed).forEach(function (old) {
      (out[renamed[old]] = out[renamed[old]] || []).push(old);
    });
    return out;
  }

  function setUpIndex(list) {
    var rows = Array.prototype.map.call(list.querySelectorAll(".hb-cl[data-items]"), function (row) {
      var progress = progressBar(row.querySelector(".hb-progress"));
      return { ids: words(row.getAttribute("data-items")), oldIds: oldIdsByItem(row.getAttribute("data-renamed")), progress: progress };
    });

    var host = list.parentNode.querySelector(".hb-progress-all");
    var overall = progressBar(host.querySelector(".hb-progress--overall"));
    wireTransfer(host.querySelector(".hb-transfer"));

    function draw() {
      var done = 0, total = 0;
      rows.forEach(function (row) {
        var ticked = row.ids.filter(function (id) { return isTicked(id, row.oldIds[id] || []); }).length;
        row.progress.update(ticked, row.ids.length);
        done += ticked;
        total += row.ids.length;
      });
      overall.update(done, total);
    }
    views.push(draw);
    draw();
  }

  /* -- wiring --------------------------------------------------------------------- */

  function redraw() {
    views.forEach(function (draw) { draw(); });
  }

  function onPage() {
    views = [];
    catalogue = readCatalogue(document);
    document.querySelectorAll(".hb-checklist").forEach(function (box) {
      if (!box.hasAttribute("data-hb-ready")) {
        box.setAttribute("data-hb-ready", "");
        setUpChecklist(box);
      }
    });
    document.querySelectorAll(".hb-checklists").forEach(function (list) {
      if (!list.hasAttribute("data-hb-ready")) {
        list.setAttribute("data-hb-ready", "");
        setUpIndex(list);
      }
    });
    if (HB.store.problem) showProblem(HB.store.problem);
  }

  HB.store.registerImporter(KEY, importTick);
  document.addEventListener("hb:storage-problem", function (event) { showProblem(event.detail); });
  document.addEventListener("hb:imported", redraw);
  HB.checklists = { redraw: redraw };

  HB.onPage(onPage);
})();
