// Progressive enhancement only: every page works without this file.
// Moves focus to the error summary so screen-reader and keyboard users hear what to fix first.
(function () {
  var summary = document.querySelector("[data-error-summary]");
  if (summary) { summary.focus(); }
})();

// Print buttons (e.g. the resident's letter): hidden without JavaScript, where Ctrl+P is explained instead.
(function () {
  var buttons = document.querySelectorAll("[data-print]");
  for (var i = 0; i < buttons.length; i++) {
    buttons[i].hidden = false;
    buttons[i].addEventListener("click", function () { window.print(); });
  }
})();
