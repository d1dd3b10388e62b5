/* esgraf cooperation maps, drawn with sigma.js (WebGL) over graphology: the map page, area pages and the small
 * networks of entity pages share this file.
 *
 * Every element with class "esgraf-map" and a data-src attribute is filled with the network that URL returns
 * (/network/data.json or /network/ego/...). Positions come from the server. Labels are drawn here rather than
 * by sigma: at 12 px at least, the biggest organisations first, each placed beside its node where it neither
 * covers another label nor leaves the box, whole when zoomed in or hovered. Clicking an organisation selects
 * it: its ties stay, the rest fades, and "esgraf:map-select" tells a side panel (panel.js) to list its
 * partners. Names come from articles written by others: they only ever enter the page as text.
 */
(function () {
  "use strict";

  var LABEL_PX = 12;          // the smallest label drawn
  var FULL_NAMES_RATIO = 0.5;  // zoomed in past this camera ratio, labels show whole names
  var SHORT = 30;              // characters of a name shown before it is cut at a word
  var MAX_LABELS = 160;        // labels tried per frame on big maps
  var FADED = "#e4e7ea", EDGE_FADED = "#f0f1f2", EDGE_SELECTED = "#1d2327";

  function el(tag, content, cls) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (content !== undefined && content !== null) { e.textContent = String(content); }
    return e;
  }

  function fold(text) {
    return String(text || "").replace(/[łŁ]/g, "l").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function shorten(label) {
    label = String(label || "");
    if (label.length <= SHORT) { return label; }
    var cut = label.slice(0, SHORT - 1);
    var space = cut.lastIndexOf(" ");
    return (space > SHORT / 2 ? cut.slice(0, space) : cut) + "…";
  }

  // Polish counted nouns: 1 powiązanie, 2 powiązania, 5 powiązań (English: 1 tie, 2 ties)
  function count(n, key, words) {
    var forms = (words.nouns || {})[key] || [key, key, key];
    var i;
    if (words.lang === "pl") {
      i = n === 1 ? 0 : (n % 10 >= 2 && n % 10 <= 4 && (n % 100 < 12 || n % 100 > 14)) ? 1 : 2;
    } else {
      i = n === 1 ? 0 : 1;
    }
    return String(n) + " " + forms[Math.min(i, forms.length - 1)];
  }

  function webglWorks() {
    try {
      var c = document.createElement("canvas");
      return !!(window.WebGLRenderingContext && (c.getContext("webgl2") || c.getContext("webgl")));
    } catch (e) {
      return false;
    }
  }

  function overlaps(box, placed) {
    for (var i = 0; i < placed.length; i++) {
      var p = placed[i];
      if (box.x < p.x + p.w && box.x + box.w > p.x && box.y < p.y + p.h && box.y + box.h > p.y) { return true; }
    }
    return false;
  }

  /* The label pass, after sigma has drawn a frame: candidates in order of importance, each placed at the first
   * free spot right, left, below or above its node inside the box. */
  function drawLabels(st) {
    var r = st.renderer, ctx = r.getCanvases().labels.getContext("2d");
    var W = st.container.clientWidth, H = st.container.clientHeight;
    var ratio = r.getCamera().getState().ratio;
    var full = ratio <= FULL_NAMES_RATIO || st.graph.order <= 12;
    var order = st.labelOrder;
    if (st.selected !== null) {
      var first = [st.selected].concat(st.graph.neighbors(st.selected));
      var firstSet = new Set(first);
      order = first.concat(order.filter(function (n) { return !firstSet.has(n); }));
    }
    // where the nodes are on screen: a label may cover neither another label nor another node
    var discs = new Map(), obstacles = [];
    for (var k = 0; k < order.length && obstacles.length < 3000; k++) {
      var d = r.getNodeDisplayData(order[k]);
      if (!d || d.hidden) { continue; }
      var v = r.framedGraphToViewport(d), sz = r.scaleSize(d.size);
      if (v.x < -50 || v.x > W + 50 || v.y < -50 || v.y > H + 50) { continue; }
      var disc = { x: v.x - sz, y: v.y - sz, w: 2 * sz, h: 2 * sz, key: order[k], cx: v.x, cy: v.y, size: sz };
      discs.set(order[k], disc);
      obstacles.push(disc);
    }
    var placed = [], tried = 0;
    for (var i = 0; i < order.length && tried < MAX_LABELS; i++) {
      var key = order[i], p = discs.get(key);
      if (!p) { continue; }
      if (st.selected !== null && key !== st.selected && !st.graph.areNeighbors(key, st.selected)) { continue; }
      tried++;
      var a = st.graph.getNodeAttributes(key);
      var selected = key === st.selected || key === st.focus;
      var px = selected ? LABEL_PX + 1 : LABEL_PX;
      ctx.font = (selected ? "bold " : "") + px + "px system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";
      var texts = full || selected ? [a.label, a.short] : [a.short];
      var done = false;
      for (var t = 0; t < texts.length && !done; t++) {
        var text = texts[t], w = ctx.measureText(text).width, h = px + 4, size = p.size;
        var spots = [[p.cx + size + 4, p.cy - h / 2], [p.cx - size - 4 - w, p.cy - h / 2],
                     [p.cx - w / 2, p.cy + size + 2], [p.cx - w / 2, p.cy - size - 2 - h]];
        for (var s = 0; s < spots.length; s++) {
          var box = { x: spots[s][0] - 2, y: spots[s][1], w: w + 4, h: h };
          if (box.x < 0 || box.y < 0 || box.x + box.w > W || box.y + box.h > H || overlaps(box, placed) ||
              hitsNode(box, obstacles, key)) { continue; }
          ctx.fillStyle = "rgba(255,255,255,0.85)";
          ctx.fillRect(box.x, box.y, box.w, box.h);
          ctx.fillStyle = "#1d2327";
          ctx.textBaseline = "middle";
          ctx.fillText(text, box.x + 2, box.y + h / 2);
          placed.push({ key: a.iri, text: text, x: box.x, y: box.y, w: box.w, h: box.h, px: px });
          done = true;
          break;
        }
      }
    }
    st.labels = placed;
  }

  function hitsNode(box, obstacles, own) {
    for (var i = 0; i < obstacles.length; i++) {
      var o = obstacles[i];
      if (o.key !== own && box.x < o.x + o.w && box.x + box.w > o.x && box.y < o.y + o.h && box.y + box.h > o.y) {
        return true;
      }
    }
    return false;
  }

  /* The hovered organisation: its whole name in a box, kept inside the map. */
  function drawHover(context, data) {
    var canvas = context.canvas, W = canvas.clientWidth || canvas.width, H = canvas.clientHeight || canvas.height;
    var px = LABEL_PX + 1;
    context.font = "bold " + px + "px system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";
    var w = context.measureText(data.label || "").width + 8, h = px + 8;
    var x = data.x + data.size + 4, y = data.y - h / 2;
    if (x + w > W) { x = Math.max(0, data.x - data.size - 4 - w); }
    y = Math.min(Math.max(0, y), H - h);
    context.fillStyle = "#ffffff";
    context.shadowColor = "rgba(0,0,0,0.25)";
    context.shadowBlur = 6;
    context.fillRect(x, y, w, h);
    context.shadowBlur = 0;
    context.beginPath();
    context.arc(data.x, data.y, data.size + 2, 0, Math.PI * 2);
    context.fill();
    context.fillStyle = "#1d2327";
    context.textBaseline = "middle";
    context.fillText(data.label || "", x + 4, y + h / 2);
  }

  function tooltip(st, n, x, y) {
    hideTip(st);
    var words = st.data.words, box = el("div", null, "network-tip");
    box.appendChild(el("strong", n.label));
    var meta = [n.kind, n.layer === "person" ? "" : words.sectors[n.sector || ""], n.county_label];
    box.appendChild(el("div", meta.filter(Boolean).join(" · ")));
    box.appendChild(el("div", count(n.degree, "partner", words)));
    box.style.left = Math.min(x + 14, st.container.clientWidth - 260) + "px";
    box.style.top = Math.max(0, y - 10) + "px";
    st.container.appendChild(box);
    st.tip = box;
  }

  function hideTip(st) {
    if (st.tip && st.tip.parentNode) { st.tip.parentNode.removeChild(st.tip); }
    st.tip = null;
  }

  function noMap(container, data, message) {
    container.textContent = "";
    container.appendChild(el("p", message, "network-status"));
    var picture = container.getAttribute("data-picture");
    if (picture) {
      var img = el("img", null, "network-picture");
      img.src = picture;
      img.alt = "";
      container.appendChild(img);
    }
  }

  function draw(container, data, opts) {
    opts = opts || {};
    container.textContent = "";
    var words = data.words || {};
    if (!data.nodes.length) {
      if (opts.quietWhenEmpty) { container.setAttribute("data-empty", "1"); return null; }
      container.appendChild(el("p", words.empty, "network-status"));
      container.setAttribute("data-drawn", "1");
      return null;
    }
    if (!webglWorks()) { noMap(container, data, words.nowebgl); return null; }
    if (window.performance && performance.mark) { performance.mark("esgraf-network-data"); }
    var Graph = window.graphology.Graph || window.graphology;
    var graph = new Graph({ type: "undirected", multi: false, allowSelfLoops: false });
    var byIri = new Map();
    data.nodes.forEach(function (n) {
      var key = String(n.id);
      byIri.set(n.iri, key);
      graph.addNode(key, { x: n.x, y: -n.y, size: n.size, color: n.color, label: n.label, short: shorten(n.label),
                           iri: n.iri });
    });
    data.edges.forEach(function (e, i) {
      var a = String(e[0]), b = String(e[1]);
      if (!graph.hasEdge(a, b)) {
        graph.addEdgeWithKey(String(i), a, b, { size: 0.6 + Math.log2(e[2] || 1) * 0.8,
                                                color: e[3] ? "#D55E00" : "#a6a6a6", cross: !!e[3], weight: e[2] });
      }
    });
    if (window.performance && performance.mark) { performance.mark("esgraf-network-graph"); }
    var st = { container: container, data: data, graph: graph, byIri: byIri, selected: null, labels: [], tip: null,
               focus: data.focus ? byIri.get(data.focus) || null : null, drawn: false, renderer: null,
               nodesById: new Map(data.nodes.map(function (n) { return [String(n.id), n]; })) };
    st.labelOrder = graph.nodes().slice().sort(function (a, b) {
      return graph.getNodeAttribute(b, "size") - graph.getNodeAttribute(a, "size") || graph.degree(b) - graph.degree(a);
    });
    if (st.focus !== null) { graph.setNodeAttribute(st.focus, "size", Math.max(graph.getNodeAttribute(st.focus, "size"), 12)); }
    var big = graph.size > 20000;
    var ring = window.Sigma.rendering.createNodeBorderProgram({
      borders: [{ size: { value: 0.28 }, color: { value: "#1d2327" } }, { size: { fill: true }, color: { attribute: "color" } }]
    });
    var renderer = new window.Sigma(graph, container, {
      nodeProgramClasses: { ring: ring },
      renderLabels: false,
      defaultDrawNodeHover: drawHover,
      enableEdgeEvents: false,
      enableCameraRotation: false,
      hideEdgesOnMove: big,
      zIndex: true,
      stagePadding: 24,
      minCameraRatio: 0.05,
      maxCameraRatio: 4,
      // sigma hands the reducers a copy of the attributes: they may change it
      nodeReducer: function (key, out) {
        if (key === st.focus) { out.type = "ring"; out.zIndex = 2; }
        if (st.selected !== null) {
          if (key === st.selected) {
            out.type = "ring";
            out.size += 3;
            out.zIndex = 2;
          } else if (graph.areNeighbors(key, st.selected)) {
            out.zIndex = 1;
          } else {
            out.color = FADED;
            out.zIndex = 0;
          }
        }
        return out;
      },
      edgeReducer: function (key, out) {
        if (st.selected !== null) {
          if (graph.hasExtremity(key, st.selected)) {
            out.color = out.cross ? "#D55E00" : EDGE_SELECTED;
            out.size += 1;
            out.zIndex = 1;
          } else {
            out.color = EDGE_FADED;
            out.zIndex = 0;
          }
        }
        return out;
      }
    });
    st.renderer = renderer;
    if (window.performance && performance.mark) { performance.mark("esgraf-network-sigma"); }
    renderer.on("afterRender", function () { drawLabels(st); });
    drawLabels(st);  // sigma drew the first frame while it was made, before anyone could listen
    if (window.performance && performance.mark) { performance.mark("esgraf-network-labels"); }
    renderer.on("enterNode", function (e) {
      container.style.cursor = "pointer";
      var pos = renderer.framedGraphToViewport(renderer.getNodeDisplayData(e.node));
      tooltip(st, st.nodesById.get(e.node), pos.x, pos.y);
    });
    renderer.on("leaveNode", function () { container.style.cursor = ""; hideTip(st); });
    renderer.on("clickNode", function (e) { select(st, e.node); });
    renderer.on("doubleClickNode", function (e) {
      e.preventSigmaDefault();
      var n = st.nodesById.get(e.node);
      if (n && n.url) { window.location.assign(n.url); }
    });
    renderer.on("clickStage", function () { select(st, null); });
    st.select = function (iri) { select(st, iri === null ? null : byIri.get(iri) || null, true); };
    st.position = function (iri) {
      var key = byIri.get(iri);
      return key === undefined ? null : renderer.framedGraphToViewport(renderer.getNodeDisplayData(key));
    };
    addControls(st);
    // sigma draws the first frame at once; the next animation frame has it on screen
    requestAnimationFrame(function () {
      if (window.performance && performance.mark) { performance.mark("esgraf-network-drawn"); }
      st.drawn = true;
      container.setAttribute("data-drawn", "1");
      document.dispatchEvent(new CustomEvent("esgraf:map-drawn", { detail: st }));
    });
    window.esgrafMap.current = st;
    window.esgrafMap.instances.push(st);
    return st;
  }

  function select(st, key, move) {
    st.selected = key;
    hideTip(st);
    st.renderer.refresh();
    if (key !== null && move) {
      var dd = st.renderer.getNodeDisplayData(key);
      st.renderer.getCamera().animate({ x: dd.x, y: dd.y, ratio: Math.min(st.renderer.getCamera().ratio, 0.6) },
                                      { duration: 300 });
    }
    st.container.setAttribute("data-selected", key === null ? "" : st.nodesById.get(key).iri);
    document.dispatchEvent(new CustomEvent("esgraf:map-select", {
      detail: { state: st, node: key === null ? null : st.nodesById.get(key) } }));
  }

  /* Zoom buttons and a search box inside the map: typing shows the matching organisations, choosing one selects
   * it and brings it to the middle. */
  function addControls(st) {
    var words = st.data.words, camera = st.renderer.getCamera();
    var bar = el("div", null, "map-controls");
    [["+", words.zoom_in, function () { camera.animatedZoom({ duration: 250 }); }],
     ["−", words.zoom_out, function () { camera.animatedUnzoom({ duration: 250 }); }],
     ["⤢", words.zoom_reset, function () { camera.animatedReset({ duration: 250 }); }]].forEach(function (b) {
      var btn = el("button", b[0], "map-zoom");
      btn.type = "button";
      btn.title = b[1];
      btn.setAttribute("aria-label", b[1]);
      btn.addEventListener("click", b[2]);
      bar.appendChild(btn);
    });
    var box = el("div", null, "map-search");
    var input = el("input");
    input.type = "search";
    input.placeholder = words.search_placeholder;
    input.setAttribute("aria-label", words.search);
    var list = el("ul", null, "map-search-results");
    list.setAttribute("role", "listbox");
    box.appendChild(input);
    box.appendChild(list);
    bar.appendChild(box);
    st.container.appendChild(bar);
    var folded = st.data.nodes.map(function (n) { return [fold(n.label), n]; });
    function show() {
      list.textContent = "";
      var q = fold(input.value).trim();
      if (q.length < 2) { return; }
      var hits = folded.filter(function (f) { return f[0].indexOf(q) >= 0; }).slice(0, 8);
      if (!hits.length) { list.appendChild(el("li", words.no_match, "map-search-none")); return; }
      hits.forEach(function (f) {
        var li = el("li"), btn = el("button", f[1].label);
        btn.type = "button";
        btn.setAttribute("role", "option");
        btn.addEventListener("click", function () { list.textContent = ""; input.value = f[1].label; st.select(f[1].iri); });
        li.appendChild(btn);
        list.appendChild(li);
      });
    }
    input.addEventListener("input", show);
    input.addEventListener("keydown", function (e) {
      if (e.key === "Enter") {
        e.preventDefault();
        var first = list.querySelector("button");
        if (first) { first.click(); }
      } else if (e.key === "Escape") {
        list.textContent = "";
      }
    });
    st.search = input;
  }

  function load(container, opts) {
    var words = null;
    return fetch(container.getAttribute("data-src"), { headers: { Accept: "application/json" },
                                                       credentials: "same-origin" })
      .then(function (r) {
        if (!r.ok) { throw new Error("HTTP " + r.status); }
        return r.json();
      })
      .then(function (data) {
        words = data.words;
        var previous = (window.esgrafMap.instances || []).filter(function (s) { return s.container === container; });
        previous.forEach(function (s) { s.renderer.kill(); });
        window.esgrafMap.instances = window.esgrafMap.instances.filter(function (s) { return s.container !== container; });
        var st = draw(container, data, opts);
        return st || { data: data, container: container, renderer: null };
      })
      .catch(function (err) {
        container.textContent = "";
        container.appendChild(el("p", ((words && words.failed) || "Error") + " (" + err.message + ")", "network-status"));
        throw err;
      });
  }

  /* A legend under a map: sector colours, then the two kinds of tie lines. */
  function legend(target, data) {
    if (!target) { return; }
    target.textContent = "";
    (data.legend.nodes || []).forEach(function (item) {
      var li = el("li"), dot = el("span", null, "network-swatch");
      dot.style.backgroundColor = item.color;  // CSSOM, allowed by the Content-Security-Policy
      li.appendChild(dot);
      li.appendChild(document.createTextNode(" " + item.name));
      target.appendChild(li);
    });
    (data.legend.edges || []).forEach(function (item) {
      var li = el("li"), line = el("span", null, "network-line");
      line.style.borderColor = item.color;
      li.appendChild(line);
      li.appendChild(document.createTextNode(" " + item.name));
      target.appendChild(li);
    });
    if (data.focus) {
      var li = el("li"), ring = el("span", null, "network-swatch network-focus");
      li.appendChild(ring);
      li.appendChild(document.createTextNode(" " + data.words.focus));
      target.appendChild(li);
    }
  }

  window.esgrafMap = { draw: draw, load: load, legend: legend, el: el, fold: fold, count: count,
                       instances: [], current: null };

  function fillAll() {
    var found = document.querySelectorAll(".esgraf-map[data-src]");
    Array.prototype.forEach.call(found, function (c) {
      if (c.hasAttribute("data-manual")) { return; }
      load(c, { quietWhenEmpty: c.hasAttribute("data-quiet") }).then(function (st) {
        var target = c.getAttribute("data-legend") && document.getElementById(c.getAttribute("data-legend"));
        if (st && st.renderer) { legend(target, st.data); }
      }).catch(function () { /* shown in the box */ });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", fillAll);
  } else {
    fillAll();
  }
}());
