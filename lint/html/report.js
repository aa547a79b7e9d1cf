/* newslint report: filters, finding details and shared-passage pairing. No libraries. */
(function () {
  "use strict";
  var dataNode = document.getElementById("report-data");
  if (!dataNode) { return; }
  var data = JSON.parse(dataNode.textContent);
  var findings = data.findings;
  var rules = data.rules;
  var RANK = { error: 3, warning: 2, info: 1 };
  var visible = findings.map(function () { return true; });
  var highlights = Array.prototype.slice.call(document.querySelectorAll("#text .hl"));
  var entries = Array.prototype.slice.call(document.querySelectorAll("#findings .finding"));
  var panel = document.getElementById("panel");

  function marks(el) {
    var value = el.getAttribute("data-f");
    return value ? value.split(" ").map(Number) : [];
  }

  function shownMarks(el) {
    return marks(el).filter(function (i) { return visible[i]; });
  }

  function describe(i) {
    var f = findings[i];
    return f.rule + " [" + f.severity + "] " + f.message;
  }

  function paint() {
    highlights.forEach(function (el) {
      var shown = shownMarks(el);
      var worst = "";
      shown.forEach(function (i) {
        var sev = findings[i].severity;
        if (!worst || RANK[sev] > RANK[worst]) { worst = sev; }
      });
      var cls = shown.length ? "hl hl-" + worst : "hl hl-off";
      if (shown.length > 1) { cls += " hl-multi"; }
      if (!el.textContent) { cls += " hl-empty"; }
      if (el.classList.contains("active")) { cls += " active"; }
      el.className = cls;
      el.title = shown.map(describe).join("\n");
      if (shown.length) { el.setAttribute("tabindex", "0"); } else { el.removeAttribute("tabindex"); }
    });
    var count = 0;
    entries.forEach(function (li) {
      var on = visible[Number(li.getAttribute("data-i"))];
      li.hidden = !on;
      if (on) { count += 1; }
    });
    var shownNode = document.getElementById("shown");
    if (shownNode) { shownNode.textContent = count + " of " + findings.length + " findings shown"; }
  }

  function applyFilters() {
    var allowed = { severity: {}, rule: {} };
    document.querySelectorAll("input[data-filter]").forEach(function (box) {
      allowed[box.getAttribute("data-filter")][box.value] = box.checked;
    });
    findings.forEach(function (f, i) {
      visible[i] = allowed.severity[f.severity] !== false && allowed.rule[f.rule] !== false;
    });
    paint();
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  function detail(i) {
    var f = findings[i];
    var doc = rules[f.rule] || {};
    var box = element("div", "detail");
    box.setAttribute("data-i", String(i));
    var head = element("div", "detail-head");
    head.appendChild(element("span", "badge sev-" + f.severity, f.severity));
    head.appendChild(element("code", "detail-rule", f.rule));
    head.appendChild(element("span", "where", "line " + f.where));
    box.appendChild(head);
    box.appendChild(element("p", "detail-message", f.message));
    var list = element("dl");
    if (doc.what) {
      list.appendChild(element("dt", "", "What it finds"));
      list.appendChild(element("dd", "detail-what", doc.what));
    }
    if (doc.why) {
      list.appendChild(element("dt", "", "Why it matters"));
      list.appendChild(element("dd", "detail-why", doc.why));
    }
    box.appendChild(list);
    return box;
  }

  function select(indexes, anchor) {
    highlights.forEach(function (el) { el.classList.remove("active"); });
    entries.forEach(function (li) { li.classList.remove("active"); });
    if (anchor) { anchor.classList.add("active"); }
    indexes.forEach(function (i) {
      var li = document.getElementById("f-" + i);
      if (li) { li.classList.add("active"); }
    });
    var body = panel.querySelector(".panel-body");
    body.textContent = "";
    indexes.forEach(function (i) { body.appendChild(detail(i)); });
    panel.hidden = indexes.length === 0;
  }

  function openHighlight(el) {
    var shown = shownMarks(el);
    if (shown.length) { select(shown, el); }
  }

  highlights.forEach(function (el) {
    el.addEventListener("click", function () { openHighlight(el); });
    el.addEventListener("keydown", function (event) {
      if (event.key === "Enter" || event.key === " ") { event.preventDefault(); openHighlight(el); }
    });
  });

  entries.forEach(function (li) {
    li.querySelector(".goto").addEventListener("click", function () {
      var i = Number(li.getAttribute("data-i"));
      var target = highlights.filter(function (el) { return marks(el).indexOf(i) >= 0; })[0];
      select([i], target);
      if (target) {
        target.scrollIntoView({ block: "center" });
        target.classList.remove("flash");
        void target.offsetWidth;
        target.classList.add("flash");
      }
    });
  });

  if (panel) {
    panel.querySelector(".close").addEventListener("click", function () { select([], null); });
  }
  document.querySelectorAll("input[data-filter]").forEach(function (box) {
    box.addEventListener("change", applyFilters);
  });

  var shared = Array.prototype.slice.call(document.querySelectorAll("mark.shared"));
  function twins(el, on) {
    var ids = el.getAttribute("data-p").split(" ");
    shared.forEach(function (other) {
      var match = other.getAttribute("data-p").split(" ").some(function (id) {
        return ids.indexOf(id) >= 0;
      });
      other.classList.toggle("twin", on && match);
    });
  }
  shared.forEach(function (el) {
    el.addEventListener("mouseenter", function () { twins(el, true); });
    el.addEventListener("mouseleave", function () { twins(el, false); });
  });

  applyFilters();
})();
