// Follow-up planner: the evaluation dates after a conversation, and an .ics file with them.
// Everything happens in this page: nothing is stored (no cookies, no storage) and nothing is
// sent. The rules match generator/planning.py: add days, weeks and months (the 31st plus a
// month ends on the last day of the shorter month); Saturday and Sunday move to Monday.
(function () {
  "use strict";

  function addMoment(start, moment) {
    var year = start.getFullYear();
    var month = start.getMonth() + (moment.maanden || 0);
    var lastDay = new Date(year, month + 1, 0).getDate();
    var day = Math.min(start.getDate(), lastDay);
    var date = new Date(year, month, day);
    date.setDate(date.getDate() + (moment.dagen || 0) + 7 * (moment.weken || 0));
    var weekday = date.getDay(); // 0 = Sunday, 6 = Saturday
    if (weekday === 6) date.setDate(date.getDate() + 2);
    if (weekday === 0) date.setDate(date.getDate() + 1);
    return date;
  }

  function pad(n) {
    return (n < 10 ? "0" : "") + n;
  }

  function icsDate(date) {
    return "" + date.getFullYear() + pad(date.getMonth() + 1) + pad(date.getDate());
  }

  function icsStamp(date) {
    return (
      icsDate(new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()))) +
      "T" + pad(date.getUTCHours()) + pad(date.getUTCMinutes()) + pad(date.getUTCSeconds()) + "Z"
    );
  }

  function icsText(value) {
    return value.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,")
      .replace(/\r?\n/g, "\\n");
  }

  // RFC 5545 3.1: lines longer than 75 octets are folded (CRLF + space), never inside a
  // UTF-8 character.
  function fold(line) {
    var encoder = new TextEncoder();
    var out = [];
    var current = "";
    var size = 0;
    var limit = 75;
    Array.from(line).forEach(function (ch) {
      var n = encoder.encode(ch).length;
      if (size + n > limit) {
        out.push(current);
        current = " ";
        size = 1;
      }
      current += ch;
      size += n;
    });
    out.push(current);
    return out.join("\r\n");
  }

  // A case code holds letters, digits and - only (no names: the page says so); at most 12.
  function caseCode(value) {
    return value.normalize("NFKD").replace(/[^A-Za-z0-9-]+/g, "-").replace(/^-+|-+$/g, "")
      .slice(0, 12).toUpperCase();
  }

  // The same conversation (step, date, case code) always gives the same UIDs, so that
  // downloading again updates the events instead of doubling them (RFC 5545 3.8.4.7).
  function uid(stap, start, code, index) {
    return "stap" + stap + "-" + icsDate(start) + "-" + (code || "zonder-code") +
      "-evaluatie" + (index + 1) + "@stappenwijzer";
  }

  function calendar(items, stap, start, code) {
    var now = icsStamp(new Date());
    var lines = [
      "BEGIN:VCALENDAR",
      "VERSION:2.0",
      "PRODID:-//Stappenwijzer//Pestprotocol//NL",
      "CALSCALE:GREGORIAN",
      "METHOD:PUBLISH",
    ];
    var casus = code ? ", casus " + code : "";
    items.forEach(function (item, index) {
      var end = new Date(item.date);
      end.setDate(end.getDate() + 1);
      lines.push(
        "BEGIN:VEVENT",
        "UID:" + uid(stap, start, code, index),
        "DTSTAMP:" + now,
        "DTSTART;VALUE=DATE:" + icsDate(item.date),
        "DTEND;VALUE=DATE:" + icsDate(end),
        "SUMMARY:" + icsText("Evaluatie afspraken (stap " + stap + casus + "): " + item.label),
        "DESCRIPTION:" + icsText(
          "Kort evaluatiegesprek met de betrokken leerlingen volgens het pestprotocol, stap " +
          stap + ". Compliment geven als het lukt."
        ),
        "TRANSP:TRANSPARENT",
        "BEGIN:VALARM",
        "ACTION:DISPLAY",
        "DESCRIPTION:" + icsText("Evaluatie afspraken " + item.label + casus),
        "TRIGGER:PT8H",
        "END:VALARM",
        "END:VEVENT"
      );
    });
    lines.push("END:VCALENDAR");
    return lines.map(fold).join("\r\n") + "\r\n";
  }

  document.querySelectorAll(".sw-planner").forEach(function (planner) {
    var momenten = JSON.parse(planner.getAttribute("data-momenten"));
    var stap = planner.getAttribute("data-stap");
    var invoer = planner.querySelector(".sw-planner-invoer");
    var input = planner.querySelector("input[type=date]");
    var list = planner.querySelector(".sw-planner-data");
    var button = planner.querySelector(".sw-planner-ics");
    var codeInput = planner.querySelector(".sw-planner-code");
    var items = [];
    var start = null;
    invoer.hidden = false;

    function update() {
      list.textContent = "";
      items = [];
      if (!input.value) {
        button.disabled = true;
        return;
      }
      var parts = input.value.split("-").map(Number);
      start = new Date(parts[0], parts[1] - 1, parts[2]);
      momenten.forEach(function (moment) {
        var date = addMoment(start, moment);
        items.push({ label: moment.label, date: date });
        var li = document.createElement("li");
        li.textContent = moment.label + ": " + date.toLocaleDateString("nl-NL", {
          weekday: "long", day: "numeric", month: "long", year: "numeric",
        });
        li.setAttribute("data-iso", icsDate(date));
        list.appendChild(li);
      });
      button.disabled = false;
    }

    input.addEventListener("input", update);
    input.addEventListener("change", update);
    button.addEventListener("click", function () {
      var code = caseCode(codeInput ? codeInput.value : "");
      if (codeInput) codeInput.value = code;
      var blob = new Blob([calendar(items, stap, start, code)], {
        type: "text/calendar;charset=utf-8",
      });
      var link = document.createElement("a");
      link.href = URL.createObjectURL(blob);
      link.download = "evaluaties-stap-" + stap + (code ? "-" + code.toLowerCase() : "") + ".ics";
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
    });
  });
})();
