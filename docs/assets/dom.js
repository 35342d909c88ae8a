/* The small DOM helper every practice tool shares, and how a tool starts: on
 * every page view (Material's instant navigation included) and after a progress
 * import, only when its container is on the page. All text reaches the page
 * through textContent, never as HTML.
 */
(function () {
  "use strict";
  var HB = (window.HB = window.HB || {});
  if (HB.dom) return;

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

  function readConfig(root) {
    try { return JSON.parse(root.getAttribute("data-config")); } catch (e) { return null; }
  }

  function siteRoot() {
    return new URL(HB.load ? HB.load.root : "/", location.href);
  }

  function load(name, fallback) {
    return HB.store ? HB.store.get(name, fallback) : fallback;
  }

  function save(name, value) {
    if (HB.store) HB.store.set(name, value);
  }

  /* Digits grouped by hand: the first toLocaleString on a page loads the browser's locale
   * data, which costs a phone more than the whole calculator. */
  function usd(value) {
    return "$" + String(Math.round(value) || 0).replace(/\B(?=(\d{3})+$)/g, ",");
  }

  /* Plain string order, for ids and ISO timestamps: localeCompare loads the collator on first use. */
  function compare(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
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

  /* Listen until the tool is started again (after a progress import), when `cleanups` run. */
  function listen(node, type, handler, cleanups) {
    node.addEventListener(type, handler);
    cleanups.push(function () { node.removeEventListener(type, handler); });
  }

  function select(name, options, value) {
    var node = el("select", { name: name });
    options.forEach(function (o) {
      node.appendChild(el("option", { value: o[0], text: o[1] }));
    });
    if (value !== undefined) node.value = value;
    return node;
  }

  function isObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }


  /* The bank as plain text, fetched once per visit for the drill and the mock: the questions
   * (assets/questions.json), and apart from them each question's answers, in a file of its own
   * (assets/answers/<id>.json), fetched only for the question being asked. */
  var fetched = {};
  function fetchOnce(path, key) {
    if (!fetched[path]) {
      fetched[path] = fetch(new URL(path, siteRoot()).href).then(function (r) {
        if (!r.ok) throw new Error("HTTP " + r.status);
        return r.json();
      }).then(function (data) { return key ? data[key] : data; });
      fetched[path].catch(function () { delete fetched[path]; });
    }
    return fetched[path];
  }
  function loadQuestions(path) { return fetchOnce(path, "questions"); }
  function loadAnswer(folder, id) { return fetchOnce(folder + "/" + encodeURIComponent(id) + ".json"); }

  /* Copy text to the clipboard and say so in `status`; where the clipboard is blocked, through a
   * hidden text field, and failing that, ask the reader to copy it themselves. */
  function copyText(text, status, done) {
    var fallback = function () {
      var area = el("textarea", { className: "hb-visually-hidden", "aria-hidden": "true", tabindex: "-1" });
      area.value = text;
      document.body.appendChild(area);
      area.select();
      var ok = false;
      try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
      area.remove();
      status.textContent = ok ? done : "Copying is blocked in this browser; select the text and copy it yourself.";
    };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(function () { status.textContent = done; }, fallback);
    } else {
      fallback();
    }
  }

  var cleanupsById = {};
  function mountTool(id, start) {
    (cleanupsById[id] || []).splice(0).forEach(function (fn) { fn(); });
    var root = document.getElementById(id);
    var config = root && readConfig(root);
    if (!root || !config) return;
    var cleanups = (cleanupsById[id] = []);
    root.classList.add("hb-tool--live");
    var again = root.hbStarted === true; // the same page, started again after a progress import
    root.hbStarted = true;
    try {
      start(root, config, cleanups, again);
    } catch (e) {
      root.appendChild(el("p", { className: "hb-error", text: "This tool failed to start: " + e.message }));
      throw e;
    }
  }

  /* Start a tool on every page that carries its container. */
  function tool(id, start) {
    var run = function () { mountTool(id, start); };
    HB.onPage(run);
    document.addEventListener("hb:imported", run);
  }

  HB.dom = {
    el: el, clear: clear, siteRoot: siteRoot, load: load, save: save, usd: usd, compare: compare,
    clock: clock, field: field, listen: listen, select: select, isObject: isObject, tool: tool, copyText: copyText,
    loadQuestions: loadQuestions, loadAnswer: loadAnswer,
  };
})();
