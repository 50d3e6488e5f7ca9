// Veil review screen: select all mentions of an entity together, keyboard shortcuts, and turning a text
// selection into original offsets for "mark as missed". No inline scripts (the CSP forbids them).
(function () {
  "use strict";
  var current = null; // the selected entity id

  function area() { return document.getElementById("review-area"); }
  function cards() { return Array.prototype.slice.call(document.querySelectorAll("#cards .entity")); }

  function select(entity, scroll) {
    current = entity;
    document.querySelectorAll(".m.selected").forEach(function (m) { m.classList.remove("selected"); });
    cards().forEach(function (card) {
      var on = card.dataset.entity === entity;
      card.classList.toggle("current", on);
      card.querySelector(".select").setAttribute("aria-pressed", on ? "true" : "false");
      if (on && scroll) card.scrollIntoView({ block: "nearest" });
    });
    if (!entity) return;
    var marks = document.querySelectorAll('.m[data-entity="' + entity + '"]');
    marks.forEach(function (m) { m.classList.add("selected"); });
    if (scroll && marks.length) marks[0].scrollIntoView({ block: "center" });
  }

  function move(step) {
    var list = cards();
    if (!list.length) return;
    var index = list.findIndex(function (c) { return c.dataset.entity === current; });
    index = index < 0 ? (step > 0 ? 0 : list.length - 1) : (index + step + list.length) % list.length;
    select(list[index].dataset.entity, true);
    list[index].querySelector(".select").focus({ preventScroll: true });
  }

  function currentCard() { return current && document.getElementById("card-" + current); }

  function press(selector) {
    var card = currentCard();
    var target = card && card.querySelector(selector);
    if (target) target.click();
  }

  // -- selecting text the pipeline missed -----------------------------------------------------------
  function offsetOf(node, offset) {
    var element = node.nodeType === 3 ? node.parentElement : node;
    var segment = element && element.closest("[data-o]");
    if (!segment || !segment.classList.contains("p")) return null;
    return parseInt(segment.dataset.o, 10) + offset;
  }

  function readSelection() {
    var form = document.getElementById("missed-form");
    if (!form) return;
    var selection = window.getSelection();
    var button = document.getElementById("missed-submit");
    var info = document.getElementById("missed-info");
    if (!selection || selection.isCollapsed || !selection.anchorNode.parentElement || !selection.anchorNode.parentElement.closest(".text")) return;
    var a = offsetOf(selection.anchorNode, selection.anchorOffset);
    var b = offsetOf(selection.focusNode, selection.focusOffset);
    if (a === null || b === null) {
      info.textContent = "Select plain text (not an existing highlight).";
      button.disabled = true;
      return;
    }
    var text = selection.toString();
    var start = Math.min(a, b), end = Math.max(a, b);
    var lead = text.length - text.replace(/^\s+/, "").length;
    var trail = text.length - text.replace(/\s+$/, "").length;
    start += lead; end -= trail;
    if (end <= start || end - start > 200) { button.disabled = true; return; }
    document.getElementById("missed-start").value = start;
    document.getElementById("missed-end").value = end;
    info.textContent = "Selected " + (end - start) + " characters at " + start + "–" + end + ".";
    button.disabled = false;
  }

  document.addEventListener("mouseup", readSelection);
  document.addEventListener("keyup", function (event) { if (event.shiftKey) readSelection(); });

  // -- clicks ---------------------------------------------------------------------------------------
  document.addEventListener("click", function (event) {
    var mark = event.target.closest(".m[data-entity]");
    if (mark && window.getSelection().isCollapsed) { select(mark.dataset.entity, false); currentCard().scrollIntoView({ block: "nearest" }); return; }
    var button = event.target.closest(".entity .select");
    if (button) select(button.closest(".entity").dataset.entity, true);
    var confirmButton = event.target.closest("[data-confirm]");
    if (confirmButton && !window.confirm(confirmButton.dataset.confirm)) event.preventDefault();
  });

  // -- keyboard -------------------------------------------------------------------------------------
  document.addEventListener("keydown", function (event) {
    var tag = event.target.tagName;
    if (event.key === "Escape") { select(null, false); if (tag === "INPUT") event.target.blur(); return; }
    if (tag === "INPUT" || tag === "SELECT" || tag === "TEXTAREA" || event.ctrlKey || event.metaKey || event.altKey) return;
    if (!area()) return;
    var actions = {
      j: function () { move(1); }, k: function () { move(-1); },
      a: function () { press('[data-key="a"]'); }, r: function () { press('[data-key="r"]'); },
      e: function () { var card = currentCard(); if (card) card.querySelector('[data-key="e"]').focus(); },
      m: function () { var b = document.getElementById("missed-submit"); if (b && !b.disabled) b.click(); },
      o: function () { var f = document.getElementById("original-form"); if (f) f.querySelector("button").click(); },
      A: function () { var f = document.getElementById("approve-form"); var b = f && f.querySelector("button"); if (b && !b.disabled) b.click(); },
      "?": function () { var d = document.getElementById("shortcuts"); d.open = !d.open; if (d.open) d.scrollIntoView(); }
    };
    var action = actions[event.key];
    if (action) { event.preventDefault(); action(); }
  });

  // -- after HTMX swaps the review area in, select what was being reviewed ----------------------------
  // (htmx:load fires on the new content, which is in the page; afterSwap may fire on a removed element)
  document.addEventListener("htmx:load", function (event) {
    var root = area();
    if (!root || event.target !== root) return;
    var anchor = root.dataset.selected;
    var card = anchor && document.querySelector('#cards .entity[data-anchor="' + anchor + '"]');
    var keep = current && document.getElementById("card-" + current);
    if (card) select(card.dataset.entity, false);
    else if (keep) select(current, false);
    var chosen = currentCard();
    if (chosen) chosen.querySelector(".select").focus({ preventScroll: true });
  });

  // -- HTMX errors become messages, never a blank page ----------------------------------------------
  document.addEventListener("htmx:responseError", function (event) {
    var box = document.getElementById("messages");
    var p = document.createElement("p");
    p.className = "message error";
    p.textContent = (event.detail.xhr.responseText || "The server could not do this.").slice(0, 300);
    box.replaceChildren(p);
  });
})();
