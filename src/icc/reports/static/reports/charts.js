/* Index charts: draw the chart of the view with vega-embed, again after each htmx swap.
   The spec and the embed options (number formats of the page's language) come from the page
   as JSON; the filters and their values live in the address, which htmx keeps up to date. */
(function () {
  "use strict";

  function draw(root) {
    var holder = root.querySelector("#chart[data-spec]");
    if (!holder) { return; }
    if (typeof window.vegaEmbed !== "function") {
      holder.textContent = holder.getAttribute("data-error");
      return;
    }
    var spec = JSON.parse(document.getElementById(holder.getAttribute("data-spec")).textContent);
    var options = JSON.parse(document.getElementById(holder.getAttribute("data-options")).textContent);
    // The Content-Security-Policy allows no eval and no inline style: Vega evaluates expressions
    // with vega-interpreter instead of new Function, and vega-embed's styles come from
    // vendor/vega/vega-embed.css instead of injected <style> elements.
    options.ast = true;
    options.expr = window.vega.expressionInterpreter;
    options.defaultStyle = false;
    options.forceActionsMenu = true;  // the "…" menu that defaultStyle would otherwise bring
    options.tooltip = { disableDefaultStyle: true };
    holder.removeAttribute("data-rendered");
    window.vegaEmbed(holder, spec, options).then(function () {
      // vega-embed's "…" menu is a <summary> holding only an icon: give it a name.
      var summary = holder.querySelector("details > summary");
      if (summary) { summary.setAttribute("aria-label", options.i18n.CLICK_TO_VIEW_ACTIONS); }
      // The drawing is one image named by the spec's description (in the page's language);
      // Vega's own role descriptions ("group mark container") are in English and say nothing.
      var labelled = holder.querySelector("[aria-roledescription]") || holder;
      var name = labelled.getAttribute("aria-label");
      ["aria-label", "aria-roledescription", "role"].forEach(function (a) { labelled.removeAttribute(a); });
      var svg = holder.querySelector("svg");
      if (svg) {
        svg.querySelectorAll("[aria-roledescription], [role]").forEach(function (el) {
          el.removeAttribute("aria-roledescription");
          el.removeAttribute("role");
        });
        svg.setAttribute("role", "img");
        if (name) { svg.setAttribute("aria-label", name); }
      }
      holder.setAttribute("data-rendered", "true");
    }).catch(function (error) {
      holder.textContent = holder.getAttribute("data-error");
      holder.setAttribute("data-rendered", "error");
      if (window.console) { window.console.error(error); }
    });
  }

  // The language switcher links to this page in the other language: keep its query string.
  function syncLanguageLinks() {
    document.querySelectorAll(".lang-switch a").forEach(function (link) {
      var url = new URL(link.href, window.location.href);
      url.search = window.location.search;
      link.href = url.pathname + url.search;
    });
  }

  document.addEventListener("DOMContentLoaded", function () { draw(document); });
  // A refused choice (more places than a chart holds, a place whose results went since the page
  // was loaded) answers 400 with the reason above the filters: show it. htmx keeps the page as it
  // was on a 4xx, so the person would see nothing happen.
  document.addEventListener("htmx:beforeSwap", function (event) {
    var target = event.detail.target;
    if (event.detail.xhr.status === 400 && target && target.id === "charts-app") {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });
  document.addEventListener("htmx:afterSettle", function (event) {
    if (event.target && event.target.id === "charts-app") { draw(event.target); }
  });
  document.addEventListener("htmx:pushedIntoHistory", syncLanguageLinks);
  document.addEventListener("htmx:historyRestore", function () { draw(document); syncLanguageLinks(); });
})();
