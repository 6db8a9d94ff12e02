/* The citizenship test: small enhancements; every page works without them. */
(function () {
  "use strict";
  function ready() {
    // One question per screen: move focus to the question so screen readers announce it.
    const focusTarget = document.querySelector("[data-focus-on-load]");
    if (focusTarget) { focusTarget.focus({ preventScroll: true }); }

    // Autosave: a choice is stored as soon as it is made, so a reload or a closed tab loses nothing.
    document.querySelectorAll("form[data-autosave]").forEach(function (form) {
      form.addEventListener("change", function () {
        fetch(form.action || window.location.href, {
          method: "POST",
          body: new FormData(form),
          headers: { "X-Autosave": "1" },
          credentials: "same-origin",
        }).catch(function () { /* the Next button saves it anyway */ });
      });
    });

    document.querySelectorAll("[data-copy]").forEach(function (button) {
      const field = document.getElementById(button.getAttribute("data-copy"));
      const status = document.querySelector("[data-copy-status]");
      if (!field || !navigator.clipboard) { return; }
      button.hidden = false;
      button.addEventListener("click", function () {
        navigator.clipboard.writeText(field.value).then(function () {
          if (status) { status.textContent = button.getAttribute("data-copied"); }
        });
      });
    });

    document.querySelectorAll("[data-print]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () { window.print(); });
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", ready);
  } else {
    ready();
  }
})();
