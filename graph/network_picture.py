"""The cooperation network as a picture to print or paste: a PNG with a title, the area and dates it covers, the
laid-out network with the busiest organisations named, and a legend.

Drawn with Pillow from the same layout as the map (:func:`graph.network_export.layout`). Text is set in DejaVu
Sans (Debian's ``fonts-dejavu-core``) or another system font with Polish letters; Pillow's own font has none of
ą, ę, ł, ś, ż, so it is the last resort. Words come from the caller, in the reader's language.
"""
from __future__ import annotations

import io
import logging
import math
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import networkx as nx

from graph.network_export import CROSS_COLOUR, SAME_COLOUR, node_colour

log = logging.getLogger(__name__)

#: fonts tried in turn (Pillow looks them up in the system's font folders)
FONTS = {False: ("DejaVuSans.ttf", "LiberationSans-Regular.ttf", "NotoSans-Regular.ttf", "Arial.ttf", "arial.ttf"),
         True: ("DejaVuSans-Bold.ttf", "LiberationSans-Bold.ttf", "NotoSans-Bold.ttf", "Arial Bold.ttf",
                "arialbd.ttf")}


@dataclass
class LegendItem:
    name: str
    colour: str
    line: bool = False  # a tie (line) rather than an organisation (dot)


@lru_cache(maxsize=32)
def font(size: int, bold: bool = False) -> Any:
    from PIL import ImageFont

    for name in FONTS[bold]:
        try:
            return ImageFont.truetype(name, size)
        except OSError:
            continue
    log.warning("no font with Polish letters found (install fonts-dejavu-core): using Pillow's own")
    return ImageFont.load_default(size=size)


def _rgb(colour: str, alpha: int = 255) -> tuple[int, int, int, int]:
    c = colour.lstrip("#")
    return int(c[0:2], 16), int(c[2:4], 16), int(c[4:6], 16), alpha


def _fits(box: tuple[float, float, float, float], taken: list[tuple[float, float, float, float]]) -> bool:
    x0, y0, x1, y1 = box
    return all(x1 <= a0 or x0 >= a1 or y1 <= b0 or y0 >= b1 for a0, b0, a1, b1 in taken)


def to_png(G: nx.Graph, pos: dict, title: str, lines: list[str], legend: list[LegendItem],
           width: int = 1600, height: int = 1200, max_labels: int = 60) -> bytes:
    """The network as a PNG of ``width`` × ``height`` pixels: ``title`` and ``lines`` (area, dates) on top,
    the network, then ``legend``. Labels name the busiest organisations and never overlap or leave the picture."""
    from PIL import Image, ImageDraw

    img = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(img, "RGBA")
    margin = 40
    y = margin
    draw.text((margin, y), title, font=font(34, True), fill="#1d2327")
    y += 48
    for line in lines:
        draw.text((margin, y), line, font=font(22), fill="#4a555c")
        y += 30
    legend_h = 50
    top, bottom = y + 20, height - margin - legend_h
    left, right = margin + 10, width - margin - 10

    xs = [p[0] for p in pos.values()] or [0.0]
    ys = [p[1] for p in pos.values()] or [0.0]
    span_x, span_y = (max(xs) - min(xs)) or 1.0, (max(ys) - min(ys)) or 1.0
    scale = min((right - left) / span_x, (bottom - top) / span_y)
    off_x = left + ((right - left) - span_x * scale) / 2
    off_y = top + ((bottom - top) - span_y * scale) / 2

    def at(n: Any) -> tuple[float, float]:
        x, yy = pos.get(n, (0.0, 0.0))
        return off_x + (x - min(xs)) * scale, off_y + (yy - min(ys)) * scale

    top_degree = max((G.nodes[n].get("degree", G.degree(n)) for n in G), default=0)

    def radius(n: Any) -> float:
        d = G.nodes[n].get("degree", G.degree(n))
        return 4 + 14 * (math.sqrt(d / top_degree) if top_degree else 0)

    for a, b, d in sorted(G.edges(data=True), key=lambda e: bool(e[2].get("cross_sector"))):
        colour = CROSS_COLOUR if d.get("cross_sector") else SAME_COLOUR
        w = max(1, round(1 + math.log2(d.get("weight", 1))))
        draw.line([at(a), at(b)], fill=_rgb(colour, 150), width=w)
    discs: dict[Any, tuple[float, float, float, float]] = {}
    for n in sorted(G, key=lambda n: radius(n)):
        (x, yy), r = at(n), radius(n)
        draw.ellipse([x - r, yy - r, x + r, yy + r], fill=node_colour(G.nodes[n]), outline="white", width=2)
        discs[n] = (x - r, yy - r, x + r, yy + r)
    label_font = font(18)
    ranked = sorted(G, key=lambda n: (-G.nodes[n].get("degree", G.degree(n)), str(G.nodes[n].get("label", n))))
    placed: list[tuple[float, float, float, float]] = []
    for n in ranked[:max_labels]:
        text = str(G.nodes[n].get("label", n))
        if len(text) > 48:
            text = text[:47].rsplit(" ", 1)[0] + "…"
        (x, yy), r = at(n), radius(n)
        w, h = draw.textbbox((0, 0), text, font=label_font)[2:]
        for bx, by in ((x + r + 4, yy - h / 2), (x - r - 4 - w, yy - h / 2), (x - w / 2, yy + r + 2),
                       (x - w / 2, yy - r - 2 - h)):
            box = (bx - 2, by - 1, bx + w + 2, by + h + 1)
            # inside the picture, over no other label and no other organisation
            if box[0] >= margin / 2 and box[2] <= width - margin / 2 and box[1] >= top - 10 and \
                    box[3] <= bottom + 10 and _fits(box, placed) and \
                    _fits(box, [d for m, d in discs.items() if m != n]):
                draw.rectangle(box, fill=(255, 255, 255, 200))
                draw.text((bx, by), text, font=label_font, fill="#1d2327")
                placed.append(box)
                break
    x = margin
    ly = height - margin - legend_h / 2
    legend_font = font(20)
    for item in legend:
        if item.line:
            draw.line([(x, ly), (x + 36, ly)], fill=item.colour, width=4)
            x += 44
        else:
            draw.ellipse([x, ly - 9, x + 18, ly + 9], fill=item.colour)
            x += 26
        draw.text((x, ly - 12), item.name, font=legend_font, fill="#1d2327")
        x += draw.textbbox((0, 0), item.name, font=legend_font)[2] + 28
    buf = io.BytesIO()
    img.save(buf, format="PNG", optimize=True)
    return buf.getvalue()


__all__ = ["FONTS", "LegendItem", "font", "to_png"]
