/* The side panel of a map: when an organisation is clicked (map.js sends "esgraf:map-select"), list its
 * partners, strongest tie first, each with what ties them (meetings, agreements, projects, partnerships…, with
 * dates) and the articles it was read from. The panel is any element with data-panel-for="<map id>"; the
 * map's data-node-src names where one organisation's ties are asked for. Text goes in as text nodes only.
 */
(function () {
  "use strict";

  var map = window.esgrafMap;
  var el = map.el;

  function link(text, href, cls) {
    if (!href) { return el("span", text, cls); }
    var a = el("a", text, cls);
    a.href = href;
    return a;
  }

  function help(panel, words) {
    panel.textContent = "";
    panel.appendChild(el("p", words.panel_help, "muted"));
  }

  function partner(p, st) {
    var words = st.data.words, li = el("li", null, "panel-partner");
    var head = el("div", null, "panel-partner-head");
    var pick = el("button", p.label, "panel-pick");
    pick.type = "button";
    pick.addEventListener("click", function () { st.select(p.iri); });
    head.appendChild(pick);
    head.appendChild(el("span", " · " + p.sector + " · " + p.kinds.join(", "), "muted"));
    li.appendChild(head);
    var acts = el("ul", null, "panel-activities");
    p.activities.forEach(function (a) {
      var item = el("li");
      item.appendChild(el("span", a.kind + ": ", "muted"));
      item.appendChild(link(a.label, a.url));
      if (a.when) { item.appendChild(el("span", " (" + a.when + ")", "muted")); }
      if (a.via && a.via.length) { item.appendChild(el("span", " — " + words.via + ": " + a.via.join(", "), "muted")); }
      acts.appendChild(item);
    });
    li.appendChild(acts);
    if (p.articles.length) {
      var arts = el("p", words.articles + ": ", "panel-articles muted");
      p.articles.forEach(function (x, i) {
        if (i) { arts.appendChild(document.createTextNode(" · ")); }
        arts.appendChild(link(x.title || x.url, x.url));
      });
      li.appendChild(arts);
    }
    return li;
  }

  function fill(panel, st, body) {
    var words = st.data.words;
    panel.textContent = "";
    var head = el("div", null, "panel-head");
    head.appendChild(el("h3", body.label));
    var close = el("button", "×", "panel-close");
    close.type = "button";
    close.title = words.close;
    close.setAttribute("aria-label", words.close);
    close.addEventListener("click", function () { st.select(null); });
    head.appendChild(close);
    panel.appendChild(head);
    panel.appendChild(el("p", [body.kind, body.sector].filter(Boolean).join(" · "), "muted"));
    if (body.url) { panel.appendChild(link(words.open_page + " →", body.url, "panel-open")); }
    panel.appendChild(el("h4", words.partners + ": " + map.count(body.partners.length, "partner", words)));
    var list = el("ol", null, "panel-partners");
    body.partners.forEach(function (p) { list.appendChild(partner(p, st)); });
    panel.appendChild(list);
    panel.setAttribute("data-node", body.iri);
  }

  document.addEventListener("esgraf:map-drawn", function (e) {
    var st = e.detail, id = st.container.id;
    var panel = id && document.querySelector("[data-panel-for='" + id + "']");
    if (panel) { help(panel, st.data.words); }
  });

  document.addEventListener("esgraf:map-select", function (e) {
    var st = e.detail.state, node = e.detail.node, id = st.container.id;
    var panel = id && document.querySelector("[data-panel-for='" + id + "']");
    var src = st.container.getAttribute("data-node-src");
    if (!panel || !src) { return; }
    if (node === null) { help(panel, st.data.words); panel.removeAttribute("data-node"); return; }
    var url = new URL(src, window.location.href);
    url.searchParams.set("iri", node.iri);
    panel.setAttribute("aria-busy", "true");
    fetch(url.toString(), { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (r) {
        if (!r.ok) { throw new Error("HTTP " + r.status); }
        return r.json();
      })
      .then(function (body) {
        if (st.selected === null || st.nodesById.get(st.selected).iri !== body.iri) { return; }  // chose another
        fill(panel, st, body);
      })
      .catch(function (err) { panel.textContent = ""; panel.appendChild(el("p", st.data.words.failed + " (" + err.message + ")")); })
      .then(function () { panel.removeAttribute("aria-busy"); });
  });
}());
