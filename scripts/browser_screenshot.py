"""screenshots/browser.png: the app in a web browser, as `mastery serve` shows it.

Runs the real `mastery serve` on a demo history in a temporary folder, opens the printed link
in headless Chromium and takes a picture once the app has painted Home, through the Chrome
DevTools Protocol (aiohttp, which the web extra brings). Skipped with a line when Chromium or
the web extra isn't there: `make screenshots` still makes every SVG.
"""

from __future__ import annotations

import asyncio
import base64
import json
import shutil
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mastery_tui.demo import seed_demo_history  # noqa: E402
from mastery_tui.domain.clock import SystemClock  # noqa: E402
from mastery_tui.store import Store  # noqa: E402

OUT = ROOT / "screenshots" / "browser.png"
WIDTH, HEIGHT = 1000, 640
BROWSERS = ("chromium", "chromium-browser", "google-chrome")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


async def capture(url: str, browser: str) -> bytes:
    import aiohttp

    port = free_port()
    chrome = subprocess.Popen(
        [browser, "--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
         f"--remote-debugging-port={port}", f"--window-size={WIDTH},{HEIGHT}",
         "--user-data-dir=" + tempfile.mkdtemp(prefix="mastery-chrome-"), "about:blank"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        async with aiohttp.ClientSession() as http:
            for _ in range(200):
                try:
                    async with http.get(f"http://127.0.0.1:{port}/json") as answer:
                        pages = [p for p in await answer.json() if p["type"] == "page"]
                    if pages:
                        break
                except aiohttp.ClientError:
                    pass
                await asyncio.sleep(0.1)
            async with http.ws_connect(pages[0]["webSocketDebuggerUrl"], max_msg_size=0) as ws:
                ids = iter(range(1, 1000))

                async def call(method: str, **params: object) -> dict:
                    number = next(ids)
                    await ws.send_str(json.dumps({"id": number, "method": method, "params": params}))
                    async for message in ws:
                        data = json.loads(message.data)
                        if data.get("id") == number:
                            return data.get("result", {})
                    raise RuntimeError("the browser went away")

                await call("Page.enable")
                await call("Page.navigate", url=url)
                for _ in range(300):  # the intro goes once the app's first bytes arrive
                    await asyncio.sleep(0.1)
                    started = await call(
                        "Runtime.evaluate",
                        expression="document.body.classList.contains('-first-byte')",
                    )
                    if started.get("result", {}).get("value"):
                        break
                await asyncio.sleep(2.5)  # Home paints, the intro fades
                shot = await call("Page.captureScreenshot", format="png")
                return base64.b64decode(shot["data"])
    finally:
        chrome.terminate()
        chrome.wait(timeout=10)


def main() -> int:
    browser = next((b for b in BROWSERS if shutil.which(b)), None)
    try:
        import aiohttp  # noqa: F401
        import textual_serve  # noqa: F401
    except ImportError:
        browser = None
    if browser is None:
        print("skipped screenshots/browser.png: needs Chromium and the web extra")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "data"
        clock = SystemClock()
        seed_demo_history(Store.open(folder, clock), clock)
        serve = subprocess.Popen(
            [sys.executable, "-m", "mastery_tui", "--data-dir", str(folder), "serve"],
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, cwd=ROOT,
        )  # fmt: skip
        try:
            assert serve.stdout is not None
            url = serve.stdout.readline().strip()
            OUT.write_bytes(asyncio.run(capture(url, browser)))
        finally:
            serve.terminate()
            serve.wait(timeout=10)
    print(f"wrote {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
