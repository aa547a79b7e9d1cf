/* newslint report article viewer: article.html#N renders article N from data/articles-*.js.
   article.html#N~M shows article M beside it (a duplicate and its first copy). No libraries;
   text only ever goes into textContent. */
(function () {
  "use strict";
  var meta = window.newslintMeta;
  var RANK = { error: 3, warning: 2, info: 1 };
  var chunks = {};
  var waiting = {};
  var $ = function (id) { return document.getElementById(id); };
  var current = null;
  var visible = [];
  var highlights = [];
  var entries = [];

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }

  function pad(n) { return ("00" + n).slice(-3); }

  window.newslintArticles = function (list) {
    var chunk = Math.floor(list[0].n / meta.chunk);
    chunks[chunk] = list;
    (waiting[chunk] || []).forEach(function (done) { done(); });
    delete waiting[chunk];
  };

  function load(n, done) {
    var chunk = Math.floor(n / meta.chunk);
    var ready = function () { done(chunks[chunk][n - chunk * meta.chunk]); };
    if (chunks[chunk]) { ready(); return; }
    if (waiting[chunk]) { waiting[chunk].push(ready); return; }
    waiting[chunk] = [ready];
    var script = document.createElement("script");
    script.src = "data/articles-" + pad(chunk) + ".js";
    document.body.appendChild(script);
  }

  function sev(f) { return meta.severities[f[1]]; }
  function rule(f) { return meta.rules[f[0]]; }

  function describe(f) { return rule(f)[0] + " [" + sev(f) + "] " + f[2]; }

  function badge(severity, text) { return element("span", "badge sev-" + severity, text); }

  function link(n, text, className) {
    var a = element("a", className || "", text);
    a.href = "article.html#" + n;
    return a;
  }

  function counts(record) {
    var c = [0, 0, 0];
    record.findings.forEach(function (f) { c[f[1]] += 1; });
    return c;
  }

  function renderMeta(record) {
    var box = $("meta");
    box.textContent = "";
    box.appendChild(element("span", "path", record.path + (record.record ? " (record " + record.record + ")" : "")));
    box.appendChild(document.createTextNode(" · "));
    var c = counts(record);
    ["error", "warning", "info"].forEach(function (s, i) {
      var plural = { error: "errors", warning: "warnings", info: "info" }[s];
      box.appendChild(badge(s, c[i] + " " + (c[i] === 1 ? s : plural)));
      box.appendChild(document.createTextNode(" "));
    });
    var t = record.tracking;
    var line = element("span", "tracking");
    if (t) {
      line.appendChild(document.createTextNode("· Tracking score "));
      line.appendChild(element("strong", "score", t.score === null ? "—" : t.score.toFixed(2)));
      line.appendChild(document.createTextNode(" · "));
      line.appendChild(element("span", "label", t.label || "—"));
      line.appendChild(document.createTextNode(" · original "));
      line.appendChild(t.n === null ? element("span", "path", t.path) : link(t.n, t.path));
    } else if (record.rewrites) {
      line.appendChild(element("strong", "original-mark", "· Original report"));
    }
    box.appendChild(line);
  }

  function renderText(record) {
    var box = $("text");
    box.textContent = "";
    box.className = "text";
    if (record.unreadable) {
      box.className = "text unreadable";
      box.appendChild(element("p", "", "This file could not be read; the findings say why. Nothing else in it was checked."));
      return;
    }
    var text = record.text;
    var pos = 0;
    record.cuts.forEach(function (cut) {
      if (cut[0] > pos) { box.appendChild(document.createTextNode(text.slice(pos, cut[0]))); }
      var span = element("span", "hl", text.slice(cut[0], cut[1]));
      span.setAttribute("data-f", cut.slice(2).join(" "));
      span.setAttribute("role", "button");
      box.appendChild(span);
      pos = Math.max(pos, cut[1]);
    });
    if (pos < text.length) { box.appendChild(document.createTextNode(text.slice(pos))); }
    highlights = Array.prototype.slice.call(box.querySelectorAll(".hl"));
    highlights.forEach(function (el) {
      el.addEventListener("click", function () { openHighlight(el); });
      el.addEventListener("keydown", function (event) {
        if (event.key === "Enter" || event.key === " ") { event.preventDefault(); openHighlight(el); }
      });
    });
  }

  function marks(el) {
    var value = el.getAttribute("data-f");
    return value ? value.split(" ").map(Number) : [];
  }

  function shownMarks(el) { return marks(el).filter(function (i) { return visible[i]; }); }

  function paint() {
    var findings = current.findings;
    highlights.forEach(function (el) {
      var shown = shownMarks(el);
      var worst = "";
      shown.forEach(function (i) {
        var s = sev(findings[i]);
        if (!worst || RANK[s] > RANK[worst]) { worst = s; }
      });
      var cls = shown.length ? "hl hl-" + worst : "hl hl-off";
      if (shown.length > 1) { cls += " hl-multi"; }
      if (!el.textContent) { cls += " hl-empty"; }
      if (el.classList.contains("active")) { cls += " active"; }
      el.className = cls;
      el.title = shown.map(function (i) { return describe(findings[i]); }).join("\n");
      if (shown.length) { el.setAttribute("tabindex", "0"); } else { el.removeAttribute("tabindex"); }
    });
    var count = 0;
    entries.forEach(function (li) {
      var on = visible[Number(li.getAttribute("data-i"))];
      li.hidden = !on;
      if (on) { count += 1; }
    });
    document.querySelectorAll(".banner").forEach(function (b) {
      b.hidden = !visible[Number(b.getAttribute("data-i"))];
    });
    $("shown").textContent = findings.length ? count + " of " + findings.length + " findings shown" : "";
  }

  function applyFilters() {
    var allowed = { severity: {}, rule: {} };
    document.querySelectorAll("input[data-filter]").forEach(function (box) {
      allowed[box.getAttribute("data-filter")][box.value] = box.checked;
    });
    current.findings.forEach(function (f, i) {
      visible[i] = allowed.severity[sev(f)] !== false && allowed.rule[rule(f)[0]] !== false;
    });
    paint();
  }

  function reference(f) {
    var ref = f[5];
    if (!ref) { return null; }
    var p = element("p", "detail-link");
    if (ref[3]) {
      p.textContent = "First copy: line " + ref[1] + " of this article.";
      return p;
    }
    p.appendChild(document.createTextNode("First copy: "));
    p.appendChild(link(ref[0], ref[2] + ":" + ref[1], "first-copy"));
    p.appendChild(document.createTextNode(" · "));
    p.appendChild(link(current.n + "~" + ref[0], "open both side by side", "side-by-side"));
    return p;
  }

  function detail(i) {
    var f = current.findings[i];
    var r = rule(f);
    var box = element("div", "detail");
    box.setAttribute("data-i", String(i));
    var head = element("div", "detail-head");
    head.appendChild(badge(sev(f), sev(f)));
    head.appendChild(element("code", "detail-rule", r[0]));
    head.appendChild(element("span", "where", "line " + f[3]));
    box.appendChild(head);
    box.appendChild(element("p", "detail-message", f[2]));
    var ref = reference(f);
    if (ref) { box.appendChild(ref); }
    var list = element("dl");
    if (r[1]) { list.appendChild(element("dt", "", "What it finds")); list.appendChild(element("dd", "detail-what", r[1])); }
    if (r[2]) { list.appendChild(element("dt", "", "Why it matters")); list.appendChild(element("dd", "detail-why", r[2])); }
    box.appendChild(list);
    return box;
  }

  function select(indexes, anchor) {
    highlights.forEach(function (el) { el.classList.remove("active"); });
    entries.forEach(function (li) { li.classList.remove("active"); });
    if (anchor) { anchor.classList.add("active"); }
    indexes.forEach(function (i) {
      var li = $("f-" + i);
      if (li) { li.classList.add("active"); }
    });
    var panel = $("panel");
    var body = panel.querySelector(".panel-body");
    body.textContent = "";
    indexes.forEach(function (i) { body.appendChild(detail(i)); });
    panel.hidden = indexes.length === 0;
  }

  function openHighlight(el) {
    var shown = shownMarks(el);
    if (shown.length) { select(shown, el); }
  }

  function renderBanners(record) {
    var box = $("banners");
    box.textContent = "";
    record.findings.forEach(function (f, i) {
      if (!f[4]) { return; }
      var banner = element("button", "banner sev-" + sev(f));
      banner.type = "button";
      banner.setAttribute("data-i", String(i));
      banner.appendChild(badge(sev(f), sev(f)));
      banner.appendChild(element("code", "", rule(f)[0]));
      banner.appendChild(element("span", "message", f[2]));
      banner.addEventListener("click", function () { select([i], null); });
      box.appendChild(banner);
    });
  }

  function checkbox(kind, value, label, count) {
    var wrap = element("label", "filter " + kind + "-" + value);
    var input = element("input");
    input.type = "checkbox";
    input.checked = true;
    input.setAttribute("data-filter", kind);
    input.value = value;
    input.addEventListener("change", applyFilters);
    wrap.appendChild(input);
    wrap.appendChild(document.createTextNode(" "));
    wrap.appendChild(label);
    wrap.appendChild(element("span", "count", " " + count));
    return wrap;
  }

  function renderSide(record) {
    var filters = $("filters");
    var list = $("findings");
    filters.textContent = "";
    list.textContent = "";
    $("panel").hidden = true;
    if (!record.findings.length) {
      filters.hidden = true;
      list.appendChild(element("li", "clean", "No findings in this article."));
      entries = [];
      return;
    }
    filters.hidden = false;
    var bySev = {}, byRule = {};
    record.findings.forEach(function (f) {
      bySev[sev(f)] = (bySev[sev(f)] || 0) + 1;
      byRule[rule(f)[0]] = (byRule[rule(f)[0]] || 0) + 1;
    });
    var sevSet = element("fieldset");
    sevSet.appendChild(element("legend", "", "Severity"));
    meta.severities.forEach(function (s) {
      if (bySev[s]) { sevSet.appendChild(checkbox("severity", s, badge(s, s), bySev[s])); }
    });
    var ruleSet = element("fieldset");
    ruleSet.appendChild(element("legend", "", "Rule"));
    Object.keys(byRule).sort().forEach(function (r) {
      ruleSet.appendChild(checkbox("rule", r, element("code", "", r), byRule[r]));
    });
    filters.appendChild(sevSet);
    filters.appendChild(ruleSet);
    record.findings.forEach(function (f, i) {
      var li = element("li", "finding sev-" + sev(f));
      li.id = "f-" + i;
      li.setAttribute("data-i", String(i));
      li.setAttribute("data-rule", rule(f)[0]);
      li.setAttribute("data-severity", sev(f));
      var button = element("button", "goto");
      button.type = "button";
      button.appendChild(element("span", "where", f[4] ? "article" : f[3]));
      button.appendChild(document.createTextNode(" "));
      button.appendChild(badge(sev(f), sev(f)));
      button.appendChild(document.createTextNode(" "));
      button.appendChild(element("code", "", rule(f)[0]));
      button.appendChild(element("span", "message", f[2]));
      button.addEventListener("click", function () { goto(i); });
      li.appendChild(button);
      list.appendChild(li);
    });
    entries = Array.prototype.slice.call(list.querySelectorAll(".finding"));
  }

  function goto(i) {
    var target = highlights.filter(function (el) { return marks(el).indexOf(i) >= 0; })[0];
    select([i], target);
    if (target) {
      target.scrollIntoView({ block: "center" });
      target.classList.remove("flash");
      void target.offsetWidth;
      target.classList.add("flash");
    }
  }

  function renderRewrites(record) {
    var box = $("rewrites");
    box.textContent = "";
    box.hidden = !record.rewrites;
    if (!record.rewrites) { return; }
    box.className = "rewrites";
    box.appendChild(element("h2", "", "Original report: " + record.rewrites.length +
      (record.rewrites.length === 1 ? " rewrite follows it" : " rewrites follow it")));
    var list = element("ol");
    record.rewrites.forEach(function (r) {
      var li = element("li");
      li.appendChild(link(r[0], r[1]));
      li.appendChild(document.createTextNode(" · score " + (r[2] === null ? "—" : r[2].toFixed(2)) + " · " + (r[3] || "—")));
      list.appendChild(li);
    });
    box.appendChild(list);
  }

  /* Marks sorted by start, an overlapping one dropped: [start, end, passage number]. */
  function nonOverlapping(spans) {
    var order = spans.map(function (s, i) { return [s[0], s[1], i]; }).sort(function (a, b) { return a[0] - b[0]; });
    var kept = [];
    var end = 0;
    order.forEach(function (s) {
      if (s[0] < end) { return; }
      kept.push(s);
      end = s[1];
    });
    return kept;
  }

  /* text[from, to) into node, the marks inside it (clipped to it) as <mark class="shared">. */
  function appendMarked(node, text, from, to, marks) {
    var pos = from;
    marks.forEach(function (m) {
      var s = Math.max(m[0], pos);
      var e = Math.min(m[1], to);
      if (e <= s) { return; }
      node.appendChild(document.createTextNode(text.slice(pos, s)));
      var mark = element("mark", "shared", text.slice(s, e));
      mark.setAttribute("data-p", String(m[2]));
      node.appendChild(mark);
      pos = e;
    });
    node.appendChild(document.createTextNode(text.slice(pos, to)));
  }

  function percent(x) { return Math.round(100 * x) + "%"; }

  function range(first, last) {
    return first === last ? "sentence " + (first + 1) : "sentences " + (first + 1) + "–" + (last + 1);
  }

  /* A text with its sentences as spans, shaded by how closely they follow the other side
     (label(i) gives [similarity, title] or null), and its shared passages marked inside. */
  function aligned(text, sentences, spans, side, label) {
    var node = element("div", "text " + side);
    var marks = nonOverlapping(spans);
    var pos = 0;
    sentences.forEach(function (s, i) {
      if (s[0] < pos) { return; }
      appendMarked(node, text, pos, s[0], marks);
      var span = element("span", "sentence");
      span.setAttribute("data-s", String(i));
      var info = label(i);
      if (info) {
        span.classList.add("aligned");
        if (info[0] >= 0.5) { span.classList.add("follows"); }
        span.style.setProperty("--sim", String(info[0]));
        span.title = info[1];
      }
      appendMarked(span, text, s[0], s[1], marks);
      node.appendChild(span);
      pos = s[1];
    });
    appendMarked(node, text, pos, text.length, marks);
    return node;
  }

  function column(title, path, body) {
    var col = element("div", "column");
    var h = element("h3", "", title + " ");
    h.appendChild(path);
    col.appendChild(h);
    col.appendChild(body);
    return col;
  }

  /* The pair view: rewrite and original side by side, each rewrite sentence shaded by how
     closely it follows its linked original passage, shared passages marked on both. */
  function renderPair(record) {
    var box = $("compare");
    var t = record.tracking;
    box.textContent = "";
    box.hidden = !t;
    if (!t) { return; }
    box.appendChild(element("h2", "", "Original and rewrite"));
    box.appendChild(element("p", "meta", t.pair.summary));
    if (t.pair.reasons && t.pair.reasons.length) {
      var reasons = element("div", "reasons");
      var baseline = t.pair.baseline === null || t.pair.baseline === undefined ? "" :
        " (baseline " + t.pair.baseline.toFixed(2) +
        ": a pair halfway between a typical derived and a typical non-derived one)";
      reasons.appendChild(element("p", "", "Why the tracking score is what it is" + baseline +
        ", strongest reasons first:"));
      var list = element("ul", "");
      t.pair.reasons.forEach(function (reason) { list.appendChild(element("li", "", reason)); });
      reasons.appendChild(list);
      box.appendChild(reasons);
    }
    var pair = t.pair;
    var byRewrite = {};
    var byOriginal = {};
    pair.links.forEach(function (link) {
      byRewrite[link[0]] = link;
      for (var j = link[1]; j <= link[2]; j++) { (byOriginal[j] = byOriginal[j] || []).push(link); }
    });
    var rewriteLabel = function (i) {
      var link = byRewrite[i];
      if (!link) { return null; }
      return [link[3], "follows the original's " + range(link[1], link[2]) + ": " +
        percent(link[3]) + " of its content words are there"];
    };
    var originalLabel = function (j) {
      var links = byOriginal[j];
      if (!links) { return null; }
      var best = Math.max.apply(null, links.map(function (l) { return l[3]; }));
      return [best, "followed by the rewrite's " + links.map(function (l) { return "sentence " + (l[0] + 1) + " (" + percent(l[3]) + ")"; }).join(", ")];
    };
    var columns = element("div", "columns");
    columns.appendChild(column("Original", element("span", "path", t.path),
      aligned(pair.original, pair.sentences.original, pair.shared.map(function (s) { return [s[2], s[3]]; }), "original", originalLabel)));
    columns.appendChild(column("Rewrite", element("span", "path", ""),
      aligned(record.text, pair.sentences.rewrite, pair.shared.map(function (s) { return [s[0], s[1]]; }), "rewrite", rewriteLabel)));
    box.appendChild(columns);
    twins(box);
    partners(box, byRewrite, byOriginal);
  }

  /* Hovering a sentence lights up the sentences it is linked to on the other side; clicking a
     rewrite sentence brings its original passage into view. */
  function partners(box, byRewrite, byOriginal) {
    var rewriteSide = box.querySelectorAll(".text.rewrite .sentence.aligned");
    var originalSide = box.querySelectorAll(".text.original .sentence.aligned");
    var find = function (side, i) { return box.querySelector(".text." + side + ' .sentence[data-s="' + i + '"]'); };
    var light = function (nodes, state) {
      nodes.forEach(function (node) { if (node) { node.classList.toggle("linked", state); } });
    };
    var originals = function (i) {
      var link = byRewrite[i];
      var nodes = [];
      for (var j = link[1]; j <= link[2]; j++) { nodes.push(find("original", j)); }
      return nodes;
    };
    Array.prototype.forEach.call(rewriteSide, function (el) {
      var i = Number(el.getAttribute("data-s"));
      el.addEventListener("mouseenter", function () { light(originals(i).concat([el]), true); });
      el.addEventListener("mouseleave", function () { light(originals(i).concat([el]), false); });
      el.addEventListener("click", function () {
        var first = originals(i)[0];
        if (first) { first.scrollIntoView({ block: "nearest" }); }
      });
    });
    Array.prototype.forEach.call(originalSide, function (el) {
      var j = Number(el.getAttribute("data-s"));
      var nodes = (byOriginal[j] || []).map(function (l) { return find("rewrite", l[0]); }).concat([el]);
      el.addEventListener("mouseenter", function () { light(nodes, true); });
      el.addEventListener("mouseleave", function () { light(nodes, false); });
    });
  }

  function twins(box) {
    var shared = Array.prototype.slice.call(box.querySelectorAll("mark.shared"));
    shared.forEach(function (el) {
      var on = function (state) {
        shared.forEach(function (other) {
          other.classList.toggle("twin", state && other.getAttribute("data-p") === el.getAttribute("data-p"));
        });
      };
      el.addEventListener("mouseenter", function () { on(true); });
      el.addEventListener("mouseleave", function () { on(false); });
    });
  }

  function renderBeside(other) {
    var box = $("compare");
    box.hidden = false;
    box.textContent = "";
    box.className = "compare beside";
    box.appendChild(element("h2", "", "Side by side with the first copy"));
    var columns = element("div", "columns");
    columns.appendChild(column("This article", element("span", "path", current.path), element("div", "text", current.text)));
    columns.appendChild(column("First copy", link(other.n, other.path), element("div", "text", other.text)));
    box.appendChild(columns);
    box.scrollIntoView({ block: "start" });
  }

  function nav(id, n) {
    var a = $(id);
    if (n < 0 || n >= meta.count) { a.hidden = true; return; }
    a.hidden = false;
    a.href = "article.html#" + n;
  }

  function render(record, besideN) {
    current = record;
    visible = record.findings.map(function () { return true; });
    var title = record.unreadable ? record.path + " (could not be read)" : (record.headline || record.path);
    $("title").textContent = title;
    document.title = title + " · newslint report";
    nav("nav-prev", record.n - 1);
    nav("nav-next", record.n + 1);
    renderMeta(record);
    renderBanners(record);
    renderText(record);
    renderSide(record);
    renderRewrites(record);
    $("compare").className = "compare";
    renderPair(record);
    applyFilters();
    if (besideN !== null) { load(besideN, renderBeside); } else { window.scrollTo(0, 0); }
  }

  function route() {
    var parts = location.hash.replace(/^#/, "").split("~");
    var n = parseInt(parts[0], 10);
    if (isNaN(n) || n < 0 || n >= meta.count) { n = 0; }
    var beside = parts.length > 1 ? parseInt(parts[1], 10) : NaN;
    load(n, function (record) { render(record, isNaN(beside) ? null : beside); });
  }

  $("panel").querySelector(".close").addEventListener("click", function () { select([], null); });
  window.addEventListener("hashchange", route);
  if (meta.count) { route(); } else { $("title").textContent = "No articles"; }
})();
