/* The study plan: the interview date, the track and hours per day become one list of work
 * per day, with ticks saved like the checklists' (under each item's id from the data),
 * missed items rolled forward to today and the whole plan as an .ics calendar.
 */
(function () {
  "use strict";
  var HB = (window.HB = window.HB || {});
  var dom = HB.dom;
  var plan = HB.plan;
  var kindOf = plan.kindOf, schedule = plan.schedule, dayNumber = plan.dayNumber, isoOf = plan.isoOf, today = plan.today,
    longDate = plan.longDate, duration = plan.duration, calendar = plan.calendar;
  var el = dom.el, clear = dom.clear, load = dom.load, save = dom.save, isObject = dom.isObject;

  var TICK = "plan:tick:";
  var SETUP = "plan:setup";

  /* ---- storage ---- */

  function validSetup(v, config) {
    return isObject(v) && !isNaN(dayNumber(v.date)) && !isNaN(dayNumber(v.start)) && typeof v.hours === "number" &&
      v.hours >= config.hours.low && v.hours <= config.hours.high &&
      config.tracks.some(function (t) { return t[0] === v.track; });
  }

  function ticked(id) {
    return load(TICK + id, false) === true;
  }

  /* The item ids the handbook has now, from the plan page's configuration. Elsewhere (an import
   * on the checklists page) a well-formed id is kept; one the handbook lost is never shown. */
  var known = null;
  function knownId(id) {
    if (/^(mock|review):[a-z0-9]+(-[a-z0-9]+)*-\d+$/.test(id)) return true;
    if (known) return Object.prototype.hasOwnProperty.call(known, id);
    return /^(checklist|framework|question):[a-z0-9]+(-[a-z0-9]+)*$/.test(id);
  }

  if (HB.store && HB.store.registerImporter) {
    HB.store.registerImporter("plan:", function (name, value) {
      var ok = false;
      if (name === SETUP) ok = isObject(value) && !isNaN(dayNumber(value.date)) && !isNaN(dayNumber(value.start));
      else if (name.indexOf(TICK) === 0) ok = value === true && knownId(name.slice(TICK.length));
      if (ok) HB.store.set(name, value);
      return ok;
    });
  }

  /* ---- the page ---- */

  /* The form and the empty result are in the page already (macros/templates/plan_live.html): the
   * script sets the date's limits, which count from today, and draws only a saved plan. */
  function startPlan(root, config, cleanups, again) {
    known = config.items;
    var setup = load(SETUP, null);
    if (!validSetup(setup, config)) setup = null;
    var find = function (selector) { return root.querySelector(selector); };
    var ui = { date: find("input[name=interview-date]"), track: find("select[name=track]"), hours: find("input[name=hours]"),
      status: find(".hb-plan-status"), output: find(".hb-plan-output") };

    var now = today();
    ui.date.min = isoOf(now + 1);
    ui.date.max = isoOf(now + config.max_days);
    fill(setup);
    [ui.date, ui.track, ui.hours].forEach(function (input) {
      dom.listen(input, "change", changed, cleanups);
    });
    /* The home page links here with the reader's track and interview date: a plan to that date,
     * unless it is the plan already saved. The address then drops them, so that a reload keeps
     * whatever the reader changes afterwards. */
    var params = new URLSearchParams(location.search);
    var asked = params.get("track");
    var askedTrack = config.tracks.some(function (t) { return t[0] === asked; }) ? asked : null;
    if (!again && askedTrack) ui.track.value = askedTrack;
    var askedDate = params.get("date");
    if (!again && askedDate) ui.date.value = askedDate;
    if (!again && (setup ? ui.date.value !== setup.date || ui.track.value !== setup.track : ui.date.value)) {
      changed(); // saves the plan and draws it, or says why the date was refused
    }
    if (params.has("track") || params.has("date")) {
      params.delete("track");
      params.delete("date");
      var rest = params.toString();
      history.replaceState(history.state, "", location.pathname + (rest ? "?" + rest : "") + location.hash);
    }
    if (again || (setup && !ui.output.querySelector("[data-day]"))) {
      fill(setup);
      draw();
    }

    function fill(s) {
      if (!s) return;
      ui.date.value = s.date;
      ui.track.value = s.track;
      ui.hours.value = String(s.hours);
    }

    function changed() {
      var n = today();
      var date = dayNumber(ui.date.value);
      var hours = Number(ui.hours.value);
      if (isNaN(date) || date - n < 1 || date - n > config.max_days) {
        ui.status.textContent = "Pick an interview date from tomorrow up to " + config.max_days + " days ahead.";
        return;
      }
      if (!(hours >= config.hours.low && hours <= config.hours.high)) {
        ui.status.textContent = "Give between " + config.hours.low + " and " + config.hours.high + " hours a day.";
        return;
      }
      /* a new plan starts today; ticks are kept, since they belong to the items, not the days */
      setup = { date: isoOf(date), track: ui.track.value, hours: hours, start: isoOf(n) };
      save(SETUP, setup);
      ui.status.textContent = "Plan updated.";
      draw();
    }

    function entry(id) {
      var kind = kindOf(id);
      var it = config.items[id];
      if (it) return { id: id, kind: kind, title: it.title, url: it.url, minutes: it.minutes };
      var round = id.split(":")[1].replace(/-\d+$/, "");
      var name = config.round_names[round] || round;
      if (kind === "mock") {
        return { id: id, kind: kind, title: "Mock interview: " + name, minutes: config.rules.minutes.mock,
          url: config.links.mock + "?track=" + encodeURIComponent(setup.track) + "&round=" + encodeURIComponent(round) };
      }
      return { id: id, kind: kind, title: "Drill day: " + name + " questions", url: config.links.drill, minutes: config.rules.minutes.review };
    }

    function build() {
      var start = dayNumber(setup.start), date = dayNumber(setup.date);
      var built = schedule(config.materials[setup.track], config.rules, date - start, Math.round(setup.hours * 60));
      var n = today();
      var view = { start: start, date: setup.date, pageUrl: location.href.split("#")[0].split("?")[0], days: [], missed: [],
        leftOut: built.left_out.map(entry), todayIndex: n - start };
      built.days.forEach(function (ids, i) {
        view.days.push({ n: start + i, items: ids.map(function (id) {
          var it = entry(id);
          it.href = new URL(it.url, location.href).href;
          it.done = ticked(id);
          return it;
        }) });
      });
      /* items not ticked by the end of their day move to today, unless the day is a drill day */
      var t = view.todayIndex;
      if (t > 0 && t < view.days.length) {
        for (var i = 0; i < t; i++) {
          view.days[i].items.forEach(function (it) {
            if (it.done || it.kind === "review") return;
            it.movedTo = start + t;
            var copy = { id: it.id, kind: it.kind, title: it.title, url: it.url, href: it.href, minutes: it.minutes, done: false, from: start + i };
            view.missed.push(copy);
          });
        }
        view.days[t].items = view.missed.concat(view.days[t].items);
      }
      return view;
    }

    var opened = null; /* the days a reader opened or closed, kept across redraws */
    function draw() {
      if (ui.output.querySelector("[data-day]")) {
        opened = {};
        Array.prototype.forEach.call(ui.output.querySelectorAll("[data-day] > details"), function (d) {
          opened[d.parentNode.getAttribute("data-day")] = d.open;
        });
      }
      clear(ui.output);
      if (!setup) {
        ui.output.appendChild(el("p", { className: "hb-plan-empty", text: "Enter your interview date to build your plan." }));
        return;
      }
      var view = build();
      var last = view.days.length - 1;
      if (view.todayIndex > last) {
        ui.output.appendChild(el("p", { className: "hb-plan-over", text: "This plan ended on " + longDate(view.days[last].n) +
          ". Enter your next interview date to make a new one." }));
      }

      var all = [], done = 0;
      view.days.forEach(function (day) {
        day.items.forEach(function (it) {
          if (it.from !== undefined) return;
          all.push(it);
          if (it.done) done += 1;
        });
      });
      var mocks = all.filter(function (it) { return it.kind === "mock"; }).length;
      ui.output.appendChild(el("p", { className: "hb-plan-summary", text: view.days.length + (view.days.length === 1 ? " day" : " days") +
        " to your interview on " + longDate(dayNumber(view.date)) + ": " + (view.days.length - 1) + " study " +
        (view.days.length === 2 ? "day" : "days") + " and the day before, with " + mocks + (mocks === 1 ? " mock" : " mocks") +
        ". Done: " + done + " of " + all.length + " items." }));
      if (view.missed.length) {
        ui.output.appendChild(el("p", { className: "hb-plan-rolled", role: "note", text: view.missed.length +
          (view.missed.length === 1 ? " item from an earlier day was" : " items from earlier days were") +
          " not ticked, so " + (view.missed.length === 1 ? "it has" : "they have") + " moved to today's list." }));
      }
      var name = "interview-plan-" + view.date + ".ics";
      ui.output.appendChild(el("p", { className: "hb-plan-calendar" }, [el("a", { className: "md-button", download: name,
        href: "data:text/calendar;charset=utf-8," + encodeURIComponent(calendar(view, config.site_name)),
        text: "Download the plan as a calendar (.ics)" })]));

      var list = el("ol", { className: "hb-plan-days" });
      view.days.forEach(function (day, i) {
        var iso = isoOf(day.n);
        var isToday = i === view.todayIndex;
        var minutes = day.items.reduce(function (s, it) { return s + (it.done ? 0 : it.minutes); }, 0);
        var items = el("ul", { className: "hb-plan-items" });
        day.items.forEach(function (it) { items.appendChild(itemRow(it, iso)); });
        var open = opened && Object.prototype.hasOwnProperty.call(opened, iso) ? opened[iso] : isToday || (view.todayIndex < 0 && i === 0);
        var details = el("details", { open: open }, [
          el("summary", {}, [el("span", { className: "hb-plan-date", text: longDate(day.n) }),
            " · Day " + (i + 1) + " of " + view.days.length + (i === last ? ", the day before" : "") +
            (minutes ? " · " + duration(minutes) + " left" : " · done"),
            isToday ? el("strong", { className: "hb-plan-today", text: " Today" }) : null]),
          items,
        ]);
        list.appendChild(el("li", { className: "hb-plan-day" + (isToday ? " hb-plan-day--today" : "") + (i < view.todayIndex ? " hb-plan-day--past" : ""),
          "data-day": iso, "aria-current": isToday ? "date" : null }, [details]));
      });
      ui.output.appendChild(list);

      if (view.leftOut.length) {
        var left = el("ul", {}, view.leftOut.map(function (it) {
          return el("li", { "data-item": it.id }, [el("a", { href: it.url, text: it.title })]);
        }));
        ui.output.appendChild(el("details", { className: "hb-plan-left" }, [
          el("summary", { text: "Left out for lack of time: " + view.leftOut.length + (view.leftOut.length === 1 ? " item" : " items") }), left]));
      }
    }

    function itemRow(it, dayIso) {
      var box = el("input", { type: "checkbox", className: "hb-plan-check", checked: it.done, "data-item": it.id,
        "aria-label": "Done: " + it.title });
      box.addEventListener("change", function () {
        save(TICK + it.id, box.checked ? true : null);
        draw();
        ui.status.textContent = (box.checked ? "Done: " : "Not done: ") + it.title + ".";
        /* a rolled-forward item, once ticked, leaves today's list and shows as done on its own day */
        var again = ui.output.querySelector('[data-day="' + dayIso + '"] input[data-item="' + it.id + '"]') ||
          ui.output.querySelector('[data-day="' + dayIso + '"] summary');
        if (again) again.focus();
      });
      var note = null;
      if (it.from !== undefined) note = el("span", { className: "hb-plan-note", text: "Moved from " + longDate(it.from) + "." });
      else if (it.movedTo !== undefined) note = el("span", { className: "hb-plan-note", text: "Not ticked on its day: moved to today, " + longDate(it.movedTo) + "." });
      return el("li", { className: "hb-plan-item hb-plan-item--" + it.kind + (it.done ? " hb-plan-item--done" : "") +
        (it.movedTo !== undefined ? " hb-plan-item--missed" : "") + (it.from !== undefined ? " hb-plan-item--rolled" : ""),
        "data-item": it.id, "data-kind": it.kind }, [
        box, " ", el("a", { href: it.url, text: it.title }),
        it.minutes ? el("span", { className: "hb-plan-min", text: " (" + duration(it.minutes) + ")" }) : null,
        note ? " " : null, note,
      ]);
    }
  }

  dom.tool("hb-plan", startPlan);
})();
