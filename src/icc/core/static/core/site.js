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
  // hidden columns by focusing the frame. A frame whose table has a name (caption or label) is a
  // region of that name; a report's section is a region named by its own heading (a <section>
  // needs no role for it); any other frame is a group named after the heading it comes under
  // (a group, not a region: it would repeat the name of the section around it, and two
  // landmarks of one name cannot be told apart).
  const HEADINGS = "h1, h2, h3, h4, h5, h6";
  function tableName(frame) {
    const table = frame.querySelector("table");
    const labelledBy = table && table.getAttribute("aria-labelledby") && document.getElementById(table.getAttribute("aria-labelledby"));
    return (table && (table.getAttribute("aria-label") || (table.caption && table.caption.textContent) ||
      (labelledBy && labelledBy.textContent))) || "";
  }
  function headingAbove(frame) {
    const before = Array.prototype.filter.call(document.querySelectorAll(HEADINGS), function (heading) {
      return heading.compareDocumentPosition(frame) & Node.DOCUMENT_POSITION_FOLLOWING;
    });
    return before.length ? before[before.length - 1].textContent : "";
  }
  function frameRole(frame) {
    const table = tableName(frame);
    if (table) { return ["region", table]; }
    const own = frame.tagName === "SECTION" && frame.querySelector(HEADINGS);
    if (own) { return [null, own.textContent]; }
    return ["group", headingAbove(frame)];
  }
  function scrollFrames(root) {
    root.querySelectorAll(".table-wrap, .scroll-x, .report.screen .report-section").forEach(function (frame) {
      if (frame.scrollWidth > frame.clientWidth + 1) {
        frame.setAttribute("tabindex", "0");
        const [role, name] = frameRole(frame);
        if (role && frame.tagName !== "SECTION" && !frame.hasAttribute("role")) { frame.setAttribute("role", role); }
        const label = name.trim().replace(/\s+/g, " ");
        if (label && !frame.hasAttribute("aria-label")) { frame.setAttribute("aria-label", label); }
      } else if (frame.getAttribute("tabindex") === "0") {
        frame.removeAttribute("tabindex");
      }
    });
  }
  document.addEventListener("DOMContentLoaded", function () { scrollFrames(document); });
  document.addEventListener("htmx:afterSettle", function (event) { scrollFrames(event.target); });
  window.addEventListener("resize", function () { scrollFrames(document); });
})();
