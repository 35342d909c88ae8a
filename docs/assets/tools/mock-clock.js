/* The mock's clock, shared by the candidate's and the interviewer's views: the time elapsed, the
 * time box it is in, and the boxes of the round, paused and resumed by one button.
 */
(function () {
  "use strict";
  var HB = (window.HB = window.HB || {});
  var el = HB.dom.el, clock = HB.dom.clock;

  function mockClock(root, boxes, cleanups, onTick) {
    var state = { running: false, since: 0, before: 0, handle: null };
    var display = el("div", { className: "hb-clock", role: "timer", "aria-label": "Time elapsed", text: "0:00" });
    var current = el("p", { className: "hb-mock-box", "aria-live": "polite" });
    var list = el("ol", { className: "hb-mock-boxes" }, boxes.map(function (b, i) {
      return el("li", { "data-box": String(i), text: b.label + ": ends at " + clock(b.end) });
    }));
    var button = el("button", { type: "button", className: "md-button md-button--primary", "data-action": "clock", text: "Start the clock",
      on: { click: toggle } });
    function elapsed() {
      return state.before + (state.running ? (Date.now() - state.since) / 1000 : 0);
    }
    function paint() {
      var s = elapsed();
      display.textContent = clock(s);
      var at = boxes.findIndex(function (b) { return s < b.end; });
      Array.prototype.forEach.call(list.children, function (li, i) {
        li.classList.toggle("hb-mock-box--now", i === at);
        li.classList.toggle("hb-mock-box--past", at < 0 || i < at);
      });
      current.textContent = !boxes.length ? "No preset fits this round; the clock counts up." : at < 0 ? "Every time box has ended." :
        "Now: " + boxes[at].label + ", " + clock(boxes[at].end - s) + " left.";
      if (onTick) onTick(s);
    }
    function toggle() {
      if (state.running) {
        state.before = elapsed();
        state.running = false;
        clearInterval(state.handle);
        button.textContent = "Resume the clock";
      } else {
        state.running = true;
        state.since = Date.now();
        state.handle = setInterval(function () { if (root.isConnected) paint(); else clearInterval(state.handle); }, 250);
        button.textContent = "Pause the clock";
      }
      paint();
    }
    cleanups.push(function () { clearInterval(state.handle); });
    paint();
    return { node: el("div", { className: "hb-mock-clock" }, [display, current, button, list]), elapsed: elapsed };
  }

  HB.mockClock = mockClock;
})();
