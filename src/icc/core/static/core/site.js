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
})();
