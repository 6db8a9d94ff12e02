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
})();
