"""The cooperation map as one HTML file that opens from disk without a server: sigma.js, graphology, the map's
drawing script and the data it draws inlined (``esgraf network --format html``)."""
from __future__ import annotations

import json
from collections.abc import Callable
from html import escape
from pathlib import Path

import networkx as nx

from webapp.network_data import map_payload

STATIC = Path(__file__).resolve().parent / "static"


def map_page(G: nx.Graph, summary: dict, pos: dict, title: str, base: str, url_of: Callable[[str], str | None],
             lang: str = "pl") -> str:
    """The page of the map of ``G`` (with its metrics ``summary`` and layout ``pos``)."""
    payload = map_payload(G, pos, summary, lang, base, url_of, {})
    return standalone_html(json.dumps(payload, ensure_ascii=False), title, lang)


def standalone_html(data: str, title: str, lang: str = "pl") -> str:
    """One HTML file with sigma.js, graphology, the drawing script and the map's data (``map_payload``) inlined."""
    def read(path: str) -> str:
        return (STATIC / path).read_text(encoding="utf-8").replace("</script", "<\\/script")

    css = (STATIC / "network" / "network.css").read_text(encoding="utf-8")
    safe = data.replace("</", "<\\/")  # a name containing "</script>" must not end the data block
    return f"""<!doctype html>
<html lang="{lang}">
<head><meta charset="utf-8"><title>{escape(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>{css} body {{ font-family: system-ui, sans-serif; margin: 1rem; }} .network-map {{ height: 85vh; }}</style></head>
<body>
<h1>{escape(title)}</h1>
<div id="network-map" class="network-map"></div>
<ul class="network-legend" id="network-legend"></ul>
<script type="application/json" id="network-data">{safe}</script>
<script>{read("vendor/graphology/graphology.umd.min.js")}</script>
<script>{read("vendor/sigma/sigma.min.js")}</script>
<script>{read("network/map.js")}</script>
<script>
(function () {{
  var data = JSON.parse(document.getElementById("network-data").textContent);
  var st = window.esgrafMap.draw(document.getElementById("network-map"), data);
  if (st) {{ window.esgrafMap.legend(document.getElementById("network-legend"), data); }}
}}());
</script>
</body>
</html>
"""


__all__ = ["map_page", "standalone_html"]
