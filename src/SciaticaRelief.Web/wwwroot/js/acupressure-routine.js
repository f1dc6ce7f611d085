// Guided acupressure (/home-care/acupressure): one step at a time with a hold timer, pause and skip.
// Without this file the steps read as an ordered list and the form is filled by hand. Time is
// counted in whole ticks of setInterval, so a test's fake clock drives it exactly.
(function () {
  "use strict";
  var form = document.querySelector("[data-routine-form]");
  if (!form) { return; }
  var steps = Array.prototype.slice.call(form.querySelectorAll("[data-step]"));
  var after = form.querySelector("[data-routine-after]");
  var startBox = form.querySelector("[data-routine-start]");
  if (steps.length === 0 || !after || !startBox) { return; }

  var current = -1, left = 0, held = 0, timer = null, paused = false;

  var show = function (index) {
    steps.forEach(function (step, i) { step.hidden = i !== index; });
    after.hidden = index < steps.length;
  };

  var record = function (step) {
    var id = step.dataset.point;
    var seconds = form.querySelector('input[name="seconds-' + id + '"]');
    if (seconds && held > 0) { seconds.value = String(held); }
  };

  var stop = function () {
    if (timer !== null) { clearInterval(timer); timer = null; }
  };

  var render = function (step) {
    var total = Number(step.dataset.seconds) * 2;
    var sideLeft = left > total / 2 ? left - total / 2 : left;
    step.querySelector("[data-timer-left]").textContent = String(sideLeft);
    step.querySelector("[data-timer-side]").textContent = left > total / 2 ? "First side" : "Other side";
  };

  var announce = function (step, text) {
    var live = step.querySelector("[data-timer-announce]");
    if (live) { live.textContent = text; }
  };

  var next = function () {
    stop();
    if (current >= 0) { record(steps[current]); }
    current += 1;
    if (current >= steps.length) {
      show(steps.length);
      after.querySelector("h2").focus();
      return;
    }
    var step = steps[current];
    left = Number(step.dataset.seconds) * 2;
    held = 0;
    paused = false;
    show(current);
    step.querySelector("[data-timer]").hidden = false;
    step.querySelector('[data-routine-action="pause"]').textContent = "Pause";
    render(step);
    step.querySelector("h3").focus();
    tick();
  };

  var tick = function () {
    stop();
    timer = setInterval(function () {
      var step = steps[current];
      var total = Number(step.dataset.seconds) * 2;
      left -= 1;
      held += 1;
      if (left === total / 2) { announce(step, "Change to the other side."); }
      if (left <= 0) { next(); return; }
      render(step);
    }, 1000);
  };

  startBox.hidden = false;
  form.addEventListener("click", function (e) {
    var button = e.target.closest("[data-routine-action]");
    if (!button) { return; }
    var action = button.dataset.routineAction;
    if (action === "start") {
      startBox.hidden = true;
      current = -1;
      next();
    } else if (action === "skip") {
      held = Math.min(held, Number(steps[current].dataset.seconds) * 2);
      next();
    } else if (action === "pause") {
      if (paused) {
        paused = false;
        button.textContent = "Pause";
        tick();
      } else {
        paused = true;
        stop();
        button.textContent = "Resume";
        announce(steps[current], "Paused.");
      }
    }
  });
}());
