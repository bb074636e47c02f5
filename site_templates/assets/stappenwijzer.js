// Today's date on guide results, so a printout shows when it was made. Nothing is stored or sent.
document.querySelectorAll("[data-sw-vandaag]").forEach(function (element) {
  element.textContent = new Date().toLocaleDateString("nl-NL", {
    day: "numeric",
    month: "long",
    year: "numeric",
  });
});

// A table that scrolls sideways (Material wraps tables in a scroll box) must be reachable by
// keyboard (WCAG 2.1.1): give each box that actually overflows a tab stop and a name.
function swScrollBoxes() {
  var used = {};
  document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (box) {
    if (box.scrollWidth > box.clientWidth + 1) {
      // Name each box after the heading above it, uniquely (axe landmark-unique).
      var heading = null;
      var walker = box;
      while (walker && !heading) {
        var sibling = walker.previousElementSibling;
        while (sibling && !/^H[1-6]$/.test(sibling.tagName)) {
          sibling = sibling.previousElementSibling;
        }
        heading = sibling;
        walker = walker.parentElement;
      }
      var name = "Tabel" + (heading ? " bij " + heading.textContent.trim() : "");
      used[name] = (used[name] || 0) + 1;
      if (used[name] > 1) {
        name += " (" + used[name] + ")";
      }
      box.setAttribute("tabindex", "0");
      box.setAttribute("role", "region");
      box.setAttribute("aria-label", name + ", scroll opzij voor meer");
    } else if (box.getAttribute("role") === "region") {
      box.removeAttribute("tabindex");
      box.removeAttribute("role");
      box.removeAttribute("aria-label");
    }
  });
}
if (typeof document$ !== "undefined") {
  document$.subscribe(swScrollBoxes);
}
window.addEventListener("resize", swScrollBoxes);

// On a phone, wide tables are shown as one card per row (CSS); each cell then carries its
// column's heading, copied here from the table's own header row.
function swTableLabels() {
  document.querySelectorAll(".md-typeset table:not([class])").forEach(function (table) {
    var heads = table.querySelectorAll("thead th");
    if (heads.length < 3) return;
    table.classList.add("sw-kaarttabel");
    table.querySelectorAll("tbody tr").forEach(function (row) {
      Array.prototype.forEach.call(row.children, function (cell, i) {
        if (heads[i] && !cell.hasAttribute("data-kop")) {
          cell.setAttribute("data-kop", heads[i].textContent.trim());
        }
      });
    });
  });
}
if (typeof document$ !== "undefined") {
  document$.subscribe(swTableLabels);
}
