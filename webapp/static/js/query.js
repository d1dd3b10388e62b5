/* The SPARQL query page: YASGUI pointed at this app's endpoint, with the model's prefixes and the example
   queries as tabs named in the page's language. Nothing is fetched from outside this server: the autocompleters
   that ask remote services (prefix.cc, Linked Open Vocabularies) are switched off. A result's IRI under the
   graph's base opens this server's page of it, not the public base address. */
(function () {
  "use strict";
  var root = document.getElementById("yasgui");
  if (!root || typeof Yasgui === "undefined") { return; }
  var note = document.getElementById("truncated-note");

  function prefixLines(prefixes) {
    return Object.keys(prefixes).map(function (k) { return "PREFIX " + k + ": <" + prefixes[k] + ">"; }).join("\n");
  }

  fetch(root.getAttribute("data-config"), { headers: { "Accept": "application/json" } })
    .then(function (r) { return r.json(); })
    .then(function (config) {
      var endpoint = new URL(config.endpoint, window.location.href).toString();
      var remote = ["property", "class"];
      Yasgui.Yasqe.defaults.autocompleters = Yasgui.Yasqe.defaults.autocompleters.filter(function (n) {
        return remote.indexOf(n) < 0;
      });
      Yasgui.Yasqe.defaults.prefixCcApi = null;
      var firstQuery = prefixLines(config.prefixes) + "\n\nSELECT ?s ?label WHERE {\n  ?s rdfs:label ?label .\n} LIMIT 20\n";
      Yasgui.Yasqe.defaults.value = firstQuery;
      // results are drawn by YASR in several views; whichever draws a link to an IRI under the base, send it here
      function localise(scope) {
        Array.prototype.forEach.call(scope.querySelectorAll("a[href^='" + config.base + "']"), function (a) {
          a.href = config.local + a.getAttribute("href").slice(config.base.length);
          a.removeAttribute("target");
        });
      }
      new MutationObserver(function () { localise(root); }).observe(root, { childList: true, subtree: true });
      var yasgui = new Yasgui(root, {
        tabName: config.tabName,
        requestConfig: { endpoint: endpoint, method: "POST" },
        copyEndpointOnNewTab: true,
        persistenceId: null,
        populateFromUrl: true,
        autofocus: false,
        endpointCatalogueOptions: { getData: function () { return [{ endpoint: endpoint }]; }, keys: [] },
        yasqe: { value: firstQuery, autocompleters: Yasgui.Yasqe.defaults.autocompleters, prefixCcApi: null }
      });
      config.tabs.forEach(function (tab) {
        yasgui.addTab(false, { name: tab.name, yasqe: { value: tab.query }, requestConfig: { endpoint: endpoint } });
      });
      // the editor of each tab hands over the HTTP response, with the endpoint's row-cap headers
      var watched = typeof WeakSet === "function" ? new WeakSet() : null;
      function showCut(yasqe, response) {
        if (!note) { return; }
        var headers = response && response.headers;
        var cut = headers && headers.get ? headers.get("X-Esgraf-Truncated") : null;
        if (cut === "true") {
          note.textContent = note.getAttribute("data-template").replace("{n}", headers.get("X-Esgraf-Row-Limit"));
          note.hidden = false;
        } else {
          note.hidden = true;
        }
      }
      yasgui.on("query", function (instance, tab) {
        var yasqe = tab.getYasqe();
        if (yasqe && watched && !watched.has(yasqe)) {
          watched.add(yasqe);
          yasqe.on("queryResponse", showCut);
        }
      });
      window.esgrafYasgui = yasgui;
    });
})();
