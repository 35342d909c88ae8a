"""`make bench-phone`: Lighthouse, mobile, on every page kind of the built site, and on the
same pages built with bare Material.

Lighthouse 12 (from npm, kept in .cache/lighthouse) drives Debian's Chromium against
the site served gzipped on 127.0.0.1, as GitHub Pages serves it. Each page is run
several times and the median of each score is printed, per page kind. The same pages,
written out as plain Markdown and built by Material alone (no macros, hooks, theme
overrides, stylesheets or scripts of the handbook's), are measured in turn with ours:
Lighthouse's simulated phone scales this machine's own speed, so the theme's floor,
measured in the same run, says what the handbook adds. The bank is measured twice: at
the shipped size and with the bank filled to 1,000 questions. Nothing is asserted: the
table is compared with the targets and printed.

Lighthouse's score moves with the machine's speed from one run to the next. A second table
therefore gives the main thread's own work while each page starts (Chromium's task time from
opening the page until a second after its load event, not slowed, the median of several loads,
ours and bare in turn), split at the first contentful paint: Lighthouse's blocking time counts
only the tasks after it, scaled up by its CPU slowdown, so the gap between ours and bare
Material there is the part of that blocking time the pages, not the hour, decide.

Lighthouse's simulated phone is this machine slowed down by a fixed factor, 4× by default, which
its authors chose so that a high-end desktop becomes their mid-tier phone. This machine's speed
moves from hour to hour, so 4× here emulates a different phone each time. By default the CPU
slowdown is calibrated as Lighthouse's documentation says (docs/throttling.md, "Calibrating the
CPU slowdown", and the calculator it links): from the machine's benchmark index, which Lighthouse
measures and reports on every run. `--cpu-slowdown 4` runs Lighthouse's uncalibrated default.

    .venv/bin/python scripts/lighthouse.py [--runs 3] [--no-large-bank] [--cpu-slowdown auto|N]
"""

from __future__ import annotations

import argparse
import contextlib
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
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from bench import BUILD_EPOCH, CONFIG, DATA, SyntheticBank, bare_config, build_once, machine_load, mkdocs_env, python_env  # noqa: E402

LIGHTHOUSE = "lighthouse@12.8.2"
TOOLS = ROOT / ".cache" / "lighthouse"
CHROMIUM = os.environ.get("HANDBOOK_CHROMIUM", "/usr/bin/chromium")
# Headless Chromium, whose display stops offering frames for a while to a page that was slow to
# take the last ones (a load's busy main thread is), now and then presents a first paint made
# in time about a second late; Lantern then counts every request made meanwhile towards the
# paint (GoogleChrome/lighthouse#17148). In 6 of 18 runs on the home page at 3.8× on
# 2026-12-05, ours and bare Material alike (LCP 2.4-3.0 s in those, 1.5-1.6 s in the others);
# in none of 24 with the frame rate unlimited. A phone's screen has no such pause.
UNTHROTTLED_FRAMES = "--disable-frame-rate-limit"
CHROMIUM_FLAGS = (
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--no-first-run", "--disable-sync", UNTHROTTLED_FRAMES,
)  # fmt: skip
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TARGETS = {"performance": 98, "accessibility": 100, "best-practices": 100, "seo": 100}
# Same-run budget: on each page kind, our performance score at most this far below bare Material's.
BUDGET_BELOW_BARE = 3
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


@contextlib.contextmanager
def serving(sites: dict[str, Path]) -> Iterator[dict[str, str]]:
    """Each site served on its own port: site name -> base address."""
    servers = {name: serve(site) for name, site in sites.items()}
    try:
        yield {name: base for name, (_, base) in servers.items()}
    finally:
        for server, _ in servers.values():
            server.shutdown()


def lighthouse_bin() -> Path:
    binary = TOOLS / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        TOOLS.mkdir(parents=True, exist_ok=True)
        print(f"… installing {LIGHTHOUSE} into {TOOLS.relative_to(ROOT)}", flush=True)
        subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--prefix", str(TOOLS), LIGHTHOUSE], check=True)
    return binary


