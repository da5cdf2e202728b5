// Progressive enhancement only: every page works without this file.
// Moves focus to the error summary so screen-reader and keyboard users hear what to fix first.
(function () {
  var summary = document.querySelector("[data-error-summary]");
  if (summary) { summary.focus(); }
})();
