/* esgraf cooperation networks drawn with vis-network: the drawing shared by the map page and entity pages.
 *
 * Any element with id "entity-network" (or class "esgraf-network") and a data-src attribute is filled with the
 * network that URL returns (JSON from /network/data.json or /network/ego/...). Positions come from the server,
 * so physics stays off and big networks are interactive at once. Names come from articles: they are only ever
 * put into the page as text nodes, never as markup.
 */
(function () {
  "use strict";

  var PL = (document.documentElement.lang || "pl").slice(0, 2) !== "en";
  var WORDS = PL ? {
    degree: "stopień", betweenness: "pośrednictwo", weight: "waga", articles: "artykuły", county: "powiat",
    failed: "Nie udało się wczytać sieci.", empty: "Brak powiązań dla tych ustawień.",
    event: "spotkanie", agreement: "porozumienie", project: "projekt", partnership: "partnerstwo",
    unit: "jednostka", founder: "założyciel", member: "członek",
    public: "publiczny", social: "ekonomia społeczna", business: "biznes", via: "przez",
    unknown: "sektor nieznany", person: "osoba", cross: "powiązanie międzysektorowe", same: "powiązanie w sektorze"
  } : {
    degree: "degree", betweenness: "betweenness", weight: "weight", articles: "articles", county: "county",
    failed: "The network could not be loaded.", empty: "No ties for these settings.",
    event: "meeting", agreement: "agreement", project: "project", partnership: "partnership",
    unit: "unit", founder: "founder", member: "member",
    public: "public", social: "social economy", business: "business", via: "through",
    unknown: "unknown sector", person: "person", cross: "tie across sectors", same: "tie within a sector"
  };

  function word(key) { return WORDS[key] || key; }

  function el(tag, content, cls) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (content !== undefined && content !== null) { e.textContent = String(content); }
    return e;
  }

  function short(label, max) {
    label = String(label || "");
    return label.length > max ? label.slice(0, max - 1) + "…" : label;
  }

  function nodeTip(n) {
    var box = el("div", null, "network-tip");
    box.appendChild(el("strong", n.label));
    var meta = [n.kind, n.sector ? word(n.sector) : "", n.county ? word("county") + " " + n.county : ""];
    box.appendChild(el("div", meta.filter(Boolean).join(" · ")));
    box.appendChild(el("div", word("degree") + " " + n.degree + " · " + word("betweenness") + " " +
      Number(n.betweenness || 0).toFixed(3)));
    return box;
  }

  function edgeTip(e, byId) {
    var box = el("div", null, "network-tip");
    var a = byId.get(e.from), b = byId.get(e.to);
    box.appendChild(el("strong", (a ? a.label : "") + " — " + (b ? b.label : "")));
    box.appendChild(el("div", word("weight") + " " + e.weight));
    var list = el("ul");
    (e.contexts || []).slice(0, 8).forEach(function (c) {
      list.appendChild(el("li", word(c.kind) + ": " + (c.label || c.iri) + (c.date ? " (" + c.date + ")" : "") +
        (c.via && c.via.length ? " — " + word("via") + " " + c.via.join(", ") : "")));
    });
    box.appendChild(list);
    if (e.articles && e.articles.length) {
      box.appendChild(el("div", word("articles") + ":"));
      var arts = el("ul");
      e.articles.slice(0, 5).forEach(function (x) { arts.appendChild(el("li", x.title || x.iri)); });
      box.appendChild(arts);
    }
    return box;
  }

  function draw(container, data, opts) {
    opts = opts || {};
    container.textContent = "";
    if (!data.nodes.length && opts.quietWhenEmpty) {
      return null;  // an entity page's box stays empty (and hidden) for things that cooperate with no one
    }
    if (!data.nodes.length) {
      container.appendChild(el("p", word("empty"), "network-status"));
    }
    if (window.performance && performance.mark) { performance.mark("esgraf-network-data"); }
    var byId = new Map(data.nodes.map(function (n) { return [n.id, n]; }));
    var big = data.nodes.length > 500;
    var nodes = new vis.DataSet(data.nodes.map(function (n) {
      return { id: n.id, label: short(n.label, 32), x: n.x, y: n.y, size: n.size, shape: n.shape,
        color: { background: n.color, border: "#ffffff", highlight: { background: n.color, border: "#222222" } } };
    }));
    var edges = new vis.DataSet(data.edges.map(function (e) {
      return { id: e.id, from: e.from, to: e.to, dashes: e.dashes, width: e.width,
        color: { color: e.color, highlight: "#222222", opacity: 0.7 } };
    }));
    var edgeById = new Map(data.edges.map(function (e) { return [e.id, e]; }));
    if (window.performance && performance.mark) { performance.mark("esgraf-network-datasets"); }
    var state = { network: null, nodes: nodes, edges: edges, data: data, drawn: false, nodeCount: nodes.length,
      edgeCount: edges.length, container: container };
    var network = new vis.Network(container, { nodes: nodes, edges: edges }, {
      // a box sized only by min-height has no height for the canvas to fill: give it one
      height: container.clientHeight >= 200 ? "100%" : "420px",
      physics: false,
      layout: { improvedLayout: false },
      interaction: { hover: true, tooltipDelay: 150, hideEdgesOnDrag: big, hideEdgesOnZoom: big },
      nodes: { borderWidth: 1, font: { size: 12 } },
      edges: { smooth: false }
    });
    state.network = network;
    // tooltips are built when first hovered: tens of thousands of them up front would slow the first draw
    var tipped = { nodes: new Set(), edges: new Set() };
    network.on("hoverNode", function (params) {
      if (!tipped.nodes.has(params.node) && byId.has(params.node)) {
        tipped.nodes.add(params.node);
        nodes.update({ id: params.node, title: nodeTip(byId.get(params.node)) });
      }
    });
    network.on("hoverEdge", function (params) {
      if (!tipped.edges.has(params.edge) && edgeById.has(params.edge)) {
        tipped.edges.add(params.edge);
        edges.update({ id: params.edge, title: edgeTip(edgeById.get(params.edge), byId) });
      }
    });
    network.on("click", function (params) {
      if (params.nodes.length) {
        var n = byId.get(params.nodes[0]);
        if (n && n.url) { window.location.assign(n.url); }
      }
    });
    network.once("afterDrawing", function () {
      if (window.performance && performance.mark) { performance.mark("esgraf-network-drawn"); }
      state.drawn = true;
      container.setAttribute("data-drawn", "1");
      document.dispatchEvent(new CustomEvent("esgraf:network-drawn", { detail: state }));
    });
    window.esgrafNetwork.current = state;
    window.esgrafNetwork.instances.push(state);
    return state;
  }

  function load(container, opts) {
    return fetch(container.getAttribute("data-src"), { headers: { Accept: "application/json" },
      credentials: "same-origin" })
      .then(function (r) {
        if (!r.ok) { throw new Error("HTTP " + r.status); }
        return r.json();
      })
      .then(function (data) { return draw(container, data, opts); })
      .catch(function (err) {
        container.textContent = "";
        container.appendChild(el("p", word("failed") + " (" + err.message + ")", "network-status"));
        throw err;
      });
  }

  window.esgrafNetwork = { draw: draw, load: load, el: el, word: word, instances: [], current: null };

  function fillEmbeds() {
    var found = document.querySelectorAll("#entity-network[data-src], .esgraf-network[data-src]");
    Array.prototype.forEach.call(found, function (c) {
      load(c, { quietWhenEmpty: c.id === "entity-network" }).catch(function () { /* shown in the box */ });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", fillEmbeds);
  } else {
    fillEmbeds();
  }
}());
