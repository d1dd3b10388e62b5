"""Worker processes that do one job at a time under a time limit and a memory limit.

The serving process waits for a worker's answer in short steps, and between steps reads how much memory the
worker holds (``/proc/<pid>/statm``): past the time limit or the memory limit the worker is killed and the
caller gets :class:`QueryTimeout` or :class:`MemoryLimit`. Inside the worker an address-space limit a little
above the memory limit backs this up (an allocation past it fails and the worker ends), so one job cannot take
the machine's memory whatever it does between two steps.
"""
from __future__ import annotations

import logging
import multiprocessing as mp
import os
import time
from collections.abc import Callable
from multiprocessing.connection import Connection

from graph.store import StoreError

log = logging.getLogger(__name__)

#: seconds a new worker may take to start
START_TIMEOUT = 60.0
#: seconds between two looks at a busy worker
STEP = 0.05
#: address space a worker may reserve beyond its memory limit (thread stacks, allocator arenas)
_SLACK = 512 * 1024 * 1024
_PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


class QueryTimeout(StoreError):
    """The job ran past the time limit and was stopped."""

    def __init__(self, seconds: float):
        self.seconds = seconds
        super().__init__(f"the query hit the time limit of {seconds:g} s and was stopped")


class MemoryLimit(StoreError):
    """The job needed more memory than a worker may have and was stopped."""

    def __init__(self, limit: int):
        self.limit = limit
        super().__init__(f"the query needed more than the memory limit of {limit // 2**20} MiB and was stopped")


class WorkerDied(StoreError):
    """The worker ended without answering (a crash, or an allocation past its address-space limit)."""


def machine_memory() -> int:
    """Bytes of RAM of this machine (4 GiB when it cannot be told)."""
    try:
        return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (ValueError, OSError, AttributeError):
        return 4 * 2**30


def resident(pid: int) -> int | None:
    """Bytes of memory process ``pid`` holds, or None where that cannot be read."""
    try:
        with open(f"/proc/{pid}/statm", "rb") as f:
            return int(f.read().split()[1]) * _PAGE
    except (OSError, ValueError, IndexError):
        return None


def limit_own_memory(limit: int) -> None:
    """In a worker: cap its address space at what it has reserved so far plus ``limit`` and some slack."""
    try:
        import resource

        with open("/proc/self/statm", "rb") as f:
            reserved = int(f.read().split()[0]) * _PAGE
        cap = reserved + limit + _SLACK
        resource.setrlimit(resource.RLIMIT_AS, (cap, resource.RLIM_INFINITY))
    except (ImportError, OSError, ValueError):
        pass  # no /proc or no rlimits: the serving process's watch still stops the job


class Worker:
    """One worker process running ``main(conn, *args)``; it says ``("ready", None)`` once it can take jobs."""

    def __init__(self, main: Callable[..., None], args: tuple, name: str, generation: int = 0):
        ctx = mp.get_context("spawn")  # never fork a threaded server
        self.generation = generation
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=main, args=(child, *args), daemon=True, name=name)
        self.proc.start()
        child.close()
        if not self.conn.poll(START_TIMEOUT):
            self.kill()
            raise StoreError(f"a worker process ({name}) did not start")
        status, message = self.conn.recv()
        if status != "ready":
            self.kill()
            raise StoreError(message)

    def alive(self) -> bool:
        return self.proc.is_alive()

    def kill(self) -> None:
        if self.proc.is_alive():
            self.proc.kill()
        self.proc.join(5)
        self.conn.close()

    def ask(self, job: object, timeout: float, memory: int) -> tuple[str, object]:
        """Send ``job`` and wait for the answer: (status, value). Kills the worker and raises
        :class:`QueryTimeout`, :class:`MemoryLimit` or :class:`WorkerDied` when it does not answer in time, in
        memory or at all."""
        self.conn.send(job)
        deadline = time.monotonic() + timeout
        peak = 0
        while not self.conn.poll(STEP):  # bounded by the deadline
            held = resident(self.proc.pid) if self.proc.pid else None
            peak = max(peak, held or 0)
            if memory and held is not None and held > memory:
                log.warning("job stopped at %d MiB, over the %d MiB limit", held // 2**20, memory // 2**20)
                self.kill()
                raise MemoryLimit(memory)
            if time.monotonic() >= deadline:
                log.warning("job stopped after %s s", timeout)
                self.kill()
                raise QueryTimeout(timeout)
        try:
            return self.conn.recv()
        except (EOFError, OSError) as exc:
            self.kill()
            if memory and peak > memory // 2:
                raise MemoryLimit(memory) from exc
            raise WorkerDied("the worker process stopped unexpectedly") from exc
