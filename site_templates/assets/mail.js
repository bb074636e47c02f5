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
      // An empty field shows as dots; a value that ends a line in the mail ends its sentence.
      return source.replace(/\{([^{}]*)\}(\n|$)?/g, function (whole, name, end) {
        var value = name in fixed ? fixed[name] : values[name];
        end = end || "";
        if (!value) return (name in fixed ? "[" + name + "]" : "……") + end;
        if (end === "\n" && name in values && !/[.!?:;)]$/.test(value) && name !== "leerkracht") {
          value += ".";
        }
        return value + end;
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
    var copy = mail.querySelector(".sw-mail-kopieer");
    var open = mail.querySelector(".sw-mail-open");
    var boxes = mail.querySelectorAll(".sw-mail-controle input[type=checkbox]");
    var waiting = status.textContent;

    function checked() {
      return Array.prototype.every.call(boxes, function (box) { return box.checked; });
    }

    function mailto() {
      var apc = fixed.apc_email || "";
      var cc = apc.indexOf("@") > 0 && apc.charAt(0) !== "[";
      return "mailto:?" + (cc ? "cc=" + encodeURIComponent(apc) + "&" : "") +
        "subject=" + encodeURIComponent(open.getAttribute("data-onderwerp")) +
        "&body=" + encodeURIComponent(text());
    }

    // Copying and opening the mail wait until every privacy check is ticked.
    function gate() {
      var ok = checked();
      copy.disabled = !ok;
      if (ok) {
        open.setAttribute("href", mailto());
        open.removeAttribute("aria-disabled");
      } else {
        open.removeAttribute("href");
        open.setAttribute("aria-disabled", "true");
      }
      status.textContent = ok ? "" : waiting;
    }

    boxes.forEach(function (box) { box.addEventListener("change", gate); });
    fields.forEach(function (field) { field.addEventListener("input", gate); });
    gate();

    copy.addEventListener("click", function () {
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
