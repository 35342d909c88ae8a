/* The story builder: a DMA or STAR worksheet critiqued as it is typed.
 * `critique` mirrors macros/tools/stories.py; the tests hold the two to the same results.
 */
(function () {
  "use strict";
  var HB = (window.HB = window.HB || {});
  var dom = HB.dom;
  var el = dom.el, clear = dom.clear, load = dom.load, save = dom.save, field = dom.field, isObject = dom.isObject,
    compare = dom.compare;
  HB.practice = HB.practice || {};
  var regexCache = {};
  function found(pattern, text) {
    if (!pattern) return false;
    if (!Object.prototype.hasOwnProperty.call(regexCache, pattern)) {
      try { regexCache[pattern] = new RegExp(pattern, "i"); } catch (e) { regexCache[pattern] = null; }
    }
    return regexCache[pattern] ? regexCache[pattern].test(text || "") : false;
  }

  function spokenText(fields, names) {
    return names.map(function (n) { return (fields[n] || "").trim(); }).filter(Boolean).join(" ");
  }

  function firstSentence(text) {
    return text.trim().split(/[.!?]+\s+/)[0];
  }

  function wordCount(text) {
    return text.trim().split(/\s+/).filter(Boolean).length;
  }

  /* config: {formats: {dma: [{id}], star: [...]}, rules: [...], phrases: [...]} */
  function critique(fields, fmt, config) {
    var names = config.formats[fmt].map(function (f) { return f.id; });
    var story = spokenText(fields, names);
    var findings = [];
    if (!story) return findings;
    config.rules.forEach(function (rule) {
      if (rule.check === "field-needs") {
        rule.fields.forEach(function (f) {
          if (names.indexOf(f) >= 0 && !found(rule.pattern, fields[f] || "")) findings.push({ rule: rule.id, field: f });
        });
      } else if (rule.check === "claim-needs-evidence") {
        if (found(rule.claim, story) && !found(rule.pattern, story)) findings.push({ rule: rule.id });
      } else if (rule.check === "red-flag-phrases") {
        config.phrases.forEach(function (p) {
          if (found(p.pattern, story)) findings.push({ rule: rule.id, phrase: p.id });
        });
      } else if (rule.check === "spoken-length") {
        var seconds = (wordCount(story) * 60) / rule.words_per_minute;
        if (seconds > rule.target_seconds) findings.push({ rule: rule.id, seconds: seconds });
      } else if (rule.check === "opening-needs") {
        if (!found(rule.pattern, firstSentence(story))) findings.push({ rule: rule.id });
      }
    });
    return findings;
  }
  function validStory(value) {
    return isObject(value) && typeof value.id === "string" && isObject(value.fields) &&
      (value.format === "dma" || value.format === "star");
  }

  if (HB.store && HB.store.registerImporter) {
    HB.store.registerImporter("story:", function (name, value) {
      if (!validStory(value) || name !== "story:" + value.id) return false;
      HB.store.set(name, value);
      return true;
    });
  }

  function storyNames() {
    return HB.store ? HB.store.names().filter(function (n) { return n.indexOf("story:") === 0; }) : [];
  }

  function savedStories() {
    return storyNames().map(function (n) { return load(n, null); }).filter(validStory)
      .sort(function (a, b) { return compare(String(b.updated || ""), String(a.updated || "")); }); // newest first
  }

  function newStory() {
    return { id: "s" + Date.now().toString(36) + Math.random().toString(36).slice(2, 6), title: "", format: "dma", fields: {}, updated: "" };
  }

  /* The worksheet is in the page already (macros/templates/stories_live.html), drawn for a new,
   * empty DMA story: the script wires it up by delegation, and draws it again only to open a
   * saved story, or when the tool starts again after a progress import. */
  function startStories(root, config, cleanups, again) {
    var story = newStory();
    var find = function (selector) { return root.querySelector(selector); };
    var ui = {
      title: find("input[name=title]"), formats: find(".hb-story-formats"), fields: find(".hb-story-fields"),
      spoken: find(".hb-story-spoken"), estimate: find(".hb-story-estimate"), critique: find(".hb-critique"),
      status: find(".hb-story-status"), list: find(".hb-story-list"), print: find(".hb-story-print"),
    };
    document.body.classList.add("hb-page-stories");
    cleanups.push(function () { document.body.classList.remove("hb-page-stories"); });

    dom.listen(root, "input", function (event) {
      var target = event.target;
      if (target === ui.title) story.title = target.value;
      else if (target.hasAttribute("data-field")) story.fields[target.getAttribute("data-field")] = target.value;
      else return;
      changed();
    }, cleanups);
    dom.listen(ui.formats, "change", function (event) {
      if (!event.target.checked) return;
      story.format = event.target.value;
      renderFields();
      changed();
    }, cleanups);
    dom.listen(root, "click", function (event) {
      var button = event.target.closest("button[data-action]");
      if (!button) return;
      var action = button.getAttribute("data-action");
      var item = button.closest("li[data-story]");
      var saved = item && savedStories().filter(function (s) { return s.id === item.getAttribute("data-story"); })[0];
      if (action === "save") persist(true);
      else if (action === "new") { open(newStory()); ui.title.focus(); }
      else if (action === "print") window.print();
      else if (action === "edit" && saved) open(saved);
      else if (action === "delete" && saved) remove(saved);
    }, cleanups);

    var stories = savedStories();
    if (stories.length || again) open(stories.length ? stories[0] : newStory());

    function open(s) {
      story = JSON.parse(JSON.stringify(s));
      ui.title.value = story.title || "";
      Array.prototype.forEach.call(ui.formats.querySelectorAll("input"), function (r) { r.checked = r.value === story.format; });
      ui.status.textContent = "";
      renderFields();
      refresh();
      renderList();
    }

    function renderFields() {
      clear(ui.fields);
      config.formats[story.format].forEach(function (f) {
        var area = el("textarea", { name: f.id, rows: 3, "data-field": f.id });
        area.value = story.fields[f.id] || "";
        ui.fields.appendChild(field(f.label, area, f.hint));
      });
    }

    function remove(s) {
      if (!window.confirm("Delete the story “" + (s.title || "Untitled story") + "”?")) return;
      save("story:" + s.id, null);
      if (s.id === story.id) open(newStory()); else renderList();
    }

    function isEmpty(s) {
      return !(s.title || "").trim() && !Object.keys(s.fields).some(function (k) { return (s.fields[k] || "").trim(); });
    }

    function changed() {
      refresh();
      persist(false);
    }

    function persist(explicit) {
      if (isEmpty(story)) {
        if (explicit) ui.status.textContent = "Write something first; empty stories are not saved.";
        return;
      }
      story.updated = new Date().toISOString();
      save("story:" + story.id, story);
      ui.status.textContent = "Saved in this browser.";
      renderList();
    }

    function refresh() {
      var names = config.formats[story.format].map(function (f) { return f.id; });
      var text = spokenText(story.fields, names);
      ui.spoken.textContent = text || "Your story appears here in the order you would tell it.";
      var lengthRule = config.rules.filter(function (r) { return r.check === "spoken-length"; })[0];
      if (lengthRule) {
        var words = text ? wordCount(text) : 0;
        var seconds = (words * 60) / lengthRule.words_per_minute;
        ui.estimate.textContent = words + (words === 1 ? " word" : " words") + ": about " + Math.round(seconds) +
          " s spoken at " + lengthRule.words_per_minute + " words a minute (target " + lengthRule.target_seconds + " s).";
        ui.estimate.setAttribute("data-seconds", String(Math.round(seconds)));
      }
      renderCritique(critique(story.fields, story.format, config), text);
    }

    function renderCritique(findings, text) {
      clear(ui.critique);
      if (!text) {
        ui.critique.appendChild(el("li", { className: "hb-critique-none", text: "Start writing and the critique appears here." }));
        return;
      }
      if (!findings.length) {
        ui.critique.appendChild(el("li", { className: "hb-critique-ok", text: "No critique: a decision, a number up front, money or a percentage, and nothing that sounds like deferring." }));
        return;
      }
      findings.forEach(function (f) {
        var rule = config.rules.filter(function (r) { return r.id === f.rule; })[0];
        var detail = null;
        if (f.field) detail = "In: " + labelOf(f.field) + ".";
        if (f.phrase) {
          var p = config.phrases.filter(function (x) { return x.id === f.phrase; })[0];
          detail = "“" + p.phrase + "”. Instead: " + p.instead;
        }
        if (f.seconds) detail = "About " + Math.round(f.seconds) + " s against a target of " + rule.target_seconds + " s.";
        ui.critique.appendChild(el("li", { className: "hb-finding", "data-rule": f.rule, "data-phrase": f.phrase || null,
          "data-field": f.field || null }, [
          el("strong", { text: rule.title }), detail ? el("span", { className: "hb-finding-detail", text: " " + detail }) : null,
          f.phrase ? null : el("span", { className: "hb-finding-advice", text: " " + rule.advice }),
        ]));
      });
    }

    function labelOf(id) {
      var all = config.formats.dma.concat(config.formats.star);
      return (all.filter(function (f) { return f.id === id; })[0] || { label: id }).label;
    }

    function renderList() {
      var stories = savedStories();
      clear(ui.list);
      ui.list.appendChild(el("h3", { text: "Saved stories (" + stories.length + ")" }));
      if (!stories.length) {
        ui.list.appendChild(el("p", { text: "None yet. Stories save themselves as you type." }));
      } else {
        var list = el("ul", { className: "hb-story-saved" });
        stories.forEach(function (s) {
          var count = critique(s.fields, s.format, config).length;
          list.appendChild(el("li", { "data-story": s.id, className: s.id === story.id ? "hb-current" : "" }, [
            el("span", { className: "hb-story-name", text: s.title || "Untitled story" }),
            el("span", { className: "hb-meta", text: " " + s.format.toUpperCase() + " · " +
              (count ? count + (count === 1 ? " critique" : " critiques") : "no critique") }),
            el("span", { className: "hb-story-actions" }, [
              el("button", { type: "button", className: "md-button", "data-action": "edit", text: "Edit" }),
              el("button", { type: "button", className: "md-button", "data-action": "delete", text: "Delete" }),
            ]),
          ]));
        });
        ui.list.appendChild(list);
      }
      ui.list.appendChild(el("button", { type: "button", className: "md-button", "data-action": "print", text: "Print the story bank" }));
      renderPrint(stories);
    }

    function renderPrint(stories) {
      clear(ui.print);
      ui.print.appendChild(el("h2", { text: "Story bank" }));
      stories.forEach(function (s) {
        var parts = config.formats[s.format].filter(function (f) { return (s.fields[f.id] || "").trim(); });
        ui.print.appendChild(el("article", { className: "hb-story-card" }, [
          el("h3", { text: (s.title || "Untitled story") + " (" + s.format.toUpperCase() + ")" }),
          el("dl", {}, parts.reduce(function (acc, f) {
            return acc.concat([el("dt", { text: f.label }), el("dd", { text: s.fields[f.id] })]);
          }, [])),
        ]));
      });
    }
  }

  HB.practice.critique = critique;
  dom.tool("hb-stories", startStories);
})();
