/* The questionnaire: apply the skip logic the server computed after each save. */
(function () {
  "use strict";
  document.body.addEventListener("icc:visibility", function (event) {
    const visible = new Set(event.detail.visible);
    document.querySelectorAll("[data-question]").forEach(function (block) {
      block.hidden = !visible.has(block.dataset.question);
    });
  });
  // A refused save (conflict, invalid value) keeps what the person typed and says why.
  document.body.addEventListener("icc:saved", function (event) {
    document.documentElement.dataset.lastSave = String(event.detail.status);
  });
  // Logging in again (in another tab, after the session ended) changes the CSRF cookie: each
  // save sends the current one, so the page's fields are saved without reloading it.
  document.body.addEventListener("htmx:configRequest", function (event) {
    const cookie = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    if (!cookie || !event.detail.elt.closest(".questionnaire")) { return; }
    const params = event.detail.parameters;
    if (params instanceof FormData) {
      params.set("csrfmiddlewaretoken", cookie[1]);
    } else {
      params.csrfmiddlewaretoken = cookie[1];
    }
  });
  // A save that never arrived (no network) or was refused by the server is said to be lost,
  // in the status line that would otherwise still read "Saved".
  function saveFailed(event) {
    const page = event.detail.elt.closest(".questionnaire");
    const status = event.detail.target;
    if (!page || !status) { return; }
    const line = document.createElement("span");
    line.className = "save-error";
    line.setAttribute("role", "alert");
    line.textContent = page.dataset.saveFailed;
    status.replaceChildren(line);
    const code = event.detail.xhr ? event.detail.xhr.status : 0;
    document.documentElement.dataset.lastSave = String(code);
  }
  document.body.addEventListener("htmx:responseError", saveFailed);
  document.body.addEventListener("htmx:sendError", saveFailed);
})();
