"""Shared fixtures: the shipped handbook, building the site from a data folder, serving it on
127.0.0.1, and a headless Chromium driven by Playwright."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
CHROMIUM = Path(os.environ.get("HANDBOOK_CHROMIUM", "/usr/bin/chromium"))
BUILD_EPOCH = "1767225600"  # 2026-01-01, so stale-data notes do not depend on the day the tests run


def mkdocs_config() -> dict:
    """mkdocs.yml as the build reads it, with `!ENV [NAME, default]` taken from the environment."""
    import yaml

    class Loader(yaml.SafeLoader):
        pass

    def env(loader, node):
        name, *default = loader.construct_sequence(node)
        return os.environ.get(name, default[0] if default else None)

    Loader.add_constructor("!ENV", env)
    return yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)  # noqa: S506


def serve_sitemap_for(page, base: str) -> None:
    """Material's instant navigation only follows links listed in sitemap.xml, and it
    keeps the port of site_url; the test server runs on another port, so rewrite it."""
    site_url = mkdocs_config()["site_url"]

    def rewrite(route):
        response = route.fetch()
        route.fulfill(response=response, body=response.text().replace(site_url, base))

    page.route("**/sitemap.xml", rewrite)


def build_site(out_dir: Path, data_dir: Path = DATA, *extra: str) -> subprocess.CompletedProcess:
    """Run the real strict build of the handbook from `data_dir` into `out_dir`."""
    env = {**os.environ, "HANDBOOK_DATA": str(data_dir), "SOURCE_DATE_EPOCH": BUILD_EPOCH, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-f", str(ROOT / "mkdocs.yml"), "-d", str(out_dir), *extra],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=600,
    )  # fmt: skip


def copy_data(tmp: Path) -> Path:
    """A private copy of data/ that a test may edit."""
    target = tmp / "data"
    shutil.copytree(DATA, target)
    return target


@pytest.fixture(scope="session")
def handbook():
    """The shipped data, loaded and checked once; tests read it and never change it."""
    from macros.load import load_handbook

    return load_handbook(DATA)


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("site")
    result = build_site(out)
    assert result.returncode == 0, result.stderr
    return out


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@contextmanager
def serve(directory: Path) -> Iterator[str]:
    """Serve a built site on 127.0.0.1 (an ephemeral port); yields its base URL."""
    handler = functools.partial(_Quiet, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def site_url(site) -> Iterator[str]:
    with serve(site) as url:
        yield url


def _browser_missing_reason() -> str | None:
    if not CHROMIUM.exists():
        return f"{CHROMIUM} not found: install Debian's chromium (apt-get install chromium) to run the browser tests"
    return None


@pytest.fixture(scope="session")
def browser():
    reason = _browser_missing_reason()
    if reason:
        if os.environ.get("HANDBOOK_REQUIRE_BROWSER"):
            pytest.fail(reason)
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync"],
        )  # fmt: skip
        yield chromium
        chromium.close()


@pytest.fixture
def context(browser):
    ctx = browser.new_context(accept_downloads=True)
    yield ctx
    ctx.close()


def watched_page(context):
    """A new page whose uncaught script errors collect in `page.errors`."""
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda err: page.errors.append(str(err)))
    return page


@pytest.fixture
def page(context):
    page = watched_page(context)
    page.on("console", lambda msg: page.errors.append(msg.text) if msg.type == "error" else None)
    return page


def pytest_report_header(config) -> str:
    reason = _browser_missing_reason()
    if reason and not os.environ.get("HANDBOOK_REQUIRE_BROWSER"):
        return f"browser and PDF tests will be skipped: {reason}"
    return f"browser tests use {CHROMIUM}"
