/* The /network page: filters that apply as they change (the address keeps them, so a view is a link), an area
 * box that finds a county or voivodeship by name, and beside the map its legend, the sector-mixing figures with
 * what they mean, and a sortable table of the organisations' measures. Needs map.js; text goes in as text.
 */
(function () {
  "use strict";

  var map = window.esgrafMap;
  var el = map.el;
  var form = document.getElementById("network-filter");
  var container = document.getElementById("network-map");
  if (!form || !container) { return; }

  function row(cells, tag) {
    var tr = el("tr");
    cells.forEach(function (c) { tr.appendChild(el(tag || "td", c)); });
    return tr;
  }

  function pct(x, words) { return x === null || x === undefined ? "–" : Math.round(x * 100) + (words.lang === "pl" ? " %" : "%"); }
  function num(x, digits, words) {
    if (x === null || x === undefined) { return "–"; }
    var text = Number(x).toFixed(digits).replace("-", "−");
    return words.lang === "pl" ? text.replace(".", ",") : text;
  }

  function mixing(data) {
    var box = document.getElementById("network-mixing");
    if (!box) { return; }
    var words = data.words, s = data.summary || {}, m = s.mixing || {};
    box.textContent = "";
    box.appendChild(el("p", map.count(s.nodes || 0, "node", words) + ", " + map.count(s.edges || 0, "tie", words) +
      (s.betweenness_exact === false ? " " + words.approx : "") + "."));
    if (!m.ties) { return; }
    box.appendChild(el("p", pct(m.cross_share, words) + " " + words.cross_share + " · " + words.ei + " " + num(m.ei, 2, words),
                       "network-ei"));
    var t1 = el("table", null, "network-table");
    t1.appendChild(row([words.sector, words.internal, words.external, words.ei], "th"));
    t1.appendChild(row([words.all, m.internal, m.external, num(m.ei, 2, words)]));
    Object.keys(m.per_sector).forEach(function (k) {
      var p = m.per_sector[k];
      t1.appendChild(row([words.sectors[k] || k, p.internal, p.external, num(p.ei, 2, words)]));
    });
    box.appendChild(t1);
  }

  function explanations(data) {
    var box = document.getElementById("network-explain");
    if (!box) { return; }
    box.textContent = "";
    (data.explanations || []).forEach(function (x) {
      var item = el("div", null, "explain");
      item.setAttribute("data-key", x.key);
      item.appendChild(el("h3", x.title + (x.value ? ": " + x.value : "")));
      item.appendChild(el("p", x.text));
      box.appendChild(item);
    });
  }

  var ROLES = ["coordinator", "gatekeeper", "representative", "itinerant", "liaison"];

  function table(data) {
    var tbl = document.getElementById("network-table");
    if (!tbl) { return; }
    var words = data.words;
    var columns = [["label", words.name, "text"], ["sector", words.sector, "text"], ["kind", words.kind, "text"],
      ["county_label", words.county, "text"], ["degree", words.degree, "num"],
      ["weighted_degree", words.weight, "num"], ["betweenness", words.betweenness, "num"]].concat(
      ROLES.map(function (r) { return ["brokerage_" + r, words[r], "num"]; }));
    tbl.textContent = "";
    var thead = el("thead"), tbody = el("tbody"), head = el("tr");
    var sortKey = "degree", desc = true;
    columns.forEach(function (col) {
      var th = el("th"), btn = el("button", col[1], "network-sort");
      btn.type = "button";
      btn.setAttribute("data-key", col[0]);
      btn.addEventListener("click", function () {
        desc = sortKey === col[0] ? !desc : col[2] === "num";
        sortKey = col[0];
        fill();
      });
      th.appendChild(btn);
      head.appendChild(th);
    });
    thead.appendChild(head);
    tbl.appendChild(thead);
    tbl.appendChild(tbody);

    function cell(n, col) {
      var v = n[col[0]];
      if (col[0] === "label") {
        var td = el("td"), btn = el("button", v, "panel-pick");
        btn.type = "button";
        btn.addEventListener("click", function () { if (map.current) { map.current.select(n.iri); } });
        td.appendChild(btn);
        return td;
      }
      if (col[0] === "sector") { return el("td", n.layer === "person" ? words.sectors.person : words.sectors[v || ""]); }
      if (col[0] === "betweenness") { return el("td", num(v, 3, words)); }
      return el("td", v === null || v === undefined ? "" : v);
    }

    var filling = 0;
    function fill() {
      var col = columns.filter(function (c) { return c[0] === sortKey; })[0];
      var rows = data.nodes.slice().sort(function (a, b) {
        var x = a[sortKey], y = b[sortKey], r;
        if (col[2] === "num") { r = (Number(x) || 0) - (Number(y) || 0); } else {
          r = String(x || "").localeCompare(String(y || ""), words.lang);
        }
        if (r === 0) { return String(a.label).localeCompare(String(b.label), words.lang); }
        return desc ? -r : r;
      });
      tbody.textContent = "";
      tbl.setAttribute("data-sort", sortKey + (desc ? " desc" : " asc"));
      // thousands of rows go in by a few hundred at a time, so the map stays responsive meanwhile
      var run = ++filling, at = 0;
      (function chunk() {
        if (run !== filling) { return; }
        var frag = document.createDocumentFragment();
        rows.slice(at, at + 300).forEach(function (n) {
          var tr = el("tr");
          tr.setAttribute("data-node", n.iri);
          columns.forEach(function (c) { tr.appendChild(cell(n, c)); });
          frag.appendChild(tr);
        });
        tbody.appendChild(frag);
        at += 300;
        if (at < rows.length) { window.setTimeout(chunk, 0); } else { tbl.setAttribute("data-rows", String(rows.length)); }
      }());
    }
    fill();
  }

  function sides(st) {
    map.legend(document.getElementById("network-legend"), st.data);
    mixing(st.data);
    explanations(st.data);
    // a table of thousands of rows waits until the map's first frame is on screen
    requestAnimationFrame(function () { window.setTimeout(function () { table(st.data); }, 0); });
  }

  /* ---------------------------------------------------------------- filters that apply as they change */

  var areaInput = document.getElementById("filter-area-name");
  var areaCode = document.getElementById("filter-area");
  var choices = JSON.parse(form.getAttribute("data-areas") || "[]");
  var foldedChoices = choices.map(function (c) { return [map.fold(c.label), c]; });

  function query() {
    var params = new URLSearchParams();
    Array.prototype.forEach.call(form.elements, function (f) {
      if (!f.name || f.disabled || f.name === "area_name") { return; }
      if ((f.type === "checkbox" || f.type === "radio") && !f.checked) { return; }
      if (f.value === "" || (f.name === "min_weight" && f.value === "1") || (f.name === "size" && f.value === "degree")) { return; }
      params.append(f.name, f.value);
    });
    return params.toString();
  }

  function apply() {
    var q = query();
    var dataQuery = q;
    history.replaceState(null, "", form.getAttribute("action") + (q ? "?" + q : ""));
    container.setAttribute("data-src", container.getAttribute("data-base") + (dataQuery ? "?" + dataQuery : ""));
    container.setAttribute("data-node-src", container.getAttribute("data-node-base") + (dataQuery ? "?" + dataQuery : ""));
    var fileQuery = q.split("&").filter(function (p) { return p && p.indexOf("size=") !== 0; }).join("&");
    Array.prototype.forEach.call(document.querySelectorAll("[data-download-base]"), function (a) {
      a.href = a.getAttribute("data-download-base") + (fileQuery ? "?" + fileQuery : "");
    });
    var name = areaCode.value ? (choices.filter(function (c) { return c.code === areaCode.value; })[0] || {}).label : "";
    var h1 = document.getElementById("network-title");
    h1.textContent = h1.getAttribute("data-title") + (name ? ": " + name : "");
    document.title = h1.textContent + " — esgraf";
    start();
  }

  var timer = null;
  function soon() { window.clearTimeout(timer); timer = window.setTimeout(apply, 300); }

  form.addEventListener("change", function (e) {
    if (e.target === areaInput) { return; }  // the area box applies when a name is chosen
    apply();
  });
  form.addEventListener("input", function (e) { if (e.target.type === "number") { soon(); } });
  form.addEventListener("submit", function (e) { e.preventDefault(); apply(); });
  form.classList.add("live");

  // the area box: type part of a name, choose from what matches (counties with their voivodeship)
  var list = document.getElementById("filter-area-list");
  function showAreas() {
    var q = map.fold(areaInput.value).replace(/^powiat\s+/, "").trim();
    list.textContent = "";
    if (!q) { list.hidden = true; return; }
    var hits = foldedChoices.filter(function (f) { return f[0].indexOf(q) >= 0; }).slice(0, 10);
    hits.forEach(function (f) {
      var li = el("li"), btn = el("button", f[1].label, "area-option");
      btn.type = "button";
      btn.setAttribute("role", "option");
      btn.setAttribute("data-code", f[1].code);
      if (f[1]["in"]) { btn.appendChild(el("span", " · " + f[1]["in"], "muted")); }
      btn.addEventListener("click", function () { choose(f[1]); });
      li.appendChild(btn);
      list.appendChild(li);
    });
    list.hidden = !hits.length;
  }
  function choose(c) {
    areaCode.value = c ? c.code : "";
    areaInput.value = c ? c.label : "";
    list.hidden = true;
    apply();
  }
  areaInput.addEventListener("input", function () {
    if (!areaInput.value.trim() && areaCode.value) { choose(null); return; }
    showAreas();
  });
  areaInput.addEventListener("keydown", function (e) {
    if (e.key === "Enter") {
      e.preventDefault();
      var first = list.querySelector("button");
      if (first) { first.click(); }
    } else if (e.key === "Escape") {
      list.hidden = true;
    }
  });

  function start() {
    map.load(container).then(function (st) {
      if (st && st.renderer) { sides(st); } else if (st) { mixing(st.data); }
    }).catch(function () { /* the message is shown in the map */ });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
}());
