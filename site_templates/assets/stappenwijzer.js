// Today's date on guide results, so a printout shows when it was made. Nothing is stored or sent.
document.querySelectorAll("[data-sw-vandaag]").forEach(function (element) {
  element.textContent = new Date().toLocaleDateString("nl-NL", {
    day: "numeric",
    month: "long",
    year: "numeric",
  });
});
