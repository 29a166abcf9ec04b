// Reader: popovers for highlights, the fact list scrolls to and flashes its evidence.
// Everything from the document is inserted with textContent, never as HTML.
(function () {
  "use strict";
  var island = document.getElementById("reader-data");
  if (!island) return;
  var data = JSON.parse(island.textContent);
  var facts = data.facts || {};
  var entities = data.entities || {};
  var pop = document.getElementById("popover");
  var textBox = document.getElementById("text");

  function set(selector, value) {
    var el = pop.querySelector(selector);
    el.textContent = value == null || value === "" ? "—" : String(value);
  }

  function place(target) {
    var r = target.getBoundingClientRect();
    pop.hidden = false;
    var top = window.scrollY + r.bottom + 6;
    var left = Math.max(8, Math.min(window.scrollX + r.left, window.scrollX + document.documentElement.clientWidth - pop.offsetWidth - 8));
    pop.style.top = top + "px";
    pop.style.left = left + "px";
  }

  function showFact(id, target) {
    var f = facts[id];
    if (!f) return false;
    set(".pop-kind", f.kind_label);
    set(".pop-type", f.type);
    set(".pop-actors", f.actors);
    set(".pop-date", f.date);
    set(".pop-summary", f.summary);
    pop.dataset.fact = id;
    place(target);
    return true;
  }

  function showEntity(id, label, target) {
    var e = entities[id];
    if (!e) return false;
    set(".pop-kind", "Mention (" + label + ")");
    set(".pop-type", e.kind);
    set(".pop-actors", e.actor);
    set(".pop-date", "");
    set(".pop-summary", [e.name_en, e.name_ru, e.office].filter(Boolean).join(" · "));
    pop.dataset.fact = id;
    place(target);
    return true;
  }

  // The innermost highlight under the pointer wins; a mention inside an event shows the
  // mention, its parent event is one click outside it.
  function explain(el) {
    var hl = el.closest(".hl");
    while (hl && textBox.contains(hl)) {
      if (hl.dataset.fact && showFact(hl.dataset.fact, hl)) return hl;
      if (hl.dataset.entity && showEntity(hl.dataset.entity, hl.dataset.label, hl)) return hl;
      hl = hl.parentElement && hl.parentElement.closest(".hl");
    }
    return null;
  }

  var pinned = null;
  textBox.addEventListener("click", function (event) {
    var hl = explain(event.target);
    if (hl) { pinned = hl; event.stopPropagation(); }
  });
  textBox.addEventListener("mouseover", function (event) {
    if (pinned) return;
    explain(event.target);
  });
  textBox.addEventListener("mouseleave", function () { if (!pinned) pop.hidden = true; });
  pop.querySelector(".close").addEventListener("click", function () { pinned = null; pop.hidden = true; });
  document.addEventListener("click", function (event) {
    if (!pop.contains(event.target) && !textBox.contains(event.target)) { pinned = null; pop.hidden = true; }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { pinned = null; pop.hidden = true; }
  });

  function flash(elements) {
    if (!elements.length) return false;
    elements[0].scrollIntoView({ behavior: "smooth", block: "center" });
    elements.forEach(function (el) {
      el.classList.remove("flash");
      void el.offsetWidth; // restart the animation
      el.classList.add("flash");
    });
    return true;
  }

  function evidenceOf(id) {
    return Array.prototype.filter.call(textBox.querySelectorAll(".evidence[data-ev]"), function (el) {
      return el.dataset.ev.split(" ").indexOf(id) >= 0;
    });
  }

  document.querySelectorAll("button.fact[data-target]").forEach(function (button) {
    button.addEventListener("click", function (event) {
      event.stopPropagation();
      var id = button.dataset.target;
      document.querySelectorAll("button.fact.current").forEach(function (b) { b.classList.remove("current"); });
      button.classList.add("current");
      var found = evidenceOf(id);
      if (!found.length) {
        found = Array.prototype.filter.call(textBox.querySelectorAll(".hl[data-fact]"), function (el) {
          return el.dataset.fact === id;
        });
      }
      flash(found);
      var anchor = found[0];
      var highlight = anchor && (anchor.querySelector('[data-fact="' + CSS.escape(id) + '"]') || anchor);
      if (highlight) { pinned = highlight; showFact(id, highlight); }
    });
  });

  document.getElementById("toggle-mentions").addEventListener("change", function (event) {
    textBox.classList.toggle("no-mentions", !event.target.checked);
  });

  // #at-START-END (from the registry and the timelines) flashes that evidence.
  var match = /^#at-(\d+)-(\d+)$/.exec(window.location.hash);
  if (match) {
    var range = match[1] + "-" + match[2];
    flash(Array.prototype.filter.call(textBox.querySelectorAll(".evidence[data-range]"), function (el) {
      return el.dataset.range === range;
    }));
  }
})();
