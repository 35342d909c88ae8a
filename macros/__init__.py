"""The mkdocs-macros module: registers the handbook's macros, and names those that show questions.

The page views are imported when the site is configured, not with the package, so
`python -m macros.check` loads only the models and the loader."""

from __future__ import annotations


def page_macros() -> dict:
    from . import tools, views

    return {
        "sources_list": views.sources_list,
        "pay_section": views.pay_section,
        "pay_checks": views.pay_checks,
        "key_figures": views.key_figures,
        "disagreements": views.disagreements,
        "question_bank": views.question_bank,
        "checklist_index": views.checklist_index,
        "anti_patterns": views.anti_patterns,
        "track_cards": views.track_cards,
        "framework_cards": views.framework_cards,
        "tag_index": views.tag_index,
        "glossary": views.glossary,
        "rating_guide": views.rating_guide,
        "questions_to_ask": views.questions_to_ask,
        **tools.page_macros(),
    }


# The page macros whose output shows question records. After an edit to questions only, the
# preview (macros/preview.py) renders again the pages that call one of these, and no other page.
READS_QUESTIONS = frozenset(
    {"sources_list", "question_bank", "track_cards", "tag_index", "glossary", "practice_drill", "practice_mock", "practice_plan"}
)


def define_env(env) -> None:
    from . import preview, views
    from .prerendered import marked
    from .site import handbook_for, handbook_loaded

    hb = handbook_for(env.conf)

    # The handbook is looked up when a page renders, not kept: `make serve` renders pages again
    # after an edit without configuring the site again.
    def bind(name, render):
        def call():
            src = env.page.file.src_uri
            preview.macro_called(src, name)
            return marked(render(handbook_loaded(env.conf), src))

        return call

    for name, render in page_macros().items():
        env.macro(bind(name, render), name)
    env.variables["counts"] = views.counts(hb)
