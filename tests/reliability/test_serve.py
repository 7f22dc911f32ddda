"""``mastery serve``: the real command, a real HTTP server and WebSocket. Only the link with its
token opens the page; the app's Home arrives over the WebSocket, keys reach it, and an export
arrives as a browser download. The hang-up watcher leaves a piped stdin alone."""

from __future__ import annotations

import asyncio
import json
import os
import pty
import re
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from mastery_tui.demo import seed_demo_history
from mastery_tui.domain.clock import SystemClock
from mastery_tui.store import Store

aiohttp = pytest.importorskip("aiohttp")
pytest.importorskip("textual_serve")

pytestmark = pytest.mark.slow
TIMEOUT = 60.0  # a cold app start on a busy machine
CSI = re.compile(rb"\x1b\[[0-9;?]*[ -/]*[@-~]")  # styles and cursor moves between the words


class Server:
    """``mastery serve`` on a demo history: its link, its data folder, its process."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "mastery_tui", "--data-dir", str(folder), "serve", "--port", "0"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert self.proc.stdout is not None and self.proc.stderr is not None
        self.url = self.proc.stdout.readline().strip()  # printed once, when the socket listens
        assert self.url.startswith("http://127.0.0.1:") and "/?token=" in self.url
        self.base = self.url.partition("/?token=")[0]
        self.ws_url = self.base.replace("http://", "ws://") + "/ws?width=80&height=24"

    def stop(self) -> str:
        """Ctrl+C, as its owner would; what it printed on stderr (never a traceback)."""
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)
        self.proc.wait(timeout=30)
        assert self.proc.stderr is not None
        err = self.proc.stderr.read()
        assert "Traceback" not in err and "Exception" not in err, err
        return err


@pytest.fixture
def served(tmp_path: Path) -> Iterator[Server]:
    folder = tmp_path / "data"
    clock = SystemClock()
    seed_demo_history(Store.open(folder, clock), clock)
    server = Server(folder)
    try:
        yield server
    finally:
        if server.proc.poll() is None:
            server.proc.kill()
            server.proc.wait(timeout=10)


class Browser:
    """Reads the WebSocket all along, as a browser's page does (a reader that stops reading
    holds up the server, and with it the app's download chunks)."""

    def __init__(self, ws: aiohttp.ClientWebSocketResponse) -> None:
        self.ws = ws
        self.screen = b""  # what the app wrote, escape sequences removed
        self.notes: list[str] = []  # the server's text frames
        self._changed = asyncio.Event()
        self._task = asyncio.create_task(self._read())

    async def _read(self) -> None:
        raw = b""
        async for message in self.ws:
            if message.type == aiohttp.WSMsgType.BINARY:
                raw += message.data
                self.screen = CSI.sub(b"", raw)
            elif message.type == aiohttp.WSMsgType.TEXT:
                self.notes.append(message.data)
            self._changed.set()

    async def wait_for(self, wanted: str) -> None:
        try:
            async with asyncio.timeout(TIMEOUT):
                while wanted.encode() not in self.screen and not any(wanted in n for n in self.notes):
                    self._changed.clear()
                    await self._changed.wait()
        except TimeoutError:
            raise AssertionError(f"{wanted!r} never arrived: {self.screen[-600:]!r}") from None

    async def keys(self, text: str) -> None:
        await self.ws.send_str(json.dumps(["stdin", text]))

    def close(self) -> None:
        self._task.cancel()


def owner_session() -> aiohttp.ClientSession:
    """A browser keeps a cookie from 127.0.0.1; aiohttp's jar needs telling (unsafe=True)."""
    return aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True))


