// The conversation screen saves as it goes. Progressive enhancement: without this file the Save
// button posts everything. With it, every changed field is posted to the autosave endpoint a moment
// after typing stops, and a copy stays in localStorage until the server has it, so a closed tab or a
// lost connection loses nothing: the copy is put back (and saved) the next time the page opens.
(function () {
  "use strict";
  var form = document.querySelector("form[data-autosave]");
  if (!form || !window.fetch) { return; }
  var url = form.getAttribute("data-autosave-url");
  var storageKey = form.getAttribute("data-storage-key");
  var serverUpdated = parseInt(form.getAttribute("data-server-updated") || "0", 10);
  var status = form.querySelector("[data-autosave-status]");
  var dirty = {};
  var timer = null;
  var saving = false;
  var DELAY = 1200;

  // The texts come translated from the page (data-text-* on the status line): this file holds none.
  function text(key) {
    return (status && status.getAttribute("data-text-" + key)) || "";
  }

  function say(message, problem) {
    if (!status) { return; }
    status.textContent = message;
    status.classList.toggle("bi-autosave-status--problem", !!problem);
  }

  function csrf() {
    var input = form.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }

  function controls(name) {
    return Array.prototype.filter.call(form.elements, function (el) { return el.name === name; });
  }

  function valuesOf(name) {
    return controls(name).filter(function (el) {
      return (el.type !== "checkbox" && el.type !== "radio") || el.checked;
    }).map(function (el) { return el.value; });
  }

  function store() {
    var names = Object.keys(dirty);
    if (!names.length) { localStorage.removeItem(storageKey); return; }
    var copy = { savedAt: Date.now(), fields: {} };
    names.forEach(function (name) { copy.fields[name] = valuesOf(name); });
    try { localStorage.setItem(storageKey, JSON.stringify(copy)); } catch (e) { /* storage full or off */ }
  }

  function restore() {
    var raw;
    try { raw = localStorage.getItem(storageKey); } catch (e) { return; }
    if (!raw) { return; }
    var copy;
    try { copy = JSON.parse(raw); } catch (e) { localStorage.removeItem(storageKey); return; }
    if (!copy || !copy.fields || copy.savedAt < serverUpdated) {
      // The server has a newer version (saved on another device): it wins.
      localStorage.removeItem(storageKey);
      return;
    }
    Object.keys(copy.fields).forEach(function (name) {
      var values = copy.fields[name];
      controls(name).forEach(function (el) {
        if (el.type === "checkbox" || el.type === "radio") { el.checked = values.indexOf(el.value) !== -1; }
        else { el.value = values[0] || ""; }
      });
      dirty[name] = true;
    });
    say(text("restored"));
    schedule(0);
  }

  function schedule(delay) {
    if (timer) { clearTimeout(timer); }
    timer = setTimeout(flush, delay === undefined ? DELAY : delay);
  }

  function flush(keepalive) {
    timer = null;
    var names = Object.keys(dirty);
    if (!names.length || saving) { return; }
    var body = new FormData();
    body.append("csrfmiddlewaretoken", csrf());
    names.forEach(function (name) {
      body.append("_fields", name);
      valuesOf(name).forEach(function (value) { body.append(name, value); });
    });
    var sent = {};
    names.forEach(function (name) { sent[name] = JSON.stringify(valuesOf(name)); });
    saving = true;
    say(text("saving"));
    fetch(url, {
      method: "POST", body: body, credentials: "same-origin", keepalive: !!keepalive,
      headers: { "X-Requested-With": "fetch", "Accept": "application/json" }
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (data) {
        return { ok: response.ok, data: data };
      });
    }).then(function (result) {
      saving = false;
      if (result.ok && result.data.saved) {
        names.forEach(function (name) {
          if (JSON.stringify(valuesOf(name)) === sent[name]) { delete dirty[name]; }
        });
        store();
        say(result.data.message || text("saved"));
        if (Object.keys(dirty).length) { schedule(); }
      } else if (result.data && result.data.errors && Object.keys(result.data.errors).length) {
        var first = Object.keys(result.data.errors)[0];
        var errors = result.data.errors[first].join(" ");
        say(text("invalid").replace("{errors}", function () { return errors; }), true);
      } else {
        say(text("retry"), true);
        schedule(10000);
      }
    }).catch(function () {
      saving = false;
      say(text("offline"), true);
      schedule(10000);
    });
  }

  function changed(event) {
    var el = event.target;
    // A control marked data-no-autosave (the day the conversation was held) goes only with a button.
    if (!el.name || el.name === "csrfmiddlewaretoken" || el.hasAttribute("data-no-autosave")) { return; }
    dirty[el.name] = true;
    store();
    schedule();
  }

  form.addEventListener("input", changed);
  form.addEventListener("change", changed);
  form.addEventListener("submit", function () {
    // A full post carries everything; the local copy can go once the server has it.
    try { localStorage.removeItem(storageKey); } catch (e) { /* ignore */ }
    dirty = {};
  });
  window.addEventListener("online", function () { schedule(0); });
  // Logging out wipes this device's copies (Clear-Site-Data): say so when notes are not saved yet.
  var logout = document.querySelector("form[data-logout]");
  if (logout) {
    logout.addEventListener("submit", function (event) {
      if (Object.keys(dirty).length && !window.confirm(text("logout"))) { event.preventDefault(); }
    });
  }
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "hidden") { flush(true); }
  });
  say(text("ready"));
  restore();
})();
