"""Publishing: a site built for its real address never points at the local one, and the
workflow that deploys it is pinned, least-privileged and never deploys a pull request."""

from __future__ import annotations

import re

import pytest
import yaml
from pypdf import PdfReader

from tests.conftest import ROOT, build_site

PUBLISHED = "https://handbook.example.org/binance-pm/"
LOCAL = re.compile(rb"127\.0\.0\.1|localhost", re.I)
WORKFLOW = ROOT / ".github" / "workflows" / "deploy.yml"
PINNED = re.compile(r"^[\w.-]+/[\w.-]+@[0-9a-f]{40}$")


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    """The site built as the deploy workflow builds it, for a real address."""
    out = tmp_path_factory.mktemp("published")
    with pytest.MonkeyPatch.context() as mp:  # only for this build: the shared `site` stays local
        mp.setenv("SITE_URL", PUBLISHED)
        result = build_site(out)
    assert result.returncode == 0, result.stderr
    return out


def pdf_text_and_links(path) -> str:
    reader = PdfReader(path)
    parts = [page.extract_text() or "" for page in reader.pages]
    for page in reader.pages:
        for annot in page.get("/Annots") or []:
            action = annot.get_object().get("/A") or {}
            parts.append(str(action.get("/URI", "")))
    return " ".join(parts)


# Two things may name the local address and are not the site's own address: the contributor
# guide's instructions for `make serve`, written as code, and the source map of the theme's
# script bundle (a comment about development servers, fetched only by developer tools).
CODE = re.compile(rb"<code>[^<]*</code>")


def test_nothing_in_the_published_site_names_the_local_address(published):
    found = []
    for path in published.rglob("*"):
        if not path.is_file() or path.suffix in {".pdf", ".map"}:
            continue
        if LOCAL.search(CODE.sub(b"", path.read_bytes())):
            found.append(str(path.relative_to(published)))
    assert not found, f"local address in: {found[:10]}"


def test_the_published_address_is_in_canonical_links_sitemap_and_print_header(published):
    home = (published / "index.html").read_text(encoding="utf-8")
    assert f'<link rel="canonical" href="{PUBLISHED}">' in home
    assert f"{PUBLISHED}pay/" in (published / "sitemap.xml").read_text(encoding="utf-8")
    pay = (published / "pay" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'class="hb-print-header__url">' + re.escape(f"{PUBLISHED}pay/") + "<", pay)


def test_the_pdfs_carry_the_published_address_and_never_the_local_one(published):
    pdfs = sorted((published / "pdf").glob("*.pdf"))
    assert pdfs
    for path in pdfs:
        text = pdf_text_and_links(path)
        assert not LOCAL.search(text.encode()), path.name
        assert re.sub(r"\s+", "", PUBLISHED) in re.sub(r"\s+", "", text), path.name


def test_without_an_address_the_build_keeps_the_local_one_for_make_serve(site):
    assert '<link rel="canonical" href="http://127.0.0.1:8000/">' in (site / "index.html").read_text(encoding="utf-8")


# -- the deploy workflow ---------------------------------------------------------------


@pytest.fixture(scope="module")
def workflow() -> dict:
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def steps(workflow: dict) -> list[dict]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def test_every_action_is_pinned_by_full_commit_sha():
    for path in (ROOT / ".github" / "workflows").glob("*.yml"):
        for step in steps(yaml.safe_load(path.read_text(encoding="utf-8"))):
            if "uses" in step:
                assert PINNED.match(step["uses"]), f"{path.name}: {step['uses']}"


def test_the_deploy_uses_the_official_pages_actions(workflow):
    used = {step["uses"].split("@")[0] for step in steps(workflow) if "uses" in step}
    assert {"actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages"} <= used


def test_it_runs_the_tests_on_push_to_main_and_pull_requests_deploy_nothing(workflow):
    triggers = workflow[True] if True in workflow else workflow["on"]  # YAML 1.1 reads `on` as true
    assert triggers["push"]["branches"] == ["main"]
    assert "pull_request" not in triggers and "pull_request_target" not in triggers
    build_runs = " ".join(step.get("run", "") for step in workflow["jobs"]["build"]["steps"])
    assert "make test" in build_runs and "make build" in build_runs
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert "refs/heads/main" in deploy["if"]


def test_permissions_are_least(workflow):
    assert workflow["permissions"] == {}
    assert workflow["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    for name, job in workflow["jobs"].items():
        if name != "deploy":
            assert "write" not in job.get("permissions", {}).values(), name


def test_the_readme_says_how_to_publish_a_fork_in_three_steps():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Publish", 1)[1].split("\n## ", 1)[0]
    assert re.findall(r"^\d\. ", section, re.M) == ["1. ", "2. ", "3. "]
    assert "SITE_URL" in section and "deploy.yml" in section
