"""``esgraf bench``: measure extraction, loading, queries, memory and the network, and print Markdown tables.

The benchmarks live in ``bench/`` of a source checkout (they read the real articles beside it and start an
Oxigraph server on 127.0.0.1), so this command runs them there, as ``python -m bench``, with its arguments.
"""
from __future__ import annotations

import subprocess
import sys

import click

from esgraf.cli import UserError
from graph.settings import ROOT


@click.command("bench", context_settings={"ignore_unknown_options": True, "help_option_names": []})
@click.argument("args", nargs=-1, type=click.UNPROCESSED)
@click.pass_context
def command(ctx: click.Context, args: tuple[str, ...]) -> None:
    """Benchmark extraction, loading, queries, serve's memory and the network map; prints Markdown.

    ARGS: [extraction|loading|queries|memory|network|all] [--quick] [--articles FOLDER]; -h says more.
    """
    if not (ROOT / "bench" / "__main__.py").is_file():
        raise UserError("the benchmarks run from a source checkout of esgraf (bench/ is not installed)")
    done = subprocess.run([sys.executable, "-m", "bench", *args], cwd=ROOT, check=False)
    ctx.exit(done.returncode)
