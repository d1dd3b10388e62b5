"""The ``esgraf`` command line: one click group, thin commands that call the library.

User errors end in one clear line on stderr and a non-zero exit, never a traceback. Output meant for pipes
goes to stdout; progress and messages go to stderr through ``logging``.
"""
from __future__ import annotations

import importlib
import logging
import sys
from pathlib import Path

import click

from graph.settings import Settings

log = logging.getLogger("esgraf")

#: command modules under esgraf/commands/, each exposing ``command`` (a click command)
COMMAND_MODULES = ("core", "serve", "network", "bench")


class UserError(click.ClickException):
    """A problem the user can fix; printed as one line."""

    def show(self, file=None) -> None:  # noqa: D102 - one line, no "Usage" noise
        click.echo(f"esgraf: error: {self.format_message()}", err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--store", "store", type=click.Path(file_okay=False), default=None,
              help="Folder of the embedded store [ESGRAF_STORE].")
@click.option("--endpoint", default=None, help="SPARQL query URL of a server to use instead [ESGRAF_ENDPOINT].")
@click.option("--update-endpoint", default=None, help="SPARQL update URL of that server [ESGRAF_UPDATE_ENDPOINT].")
@click.option("-v", "--verbose", count=True, help="More messages on stderr (-vv for debug).")
@click.option("-q", "--quiet", is_flag=True, help="Only errors on stderr.")
@click.version_option(package_name="esgraf")
@click.pass_context
def main(ctx: click.Context, store: str | None, endpoint: str | None, update_endpoint: str | None,
         verbose: int, quiet: bool) -> None:
    """esgraf: a knowledge graph of the regional social economy in Poland, read from news articles."""
    level = logging.ERROR if quiet else (logging.DEBUG if verbose > 1 else logging.INFO)
    logging.basicConfig(level=level, format="%(message)s", stream=sys.stderr)
    ctx.obj = Settings.from_env(store=store, endpoint=endpoint, update_endpoint=update_endpoint)


def settings_of(ctx: click.Context) -> Settings:
    return ctx.find_root().obj


for _name in COMMAND_MODULES:
    _path = Path(__file__).parent / "commands" / f"{_name}.py"
    if _path.exists():  # a command module ships with its feature
        _mod = importlib.import_module(f"esgraf.commands.{_name}")
        for _cmd in getattr(_mod, "commands", [getattr(_mod, "command", None)]):
            if _cmd is not None:
                main.add_command(_cmd)


if __name__ == "__main__":
    main()
