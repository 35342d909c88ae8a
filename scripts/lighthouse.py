"""`make bench-phone`: Lighthouse, mobile, on every page kind of the built site.

Lighthouse 12 (from npm, kept in .cache/lighthouse) drives Debian's Chromium against
the site served gzipped on 127.0.0.1, as GitHub Pages serves it. Each page is run
several times and the median of each score is printed, per page kind. The bank is
measured twice: at the shipped size and with the bank filled to 1,000 questions.
Nothing is asserted: the table is compared with the targets and printed.

    .venv/bin/python scripts/lighthouse.py [--runs 3] [--no-large-bank]
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import io
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from bench import BUILD_EPOCH, CONFIG, DATA, SyntheticBank, build_once, machine_load, mkdocs_env  # noqa: E402

LIGHTHOUSE = "lighthouse@12.8.2"
TOOLS = ROOT / ".cache" / "lighthouse"
CHROMIUM = os.environ.get("HANDBOOK_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_FLAGS = (
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--no-first-run", "--disable-sync",
)  # fmt: skip
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TARGETS = {"performance": 98, "accessibility": 100, "best-practices": 100, "seo": 100}
PAGES = {
    "home": "", "track": "tracks/pm/", "bank": "questions/", "question": "questions/order-book-failover-availability/",
    "framework": "frameworks/three-c-lens/", "checklist": "checklists/screen/", "pay": "pay/",
    "drill": "practice/drill/", "stories": "practice/stories/", "scoring": "practice/scoring/",
    "offer": "practice/offer/", "mock": "practice/mock/", "plan": "practice/plan/",
}  # fmt: skip


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, gzipped when the browser asks, with a cache lifetime like GitHub Pages' (10 min)."""

    def log_message(self, *args) -> None:
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if "gzip" not in self.headers.get("Accept-Encoding", "") or not path.is_file():
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        return io.BytesIO(body)


def serve(site: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(GzipHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def lighthouse_bin() -> Path:
    binary = TOOLS / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        TOOLS.mkdir(parents=True, exist_ok=True)
        print(f"… installing {LIGHTHOUSE} into {TOOLS.relative_to(ROOT)}", flush=True)
        subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--prefix", str(TOOLS), LIGHTHOUSE], check=True)
    return binary


def scores(binary: Path, url: str) -> dict[str, float]:
    with tempfile.TemporaryDirectory(prefix="hb-lh-") as tmp:
        out = Path(tmp) / "report.json"
        flags = " ".join(CHROMIUM_FLAGS)
        subprocess.run(
            [str(binary), url, "--quiet", "--output=json", f"--output-path={out}", f"--chrome-flags={flags}",
             f"--only-categories={','.join(CATEGORIES)}", f"--chrome-path={CHROMIUM}"],
            check=True, env={**os.environ, "CHROME_PATH": CHROMIUM}, capture_output=True, timeout=300,
        )  # fmt: skip
        report = json.loads(out.read_text(encoding="utf-8"))
    result = {c: report["categories"][c]["score"] * 100 for c in CATEGORIES}
    result["fcp_s"] = report["audits"]["first-contentful-paint"]["numericValue"] / 1000
    result["lcp_s"] = report["audits"]["largest-contentful-paint"]["numericValue"] / 1000
    return result


def measure(binary: Path, site: Path, pages: dict[str, str], runs: int) -> dict[str, dict[str, float]]:
    server, base = serve(site)
    try:
        table = {}
        for kind, path in pages.items():
            if not (site / path / "index.html").is_file():
                continue
            samples = [scores(binary, base + path) for _ in range(runs)]
            table[kind] = {key: statistics.median(s[key] for s in samples) for key in samples[0]}
            print(f"… {kind}: " + ", ".join(f"{k} {v:.0f}" for k, v in table[kind].items() if k in CATEGORIES), flush=True)
        return table
    finally:
        server.shutdown()


def build(data_dir: Path, out: Path) -> None:
    build_once(CONFIG, out, mkdocs_env(data_dir))


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3, help="Lighthouse runs per page; the median is reported")
    parser.add_argument("--no-large-bank", action="store_true", help="skip the bank at 1,000 questions")
    args = parser.parse_args(argv)
    binary = lighthouse_bin()
    load_at_start = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="hb-phone-") as tmp:
        work = Path(tmp)
        print("… building the shipped site", flush=True)
        build(DATA, work / "site")
        rows = measure(binary, work / "site", PAGES, args.runs)
        if not args.no_large_bank:
            data_dir = work / "data"
            shutil.copytree(DATA, data_dir)
            SyntheticBank().fill(data_dir, 1000)
            print("… building with 1,000 questions", flush=True)
            build(data_dir, work / "site-1000")
            rows["bank at 1,000"] = measure(binary, work / "site-1000", {"bank": "questions/"}, args.runs)["bank"]
    print()
    print(machine_load(load_at_start))
    print(f"Lighthouse 12, mobile, served gzipped; median of {args.runs} runs per page (SOURCE_DATE_EPOCH {BUILD_EPOCH}).")
    head = ["page", *CATEGORIES, "FCP s", "LCP s"]
    lines = [head] + [[kind, *(f"{r[c]:.0f}" for c in CATEGORIES), f"{r['fcp_s']:.1f}", f"{r['lcp_s']:.1f}"] for kind, r in rows.items()]
    widths = [max(len(line[i]) for line in lines) for i in range(len(head))]
    for i, line in enumerate(lines):
        print("  ".join(cell.ljust(w) if j == 0 else cell.rjust(w) for j, (cell, w) in enumerate(zip(line, widths, strict=True))))
        if i == 0:
            print("  ".join("-" * w for w in widths))
    print()
    for category, target in TARGETS.items():
        short = {kind: r[category] for kind, r in rows.items() if r[category] < target}
        verdict = "PASS" if not short else "FAIL"
        detail = "every page" if not short else ", ".join(f"{k} {v:.0f}" for k, v in short.items())
        print(f"{verdict}  {category} ≥ {target}: {detail}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
