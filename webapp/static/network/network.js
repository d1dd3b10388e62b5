/* The /network page: draws the filtered map, its legend, the sector-mixing figures and a sortable metrics
 * table. Needs vis-network and embed.js (window.esgrafNetwork). All data comes from the JSON the map's
 * data-src names; text goes in as text nodes only.
 */
(function () {
  "use strict";

  var net = window.esgrafNetwork;
  var el = net.el, word = net.word;
  var PL = (document.documentElement.lang || "pl").slice(0, 2) !== "en";
  var T = PL ? {
    name: "Nazwa", sector: "Sektor", kind: "Rodzaj", county: "Powiat", degree: "Stopień", wdegree: "St. ważony",
    betweenness: "Pośrednictwo", community: "Społeczność", coordinator: "koordynator", gatekeeper: "strażnik",
    representative: "reprezentant", itinerant: "konsultant", liaison: "łącznik", ties: "Powiązania",
    share: "Udział", ei: "Indeks E-I", internal: "wewnątrz", external: "między sektorami", all: "Cała sieć",
    cross: "powiązań łączy różne sektory", nodes: "węzłów", edges: "powiązań", approx: "(szacunek z próby)"
  } : {
    name: "Name", sector: "Sector", kind: "Kind", county: "County", degree: "Degree", wdegree: "W. degree",
    betweenness: "Betweenness", community: "Community", coordinator: "coordinator", gatekeeper: "gatekeeper",
    representative: "representative", itinerant: "itinerant", liaison: "liaison", ties: "Ties",
    share: "Share", ei: "E-I index", internal: "within", external: "across sectors", all: "Whole network",
    cross: "of ties cross sectors", nodes: "nodes", edges: "ties", approx: "(estimated from a sample)"
  };

  function pct(x) { return x === null || x === undefined ? "–" : Math.round(x * 100) + "%"; }
  function num(x, digits) { return x === null || x === undefined ? "–" : Number(x).toFixed(digits); }

  function legend(data) {
    var ul = document.getElementById("network-legend");
    if (!ul) { return; }
    ul.textContent = "";
    data.legend.forEach(function (item) {
      var li = el("li");
      var dot = el("span", null, "network-swatch");
      dot.style.backgroundColor = item.color;  // CSSOM, allowed by the Content-Security-Policy
      li.appendChild(dot);
      li.appendChild(document.createTextNode(" " + word(item.key || "unknown")));
      ul.appendChild(li);
    });
    data.edge_legend.forEach(function (item) {
      var li = el("li");
      var line = el("span", null, "network-line" + (item.dashes ? " dashed" : ""));
      line.style.borderColor = item.color;
      li.appendChild(line);
      li.appendChild(document.createTextNode(" " + word(item.key)));
      ul.appendChild(li);
    });
  }

  function row(cells, tag) {
    var tr = el("tr");
    cells.forEach(function (c) { tr.appendChild(c instanceof Node ? wrap(c, tag) : el(tag || "td", c)); });
    return tr;
  }
  function wrap(node, tag) { var td = el(tag || "td"); td.appendChild(node); return td; }

  function mixing(data) {
    var box = document.getElementById("network-mixing");
    if (!box) { return; }
    box.textContent = "";
    var s = data.summary || {}, m = s.mixing || {};
    box.appendChild(el("p", (s.nodes || 0) + " " + T.nodes + ", " + (s.edges || 0) + " " + T.edges + "."));
    if (!m.ties) { return; }
    box.appendChild(el("p", pct(m.cross_share) + " " + T.cross + " · " + T.ei + " " + num(m.ei, 2), "network-ei"));
    var t1 = el("table", null, "network-table");
    t1.appendChild(row([T.sector, T.internal, T.external, T.ei], "th"));
    t1.appendChild(row([T.all, m.internal, m.external, num(m.ei, 2)]));
    Object.keys(m.per_sector).forEach(function (k) {
      var p = m.per_sector[k];
      t1.appendChild(row([word(k), p.internal, p.external, num(p.ei, 2)]));
    });
    box.appendChild(t1);
    var t2 = el("table", null, "network-table");
    t2.appendChild(row([T.sector, T.sector, T.ties, T.share], "th"));
    m.table.forEach(function (r) { t2.appendChild(row([word(r.a), word(r.b), r.ties, pct(r.share)])); });
    box.appendChild(t2);
  }

  var COLUMNS = [
    ["label", T.name, "text"], ["sector", T.sector, "text"], ["kind", T.kind, "text"], ["county", T.county, "text"],
    ["degree", T.degree, "num"], ["weighted_degree", T.wdegree, "num"], ["betweenness", T.betweenness, "num"],
    ["community", T.community, "num"], ["brokerage_coordinator", T.coordinator, "num"],
    ["brokerage_gatekeeper", T.gatekeeper, "num"], ["brokerage_representative", T.representative, "num"],
    ["brokerage_itinerant", T.itinerant, "num"], ["brokerage_liaison", T.liaison, "num"]
  ];

  function table(data) {
    var tbl = document.getElementById("network-table");
    if (!tbl) { return; }
    tbl.textContent = "";
    var thead = el("thead"), tbody = el("tbody");
    var head = el("tr");
    var sortKey = "degree", desc = true;
    COLUMNS.forEach(function (col) {
      var th = el("th");
      var btn = el("button", col[1], "network-sort");
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
        if (!n.url) { return el("td", v); }
        var a = el("a", v);
        a.href = n.url;
        return wrap(a);
      }
      if (col[0] === "sector") { return el("td", v ? word(v) : "–"); }
      if (col[0] === "betweenness") { return el("td", num(v, 3)); }
      return el("td", v === null || v === undefined ? "" : v);
    }

    function fill() {
      var col = COLUMNS.filter(function (c) { return c[0] === sortKey; })[0];
      var rows = data.nodes.slice().sort(function (a, b) {
        var x = a[sortKey], y = b[sortKey], r;
        if (col[2] === "num") { r = (Number(x) || 0) - (Number(y) || 0); } else {
          r = String(x || "").localeCompare(String(y || ""), "pl");
        }
        if (r === 0) { r = String(a.label).localeCompare(String(b.label), "pl"); return r; }
        return desc ? -r : r;
      });
      tbody.textContent = "";
      var frag = document.createDocumentFragment();
      rows.forEach(function (n) {
        var tr = el("tr");
        tr.setAttribute("data-node", n.id);
        COLUMNS.forEach(function (c) { tr.appendChild(cell(n, c)); });
        frag.appendChild(tr);
      });
      tbody.appendChild(frag);
      tbl.setAttribute("data-sort", sortKey + (desc ? " desc" : " asc"));
    }
    fill();
  }

  function start() {
    var container = document.getElementById("network-map");
    if (!container) { return; }
    net.load(container).then(function (state) {
      legend(state.data);
      mixing(state.data);
      table(state.data);
    }).catch(function () { /* the message is shown in the map */ });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
}());
