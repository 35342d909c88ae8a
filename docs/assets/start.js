/* The home page's "where to start": the reader picks a track and an interview
 * date and gets the few pages to open first, in order, for the time they have.
 *
 * The section shows the same advice as a static list by time left (docs/index.md)
 * until a date is picked. With scripts on, the form is in place from the first
 * paint (handbook.css); this script fills the track list from the track cards on
 * the page, shows the steps for the date picked, and remembers the choice.
 */
(function () {
  "use strict";
  var HB = (window.HB = window.HB || {});
  if (HB.start) return;
  var NAME = "start:choice";

  if (HB.store && HB.store.registerImporter) {
    HB.store.registerImporter("start:", function (name, value) {
      var ok = name === NAME && value !== null && typeof value === "object" && typeof value.track === "string" && typeof value.date === "string";
      if (ok) HB.store.set(name, value);
      return ok;
    });
  }

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      if (key === "text") node.textContent = attrs[key];
      else node.setAttribute(key, attrs[key]);
    });
    (children || []).forEach(function (child) {
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }

  function dayNumber(iso) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || "");
    return m ? Date.UTC(+m[1], +m[2] - 1, +m[3]) / 86400000 : NaN;
  }

  function today() {
    var d = new Date();
    return Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()) / 86400000;
  }

  /* The steps for the time left: each [text before the link, link text, href, text after]. */
  function steps(days, track, trackName, date, root) {
    var href = function (path) { return new URL(path, root).href; };
    var loop = ["Read the ", trackName + " loop", href("tracks/" + track + "/"), ": what each round is for and how long it runs."];
    var plan = ["Make a ", "study plan", href("practice/plan/?track=" + encodeURIComponent(track) + "&date=" + encodeURIComponent(date)), " from today to " + date + "."];
    var mock = ["Sit a ", "mock interview", href("practice/mock/?track=" + encodeURIComponent(track)), " under time, then drill the rounds it shows are weak."];
    var drill = ["", "Drill questions", href("practice/drill/?track=" + encodeURIComponent(track)), " against the clock, 20 minutes a day."];
    var frameworks = ["Learn the ", "answer frameworks", href("frameworks/"), " with their worked examples."];
    var stories = ["Write three stories in the ", "story builder", href("practice/stories/"), " until none draws a critique."];
    var dayBefore = ["Go through ", "the day before", href("checklists/day-before/"), " checklist."];
    var pay = ["Check the ", "pay bands", href("pay/"), " before anyone asks for a number."];
    var offer = ["Put the offer through the ", "offer calculator", href("practice/offer/"), " and read the negotiation checklist."];
    if (days < 0) return { when: "Your interview date has passed.", list: [offer, pay, mock] };
    if (days <= 1) return { when: days === 0 ? "Your interview is today." : "Your interview is tomorrow.", list: [dayBefore, loop, pay] };
    if (days < 7) return { when: days + " days to go: rehearse, do not start new material.", list: [loop, mock, dayBefore, pay] };
    if (days < 21) return { when: days + " days to go: enough for a plan and daily drills.", list: [loop, plan, drill, stories, mock] };
    return { when: days + " days to go: learn the loop and the frameworks first.", list: [loop, frameworks, plan, stories, drill] };
  }

  function setup(box) {
    var form = box.querySelector("form.hb-start-form");
    var result = box.querySelector(".hb-start-result");
    var trackSelect = form && form.querySelector("select[name=track]");
    var dateInput = form && form.querySelector("input[name=date]");
    var general = box.querySelector(".hb-start-static");
    if (!form || !result || !trackSelect || !dateInput || !general) return;

    // The track list comes from the track cards, so a new track in the data appears here too.
    var seen = {};
    Array.prototype.forEach.call(document.querySelectorAll('.hb-cards a[href*="tracks/"]'), function (a) {
      var m = /tracks\/([a-z0-9-]+)\/?$/.exec(a.getAttribute("href"));
      if (!m || seen[m[1]]) return;
      seen[m[1]] = a.textContent.trim();
      trackSelect.appendChild(el("option", { value: m[1], text: seen[m[1]] }));
    });
    if (!trackSelect.options.length) return;

    var saved = HB.store ? HB.store.get(NAME, null) : null;
    if (saved && seen[saved.track]) trackSelect.value = saved.track;
    if (saved && !isNaN(dayNumber(saved.date))) dateInput.value = saved.date;
    var root = new URL(HB.load ? HB.load.root : "./", location.href);

    function show() {
      while (result.firstChild) result.removeChild(result.firstChild);
      var track = trackSelect.value;
      var date = dateInput.value;
      var days = dayNumber(date) - today();
      general.hidden = !isNaN(days);
      if (isNaN(days)) return;
      if (HB.store) HB.store.set(NAME, { track: track, date: date });
      var advice = steps(days, track, seen[track], date, root);
      result.appendChild(el("h3", { text: "Where to start" }));
      result.appendChild(el("p", { class: "hb-start-when", text: advice.when }));
      result.appendChild(el("ol", { class: "hb-start-steps" }, advice.list.map(function (s) {
        return el("li", {}, [s[0], el("a", { href: s[2], text: s[1] }), s[3]]);
      })));
    }

    form.addEventListener("submit", function (event) { event.preventDefault(); show(); });
    trackSelect.addEventListener("change", show);
    dateInput.addEventListener("change", show);
    dateInput.addEventListener("input", show);
    show();
  }

  function init() {
    var box = document.getElementById("hb-start");
    if (!box || box.getAttribute("data-ready")) return;
    box.setAttribute("data-ready", "true");
    setup(box);
  }

  HB.start = { steps: steps, init: init };
  if (HB.onPage) HB.onPage(init);
  else document.addEventListener("DOMContentLoaded", init);
})();
