"""Starting the classroom server: the addresses to tell people, then uvicorn.

Binds 127.0.0.1 unless the trainer names a host. Listening on 0.0.0.0 is not an address
a browser can use, so the address printed for trainees is --public-url, else this
machine's LAN address (the interface a packet to a private range would leave by; no
packet is sent), else the host itself.
"""

from __future__ import annotations

import contextlib
import socket
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from simulator.serve.config import ServeConfig, ServeError

WILDCARDS = ("0.0.0.0", "::", "")


def lan_address() -> str | None:
    """This machine's address on the local network, or None when it has none."""
    for probe in ("10.255.255.255", "192.168.255.255", "172.31.255.255"):
        with (
            contextlib.suppress(OSError),
            socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock,
        ):
            sock.connect((probe, 9))  # UDP connect only picks a route; nothing is sent
            address = sock.getsockname()[0]
            if address and not address.startswith("127."):
                return str(address)
    with contextlib.suppress(OSError):
        address = socket.gethostbyname(socket.gethostname())
        if not address.startswith("127."):
            return address
    return None


def trainee_url(host: str, port: int, public_url: str | None) -> str:
    """The address trainees type in their browser."""
    if public_url:
        return public_url.rstrip("/") + "/"
    if host in WILDCARDS:
        host = lan_address() or "127.0.0.1"
    if ":" in host:
        host = f"[{host}]"
    return f"http://{host}:{port}/"


@dataclass(frozen=True)
class Listen:
    """Where uvicorn listens."""

    host: str
    port: int


def check_port(listen: Listen) -> None:
    """A clear error now rather than a traceback from uvicorn when the port is taken."""
    family = socket.AF_INET6 if ":" in listen.host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((listen.host, listen.port))
        except OSError as error:
            raise ServeError(
                f"cannot listen on {listen.host}:{listen.port} ({error.strerror}); "
                f"choose another --port / 无法监听 {listen.host}:{listen.port}，请换一个 --port"
            ) from None


def banner(config: ServeConfig, listen: Listen, shared: bool) -> list[str]:
    """What the trainer reads at start: where trainees go, the class code, the key."""
    url = trainee_url(listen.host, listen.port, config.public_url or None)
    local = f"http://127.0.0.1:{listen.port}/" if listen.host in WILDCARDS else url
    lines = [
        "simulator classroom serve",
        f"  学员打开 / trainees open:    {url}" if shared else f"  this machine only: {url}",
        f"  课堂代码 / class code:       {config.class_code}",
        f"  讲师看板 / dashboard:        {local}dash",
        f"  讲师密钥 / trainer key:      {config.trainer_key}   (shown once; --key to choose it)",
        f"  数据 / data:                 {config.data_root}",
        f"  成绩库 / results:            {config.results_url}",
        f"  同时练习上限 / max sessions: {config.max_sessions}",
    ]
    if not shared:
        lines.append("  (only this machine can connect; --host 0.0.0.0 to open it to the room)")
    lines.append("  Ctrl+C 停止 / to stop")
    return lines


def run(
    config: ServeConfig,
    listen: Listen,
    shared: bool,
    say: Callable[[str], None] = print,
) -> int:
    """Serve until Ctrl+C."""
    import uvicorn

    from simulator.serve.web import make_app

    check_port(listen)
    Path(config.data_root).mkdir(parents=True, exist_ok=True)
    app = make_app(config)
    for line in banner(config, listen, shared):
        say(line)
    sys.stdout.flush()
    uvicorn.run(
        app,
        host=listen.host,
        port=listen.port,
        log_level="warning",
        ws="websockets-sansio",
        proxy_headers=False,
        timeout_graceful_shutdown=5,
    )
    return 0
