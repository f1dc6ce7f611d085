// Small enhancements over server-rendered pages; every page works without this file.
(function () {
  "use strict";

  // Body map: the figure mirrors the checkbox list, which stays the form's real input.
  document.querySelectorAll("[data-body-map]").forEach(function (svg) {
    var fieldset = svg.closest("fieldset");
    var list = fieldset.querySelector("[data-area-list]");
    var box = function (value) { return fieldset.querySelector('input[name="area"][value="' + value + '"]'); };
    var sync = function () {
      svg.querySelectorAll(".area").forEach(function (area) {
        var input = box(area.dataset.area);
        area.setAttribute("aria-checked", input && input.checked ? "true" : "false");
      });
      fieldset.dispatchEvent(new CustomEvent("areas-changed", { bubbles: true }));
    };
    var toggle = function (area) {
      var input = box(area.dataset.area);
      if (!input) { return; }
      input.checked = !input.checked;
      sync();
    };
    svg.removeAttribute("hidden");
    if (list) { list.open = false; }
    svg.querySelectorAll(".area").forEach(function (area) {
      area.addEventListener("click", function () { toggle(area); });
      area.addEventListener("keydown", function (e) {
        if (e.key === " " || e.key === "Enter") { e.preventDefault(); toggle(area); }
      });
    });
    fieldset.querySelectorAll('input[name="area"]').forEach(function (input) {
      input.addEventListener("change", sync);
    });
  });

  // Symptoms in both legs pre-answer the both-legs red flag with yes, for the Person to confirm.
  document.addEventListener("areas-changed", function (e) {
    var form = e.target.closest("form");
    if (!form) { return; }
    var sides = { left: false, right: false };
    form.querySelectorAll('input[name="area"]:checked').forEach(function (input) {
      var parts = input.value.split(":");
      if (parts[0] !== "low-back") { sides[parts[1]] = true; }
    });
    var yes = form.querySelector('input[name="rf-both-legs"][value="yes"]');
    if (!yes) { return; }
    var answered = form.querySelector('input[name="rf-both-legs"]:checked');
    var note = form.querySelector("[data-both-legs-note]");
    if (sides.left && sides.right) {
      if (!answered) {
        yes.checked = true;
        if (note) { note.hidden = false; }
      }
    } else if (note && !note.hidden && answered === yes) {
      yes.checked = false;
      note.hidden = true;
    }
  });

  // Fill an empty time-zone field with the browser's zone.
  document.querySelectorAll("select[data-timezone]").forEach(function (select) {
    if (select.dataset.userChosen === "true") { return; }
    try {
      var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
      if (zone && select.querySelector('option[value="' + zone + '"]')) { select.value = zone; }
    } catch (err) { /* keep the server's default */ }
  });

  // A form posts once; the server is idempotent anyway, this only spares a second click.
  document.querySelectorAll("form[data-once]").forEach(function (form) {
    form.addEventListener("submit", function () {
      setTimeout(function () {
        form.querySelectorAll('button[type="submit"]').forEach(function (b) { b.disabled = true; });
      }, 0);
    });
  });

  // Move focus to the error summary so a screen reader announces it.
  var summary = document.getElementById("error-summary");
  if (summary) { summary.focus(); }
})();
