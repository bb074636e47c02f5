/* Stappenwijzer: keeps Material for MkDocs from loading anything from another host.
 *
 * Material's bundle loads two scripts from unpkg.com, but only when a global is missing:
 * a ResizeObserver polyfill (old browsers without window.ResizeObserver) and Mermaid (a page
 * with a .mermaid block, when window.mermaid is not defined). This file runs before the bundle
 * and defines both, so neither request is ever made. The site has no Mermaid diagrams; a
 * .mermaid block is shown as its text.
 */
(function () {
  "use strict";
  if (typeof window.ResizeObserver === "undefined") {
    /* Minimal stand-in: reports the size on observe and after every window resize. */
    window.ResizeObserver = function (callback) {
      var targets = [];
      var observer = this;
      function report(list) {
        callback(list.map(function (el) {
          return { target: el, contentRect: el.getBoundingClientRect() };
        }), observer);
      }
      window.addEventListener("resize", function () {
        if (targets.length) { report(targets); }
      });
      this.observe = function (el) {
        targets.push(el);
        setTimeout(function () { report([el]); }, 0);
      };
      this.unobserve = function (el) {
        targets = targets.filter(function (t) { return t !== el; });
      };
      this.disconnect = function () { targets = []; };
    };
  }
  if (typeof window.mermaid === "undefined" || window.mermaid instanceof Element) {
    window.mermaid = {
      initialize: function () {},
      render: function (id, text) {
        var pre = document.createElement("pre");
        pre.textContent = text;
        return Promise.resolve({ svg: pre.outerHTML });
      }
    };
  }
})();
