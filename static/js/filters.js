// Turns the registry filters (claimant, region, place, unit: <select multiple class="registry-select">)
// into searchable pickers with Tom Select. Without JavaScript they stay plain multiple selects, and
// the form sends the same repeated parameters (?region=a&region=b) either way.
(function () {
  "use strict";
  // At phone width the filters fold behind their summary, so the chart comes first; the page is sent
  // with them open, which is what a browser without JavaScript shows.
  function fold() {
    if (window.matchMedia("(max-width: 900px)").matches) {
      document.querySelectorAll("details.filter-panel[open]").forEach(function (panel) {
        panel.open = false;
      });
    }
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", fold);
  } else {
    fold();
  }
  if (typeof window.TomSelect === "undefined") {
    return;
  }

  function enhance(root) {
    root.querySelectorAll("select.registry-select").forEach(function (select) {
      if (select.tomselect) {
        return;
      }
      new window.TomSelect(select, {
        plugins: ["remove_button"],
        maxOptions: 100,
        placeholder: select.dataset.placeholder || "Any",
        hidePlaceholder: true,
        closeAfterSelect: true,
        // The chosen entries leave the list; typing narrows it by any word of the name.
        hideSelected: true,
        onItemAdd: function () {
          this.setTextboxValue("");
        },
      });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { enhance(document); });
  } else {
    enhance(document);
  }
})();
