"""`simulator classroom serve`: the classroom server, started from the command line.

Registers itself as an action of the `classroom` group (simulator/cli/classroom.py).
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from simulator.cli.classroom import add_action

SERVE_EPILOG = """examples:
  simulator classroom serve                        this machine only, to try it out
  simulator classroom serve --host 0.0.0.0 --class 2026A
  simulator classroom serve --host 0.0.0.0 --public-url http://training-pc.local:8000/ --key s3cret
  simulator classroom serve --host 0.0.0.0 --db postgresql://trainer@db.bank/training
  simulator --pace off classroom serve --host 0.0.0.0   the customer answers at once

The trainer's three steps / 讲师三步:
  1. serve: run the command above with --host 0.0.0.0 (it prints the address, class code
     and trainer key) / 启动：运行上面的命令（会显示地址、课堂代码和讲师密钥）
  2. share: trainees open the address in a browser and type the class code and their
     staff number / 学员在浏览器打开地址，输入课堂代码和工号
  3. watch: open /dash on the trainer's machine and type the key / 讲师打开 /dash 输入密钥

Each trainee plays in their own data folder (DATA/trainees/<id>); their results go to
--db (default: results.db in DATA). Only pages and files of this server are loaded: the
classroom works with no internet.
"""


def _conf_serve(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--host",
        default=None,
        help="address to listen on (default 127.0.0.1: this machine only; 0.0.0.0: the room)",
    )
    p.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    p.add_argument(
        "--public-url",
        metavar="URL",
        help="the address trainees type, when the machine's LAN address is not it "
        "(a name, a proxy)",
    )
    # SUPPRESS: `simulator --db URL classroom serve` must not be undone by a default here.
    p.add_argument(
        "--db",
        metavar="URL",
        default=argparse.SUPPRESS,
        help="results database: sqlite:///PATH or postgresql://... (default: DATA/results.db)",
    )
    p.add_argument(
        "--class",
        dest="class_code",
        metavar="CODE",
        help="the class code trainees type (default: four random digits)",
    )
    p.add_argument(
        "--max-sessions",
        type=int,
        metavar="N",
        help="browser sessions at once (default 30; each runs the app, ~230 MB); more see 'class full'",
    )
    p.add_argument("--lang", choices=("zh", "en"), help="default language of the pages and the app")
    p.add_argument("--key", metavar="KEY", help="trainer key for /dash (default: random)")
    p.add_argument(
        "--data",
        metavar="DIR",
        help="server data folder (default: classroom/ in the simulator's data folder)",
    )


def cmd_serve(args: argparse.Namespace) -> int:
    from simulator.cli.commands import ui_lang
    from simulator.core.results.files import data_dir
    from simulator.serve import server
    from simulator.serve.config import (
        DEFAULT_MAX_SESSIONS,
        ServeConfig,
        ServeError,
        new_class_code,
        new_trainer_key,
    )

    max_sessions = DEFAULT_MAX_SESSIONS if args.max_sessions is None else args.max_sessions
    if max_sessions < 1:
        raise ServeError("--max-sessions must be at least 1 / --max-sessions 至少为 1")
    if not 0 < args.port < 65536:
        raise ServeError("--port must be 1-65535 / --port 须在 1-65535 之间")
    if args.public_url and not args.public_url.startswith(("http://", "https://")):
        raise ServeError(
            "--public-url must start with http:// or https:// / --public-url 须以 http:// 或 https:// 开头"
        )
    key = args.key if args.key is not None else new_trainer_key()
    if len(key.strip()) < 4:
        raise ServeError("--key must have at least 4 characters / --key 至少 4 个字符")
    class_code = (args.class_code or new_class_code()).strip()
    if not class_code or len(class_code) > 32:
        raise ServeError("--class must have 1-32 characters / --class 须为 1-32 个字符")
    root = Path(args.data) if args.data else data_dir() / "classroom"
    root = root.resolve()
    shared = args.host is not None and args.host not in ("127.0.0.1", "localhost", "::1")
    host = args.host or "127.0.0.1"
    config = ServeConfig(
        class_code=class_code,
        trainer_key=key.strip(),
        data_root=root,
        results_url=getattr(args, "db", None)
        or os.environ.get("SIMULATOR_RESULTS_DB")
        or f"sqlite:///{root / 'results.db'}",
        max_sessions=max_sessions,
        lang=args.lang or ui_lang(args),
        public_url=server.trainee_url(host, args.port, args.public_url) if shared else "",
        library=args.library,
        pace=getattr(args, "pace", None),
        techniques=getattr(args, "techniques", None),
    )
    return server.run(config, server.Listen(host, args.port), shared)


add_action(
    "serve",
    "serve the app to trainees' browsers and the trainer's live dashboard (LAN, offline)",
    SERVE_EPILOG,
    _conf_serve,
    cmd_serve,
)
