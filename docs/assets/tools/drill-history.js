/* The drill's history view: the reader's weakest areas (a mock's score counts as a rating) and
 * the last 100 ratings, from the history this browser keeps. */
(function () {
  "use strict";
  var HB = (window.HB = window.HB || {});
  if (HB.drillHistory) return;
  var dom = HB.dom, drill = HB.drill;
  var el = dom.el, clear = dom.clear, siteRoot = dom.siteRoot;

  function shorten(text) {
    var first = text.split(/[.?!]\s/)[0];
    return first.length > 90 ? first.slice(0, first.lastIndexOf(" ", 90)) + "…" : first;
  }

  /* Draw into `box`: `history` is oldest first, `byId` finds a question, `names` holds the round
   * and type names, `labels` the rating labels; `onClear` runs when the reader clears it all. */
  function render(box, history, mocks, byId, names, labels, onClear) {
    clear(box);
    box.appendChild(el("h2", { id: "history", text: "Your drill history" }));
    if (!history.length && !mocks.length) {
      box.appendChild(el("p", { text: "Nothing drilled yet in this browser. Ratings you give appear here." }));
      return;
    }
    box.appendChild(el("h3", { text: "Weakest areas" }));
    box.appendChild(el("p", { className: "hb-meta",
      text: "Average of your latest rating for each question, lowest first; a mock interview's score counts as a rating." }));
    var areas = el("div", { className: "hb-weak" });
    [["round", "By round"], ["type", "By question type"]].forEach(function (pair) {
      var list = el("ol", { className: "hb-weak-list", "data-area": pair[0] });
      drill.weakAreas(drill.withMocks(history, mocks), pair[0], byId).forEach(function (a) {
        list.appendChild(el("li", { "data-key": a.key, "data-average": a.average.toFixed(2) },
          [el("strong", { text: names[pair[0]][a.key] || a.key }),
           " average " + a.average.toFixed(1) + " over " + a.count + (a.count === 1 ? " question" : " questions")]));
      });
      areas.appendChild(el("div", {}, [el("h4", { text: pair[1] }), list]));
    });
    box.appendChild(areas);

    box.appendChild(el("h3", { text: "Drilled so far" }));
    var rows = history.slice(-100).reverse().map(function (e) {
      var q = byId(e.q);
      var when = new Date(e.t);
      return el("tr", { "data-question": e.q, "data-rating": String(e.r) }, [
        el("td", { text: isNaN(when) ? "" : when.toLocaleString() }),
        el("td", {}, [q ? el("a", { href: new URL(q.url, siteRoot()).href, text: shorten(q.prompt) }) : e.q]),
        el("td", { text: q ? (names.round[q.round] || q.round) : "" }),
        el("td", { text: e.r + " " + labels[e.r] }),
      ]);
    });
    box.appendChild(el("div", { className: "hb-table-wrap" }, [el("table", { className: "hb-table hb-drill-log" }, [
      el("thead", {}, [el("tr", {}, [el("th", { text: "When" }), el("th", { text: "Question" }), el("th", { text: "Round" }),
        el("th", { text: "Rating" })])]),
      el("tbody", {}, rows),
    ])]));
    box.appendChild(el("button", { type: "button", className: "md-button", "data-action": "clear-history",
      text: "Clear drill history", on: { click: onClear } }));
  }

  HB.drillHistory = { render: render };
})();
