"""`make bench`: how the handbook scales from 100 to 5,000 questions.

For each size, a temporary copy of data/ gets synthetic questions (valid against
the schema) until it holds that many. The script builds it, measures the pages
and the search index, times `python -m macros.check`, and builds the same pages
written out as plain Markdown with a bare Material configuration (no macros,
hooks or tags plugin) for comparison. At the shipped size it also times
`mkdocs serve` rebuilding after one question is edited. Figures are printed and
compared with the budgets; nothing is asserted, and data/ is never written.

    .venv/bin/python scripts/bench.py [--sizes 100,1000,5000] [--runs 3] [--shipped-runs 7] [--big-runs 3] [--profile]
"""

from __future__ import annotations

import argparse
import cProfile
import gzip
import importlib.util
import json
import os
import pstats
import random
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace

import jinja2
import yaml

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
DOCS = ROOT / "docs"
CONFIG = ROOT / "mkdocs.yml"
sys.path.insert(0, str(ROOT))

import macros  # noqa: E402
from macros.load import load_handbook  # noqa: E402
from macros.search import QUESTION_BOOST, QUESTION_UNINDEXED  # noqa: E402

BUILD_EPOCH = "1767225600"
BANK_HTML = "questions/index.html"
# The bank lists every question and each tag page every question under its tag: they grow with
# the bank by design, so the per-page budget leaves them out (and the tags index with them).
LISTING_PAGES = (BANK_HTML, "tags/")
TYPES = ["screen", "product-sense", "system-design", "behavioral", "compliance", "metrics", "ai-ml", "strategy", "negotiation"]
DIFFICULTIES = ["foundation", "core", "stretch"]
KB = 1024

# Budgets are ratios to a baseline measured in the same run, so a slower or busier machine
# moves both sides alike; only sizes are absolute.
BUDGET_PAGE_GROWTH = 0.10
BUDGET_SEARCH_KB = 500.0
BUDGET_BARE_RATIO = 1.3  # ours against bare Material on the same pages, at every size
BUDGET_SHIPPED_RATIO = 1.15  # the same at the shipped size
BUDGET_CHECK_RATIO = 4.0  # `make check` against a bare libyaml load of the same files
BUDGET_SERVE_S = 1.0  # saving a question to its new page served, at the shipped size
BUDGET_SERVE_RATIO = 0.2  # the same against a full build in the same run


def python_env(**extra: str) -> dict[str, str]:
    """The environment of every timed Python process, ours and bare alike: bytecode kept in
    .cache/pycache as the Makefile keeps it, however the bench was started. A shell that sets
    PYTHONDONTWRITEBYTECODE would otherwise make ours compile its modules on every run while
    bare Material loads the bytecode pip wrote."""
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    env.setdefault("PYTHONPYCACHEPREFIX", str(ROOT / ".cache" / "pycache"))
    return {**env, "NO_MKDOCS_2_WARNING": "1", **extra}


def mkdocs_env(data_dir: Path) -> dict[str, str]:
    return python_env(HANDBOOK_DATA=str(data_dir), SOURCE_DATE_EPOCH=BUILD_EPOCH)


# -- synthetic questions ------------------------------------------------------------


class WordChain:
    """A first-order word chain over the real questions' text.

    Its output uses the handbook's vocabulary without copying its sentences, and it
    compresses about as badly as new prose would (few repeated phrases), so index
    and page sizes are not flattered by the synthetic text."""

    def __init__(self, texts: list[str], rng: random.Random) -> None:
        self.rng = rng
        self.next: dict[str, list[str]] = {}
        self.starts: list[str] = []
        for text in texts:
            words = re.sub(r"[`*_<>\[\]]", "", text).split()
            if len(words) < 3:
                continue
            self.starts.append(words[0])
            for a, b in zip(words, words[1:], strict=False):
                self.next.setdefault(a, []).append(b)

    def text(self, chars: int) -> str:
        words = [self.rng.choice(self.starts)]
        while sum(len(w) + 1 for w in words) < chars:
            follow = self.next.get(words[-1])
            words.append(self.rng.choice(follow) if follow else self.rng.choice(self.starts))
        sentence = " ".join(words).rstrip(",;:")
        return sentence if sentence[-1] in ".?!" else sentence + "."


