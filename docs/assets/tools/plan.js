/* The study plan: the interview date, the track and hours per day become one list of work
 * per day, with ticks saved like the checklists' (under each item's id from the data),
 * missed items rolled forward to today and the whole plan as an .ics calendar.
 * `schedule` mirrors macros/tools/plan.py; the tests hold the two to the same plans.
 */
(function () {
  "use strict";
  var HB = (window.HB = window.HB || {});
  var dom = HB.dom;
  var el = dom.el, clear = dom.clear, load = dom.load, save = dom.save, field = dom.field, select = dom.select, isObject = dom.isObject;
  HB.practice = HB.practice || {};

  var TICK = "plan:tick:";
  var SETUP = "plan:setup";
  var DAY_MS = 86400000;
  var WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
  var MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

  /* ---- the rule (mirrors plan.py) ---- */

  function kindOf(id) {
    return id.split(":")[0];
  }

  function mockDays(study, mocks) {
    if (study < mocks.min_study_days || mocks.max === 0) return [];
    var count = Math.min(mocks.max, Math.max(1, Math.floor(study / mocks.every_days)));
    var days = {};
    for (var j = 0; j < count; j++) days[study - 1 - Math.floor((j * study) / count)] = true;
    return Object.keys(days).map(Number).sort(function (a, b) { return a - b; });
  }

  function choose(material, rules, budget) {
    var minutes = rules.minutes, rounds = material.rounds, per = material.material;
    var tiers = [[rules.first, -1, 0, 0]];
    rounds.forEach(function (k, ri) {
      if (per[k].checklist) tiers.push([per[k].checklist, ri, 0, 0]);
      per[k].frameworks.slice(0, 1).forEach(function (f) { tiers.push([f, ri, 1, 0]); });
    });
    rounds.forEach(function (k, ri) {
      per[k].questions.slice(0, 1).forEach(function (q) { tiers.push([q, ri, 2, 0]); });
    });
    rounds.forEach(function (k, ri) {
      per[k].frameworks.slice(1).forEach(function (f, i) { tiers.push([f, ri, 1, i + 1]); });
    });
    var deepest = rounds.reduce(function (m, k) { return Math.max(m, per[k].questions.length); }, 0);
    for (var i = 1; i < deepest; i++) {
      rounds.forEach(function (k, ri) {
        per[k].questions.slice(i, i + 1).forEach(function (q) { tiers.push([q, ri, 2, i]); });
      });
    }
    var chosen = [], seen = {}, spent = 0;
    tiers.forEach(function (entry) {
      var cost = minutes[kindOf(entry[0])];
      if (seen[entry[0]] || spent + cost > budget) return;
      seen[entry[0]] = true;
      chosen.push(entry);
      spent += cost;
    });
    return chosen;
  }

  function allMaterial(material) {
    var out = [], seen = {};
    material.rounds.forEach(function (k) {
      var per = material.material[k];
      (per.checklist ? [per.checklist] : []).concat(per.frameworks, per.questions).forEach(function (id) {
        if (!seen[id]) { seen[id] = true; out.push(id); }
      });
    });
    return out;
  }

  function schedule(material, rules, days, minutesPerDay) {
    if (days < 1) return { days: [], left_out: [] };
    var minutes = rules.minutes, study = days - 1;
    var mocksOn = mockDays(study, rules.mocks);
    var capacity = [];
    for (var d = 0; d < study; d++) capacity.push(minutesPerDay - (mocksOn.indexOf(d) >= 0 ? minutes.mock : 0));
    var budget = capacity.reduce(function (s, c) { return s + Math.max(0, c); }, 0);
    var chosen = choose(material, rules, budget);
    var roundOf = {};
    chosen.forEach(function (e) { roundOf[e[0]] = e[1]; });
    var queue = chosen.map(function (e, i) { return [e, i]; }).sort(function (a, b) {
      return a[0][1] - b[0][1] || a[0][2] - b[0][2] || a[0][3] - b[0][3] || a[1] - b[1];
    }).map(function (p) { return p[0][0]; });
    var cost = function (id) { return minutes[kindOf(id)]; };

    var plan = [];
    for (d = 0; d < study; d++) plan.push([]);
    for (d = 0; d < study; d++) {
      if (capacity[d] <= 0 || !queue.length) continue;
      var openDays = capacity.slice(d).filter(function (c) { return c > 0; }).length;
      var target = Math.ceil(queue.reduce(function (s, id) { return s + cost(id); }, 0) / openDays);
      var limit = Math.min(capacity[d], target);
      var used = 0;
      while (queue.length && (used + cost(queue[0]) <= limit || used === 0)) {
        used += cost(queue[0]);
        plan[d].push(queue.shift());
      }
    }

    var rounds = material.rounds, mocked = {};
    mocksOn.forEach(function (day) {
      var learned = {};
      plan.slice(0, day).forEach(function (items) {
        items.forEach(function (id) {
          if (Object.prototype.hasOwnProperty.call(roundOf, id) && roundOf[id] >= 0) learned[roundOf[id]] = true;
        });
      });
      var candidates = material.mock_rounds.filter(function (k) { return learned[rounds.indexOf(k)]; });
      if (!candidates.length) candidates = material.mock_rounds.slice(0, 1);
      var pick = candidates[0];
      candidates.forEach(function (k) {
        var a = mocked[k] || 0, b = mocked[pick] || 0;
        if (a < b || (a === b && rounds.indexOf(k) > rounds.indexOf(pick))) pick = k;
      });
      mocked[pick] = (mocked[pick] || 0) + 1;
      plan[day].unshift("mock:" + pick + "-" + mocked[pick]);
    });

    var reviews = 0;
    for (d = 0; d < study; d++) {
      if (!plan[d].length && capacity[d] > 0 && rounds.length) {
        plan[d].push("review:" + rounds[reviews % rounds.length] + "-" + (Math.floor(reviews / rounds.length) + 1));
        reviews += 1;
      }
    }
    plan.push([rules.last]);
    var leftOut = queue.concat(allMaterial(material).filter(function (id) {
      return !Object.prototype.hasOwnProperty.call(roundOf, id);
    }));
    return { days: plan, left_out: leftOut };
  }

  /* ---- dates, as whole days so no time zone or clock change moves them ---- */

  function pad(n) {
    return (n < 10 ? "0" : "") + n;
  }

  function dayNumber(iso) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || "");
    if (!m) return NaN;
    var ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
    var back = new Date(ms);
    if (back.getUTCMonth() !== Number(m[2]) - 1 || back.getUTCDate() !== Number(m[3])) return NaN;
    return ms / DAY_MS;
  }

  function isoOf(n) {
    var d = new Date(n * DAY_MS);
    return d.getUTCFullYear() + "-" + pad(d.getUTCMonth() + 1) + "-" + pad(d.getUTCDate());
  }

  function today() {
    var d = new Date();
    return dayNumber(d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate()));
  }

  function longDate(n) {
    var d = new Date(n * DAY_MS);
    return WEEKDAYS[d.getUTCDay()] + " " + d.getUTCDate() + " " + MONTHS[d.getUTCMonth()] + " " + d.getUTCFullYear();
  }

  function duration(minutes) {
    var h = Math.floor(minutes / 60), m = minutes % 60;
    return (h ? h + " h" : "") + (h && m ? " " : "") + (m || !h ? m + " min" : "");
  }

  /* ---- the calendar ---- */

  function icsText(value) {
    return String(value).replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");
  }

  /* Lines longer than 75 octets are folded, never inside a character (RFC 5545, 3.1). */
  function fold(line) {
    var out = [], current = "", bytes = 0;
    Array.from(line).forEach(function (ch) {
      var size = unescape(encodeURIComponent(ch)).length;
      if (bytes + size > (out.length ? 74 : 75)) {
        out.push(current);
        current = "";
        bytes = 0;
      }
      current += ch;
      bytes += size;
    });
    out.push(current);
    return out.join("\r\n ");
  }

  function stamp(date) {
    return date.toISOString().replace(/[-:]/g, "").replace(/\.\d+/, "");
  }

  function calendar(view, siteName) {
    var now = stamp(new Date());
    var host = location.host || "handbook";
    var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//" + icsText(siteName) + "//Study plan//EN", "CALSCALE:GREGORIAN",
      "METHOD:PUBLISH", "X-WR-CALNAME:" + icsText("Interview study plan")];
    view.days.forEach(function (day, i) {
      var minutes = day.items.reduce(function (s, it) { return s + it.minutes; }, 0);
      var text = day.items.map(function (it) {
        return "- " + it.title + (it.minutes ? " (" + duration(it.minutes) + ")" : "") + (it.from !== undefined ? " [moved from " +
          longDate(it.from) + "]" : "") + "\n  " + it.href;
      }).join("\n");
      lines.push("BEGIN:VEVENT", "UID:" + icsText("plan-" + isoOf(view.start) + "-" + view.date + "-day-" + (i + 1) + "@" + host),
        "DTSTAMP:" + now, "DTSTART;VALUE=DATE:" + isoOf(day.n).replace(/-/g, ""),
        "DTEND;VALUE=DATE:" + isoOf(day.n + 1).replace(/-/g, ""),
        "SUMMARY:" + icsText("Interview prep, day " + (i + 1) + " of " + view.days.length + ": " + day.items.length +
          (day.items.length === 1 ? " item" : " items") + (minutes ? ", " + duration(minutes) : "")),
        "DESCRIPTION:" + icsText(text), "URL:" + icsText(view.pageUrl), "TRANSP:TRANSPARENT", "END:VEVENT");
    });
    lines.push("END:VCALENDAR");
    return lines.map(fold).join("\r\n") + "\r\n";
  }

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

  function startPlan(root, config) {
    known = config.items;
    var setup = load(SETUP, null);
    if (!validSetup(setup, config)) setup = null;
    var ui = {};
    clear(root);

    var now = today();
    ui.date = el("input", { type: "date", name: "interview-date", required: true, min: isoOf(now + 1), max: isoOf(now + config.max_days),
      value: setup ? setup.date : "" });
    ui.track = select("track", config.tracks, setup ? setup.track : config.default_track);
    ui.hours = el("input", { type: "number", name: "hours", min: String(config.hours.low), max: String(config.hours.high),
      step: String(config.hours.step), inputMode: "decimal", value: String(setup ? setup.hours : config.hours["default"]) });
    var form = el("div", { className: "hb-plan-form" }, [
      field("Interview date", ui.date, "From tomorrow up to " + config.max_days + " days ahead."),
      field("Track", ui.track),
      field("Hours per day", ui.hours, config.hours.low + " to " + config.hours.high + " hours."),
    ]);
    ui.status = el("p", { className: "hb-plan-status", role: "status", "aria-live": "polite" });
    ui.output = el("div", { className: "hb-plan-output" });
    root.appendChild(form);
    root.appendChild(ui.status);
    root.appendChild(ui.output);
    [ui.date, ui.track, ui.hours].forEach(function (input) {
      input.addEventListener("change", changed);
    });
    draw();

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

  HB.practice.planSchedule = schedule;
  HB.practice.planCalendar = calendar;
  dom.tool("hb-plan", "hb-plan-config", startPlan);
})();
