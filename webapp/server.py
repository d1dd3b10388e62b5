"""The web server ``esgraf serve`` runs the app under: waitress, with limits on connections that idle or
trickle, so a few hundred silent sockets cannot stop it answering.

waitress reads every connection in one loop and hands whole requests to its threads, so an open connection
costs a file descriptor, not a thread; what stopped the service was its default of 100 connections and
silent ones kept for 120 s. Here the limit is ``ESGRAF_CONNECTION_LIMIT``, a silent connection closes after
``ESGRAF_IDLE_TIMEOUT`` seconds, and one still sending its request after ``ESGRAF_REQUEST_TIMEOUT`` seconds
(a byte now and then keeps it from being idle) closes too. Per-address limits on connections and request
rates belong to the reverse proxy in front (SECURITY.md).
"""
from __future__ import annotations

import logging
import time

import waitress
from waitress.channel import HTTPChannel

from graph.settings import Settings

log = logging.getLogger(__name__)


class _TimedChannel(HTTPChannel):
    """A connection that remembers when the request it is reading began."""

    request_began: float | None = None

    def received(self, data: bytes) -> bool:
        if self.request is None and data:
            self.request_began = time.monotonic()
        return super().received(data)


def _raise_file_limit(connections: int) -> None:
    """Let the process hold a descriptor for each connection besides the store's files."""
    try:
        import resource

        soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
        wanted = connections + 1024
        if soft != resource.RLIM_INFINITY and soft < wanted:
            resource.setrlimit(resource.RLIMIT_NOFILE, (wanted if hard == resource.RLIM_INFINITY
                                                        else min(wanted, hard), hard))
    except (ImportError, ValueError, OSError) as exc:
        log.warning("cannot raise the open-file limit for %d connections: %s", connections, exc)


def create_server(app: object, settings: Settings, **overrides: object) -> object:
    """A waitress server for ``app`` with the settings' address, threads and limits (not yet running)."""
    _raise_file_limit(settings.connection_limit)
    options: dict[str, object] = dict(
        host=settings.host, port=settings.port, threads=settings.threads, ident="esgraf",
        # waitress refuses a body of exactly its limit and counts a chunked body's framing in it: it gets room
        # for both, and the app refuses whatever is over ESGRAF_MAX_BODY, to the byte
        max_request_body_size=settings.max_body + 65536, connection_limit=settings.connection_limit,
        channel_timeout=settings.idle_timeout,
        # look at the connections often: the idle and request limits are only as exact as this
        cleanup_interval=max(1, min(settings.idle_timeout, settings.request_timeout) // 4))
    if settings.trusted_proxy:
        options.update(trusted_proxy=settings.trusted_proxy, trusted_proxy_headers={"x-forwarded-for"},
                       clear_untrusted_proxy_headers=True)
    options.update(overrides)
    server = waitress.create_server(app, **options)
    server.channel_class = _TimedChannel
    idle = server.maintenance
    limit = settings.request_timeout

    def maintenance(now: float) -> None:
        idle(now)  # waitress's own: silent connections
        began_before = time.monotonic() - limit
        for channel in list(server.active_channels.values()):
            began = getattr(channel, "request_began", None)
            if channel.request is not None and began is not None and began < began_before:
                channel.will_close = True

    server.maintenance = maintenance
    return server
