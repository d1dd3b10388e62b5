"""What a deduplicated union would give: the example queries on a default graph holding each triple once.

Copies every triple of the million-quad benchmark store into its default graph (a set, so triples repeated by
many article graphs collapse) and runs the example queries on it without the union; raw pyoxigraph rows.

    python bench/dedup_union.py
"""
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import pyoxigraph as ox
from bench import common
from bench.bench_queries import queries
from bench.common import percentile
d = common.dataset(1_000_000, 4600)
s = ox.Store(str(d["store"]))
t = time.perf_counter()
s.update("INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")
print(f"quads {d['quads']:,}; copying into the default graph took {time.perf_counter() - t:.1f} s; "
      f"default graph triples {sum(1 for _ in s.quads_for_pattern(None, None, None, ox.DefaultGraph())):,}", flush=True)
for name, q in queries():
    times, n = [], 0
    for i in range(2 + 20):
        t = time.perf_counter()
        n = sum(1 for _ in s.query(q, use_default_graph_as_union=False))
        if i >= 2:
            times.append(time.perf_counter() - t)
        if sum(times) > 10:
            break
    print(f"| {name} | {n} | {percentile(times, 50)*1000:.1f} | {percentile(times, 95)*1000:.1f} | {len(times)} |", flush=True)
