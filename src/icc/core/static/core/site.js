/* Small progressive enhancements shared by every page. */
(function () {
  "use strict";
  // Filters submitted by htmx: leave empty fields out, so shared URLs stay short and readable.
  document.addEventListener("htmx:configRequest", function (event) {
    const params = event.detail.parameters;
    const keys = params instanceof FormData ? Array.from(params.keys()) : Object.keys(params);
    keys.forEach(function (key) {
      const value = params instanceof FormData ? params.get(key) : params[key];
      if (value === "" || value === null) {
        if (params instanceof FormData) { params.delete(key); } else { delete params[key]; }
      }
    });
  });

  // No inline JavaScript (the Content-Security-Policy forbids it): behaviour comes from data
  // attributes. <form data-confirm="Question?"> asks before sending; [data-print] prints the page.
  document.addEventListener("submit", function (event) {
    const question = event.target.getAttribute("data-confirm");
    if (question && !window.confirm(question)) { event.preventDefault(); }
  });
  document.addEventListener("click", function (event) {
    if (event.target.closest("[data-print]")) { window.print(); }
  });

  // A table wider than the screen scrolls sideways inside its frame: keyboard users reach the
  // hidden columns by focusing the frame, which is named after its table.
  function scrollFrames(root) {
    root.querySelectorAll(".table-wrap, .scroll-x, .report.screen .report-section").forEach(function (frame) {
      if (frame.scrollWidth > frame.clientWidth + 1) {
        frame.setAttribute("tabindex", "0");
        if (!frame.hasAttribute("role")) { frame.setAttribute("role", "region"); }
        const table = frame.querySelector("table");
        const name = table && (table.getAttribute("aria-label") || (table.caption && table.caption.textContent) ||
          (table.getAttribute("aria-labelledby") && document.getElementById(table.getAttribute("aria-labelledby")) &&
           document.getElementById(table.getAttribute("aria-labelledby")).textContent));
        if (name && !frame.hasAttribute("aria-label")) { frame.setAttribute("aria-label", name.trim()); }
      } else if (frame.getAttribute("tabindex") === "0") {
        frame.removeAttribute("tabindex");
      }
    });
  }
  document.addEventListener("DOMContentLoaded", function () { scrollFrames(document); });
  document.addEventListener("htmx:afterSettle", function (event) { scrollFrames(event.target); });
  window.addEventListener("resize", function () { scrollFrames(document); });
})();