def question_texts(q: dict) -> list[str]:
    texts = [q["prompt"], *q["strong_answer"], *q["red_flags"], *q.get("follow_ups", [])]
    return texts + [point for step in q["outline"] for point in step["points"]]


class SyntheticBank:
    """Adds questions shaped like randomly chosen real ones (same fields, similar lengths)."""

    def __init__(self, seed: int = 7) -> None:
        self.rng = random.Random(seed)
        self.real = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((DATA / "questions").glob("*.yml"))]
        self.chain = WordChain([t for q in self.real for t in question_texts(q)], self.rng)
        self.tags = sorted({t for q in self.real for t in q.get("tags", [])})
        hb = load_handbook(DATA, root=ROOT)
        self.tracks, self.rounds = list(hb.tracks), list(hb.round_kinds)
        self.frameworks, self.sources = list(hb.frameworks), list(hb.sources)
        self.ids: set[str] = {q["id"] for q in self.real}

    def fill(self, data_dir: Path, total: int) -> int:
        folder = data_dir / "questions"
        have = len(list(folder.glob("*.yml")))
        # A larger bank has a larger tag vocabulary: about one new tag per 50 questions.
        tags = self.tags + [f"topic-{i}" for i in range(total // 50)]
        for _ in range(have, total):
            q = self.question(tags)
            (folder / f"{q['id']}.yml").write_text(yaml.safe_dump(q, sort_keys=False, width=100), encoding="utf-8")
        return max(0, total - have)

    def new_id(self, prompt: str) -> str:
        # Ids look like the real ones: the prompt's first words, made unique with a number.
        stem = "-".join(re.sub(r"[^a-z0-9 ]", " ", prompt.lower()).split()[:5])[:60].strip("-") or "question"
        qid, n = stem, 1
        while qid in self.ids:
            n += 1
            qid = f"{stem}-{n}"
        self.ids.add(qid)
        return qid

    def question(self, tags: list[str]) -> dict:
        rng, shape = self.rng, self.rng.choice(self.real)
        prompt = self.chain.text(len(shape["prompt"]))
        source = rng.choice(self.sources)
        title = self.chain.text(len(shape["title"]))[:70].rsplit(" ", 1)[0]
        return {
            "id": self.new_id(prompt),
            "title": title if len(title) >= 8 else shape["title"],
            "origin": "practice" if source == "handbook" else "reported",
            "prompt": prompt,
            "tracks": rng.sample(self.tracks, rng.randint(1, 2)),
            # The answers are a real question's, so they have a real answer's length and pass its
            # round's rules; the round comes with them.
            "round": shape["round"],
            "type": rng.choice(TYPES),
            "difficulty": rng.choice(DIFFICULTIES),
            "frameworks": rng.sample(self.frameworks, rng.randint(0, 2)),
            "tags": sorted(rng.sample(tags, rng.randint(2, 4))),
            "strong_answer": [self.chain.text(len(t)) for t in shape["strong_answer"]],
            "red_flags": [self.chain.text(len(t)) for t in shape["red_flags"]],
            "follow_ups": [self.chain.text(len(t)) for t in shape.get("follow_ups", [])],
            "outline": [{"step": s["step"], "points": [self.chain.text(len(p)) for p in s["points"]]} for s in shape["outline"]],
            "model_answer": shape["model_answer"],
            "weak_answer": shape["weak_answer"],
            "sources": [source],
        }


# -- measurements ---------------------------------------------------------------------


@dataclass
class PageSizes:
    median_kb: float
    max_kb: float
    content_median_kb: float  # without the listing pages
    largest: list[tuple[str, float]]


@dataclass
class IndexSize:
    raw_kb: float
    gz_kb: float
    worker_gz_kb: float
    by_kind: dict[str, tuple[int, float]]  # kind -> (entries, gzipped KB)

    @property
    def download_kb(self) -> float:
        return self.gz_kb + self.worker_gz_kb


@dataclass
class Row:
    questions: int
    build_s: float
    build_runs: int
    pages: PageSizes
    index: IndexSize
    check_s: float
    check_inner_s: float
    load_s: float
    bare_s: float | None = None

    @property
    def check_ratio(self) -> float:
        return self.check_s / self.load_s

    @property
    def ms_per_question(self) -> float:
        return self.build_s / self.questions * 1000

    @property
    def ratio(self) -> float | None:
        return self.build_s / self.bare_s if self.bare_s else None


def timed(cmd: list[str], env: dict[str, str], cwd: Path = ROOT) -> tuple[float, subprocess.CompletedProcess]:
    started = time.perf_counter()
    result = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=3600)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"failed: {' '.join(cmd)}\n{result.stdout[-2000:]}\n{result.stderr[-4000:]}")
    return elapsed, result