def slowdown_for(benchmark_index: float) -> float:
    """The CPU slowdown that makes a machine of this benchmark index Lighthouse's mid-tier phone,
    by Lighthouse's calibration: 2× at an index of 800, 3× at 1,300, 4× at about 1,533."""
    if benchmark_index >= 1300:
        return 3 + (benchmark_index - 1300) / 233
    if benchmark_index >= 800:
        return 2 + (benchmark_index - 800) / 500
    if benchmark_index >= 150:
        return 1 + (benchmark_index - 150) / 650
    raise SystemExit(f"benchmark index {benchmark_index:.0f}: too slow a machine to emulate Lighthouse's phone")


def scores(binary: Path, url: str, slowdown: float | None = None) -> dict[str, float]:
    """One Lighthouse run. `slowdown` None keeps Lighthouse's default CPU slowdown."""
    throttling = [] if slowdown is None else [f"--throttling.cpuSlowdownMultiplier={slowdown:.2f}"]
    with tempfile.TemporaryDirectory(prefix="hb-lh-") as tmp:
        out = Path(tmp) / "report.json"
        flags = " ".join(CHROMIUM_FLAGS)
        subprocess.run(
            [str(binary), url, "--quiet", "--output=json", f"--output-path={out}", f"--chrome-flags={flags}",
             f"--only-categories={','.join(CATEGORIES)}", f"--chrome-path={CHROMIUM}", *throttling],
            check=True, env={**os.environ, "CHROME_PATH": CHROMIUM}, capture_output=True, timeout=300,
        )  # fmt: skip
        report = json.loads(out.read_text(encoding="utf-8"))
    result = {c: report["categories"][c]["score"] * 100 for c in CATEGORIES}
    result["fcp_s"] = report["audits"]["first-contentful-paint"]["numericValue"] / 1000
    result["lcp_s"] = report["audits"]["largest-contentful-paint"]["numericValue"] / 1000
    result["tbt_ms"] = report["audits"]["total-blocking-time"]["numericValue"]
    result["benchmark_index"] = report["environment"]["benchmarkIndex"]
    observed = report["audits"]["metrics"]["details"]["items"][0]
    result["late_first_frame"] = float(observed["observedFirstContentfulPaint"] > observed["observedLoad"])
    return result


def cpu_slowdown(binary: Path, choice: str, site: Path, runs: int = 3) -> tuple[float, str]:
    """The slowdown asked for, or for "auto" the one calibrated to the benchmark index of this
    machine (the median of `runs` Lighthouse runs on the home page of `site`); and a line saying which."""
    if choice != "auto":
        return float(choice), f"CPU slowdown {float(choice):.2f}×, as asked"
    with serving({"site": site}) as bases:
        index = statistics.median(scores(binary, bases["site"])["benchmark_index"] for _ in range(runs))
    slowdown = slowdown_for(index)
    return slowdown, f"CPU slowdown {slowdown:.2f}×, calibrated to this machine's benchmark index of {index:.0f} (Lighthouse's default: 4×)"


def in_turn(sites: dict[str, Path], pages: dict[str, str], runs: int, sample) -> dict[str, dict[str, list]]:
    """page kind -> site name -> `runs` samples of `sample(address)`. The sites take turns on each
    page, so a change in the machine's load touches both alike; a page one site lacks is skipped."""
    table: dict[str, dict[str, list]] = {}
    with serving(sites) as bases:
        for kind, path in pages.items():
            if not all((site / path / "index.html").is_file() for site in sites.values()):
                continue
            table[kind] = {name: [] for name in sites}
            for _ in range(runs):
                for name, base in bases.items():
                    table[kind][name].append(sample(base + path))
    return table


def spread(values) -> str:
    """The lowest and highest of a page's runs: how far its median can be trusted."""
    values = sorted(values)
    return f"{values[0]:.0f}–{values[-1]:.0f}"


def measure(
    binary: Path, sites: dict[str, Path], pages: dict[str, str], runs: int, slowdown: float
) -> dict[str, dict[str, dict[str, float]]]:
    """page kind -> site name -> median of each Lighthouse figure."""
    table = {}
    for kind, samples in in_turn(sites, pages, runs, lambda url: scores(binary, url, slowdown)).items():
        table[kind] = {name: {key: statistics.median(s[key] for s in runs_) for key in runs_[0]} for name, runs_ in samples.items()}
        for name, runs_ in samples.items():
            table[kind][name]["late_first_frame"] = sum(s["late_first_frame"] for s in runs_)
            table[kind][name]["spread"] = spread(s["performance"] for s in runs_)
        print(f"… {kind}: " + "; ".join(f"{name} performance {r['performance']:.0f}" for name, r in table[kind].items()), flush=True)
    return table


