// The step 4 mail: the teacher fills in the blanks and copies the text. Nothing is stored
// (no cookies, no storage) and nothing is sent; closing the page forgets everything.
(function () {
  "use strict";

  document.querySelectorAll(".sw-mail").forEach(function (mail) {
    var template = mail.querySelector(".sw-mail-tekst");
    var source = template.getAttribute("data-sjabloon");
    var fixed = {
      school: mail.getAttribute("data-school"),
      apc_naam: mail.getAttribute("data-apc-naam"),
      apc_email: mail.getAttribute("data-apc-email"),
    };
    var fields = mail.querySelectorAll("[data-veld]");
    var labels = {};
    fields.forEach(function (field) {
      labels[field.getAttribute("data-veld")] = mail.querySelector(
        "label[for='" + field.id + "']"
      ).textContent;
    });
    mail.querySelector(".sw-mail-invoer").hidden = false;
    mail.querySelector(".sw-mail-knoppen").hidden = false;

    function text() {
      var values = {};
      fields.forEach(function (field) {
        values[field.getAttribute("data-veld")] = field.value.trim();
      });
      return source.replace(/\{([^{}]*)\}/g, function (whole, name) {
        if (name in fixed) return fixed[name] || "[" + name + "]";
        return values[name] || "[" + (labels[name] || name) + "]";
      });
    }

    function update() {
      template.textContent = text();
    }

    fields.forEach(function (field) {
      field.addEventListener("input", update);
    });
    update();

    var status = mail.querySelector(".sw-mail-status");
    mail.querySelector(".sw-mail-kopieer").addEventListener("click", function () {
      var value = text();
      var done = function () { status.textContent = "Gekopieerd. Plak de tekst in je mail."; };
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(value).then(done, function () {
          status.textContent = "Kopiëren lukte niet: selecteer de tekst en kopieer met Ctrl+C.";
        });
      } else {
        var range = document.createRange();
        range.selectNodeContents(template);
        var selection = window.getSelection();
        selection.removeAllRanges();
        selection.addRange(range);
        status.textContent = "De tekst is geselecteerd: kopieer met Ctrl+C.";
      }
    });
  });
})();
