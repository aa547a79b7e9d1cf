/* newslint report index: sort, filter, search and page the articles. No libraries. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("report-data").textContent);
  var rows = data.rows;
  var rules = data.rules;
  var PAGE = 100;
  // row: [n, path, record, headline, errors, warnings, info, score, label, folder, rules, unreadable]
  var COLUMN = { path: 1, headline: 3, errors: 4, warnings: 5, info: 6, score: 7, label: 8 };
  var state = { sort: "worst", dir: 1, q: "", severity: "", rule: "", folder: "", label: "", page: 0 };
  var $ = function (id) { return document.getElementById(id); };

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }

  function option(select, value, text) {
    var node = element("option", "", text);
    node.value = value;
    select.appendChild(node);
  }

  function fillFilters() {
    var perRule = rules.map(function () { return 0; });
    var folders = {};
    var labels = {};
    rows.forEach(function (r) {
      r[10].forEach(function (i) { perRule[i] += 1; });
      folders[r[9]] = (folders[r[9]] || 0) + 1;
      if (r[8]) { labels[r[8]] = (labels[r[8]] || 0) + 1; }
    });
    rules.forEach(function (rule, i) {
      option($("f-rule"), String(i), rule[0] + " (" + perRule[i] + ")");
    });
    Object.keys(folders).sort().forEach(function (f) {
      option($("f-folder"), f, f + " (" + folders[f] + ")");
    });
    Object.keys(labels).sort().forEach(function (l) {
      option($("f-label"), l, l + " (" + labels[l] + ")");
    });
    if (!Object.keys(labels).length) { $("f-label").disabled = true; }
  }

  function worst(a, b) {
    return (b[11] - a[11]) || (b[4] - a[4]) || (b[5] - a[5]) || (b[6] - a[6]) ||
      (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : a[0] - b[0]);
  }

  function compare(a, b) {
    if (state.sort === "worst") { return worst(a, b); }
    var i = COLUMN[state.sort];
    var x = a[i], y = b[i];
    if (x === null || x === "") { return y === null || y === "" ? a[0] - b[0] : 1; }
    if (y === null || y === "") { return -1; }
    if (typeof x === "string") { x = x.toLowerCase(); y = String(y).toLowerCase(); }
    return (x < y ? -1 : x > y ? 1 : a[0] - b[0]) * state.dir;
  }

  function matches(r) {
    if (state.q) {
      var hay = (r[1] + " " + (r[2] || "") + " " + r[3]).toLowerCase();
      var words = state.q.toLowerCase().split(/\s+/);
      for (var w = 0; w < words.length; w += 1) {
        if (words[w] && hay.indexOf(words[w]) < 0) { return false; }
      }
    }
    if (state.severity === "clean" && (r[4] + r[5] + r[6])) { return false; }
    if (state.severity === "error" && !r[4]) { return false; }
    if (state.severity === "warning" && !r[5]) { return false; }
    if (state.severity === "info" && !r[6]) { return false; }
    if (state.rule !== "" && r[10].indexOf(Number(state.rule)) < 0) { return false; }
    if (state.folder !== "" && r[9] !== state.folder) { return false; }
    if (state.label !== "" && r[8] !== state.label) { return false; }
    return true;
  }

  function cell(row, className, text) {
    var td = element("td", className, text);
    row.appendChild(td);
    return td;
  }

  function renderRow(r) {
    var tr = element("tr");
    tr.setAttribute("data-n", String(r[0]));
    var file = cell(tr, "file");
    var link = element("a", "", r[1]);
    link.href = "article.html#" + r[0];
    file.appendChild(link);
    if (r[2]) { file.appendChild(element("span", "record", " record " + r[2])); }
    var head = cell(tr, "headline");
    if (r[11]) { head.appendChild(element("span", "none", "could not be read")); }
    else if (r[3]) { head.textContent = r[3]; }
    else { head.appendChild(element("span", "none", "no headline")); }
    ["error", "warning", "info"].forEach(function (sev, i) {
      cell(tr, "num sev-" + sev + (r[4 + i] ? "" : " zero"), r[4 + i]);
    });
    cell(tr, "num score", r[7] === null ? "—" : r[7].toFixed(2));
    cell(tr, "label", r[8] || "—");
    return tr;
  }

  function writeHash() {
    var parts = [];
    Object.keys(state).forEach(function (k) {
      var v = state[k];
      var plain = { sort: "worst", dir: 1, page: 0 };
      if (v !== "" && v !== plain[k]) { parts.push(k + "=" + encodeURIComponent(v)); }
    });
    var hash = parts.length ? "#" + parts.join("&") : " ";
    if (history.replaceState) { history.replaceState(null, "", hash === " " ? location.pathname : hash); }
  }

  function readHash() {
    location.hash.replace(/^#/, "").split("&").forEach(function (part) {
      var kv = part.split("=");
      if (kv.length === 2 && Object.prototype.hasOwnProperty.call(state, kv[0])) {
        var v = decodeURIComponent(kv[1]);
        state[kv[0]] = kv[0] === "dir" || kv[0] === "page" ? Number(v) || 0 : v;
      }
    });
    if (state.dir !== -1) { state.dir = 1; }
    $("search").value = state.q;
    $("f-severity").value = state.severity;
    $("f-rule").value = state.rule;
    $("f-folder").value = state.folder;
    $("f-label").value = state.label;
  }

  function render() {
    var shown = rows.filter(matches).sort(compare);
    var pages = Math.max(1, Math.ceil(shown.length / PAGE));
    state.page = Math.min(Math.max(0, state.page), pages - 1);
    var body = $("rows");
    var fragment = document.createDocumentFragment();
    shown.slice(state.page * PAGE, (state.page + 1) * PAGE).forEach(function (r) {
      fragment.appendChild(renderRow(r));
    });
    body.textContent = "";
    body.appendChild(fragment);
    var first = shown.length ? state.page * PAGE + 1 : 0;
    var last = Math.min(shown.length, (state.page + 1) * PAGE);
    $("shown").textContent = shown.length + " of " + rows.length + " articles" +
      (state.sort === "worst" ? ", worst first" : "");
    $("page").textContent = first + "–" + last + " of " + shown.length;
    $("prev").disabled = state.page === 0;
    $("next").disabled = state.page >= pages - 1;
    document.querySelectorAll("button.sort").forEach(function (button) {
      var on = button.getAttribute("data-sort") === state.sort;
      button.parentNode.setAttribute("aria-sort", on ? (state.dir > 0 ? "ascending" : "descending") : "none");
    });
    writeHash();
  }

  function changed(key, value) {
    state[key] = value;
    state.page = 0;
    render();
  }

  fillFilters();
  readHash();
  document.querySelectorAll("button.sort").forEach(function (button) {
    button.addEventListener("click", function () {
      var key = button.getAttribute("data-sort");
      var numeric = ["errors", "warnings", "info", "score"].indexOf(key) >= 0;
      if (state.sort === key) { state.dir = -state.dir; } else { state.sort = key; state.dir = numeric ? -1 : 1; }
      state.page = 0;
      render();
    });
  });
  var timer = null;
  $("search").addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { changed("q", $("search").value.trim()); }, 120);
  });
  [["f-severity", "severity"], ["f-rule", "rule"], ["f-folder", "folder"], ["f-label", "label"]].forEach(function (pair) {
    $(pair[0]).addEventListener("change", function () { changed(pair[1], $(pair[0]).value); });
  });
  $("worst").addEventListener("click", function () { state.sort = "worst"; state.dir = 1; changed("page", 0); });
  $("prev").addEventListener("click", function () { state.page -= 1; render(); });
  $("next").addEventListener("click", function () { state.page += 1; render(); });
  document.querySelectorAll("button.rule-link").forEach(function (button) {
    button.addEventListener("click", function () {
      var id = button.getAttribute("data-rule");
      var i = rules.map(function (r) { return r[0]; }).indexOf(id);
      $("f-rule").value = String(i);
      changed("rule", String(i));
      $("search").scrollIntoView({ block: "start" });
    });
  });
  render();
})();