def build_once(config: Path, site: Path, env: dict[str, str], cwd: Path = ROOT) -> float:
    shutil.rmtree(site, ignore_errors=True)
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-f", str(config), "-d", str(site)]
    return timed(cmd, env, cwd)[0]


BARE_LOAD = (
    "import pathlib, sys, yaml\n"
    "for p in sorted(pathlib.Path(sys.argv[1]).rglob('*.yml')):\n"
    "    yaml.load(p.read_text(encoding='utf-8'), Loader=yaml.CSafeLoader)\n"
)


def check_and_load_seconds(data_dir: Path, runs: int = 7) -> tuple[float, float, float]:
    """Medians of: the wall clock of `python -m macros.check` (start-up included), the time it
    reports, and the wall clock of a process that only reads every data file with libyaml (the
    floor for a check). The two take turns, so the machine's load touches both alike."""
    walls, inner, loads = [], [], []
    for _ in range(runs):
        wall, result = timed([sys.executable, "-m", "macros.check", str(data_dir)], mkdocs_env(data_dir))
        walls.append(wall)
        found = re.search(r"checked in ([\d.]+) s", result.stdout)
        inner.append(float(found.group(1)) if found else float("nan"))
        loads.append(timed([sys.executable, "-c", BARE_LOAD, str(data_dir)], mkdocs_env(data_dir))[0])
    return statistics.median(walls), statistics.median(inner), statistics.median(loads)


def page_sizes(site: Path) -> PageSizes:
    sizes = {str(p.relative_to(site)): p.stat().st_size / KB for p in site.rglob("*.html")}
    content = [kb for page, kb in sizes.items() if not page.startswith(LISTING_PAGES)]
    largest = sorted(sizes.items(), key=lambda item: -item[1])[:6]
    return PageSizes(statistics.median(sizes.values()), largest[0][1], statistics.median(content), largest)


def index_kind(location: str) -> str:
    page = location.split("#")[0]
    if page.startswith("questions/") and page != "questions/":
        return "question pages"
    return {"questions/": "question bank", "tags/": "tags page"}.get(page, page.split("/")[0] + "/" if "/" in page else "home")


def gz_kb(data: bytes) -> float:
    return len(gzip.compress(data, compresslevel=9)) / KB


def index_size(site: Path) -> IndexSize:
    raw = (site / "search" / "search_index.json").read_bytes()
    workers = list((site / "assets" / "javascripts" / "workers").glob("search.*.min.js"))
    worker_kb = gz_kb(workers[0].read_bytes()) if workers else 0.0
    groups: dict[str, list] = {}
    for doc in json.loads(raw)["docs"]:
        groups.setdefault(index_kind(doc["location"]), []).append(doc)
    by_kind = {kind: (len(docs), gz_kb(json.dumps(docs, separators=(",", ":")).encode())) for kind, docs in groups.items()}
    return IndexSize(len(raw) / KB, gz_kb(raw), worker_kb, by_kind)


# -- the same pages as plain Markdown, built with a bare configuration ---------------------


