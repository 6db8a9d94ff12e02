"""Take screenshots of a running platform with Debian's Chromium: ``python tools/screenshots.py``.

Usage: ``python tools/screenshots.py [BASE_URL] [OUT_DIR] [path ...]``; defaults to the README's
pages on http://127.0.0.1:8000 into docs/screenshots/.
"""

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

PAGES = {
    "place-list": "/en/network/places/?country=ES",
    "overview": "/en/network/",
    "place-fr": "/fr/network/places/bilbao/",
    "home": "/en/",
    "network": "/en/network/networks/reci/",
}


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    base = args[0] if args else "http://127.0.0.1:8000"
    out = Path(args[1] if len(args) > 1 else "docs/screenshots")
    wanted = args[2:] or list(PAGES)
    out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        for name in wanted:
            path = PAGES.get(name, name)
            page.goto(base + path)
            page.wait_for_load_state("networkidle")
            page.wait_for_timeout(500)
            target = out / f"{name.strip('/').replace('/', '_') or 'root'}.png"
            page.screenshot(path=str(target), full_page="--full" in sys.argv)
            print(target)
        browser.close()


if __name__ == "__main__":
    main()
