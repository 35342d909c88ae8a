"""MkDocs hooks: the sidebar and the pages generated from data.

The work is done in `macros/`; each hook only wires a piece of it in."""

from __future__ import annotations

import sys
from pathlib import Path

# MkDocs loads hook files by path; make the project's `macros` package importable.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from mkdocs.plugins import CombinedEvent, event_priority  # noqa: E402
from mkdocs.structure.files import File, Files  # noqa: E402

from macros import pages, pdf, preview, scripts, search  # noqa: E402
from macros.components import checklist_src, framework_src, track_src  # noqa: E402
from macros.handbook import KeptPerRecord  # noqa: E402
from macros.prerendered import PrerenderedHtml, anchor_ids  # noqa: E402
from macros.site import handbook_for  # noqa: E402
from macros.text import theme_title  # noqa: E402
from macros.tools import drill  # noqa: E402

# The stylesheets mkdocs.yml lists are shipped as this one file, so a page waits for one
# request, not six, before its first paint; the parts stay separate in docs/assets/.
STYLESHEET = "assets/handbook.bundle.css"
_stylesheet_parts: list[str] = []


def on_config(config):
    hb = handbook_for(config)
    if config["extra_css"] != [STYLESHEET]:
        _stylesheet_parts[:] = [str(css) for css in config["extra_css"]]
        config["extra_css"] = [STYLESHEET]
    if not any(isinstance(ext, PrerenderedHtml) for ext in config["markdown_extensions"]):
        config["markdown_extensions"].append(PrerenderedHtml())
    config["nav"] = [
        {"Home": "index.md"},
        {"Tracks": ["tracks/index.md", *[{theme_title(t.name): track_src(t.id)} for t in hb.tracks.values()]]},
        {"Question bank": ["questions/index.md", "tags.md", "glossary.md", "rating-guide.md", "ask.md"]},
        {
            "Practice": [
                "practice/index.md",
                "practice/drill.md",
                "practice/stories.md",
                "practice/scoring.md",
                "practice/offer.md",
                "practice/mock.md",
                "practice/plan.md",
            ]
        },
        {"Frameworks": ["frameworks/index.md", *[{theme_title(f.name): framework_src(f.id)} for f in hb.frameworks.values()]]},
        {"Checklists": ["checklists/index.md", *[{theme_title(cl.title): checklist_src(cl.id)} for cl in hb.checklists.values()]]},
        {"Pay": "pay.md"},
        {"Key figures": "key-figures.md"},
        {"Where sources disagree": "disagreements.md"},
        {"Anti-patterns": "anti-patterns.md"},
        {"Sources": "sources.md"},
        {"Contributing": "contributing.md"},
    ]
    return config


def on_files(files: Files, config) -> Files:
    KeptPerRecord.forget_all()  # a full build makes everything again; the preview reuses it
    hb = handbook_for(config)
    made = preview.PageReads()
    generated = pages.generated(hb, made)
    preview_sources = dict(generated)
    # CONTRIBUTING.md lives at the top of the repository, where GitHub shows it; the
    # handbook renders the same file as a page.
    contributing = Path(config["config_file_path"]).resolve().parent / "CONTRIBUTING.md"
    generated["contributing.md"] = contributing.read_text(encoding="utf-8")
    parts = [files.get_file_from_path(css) for css in _stylesheet_parts]
    for part in parts:
        files.remove(part)
    generated[STYLESHEET] = "\n".join(f"/* {part.src_uri} */\n{part.content_string}" for part in parts)
    script_parts = {src: files.get_file_from_path(src) for src in scripts.PARTS}
    for part in script_parts.values():
        files.remove(part)
    for component in scripts.COMPONENTS:
        generated[component.bundle] = scripts.bundle(component, lambda src: script_parts[src].content_string)
    for src, content in generated.items():
        files.append(File.generated(config, src, content=content))
    preview.started(config, files, hb, preview_sources, made.reads)
    return files


# What the preview needs to render a page again after an edit (macros/preview.py).
def on_nav(nav, config, files):
    preview.remember(nav=nav)
    return nav


def on_env(env, config, files):
    env.globals["hb_components"] = scripts.loader_table()  # read by overrides/partials/load.html
    preview.remember(env=env)
    return env


def on_page_markdown(markdown, page, config, files):
    preview.remember_markdown(page, markdown)
    return markdown


def on_page_content(html, page, config, files):
    # Links to an anchor in HTML the templates made are checked like any other.
    page.present_anchor_ids |= anchor_ids(html)
    return search.separate_blocks(html)


# Material's search indexes a page in its own on_page_context (priority 0): it reads the page
# with its search-excluded elements emptied (macros/search.py), and the theme renders it whole.
@event_priority(100)
def _page_for_search(context, page, config, nav):
    if "data-search-exclude" in (page.content or "") and not page.meta.get("search", {}).get("exclude"):
        page.hb_rendered_content, page.content = page.content, search.without_excluded(page.content)
    return context


@event_priority(-100)
def _page_for_theme(context, page, config, nav):
    if hasattr(page, "hb_rendered_content"):
        page.content = page.__dict__.pop("hb_rendered_content")
    return context


on_page_context = CombinedEvent(_page_for_search, _page_for_theme)


def on_serve(server, config, builder):
    server.builder = preview.rebuilder(builder)
    preview.watch_closely(server)
    return server


def on_post_build(config) -> None:
    # Hooks run after the plugins, so the search plugin has written its index by now.
    search.trim(Path(config["site_dir"]), handbook_for(config), config["use_directory_urls"])
    search.patch_worker(Path(config["site_dir"]))
    # The drill fetches the questions as JSON, so no other page carries them.
    drill.write_questions_json(handbook_for(config), Path(config["site_dir"]), config["use_directory_urls"])
    # The checklist pages link to their PDFs, so every build writes them.
    pdf.write_site_pdfs(config)
    preview.finished()
