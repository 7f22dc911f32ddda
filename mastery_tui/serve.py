"""``mastery serve``: the app in a web browser, through textual-serve, for its owner only.

The server listens on 127.0.0.1 (never on the network) and every request must carry a random
token: the link printed once on stdout has it, and opening that link leaves it in a cookie
(HttpOnly, SameSite=Strict) so the page's WebSocket and downloads carry it too. Without it:
403. A request from a page of another origin is refused as well. Each browser tab runs its own
``mastery`` process on the same data folder, as two terminal windows would; exports reach the
browser as downloads (``App.deliver_text``).

Nothing on the page reaches outside this machine: textual-serve's page asks Google for its font,
so the page is served with that link swapped for the copy of the font textual-serve ships, and
every answer carries a Content-Security-Policy that allows this origin only.

From another machine, tunnel the port over SSH (README: "In a browser").
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import logging
import re
import secrets
import shlex
import signal
import socket
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO
from urllib.parse import urlsplit

if TYPE_CHECKING:
    from aiohttp import web

HOST = "127.0.0.1"
COOKIE = "mastery_token"
EXTRA_HINT = (
    "mastery serve needs the web extra: pipx install 'mastery-tui[web]' "
    "(or, in mastery's environment, pip install textual-serve)"
)


class ServeError(Exception):
    """``mastery serve`` can't start; ``str(error)`` is one readable line."""


def check_available() -> None:
    """Raise ServeError (what to install) when textual-serve isn't there."""
    import importlib.util

    try:
        found = importlib.util.find_spec("textual_serve") is not None
    except ValueError:  # in sys.modules as None: known to be missing
        found = False
    if not found:
        raise ServeError(EXTRA_HINT)


def listen(port: int) -> socket.socket:
    """A socket on 127.0.0.1:``port`` (0: any free port), listening."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((HOST, port))
        sock.listen(16)
    except OSError as error:
        sock.close()
        reason = "it is in use" if port and error.errno in (98, 48) else error.strerror
        raise ServeError(f"can't listen on {HOST}:{port}: {reason}") from None
    return sock


def app_command(data_dir: Path, extra: list[str]) -> str:
    """The shell command textual-serve runs for each browser tab: the shell becomes the app
    (``exec``), so a signal to the tab's process reaches the app itself."""
    return "exec " + shlex.join(
        [sys.executable, "-m", "mastery_tui", "--data-dir", str(data_dir), *extra]
    )


# textual-serve's page loads "Roboto Mono" from fonts.googleapis.com; its static folder has it.
FONT_LINK = re.compile(r"<link[^>]*//fonts\.googleapis\.com[^>]*>", re.S)
LOCAL_FONT = (
    "<style>@font-face { font-family: 'Roboto Mono'; "
    "src: url('{{ config.static.url }}fonts/RobotoMono-VariableFont_wght.ttf'); }</style>"
)


def local_page(template: str) -> str:
    """textual-serve's page template with its web font taken from the server itself."""
    return FONT_LINK.sub(LOCAL_FONT, template)


def content_policy(host: str) -> str:
    """Scripts, styles, fonts, images and connections from this origin only (the page's inline
    script and styles included); no frames around it, no forms elsewhere."""
    return (
        "default-src 'none'; script-src 'self' 'unsafe-inline'; "
        "style-src 'self' 'unsafe-inline'; font-src 'self'; img-src 'self' data:; "
        f"connect-src 'self' ws://{host}; frame-ancestors 'none'; base-uri 'none'; "
        "form-action 'none'"
    )


def token_ok(request: web.Request, token: str) -> bool:
    given = request.query.get("token") or request.cookies.get(COOKIE) or ""
    return hmac.compare_digest(given.encode(), token.encode())


def same_origin(request: web.Request) -> bool:
    """No Origin (a direct request), or the page's own host and port."""
    origin = request.headers.get("Origin")
    return origin is None or urlsplit(origin).netloc == request.host


