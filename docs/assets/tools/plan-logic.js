/* The study plan's rule, its dates and its calendar.
 * `schedule` mirrors macros/tools/plan.py; the tests hold the two to the same plans.
 */
(function () {
  "use strict";
  var HB = (window.HB = window.HB || {});
  HB.practice = HB.practice || {};

  var DAY_MS = 86400000;
  var WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
  var MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

  /* ---- the rule (mirrors plan.py) ---- */

  function kindOf(id) {
    return id.split(":")[0];
  }

  function groundwork(material, kind) {
    var per = material.material[kind];
    return (per.checklist ? [per.checklist] : []).concat(per.frameworks);
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
    var scheduled = {};
    plan.forEach(function (items) { items.forEach(function (id) { scheduled[id] = true; }); });
    mocksOn.forEach(function (day) {
      var before = {}, started = {};
      plan.slice(0, day).forEach(function (items) {
        items.forEach(function (id) {
          before[id] = true;
          if (Object.prototype.hasOwnProperty.call(roundOf, id)) started[roundOf[id]] = true;
        });
      });
      var learned = material.mock_rounds.filter(function (k) { return started[rounds.indexOf(k)]; });
      var ready = learned.filter(function (k) {
        return groundwork(material, k).every(function (id) { return !scheduled[id] || before[id]; });
      });
      var candidates = ready.length ? ready : learned.length ? learned : material.mock_rounds.slice(0, 1);
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

  /* RFC 5545's TEXT: every line break written as \n, and no other control character. */
  function icsText(value) {
    return String(value).replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,")
      .replace(/\r\n?|\n/g, "\\n").replace(/[\x00-\x08\x0b-\x1f\x7f]/g, "");
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

  HB.practice.planSchedule = schedule;
  HB.practice.planCalendar = calendar;
  HB.plan = {
    kindOf: kindOf, schedule: schedule, dayNumber: dayNumber, isoOf: isoOf, today: today, longDate: longDate,
    duration: duration, calendar: calendar,
  };
})();