def load_hooks():
    spec = importlib.util.spec_from_file_location("handbook_hooks", ROOT / "hooks" / "handbook.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def split_front_matter(text: str) -> tuple[str, str]:
    if text.startswith("---\n") and "\n---\n" in text[4:]:
        end = text.index("\n---\n", 4) + 5
        return text[:end], text[end:]
    return "", text


class MacroPage:
    """Just enough of mkdocs-macros' env for `macros.define_env`, to render a page's macros."""

    def __init__(self, conf) -> None:
        self.conf, self.variables, self.macros = conf, {}, {}
        self.page = SimpleNamespace(file=SimpleNamespace(src_uri=""))

    def macro(self, fn, name: str) -> None:
        self.macros[name] = fn

    def render(self, src: str, body: str) -> str:
        self.page.file.src_uri = src
        env = jinja2.Environment(undefined=jinja2.StrictUndefined)
        return env.from_string(body).render(**self.variables, **self.macros)


def indexed_by_material(page: str) -> str:
    """A question page as bare Material needs it to be searchable: the handbook makes each
    question's search entry from its record and keeps the page out of Material's index, but
    Material alone has no records, so it indexes the page, as it did for both builds before."""
    return str(page).replace(f"search: {json.dumps(QUESTION_UNINDEXED)}", f"search: {json.dumps({'boost': QUESTION_BOOST})}", 1)


def write_plain_docs(data_dir: Path, out: Path) -> list:
    """Write every page of the handbook as the Markdown MkDocs receives; returns the nav."""
    from mkdocs.config import load_config
    from mkdocs.structure.files import get_files

    os.environ["HANDBOOK_DATA"] = str(data_dir)
    config = load_config(config_file=str(CONFIG))
    config.plugins._current_plugin = None  # normally set while MkDocs runs an event
    hooks = load_hooks()
    hooks.on_config(config)
    shutil.copytree(DOCS, out)
    for file in hooks.on_files(get_files(config), config):
        if not file.generated_by:
            continue
        target = out / file.src_uri
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(indexed_by_material(file.content_string), encoding="utf-8")
    env = MacroPage(config)
    macros.define_env(env)
    for path in out.rglob("*.md"):
        meta, body = split_front_matter(path.read_text(encoding="utf-8"))
        if "render_macros: true" in meta:
            path.write_text(meta + env.render(str(path.relative_to(out)), body), encoding="utf-8")
    return config["nav"]


def write_bare_config(docs: Path, nav: list, target: Path, assets: bool = True) -> None:
    from mkdocs.utils.yaml import get_yaml_loader

    ours = yaml.load(CONFIG.read_text(encoding="utf-8"), Loader=get_yaml_loader())  # noqa: S506 (MkDocs' own safe loader, with !ENV)
    search = next((p["search"] for p in ours.get("plugins", []) if isinstance(p, dict) and "search" in p), {})
    bare = {
        "site_name": ours["site_name"],
        "site_url": ours.get("site_url"),
        "use_directory_urls": True,
        "docs_dir": str(docs),
        "theme": {key: value for key, value in ours["theme"].items() if key != "custom_dir"},
        "plugins": [{"search": search}],
        "markdown_extensions": ours.get("markdown_extensions", []),
        "extra_css": ours.get("extra_css", []) if assets else [],
        "extra_javascript": ours.get("extra_javascript", []) if assets else [],
        "not_in_nav": ours.get("not_in_nav", ""),
        "nav": nav,
    }
    target.write_text(yaml.safe_dump(bare, sort_keys=False, allow_unicode=True), encoding="utf-8")


def bare_config(data_dir: Path, work: Path, assets: bool = True) -> Path:
    """The handbook's pages as plain Markdown, and a bare Material configuration that builds them
    (with the handbook's stylesheets and scripts as plain extra files, unless `assets` is off)."""
    docs = work / "plain-docs"
    nav = write_plain_docs(data_dir, docs)
    config = work / "bare-mkdocs.yml"
    write_bare_config(docs, nav, config, assets)
    return config


# -- rebuild under `mkdocs serve` -----------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", "replace")
    except OSError:
        return None


def wait_for(predicate, timeout: float, step: float = 0.05) -> float | None:
    started = time.perf_counter()
    while time.perf_counter() - started < timeout:
        if predicate():
            return time.perf_counter() - started
        time.sleep(step)
    return None


def serve_rebuild_seconds(edits: int = 6) -> list[float]:
    """Seconds from saving an edited question to `mkdocs serve` serving the new page. The edits
    take turns: the prompt (the question's page alone changes), then the title (which the bank,
    the question's tags, tracks and glossary terms list too)."""
    with tempfile.TemporaryDirectory(prefix="hb-bench-serve-") as tmp:
        data_dir = Path(tmp) / "data"
        shutil.copytree(DATA, data_dir)
        question = sorted((data_dir / "questions").glob("*.yml"))[0]
        port = free_port()
        cmd = [sys.executable, "-m", "mkdocs", "serve", "-f", str(CONFIG), "-a", f"127.0.0.1:{port}", "-w", str(data_dir)]
        server = subprocess.Popen(cmd, cwd=ROOT, env=mkdocs_env(data_dir), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        url = f"http://127.0.0.1:{port}/questions/{question.stem}/"
        try:
            if wait_for(lambda: fetch(url) is not None, timeout=300, step=0.2) is None:
                raise SystemExit("mkdocs serve did not start")
            time.sleep(2)  # let the first build's file watcher settle
            seconds = []
            for n in range(edits):
                marker = f"benchmarkmarker{n}x{random.randrange(10**6)}"
                record = yaml.safe_load(question.read_text(encoding="utf-8"))
                if n % 2:
                    record["title"] = f"{record['title'][:40]} {marker}"
                else:
                    record["prompt"] = record["prompt"].rstrip() + f" {marker}"
                question.write_text(yaml.safe_dump(record, sort_keys=False, width=100), encoding="utf-8")
                took = wait_for(lambda m=marker: m in (fetch(url) or ""), timeout=300)
                if took is None:
                    raise SystemExit("the edited question never appeared")
                seconds.append(took)
                time.sleep(1)
            return seconds
        finally:
            server.terminate()
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()


# -- where a build spends its time ------------------------------------------------------------

PHASES = {
    "load and check the data": ("macros/load.py", "load_handbook"),
    "generate pages from data (hook on_files)": ("hooks/handbook.py", "on_files"),
    "Markdown and macros to HTML, per page": ("mkdocs/commands/build.py", "_populate_page"),
    "search indexing and page templates, per page": ("mkdocs/commands/build.py", "_build_page"),
    "after the build (hook on_post_build)": ("hooks/handbook.py", "on_post_build"),
    "whole build": ("mkdocs/commands/build.py", "build"),
}


def profile_build(data_dir: Path, site: Path) -> dict[str, float]:
    """Cumulative seconds per phase of one profiled build (profiling makes every figure larger)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    os.environ.update(mkdocs_env(data_dir))
    config = load_config(config_file=str(CONFIG), site_dir=str(site), strict=True)
    config.plugins.on_startup(command="build", dirty=False)
    profiler = cProfile.Profile()
    profiler.runcall(build, config)
    config.plugins.on_shutdown()
    stats = pstats.Stats(profiler).stats
    out = {}
    for phase, (path, name) in PHASES.items():
        out[phase] = sum(v[3] for (file, _, func), v in stats.items() if file.endswith(path) and func == name)
    return out


# -- the report ---------------------------------------------------------------------------------


def measure(size: int, bank: SyntheticBank, runs: int, with_bare: bool) -> Row:
    with tempfile.TemporaryDirectory(prefix=f"hb-bench-{size}-") as tmp:
        work = Path(tmp)
        data_dir = work / "data"
        shutil.copytree(DATA, data_dir)
        added = bank.fill(data_dir, size)
        total = len(list((data_dir / "questions").glob("*.yml")))
        print(f"… {total} questions ({added} synthetic): checking", flush=True)
        check_wall, check_inner, load_s = check_and_load_seconds(data_dir)
        bare = bare_config(data_dir, work) if with_bare else None
        print(f"… {total} questions: building {runs}×" + (", each followed by a bare Material build" if bare else ""), flush=True)
        # Ours and bare take turns, so a change in the machine's load during the runs touches both alike.
        ours_s, bare_s = [], []
        for _ in range(runs):
            ours_s.append(build_once(CONFIG, work / "site", mkdocs_env(data_dir)))
            if bare:
                bare_s.append(build_once(bare, work / "bare-site", python_env(), cwd=work))
        row = Row(
            total, statistics.median(ours_s), runs, page_sizes(work / "site"), index_size(work / "site"), check_wall, check_inner, load_s
        )
        if bare:
            row.bare_s = statistics.median(bare_s)
            ours_pages, bare_pages = (len(list((work / d).rglob("*.html"))) for d in ("site", "bare-site"))
            if ours_pages != bare_pages:
                print(f"  note: the bare build wrote {bare_pages} pages, ours {ours_pages}", flush=True)
        return row


def table(rows: list[Row]) -> str:
    head = (
        "questions", "build s", "ms/q", "page KB med", "page KB max", "content med", "index KB", "index gz KB",
        "search dl gz KB", "check s", "load s", "check/load", "bare s", "ours/bare",
    )  # fmt: skip
    lines = [head]
    for r in rows:
        lines.append((
            f"{r.questions:,}", f"{r.build_s:.1f} ({r.build_runs}×)", f"{r.ms_per_question:.1f}", f"{r.pages.median_kb:.1f}",
            f"{r.pages.max_kb:,.0f}", f"{r.pages.content_median_kb:.1f}", f"{r.index.raw_kb:,.0f}", f"{r.index.gz_kb:,.0f}",
            f"{r.index.download_kb:,.0f}", f"{r.check_s:.2f} ({r.check_inner_s:.2f})", f"{r.load_s:.2f}", f"{r.check_ratio:.1f}",
            f"{r.bare_s:.1f}" if r.bare_s else "-", f"{r.ratio:.2f}" if r.ratio else "-",
        ))  # fmt: skip
    widths = [max(len(line[i]) for line in lines) for i in range(len(head))]
    rule = "  ".join("-" * w for w in widths)
    out = ["  ".join(cell.rjust(w) for cell, w in zip(line, widths, strict=True)) for line in lines]
    return "\n".join([out[0], rule, *out[1:]])


def budgets(rows: list[Row]) -> list[tuple[str, bool | None, str]]:
    big = max(rows, key=lambda r: r.questions)
    small = min(rows, key=lambda r: r.questions)
    growth = big.pages.content_median_kb / small.pages.content_median_kb - 1
    ratios = [r.ratio for r in rows if r.ratio]
    worst = max(ratios) if ratios else None
    shipped = min(rows, key=lambda r: r.questions)
    return [
        (
            f"build at the shipped size ({shipped.questions}) ≤ {BUDGET_SHIPPED_RATIO}× bare Material",
            None if shipped.ratio is None else shipped.ratio <= BUDGET_SHIPPED_RATIO,
            "not measured" if shipped.ratio is None else f"{shipped.ratio:.2f}× ({shipped.build_s:.1f} s against {shipped.bare_s:.1f} s)",
        ),
        (
            f"median page (bank and tags pages left out) at {big.questions:,} within {BUDGET_PAGE_GROWTH:.0%} of {small.questions:,}",
            abs(growth) <= BUDGET_PAGE_GROWTH,
            f"{small.pages.content_median_kb:.1f} KB → {big.pages.content_median_kb:.1f} KB ({growth:+.1%})",
        ),
        (
            f"search download before the first result at {big.questions:,} ≤ {BUDGET_SEARCH_KB:.0f} KB gzipped",
            big.index.download_kb <= BUDGET_SEARCH_KB,
            f"{big.index.download_kb:,.0f} KB (index {big.index.gz_kb:,.0f} + worker {big.index.worker_gz_kb:.0f})",
        ),
        (
            f"check ≤ {BUDGET_CHECK_RATIO:.0f}× a bare libyaml load of the same files (every size)",
            max(r.check_ratio for r in rows) <= BUDGET_CHECK_RATIO,
            ", ".join(f"{r.check_ratio:.1f}× at {r.questions:,} ({r.check_s:.2f} s against {r.load_s:.2f} s)" for r in rows),
        ),
        (
            f"our build ≤ {BUDGET_BARE_RATIO}× a bare Material build of the same pages (every size)",
            None if worst is None else worst <= BUDGET_BARE_RATIO,
            "not measured" if worst is None else "worst " + f"{worst:.2f}×",
        ),
    ]


def details(rows: list[Row]) -> list[str]:
    big = max(rows, key=lambda r: r.questions)
    out = [f"Largest pages at {big.questions:,} questions (KB): " + ", ".join(f"{p} {kb:,.0f}" for p, kb in big.pages.largest)]
    kinds = sorted(big.index.by_kind.items(), key=lambda item: -item[1][1])
    out.append(
        f"Search index at {big.questions:,} questions, gzipped KB by page kind (each kind compressed on its own): "
        + ", ".join(f"{kind} {kb:,.0f} ({n} entries)" for kind, (n, kb) in kinds[:8])
    )
    if len(rows) > 1:
        small = min(rows, key=lambda r: r.questions)
        marginal = (big.build_s - small.build_s) / (big.questions - small.questions) * 1000
        out.append(f"Marginal build cost between {small.questions:,} and {big.questions:,}: {marginal:.1f} ms per extra question")
    return out


def machine_load(at_start: tuple[float, float, float]) -> str:
    """The machine's load as the benchmark saw it: figures from a busy machine read slower."""
    now = os.getloadavg()
    return f"Machine: {os.cpu_count()} cores; load average (1 min) {at_start[0]:.1f} at the start, {now[0]:.1f} at the end."


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="100,1000,5000", help="bank sizes to measure (default 100,1000,5000)")
    parser.add_argument("--runs", type=int, default=3, help="builds per size; the median is reported")
    # The tightest budget is at the shipped size, where a build takes seconds: more builds there
    # keep a noisy minute of the machine's from deciding it.
    parser.add_argument("--shipped-runs", type=int, default=7, help="builds at the shipped size (below 1,000 questions)")
    parser.add_argument("--big-runs", type=int, default=None, help="builds at 5,000 questions or more (default: --runs)")
    parser.add_argument("--no-bare", action="store_true", help="skip the bare Material comparison")
    parser.add_argument("--no-serve", action="store_true", help="skip the `mkdocs serve` rebuild timing")
    parser.add_argument("--profile", action="store_true", help="profile one build at the largest size, by phase")
    args = parser.parse_args(argv)
    sizes = sorted(int(s) for s in args.sizes.split(","))
    load_at_start = os.getloadavg()
    bank = SyntheticBank()
    rows = []
    for size in sizes:
        runs = args.runs
        if size < 1000:
            runs = args.shipped_runs
        elif size >= 5000 and args.big_runs:
            runs = args.big_runs
        rows.append(measure(size, bank, runs, not args.no_bare))
    serve = [] if args.no_serve else serve_rebuild_seconds()
    profile = {}
    if args.profile:
        with tempfile.TemporaryDirectory(prefix="hb-bench-profile-") as tmp:
            data_dir = Path(tmp) / "data"
            shutil.copytree(DATA, data_dir)
            bank.fill(data_dir, sizes[-1])
            profile = profile_build(data_dir, Path(tmp) / "site")

    print()
    print(machine_load(load_at_start))
    print(f"Synthetic questions come from a word chain over the real questions' text; {len(bank.real)} real questions are kept.")
    print("build s: median of the runs shown; ms/q: build seconds per question; page KB: every .html page;")
    print("content med: median page without the bank and tags pages (they list every question by design);")
    print("search dl: search_index.json plus the search worker, gzipped; check s: wall clock (time it reports).")
    print()
    print(table(rows))
    print()
    checks = budgets(rows)
    if serve:
        shipped = min(rows, key=lambda r: r.questions)
        median = statistics.median(serve)
        checks.append((
            f"saving a question to its new page served under `mkdocs serve` ≤ {BUDGET_SERVE_S:.0f} s"
            f" and ≤ {BUDGET_SERVE_RATIO}× a full build at the shipped size",
            median <= BUDGET_SERVE_S and median / shipped.build_s <= BUDGET_SERVE_RATIO,
            f"median {median:.2f} s (slowest {max(serve):.2f} s), {median / shipped.build_s:.2f}× a full build ({shipped.build_s:.1f} s)",
        ))  # fmt: skip
    for label, passed, value in checks:
        verdict = "n/a " if passed is None else ("PASS" if passed else "FAIL")
        print(f"{verdict}  {label}: {value}")
    print()
    for line in details(rows):
        print(line)
    if serve:
        print(
            f"Rebuild under `mkdocs serve` at the shipped size ({len(bank.real)} questions), edit to new page served: "
            f"median {statistics.median(serve):.2f} s over {len(serve)} edits, prompt and title in turn "
            f"({', '.join(f'{s:.2f}' for s in serve)})"
        )
    if profile:
        whole = profile.pop("whole build") or 1
        print(f"Where one build spends its time at {sizes[-1]:,} questions (profiled, so slower than above; share of the whole):")
        for phase, seconds in sorted(profile.items(), key=lambda item: -item[1]):
            print(f"  {phase.strip():40s} {seconds:7.1f} s  {seconds / whole:5.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