def serve(data_dir: Path, port: int, *, extra: list[str], out: TextIO, err: TextIO) -> None:
    """Run until Ctrl+C. Raises ServeError when it can't start."""
    try:
        import aiohttp_jinja2
        import jinja2
        from aiohttp import web
        from textual_serve import server as textual_server
        from textual_serve.app_service import AppService
        from textual_serve.server import Server
    except ImportError:
        raise ServeError(EXTRA_HINT) from None

    tabs: set[AppService] = set()

    class Tab(AppService):  # type: ignore[misc]
        """One browser tab's app, remembered so that stopping the server waits for it."""

        async def start(self, width: int, height: int) -> None:
            tabs.add(self)
            await super().start(width, height)

        def _build_environment(self, width: int = 80, height: int = 24) -> dict[str, str]:
            # A browser shows UTF-8, whatever the locale of the session that started the server.
            return {**super()._build_environment(width, height), "LC_ALL": "C.UTF-8"}

    textual_server.AppService = Tab  # the class textual-serve makes for each WebSocket

    sock = listen(port)
    bound = sock.getsockname()[1]
    token = secrets.token_urlsafe(24)

    @web.middleware
    async def owner_only(request: web.Request, handler: Any) -> web.StreamResponse:
        policy = {"Content-Security-Policy": content_policy(request.host)}
        if not token_ok(request, token) or not same_origin(request):
            raise web.HTTPForbidden(
                text="mastery: this page opens only from the link 'mastery serve' printed, "
                "with its token.\n",
                headers=policy,
            )
        try:
            response = await handler(request)
        except web.HTTPException as error:  # an answer raised (400, 404): the same policy
            error.headers.update(policy)
            raise
        response.headers.update(policy)
        if request.path == "/" and "token" in request.query:
            response.set_cookie(COOKIE, token, httponly=True, samesite="Strict", path="/")
        return response

    class OwnerOnly(Server):  # type: ignore[misc]
        """textual-serve, bound to our socket, behind the token, without its banner."""

        def initialize_logging(self) -> None:
            logging.basicConfig(level=logging.WARNING, format="mastery serve: %(message)s")

        async def on_startup(self, app: web.Application) -> None:
            return None

        async def on_shutdown(self, app: web.Application) -> None:
            """Ctrl+C with tabs open: each app keeps what was typed and ends (SIGTERM, its
            hang-up path) while the loop still runs, so nothing is left to a closed loop."""
            running = [t._process for t in tabs if t._process and t._process.returncode is None]
            for process in running:
                with contextlib.suppress(ProcessLookupError):
                    process.terminate()
            try:
                await asyncio.wait_for(asyncio.gather(*(p.wait() for p in running)), timeout=10)
            except TimeoutError:
                for process in running:
                    with contextlib.suppress(ProcessLookupError):
                        process.kill()

        async def _make_app(self) -> web.Application:
            app = await super()._make_app()
            app.middlewares.append(owner_only)
            files = jinja2.FileSystemLoader(self.templates_path)

            def page(name: str) -> str | None:
                try:
                    source, _, _ = files.get_source(jinja2.Environment(), name)
                except jinja2.TemplateNotFound:
                    return None
                return local_page(source)

            aiohttp_jinja2.setup(app, loader=jinja2.FunctionLoader(page))
            return app

        async def handle_websocket(self, request: web.Request) -> web.StreamResponse:
            # A plain GET here (a curious curl) is answered, not left to a traceback.
            if not web.WebSocketResponse().can_prepare(request).ok:
                raise web.HTTPBadRequest(text="mastery: this address takes a WebSocket only.\n")
            return await Server.handle_websocket(self, request)

        async def handle_index(self, request: web.Request) -> web.StreamResponse:
            # The page's own address, not the server's: through `ssh -L 9000:127.0.0.1:PORT`
            # the browser is at localhost:9000 and its WebSocket must go there too.
            self.public_url = f"http://{request.host}"
            return await Server.handle_index(self, request)

        def serve(self, debug: bool = False) -> None:
            self.debug = debug
            self.initialize_logging()
            loop = asyncio.new_event_loop()
            asyncio.set_event_loop(loop)
            for sig in (signal.SIGINT, signal.SIGTERM):
                loop.add_signal_handler(sig, self.request_exit)
            web.run_app(
                self._make_app(), sock=sock, handle_signals=False, loop=loop, print=None
            )

    server = OwnerOnly(
        app_command(data_dir, extra),
        host=HOST,
        port=bound,
        title="mastery",
        public_url=f"http://{HOST}:{bound}",
    )
    out.write(f"http://{HOST}:{bound}/?token={token}\n")
    out.flush()
    err.write(
        f"mastery: serving the app for you only, on {HOST}:{bound} (the link above has its "
        "key; keep it private). From another machine: "
        f"ssh -L {bound}:{HOST}:{bound} <this host>, then open the link there. "
        "Ctrl+C stops.\n"
    )
    err.flush()
    server.serve()