def main_thread_ms(trace: bytes) -> dict[str, float]:
    """The page's main-thread task time (ms) before and after its first contentful paint, from a
    Chromium trace. Lighthouse's blocking time counts only tasks after that paint."""
    events = json.loads(trace)["traceEvents"]
    paint = min((e for e in events if e.get("name") == "firstContentfulPaint"), key=lambda e: e["ts"])
    main = next(
        e["tid"] for e in events
        if e.get("ph") == "M" and e.get("name") == "thread_name" and e["pid"] == paint["pid"] and e["args"].get("name") == "CrRendererMain"
    )  # fmt: skip
    tasks = [e for e in events if e.get("name") == "RunTask" and e.get("ph") == "X" and e["pid"] == paint["pid"] and e["tid"] == main]
    return {
        "before": sum(t["dur"] for t in tasks if t["ts"] < paint["ts"]) / 1000,
        "after": sum(t["dur"] for t in tasks if t["ts"] >= paint["ts"]) / 1000,
    }


def start_up_work(sites: dict[str, Path], pages: dict[str, str], loads: int) -> dict[str, dict[str, dict[str, float]]]:
    """page kind -> site name -> median milliseconds of main-thread task time before and after the
    first contentful paint, from opening the page until a second after its load event, in
    Chromium at a phone's viewport, not slowed."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu", UNTHROTTLED_FRAMES])

        def task_ms(url: str) -> dict[str, float]:
            context = browser.new_context(viewport={"width": 412, "height": 823}, is_mobile=True)
            page = context.new_page()
            browser.start_tracing(page=page, categories=["devtools.timeline", "disabled-by-default-devtools.timeline", "loading"])
            page.goto(url, wait_until="load")
            page.wait_for_timeout(1000)
            trace = browser.stop_tracing()
            context.close()
            return main_thread_ms(trace)

        table = in_turn(sites, pages, loads, task_ms)
        browser.close()
    return {
        kind: {name: {part: statistics.median(v[part] for v in values) for part in ("before", "after")} for name, values in samples.items()}
        for kind, samples in table.items()
    }


def start_up_table(rows: dict[str, dict[str, dict[str, float]]]) -> str:
    lines = [f"{'page':<10}  {'before first paint':>18}  {'after: ours ms':>14}  {'bare ms':>7}  {'ours/bare':>9}"]
    for kind, sites in rows.items():
        ours, bare = sites["ours"], sites["bare"]
        before = f"{ours['before']:.0f} / {bare['before']:.0f}"
        lines.append(f"{kind:<10}  {before:>18}  {ours['after']:>14.0f}  {bare['after']:>7.0f}  {ours['after'] / bare['after']:>8.2f}×")
    return "\n".join(lines)


def build(data_dir: Path, out: Path) -> None:
    build_once(CONFIG, out, mkdocs_env(data_dir))


def bare_site(data_dir: Path, work: Path) -> Path:
    """The same pages built by Material alone."""
    (work / "bare").mkdir(parents=True, exist_ok=True)
    config = bare_config(data_dir, work / "bare", assets=False)
    build_once(config, work / "bare-site", python_env(), cwd=config.parent)
    return work / "bare-site"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3, help="Lighthouse runs per page; the median is reported")
    parser.add_argument("--no-large-bank", action="store_true", help="skip the bank at 1,000 questions")
    parser.add_argument("--loads", type=int, default=9, help="page loads per site for the start-up work; the median is reported")
    parser.add_argument(
        "--cpu-slowdown", default="auto", help="Lighthouse's CPU slowdown: auto (calibrated to this machine) or a factor (4 is its default)"
    )
    args = parser.parse_args(argv)
    binary = lighthouse_bin()
    load_at_start = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="hb-phone-") as tmp:
        work = Path(tmp)
        print("… building the shipped site, and its pages with bare Material", flush=True)
        build(DATA, work / "site")
        sites = {"ours": work / "site", "bare": bare_site(DATA, work)}
        print("… timing each page's start-up work in Chromium", flush=True)
        work_rows = start_up_work(sites, PAGES, args.loads)
        slowdown, calibration = cpu_slowdown(binary, args.cpu_slowdown, sites["bare"])
        print(f"… {calibration}", flush=True)
        rows = measure(binary, sites, PAGES, args.runs, slowdown)
        if not args.no_large_bank:
            data_dir = work / "data"
            shutil.copytree(DATA, data_dir)
            SyntheticBank().fill(data_dir, 1000)
            print("… building with 1,000 questions", flush=True)
            build(data_dir, work / "site-1000")
            large = {"ours": work / "site-1000", "bare": bare_site(data_dir, work / "large")}
            rows["bank at 1,000"] = measure(binary, large, {"bank": "questions/"}, args.runs, slowdown)["bank"]
    print()
    print(machine_load(load_at_start))
    print(f"Lighthouse 12, mobile, served gzipped (SOURCE_DATE_EPOCH {BUILD_EPOCH}).")
    print(f"Performance: the median of {args.runs} runs per page; runs: the lowest and highest of them.")
    indexes = [site["benchmark_index"] for sites_ in rows.values() for site in sites_.values()]
    print(f"{calibration}; the page runs' own indexes (medians per page): {min(indexes):.0f} to {max(indexes):.0f}.")
    print("bare: the same pages built by Material alone. TBT: total blocking time.")
    print(report_table(rows))
    late = {name: sum(sites_[name]["late_first_frame"] for sites_ in rows.values()) for name in ("ours", "bare")}
    print(
        f"Runs whose first frame came after the load event (headless Chromium's pause in frames, which {UNTHROTTLED_FRAMES} "
        f"should prevent): ours {late['ours']:.0f}, bare {late['bare']:.0f}, of {args.runs * len(rows)} each."
    )
    print()
    print(f"Main-thread task time while each page starts, ms (Chromium, 412 px, not slowed; median of {args.loads} loads, in turn);")
    print("before the first paint, ours / bare; after it, until a second after load, which Lighthouse counts as blocking:")
    print(start_up_table(work_rows))
    print()
    for label, passed, detail in verdicts(rows):
        print(f"{'PASS' if passed else 'FAIL'}  {label}: {detail}")
    return 0


def report_table(rows: dict[str, dict[str, dict[str, float]]]) -> str:
    head = ["page", "performance", "runs", "bare", "bare runs", "TBT ms", "bare TBT", *CATEGORIES[1:], "FCP s", "LCP s"]
    lines = [head]
    for kind, sites in rows.items():
        ours, bare = sites["ours"], sites["bare"]
        lines.append([
            kind, f"{ours['performance']:.0f}", ours["spread"], f"{bare['performance']:.0f}", bare["spread"],
            f"{ours['tbt_ms']:.0f}", f"{bare['tbt_ms']:.0f}",
            *(f"{ours[c]:.0f}" for c in CATEGORIES[1:]), f"{ours['fcp_s']:.1f}", f"{ours['lcp_s']:.1f}",
        ])  # fmt: skip
    widths = [max(len(line[i]) for line in lines) for i in range(len(head))]
    out = []
    for i, line in enumerate(lines):
        out.append("  ".join(cell.ljust(w) if j == 0 else cell.rjust(w) for j, (cell, w) in enumerate(zip(line, widths, strict=True))))
        if i == 0:
            out.append("  ".join("-" * w for w in widths))
    return "\n".join(out)


def verdicts(rows: dict[str, dict[str, dict[str, float]]]) -> list[tuple[str, bool, str]]:
    out = []
    for category, target in TARGETS.items():
        short = {kind: sites["ours"][category] for kind, sites in rows.items() if sites["ours"][category] < target}
        detail = "every page" if not short else ", ".join(f"{k} {v:.0f}" for k, v in short.items())
        out.append((f"{category} ≥ {target}", not short, detail))
    below = {kind: sites["bare"]["performance"] - sites["ours"]["performance"] for kind, sites in rows.items()}
    over = {kind: gap for kind, gap in below.items() if gap > BUDGET_BELOW_BARE}
    out.append((
        f"performance at most {BUDGET_BELOW_BARE} points below bare Material's on the same page",
        not over,
        ", ".join(f"{kind} {-gap:+.0f}" for kind, gap in below.items()),
    ))  # fmt: skip
    return out


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