async def session(server: Server) -> None:
    url, base, ws_url = server.url, server.base, server.ws_url
    async with aiohttp.ClientSession() as anonymous:
        for address in (base + "/", base + "/?token=wrong", base + "/static/js/textual.js"):
            async with anonymous.get(address) as response:
                assert response.status == 403, address
        with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
            await anonymous.ws_connect(ws_url)
        assert refused.value.status == 403

    async with owner_session() as owner:
        async with owner.get(url) as page:
            assert page.status == 200
            html = await page.text()
            assert "data-session-websocket-url" in html
            cookie = page.cookies["mastery_token"]
            assert cookie["httponly"] and cookie["samesite"] == "Strict"
            policy = page.headers["Content-Security-Policy"]
        # Nothing reaches outside this machine: every address on the page is the server's own
        # (textual-serve's page asked fonts.googleapis.com for its font), and the browser is
        # told to load and connect to nothing else.
        addresses = re.findall(r"""(?:\b(?:src|href)=["']|url\(["']?)([^"')\s>]+)""", html)
        assert addresses and all(a.startswith(base + "/static/") for a in addresses), addresses
        assert "googleapis" not in html and "Roboto Mono" in html
        assert "default-src 'none'" in policy and "https:" not in policy
        assert f"connect-src 'self' {ws_url.split('/ws')[0]}" in policy
        async with owner.get(ws_url) as not_a_websocket:  # a plain GET: an answer, no traceback
            assert not_a_websocket.status == 400
            assert "default-src 'none'" in not_a_websocket.headers["Content-Security-Policy"]
        async with owner.get(base + "/static/fonts/RobotoMono-VariableFont_wght.ttf") as font:
            assert font.status == 200 and len(await font.read()) > 10_000
        with pytest.raises(aiohttp.WSServerHandshakeError) as other_site:
            await owner.ws_connect(ws_url, origin="http://evil.example")
        assert other_site.value.status == 403

        async with owner.ws_connect(ws_url) as ws:  # the cookie carries the token
            browser = Browser(ws)
            try:
                await browser.wait_for("7-day plan")  # Home, painted in the browser's terminal
                await browser.keys("l")
                await browser.wait_for("Open / Search")  # the log's footer
                await browser.keys("e")
                await browser.wait_for("Export the log")
                await browser.keys("c\r\x13")  # CSV, on to the file name, ctrl+s
                await browser.wait_for("deliver_file_start")
                await browser.wait_for("to your browser as")  # the toast
                note = next(n for n in browser.notes if "deliver_file_start" in n)
                async with owner.get(f"{base}/download/{json.loads(note)[1]}") as download:
                    assert download.status == 200
                    disposition = download.headers["Content-Disposition"]
                    body = (await download.read()).decode("utf-8-sig")
            finally:
                browser.close()
        assert disposition.startswith("attachment; filename=mastery-")
        assert disposition.endswith(".csv")
        assert body.startswith('"Date","Start","Task"')
        assert body.count("\r\n") > 20  # the demo's month of practices


def test_only_the_link_with_its_token_opens_the_app_and_exports_download(served: Server) -> None:
    asyncio.run(session(served))
    served.stop()


async def write_then_close_the_tab(server: Server) -> None:
    async with owner_session() as owner:
        async with owner.get(server.url) as page:
            assert page.status == 200
        async with owner.ws_connect(server.ws_url) as ws:
            browser = Browser(ws)
            try:
                await browser.wait_for("7-day plan")
                await browser.keys("j")
                await browser.wait_for("n New")  # the notes' footer
                await browser.keys("n")
                await browser.wait_for("ctrl+s saves")
                await browser.keys("The tab closed mid-sentence")
                await browser.wait_for("mid-sentence")
            finally:
                browser.close()
        # The tab is closed, its WebSocket with it: the app there keeps the words as a draft
        # and ends. A second tab offers them, and stays open while the server is stopped.
        async with asyncio.timeout(TIMEOUT):
            while not Store.open(server.folder, SystemClock()).drafts():
                await asyncio.sleep(0.05)
        async with owner.ws_connect(server.ws_url) as ws:
            browser = Browser(ws)
            try:
                await browser.wait_for("Welcome back")  # the first tab's words are offered
                server.stop()
            finally:
                browser.close()


def test_a_closed_tab_keeps_what_was_typed_and_ctrl_c_stops_cleanly(served: Server) -> None:
    asyncio.run(write_then_close_the_tab(served))
    drafts = Store.open(served.folder, SystemClock()).drafts()
    assert len(drafts) == 1 and "The tab closed mid-sentence" in json.dumps(drafts), drafts
    assert served.proc.returncode == 0


def test_the_hangup_watcher_watches_only_a_terminal() -> None:
    probe = [sys.executable, "-c", "from mastery_tui.hangup import watches_a_terminal as w; print(w())"]
    piped = subprocess.run(probe, stdin=subprocess.PIPE, capture_output=True, text=True, timeout=30)
    assert piped.stdout.strip() == "False"
    leader, follower = pty.openpty()
    try:
        tty = subprocess.run(probe, stdin=follower, capture_output=True, text=True, timeout=30)
    finally:
        os.close(leader)
        os.close(follower)
    assert tty.stdout.strip() == "True"


def test_without_the_web_extra_one_line_says_what_to_install(tmp_path: Path) -> None:
    code = (
        "import sys; sys.modules['textual_serve'] = None\n"
        "from mastery_tui.__main__ import main\n"
        f"main(['--data-dir', {str(tmp_path / 'data')!r}, 'serve'])\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 1
    assert done.stderr.strip().splitlines() == [
        "mastery: mastery serve needs the web extra: pipx install 'mastery-tui[web]' "
        "(or, in mastery's environment, pip install textual-serve)"
    ]
