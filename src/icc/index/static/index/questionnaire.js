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
})();
