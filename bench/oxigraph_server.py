"""An Oxigraph SPARQL server for benchmarks and tests: the ``oxigraph`` binary on a free port of 127.0.0.1.

The server is ready when it prints the line saying where it listens, so starting it needs no polling; a
bounded wait covers a binary that never gets there.
"""
from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import threading
from pathlib import Path

from graph.remote import SparqlStore

READY_LINE = "Listening for requests at"


def oxigraph_binary() -> str | None:
    """The ``oxigraph`` server from the ``oxigraph`` package: next to this Python first, then on PATH."""
    beside = Path(sys.executable).parent / "oxigraph"
    if beside.is_file():
        return str(beside)
    return shutil.which("oxigraph")


def stop_process(process: subprocess.Popen[str], seconds: float = 10.0) -> None:
    """End a server process: asked to stop, then killed if it has not within ``seconds``."""
    if process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(seconds)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(seconds)


def free_port() -> int:
    """A TCP port of 127.0.0.1 that nothing listens on now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class OxigraphServer:
    """One ``oxigraph serve`` process over a data folder; can be stopped and started again
    on the same port and folder, as a restarted production server would be.

    ``union=True`` starts it with ``--union-default-graph``, for esgraf's ``union`` layout; by default its
    real default graph is what queries see, for the ``merge`` layout esgraf keeps.
    """

    def __init__(self, location: Path, binary: str | None = None, union: bool = False):
        self.union = union
        self.binary = binary or oxigraph_binary()
        if self.binary is None:
            raise FileNotFoundError("the oxigraph server binary is not installed (pip install oxigraph)")
        self.location = Path(location)
        self.port = 0
        self.process: subprocess.Popen[str] | None = None
        self._log: list[str] = []

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def query_url(self) -> str:
        return f"{self.url}/query"

    @property
    def update_url(self) -> str:
        return f"{self.url}/update"

    @property
    def gsp_url(self) -> str:
        return f"{self.url}/store"

    def command(self) -> list[str]:
        return [self.binary, "serve", "--location", str(self.location), "--bind", f"127.0.0.1:{self.port}",
                *(["--union-default-graph"] if self.union else [])]

    def start(self, wait: float = 20.0) -> OxigraphServer:
        """Start the server (on a new free port the first time) and return once it listens."""
        if self.process is not None:
            return self
        keep_port = self.port != 0
        last_error = ""
        for _ in range(3):  # a free port can be taken by someone else before the server binds it
            if not keep_port:
                self.port = free_port()
            ready = threading.Event()
            self._log = []
            proc = subprocess.Popen(self.command(), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                    stderr=subprocess.PIPE, text=True)
            threading.Thread(target=self._drain, args=(proc, ready), daemon=True).start()
            # ready is also set when stderr ends, so look for the line itself
            if ready.wait(wait) and any(READY_LINE in line for line in self._log):
                self.process = proc
                return self
            proc.kill()
            proc.wait(10)
            last_error = "".join(self._log).strip() or f"no answer within {wait:g} s"
            if keep_port:
                break
        raise RuntimeError(f"oxigraph server did not start ({' '.join(self.command())}): {last_error}")

    def _drain(self, proc: subprocess.Popen[str], ready: threading.Event) -> None:
        # reads stderr to its end, so the server never blocks on a full pipe
        assert proc.stderr is not None
        for line in proc.stderr:
            self._log.append(line)
            if READY_LINE in line:
                ready.set()
        ready.set()  # the process ended: let start() see it

    def stop(self) -> None:
        if self.process is not None:
            stop_process(self.process)
        self.process = None

    def store(self, **kw: object) -> SparqlStore:
        """A :class:`SparqlStore` on this server; keyword arguments override its defaults."""
        args: dict[str, object] = {"update_url": self.update_url, "gsp_url": self.gsp_url,
                                   "default_graph": "union" if self.union else "merge", **kw}
        return SparqlStore(self.query_url, **args)

    def __enter__(self) -> OxigraphServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
