"""The pages generated from data: one per question, track, framework and
checklist.  Each `render_*` returns the page's Markdown source; data always
arrives inside HTML blocks built from escaped or sanitised text, and these
pages never opt in to macros, so nothing in them is ever run as a template."""

from __future__ import annotations

import html
import json
import re
from urllib.parse import quote

from . import components as c
from .charts import loop_timeline
from .handbook import Handbook
from .models import Checklist, Framework, Loop, Question, Track
from .practice import framework_practice_link
from .text import esc, inline, short_title


def front_matter(title: str, **meta: object) -> str:
    # json.dumps gives valid YAML scalars, so no data can break out of the header.
    lines = [f"title: {json.dumps(esc(title))}"]
    lines += [f"{key}: {json.dumps(value)}" for key, value in meta.items()]
    return "---\n" + "\n".join(lines) + "\n---\n\n"


def section(title: str, body: str, cls: str = "") -> str:
    return f'<div class="hb-section {cls}"><h2>{esc(title)}</h2>{body}</div>' if body else ""


# -- question -------------------------------------------------------------------

NOT_INDEXED = "data-search-exclude"  # Material's search skips an element carrying this attribute
# Question and framework pages rank above long pages that merely share some of a query's words
# (the search settings in mkdocs.yml explain the balance).
SEARCH_BOOST = {"boost": 2}


def render_question(hb: Handbook, q: Question) -> str:
    here = c.question_src(q.id)
    kind = hb.round_kinds[q.round]
    tracks = ", ".join(c.link(here, c.track_src(t), esc(hb.tracks[t].name)) for t in q.tracks)
    frameworks = ", ".join(c.link(here, c.framework_src(f), esc(hb.frameworks[f].name)) for f in q.frameworks)
    head = (
        f'<div class="hb-question" data-question="{esc(q.id)}">'
        f'<p class="hb-prompt">{_prompt_html(q)}</p>'
        # Search indexes the prompt, the round and (from the front matter) the tags; the other
        # facts repeat the same few words on every question, so they stay out of the index.
        f'<dl class="hb-facts"> '
        f"<div><dt {NOT_INDEXED}>Round</dt> <dd>{c.link(here, c.BANK_PAGE, esc(kind.name), anchor=f'round-{q.round}')}</dd></div>"
        f"<div {NOT_INDEXED}><dt>Type</dt><dd>{esc(c.QUESTION_TYPES[q.type])}</dd></div>"
        f"<div {NOT_INDEXED}><dt>Difficulty</dt><dd>{esc(c.DIFFICULTY[q.difficulty])}</dd></div>"
        f"<div {NOT_INDEXED}><dt>Tracks</dt><dd>{tracks}</dd></div>"
        + f"<div {NOT_INDEXED}><dt>Sources</dt><dd>{c.cite(here, q.sources)}</dd></div></dl>"
        # The tags are in the index already, from the front matter.
        + f"<div {NOT_INDEXED}>{c.tag_chips(here, q.tags)}</div></div>"
    )
    outline = "".join(f"<li><strong>{esc(step.step)}</strong>{c.bullet_list(step.points)}</li>" for step in q.outline)
    pitfalls = hb.anti_patterns_for(round=q.round)
    body = (
        # Material's indexer ends an exclusion at the first closing tag of the same name,
        # so the excluded wrapper uses a tag that never occurs inside it.
        '<article class="hb-answer" data-search-exclude>'
        + section("What a strong answer does", c.bullet_list(q.strong_answer))
        + section("Red flags interviewers listen for", c.bullet_list(q.red_flags, "hb-redflags"))
        + section("Likely follow-ups", c.bullet_list(q.follow_ups))
        + section("Answer outline", f'<ol class="hb-outline">{outline}</ol>')
        + section("Frameworks that fit", f"<p>{frameworks}</p>" if frameworks else "")
        + section("Bad and good answers in this round", _anti_pattern_list(here, pitfalls[:3]))
        + f'<p class="hb-practice">{c.link(here, "practice/drill.md", "Drill this question with a timer")} · '
        f"{c.link(here, c.BANK_PAGE, 'Back to the question bank')}</p>" + "</article>"
    )
    meta = front_matter(short_title(q.prompt), tags=q.tags, hide=["toc"], hb_kind="question", search=SEARCH_BOOST)
    return meta + head + "\n\n" + body + "\n"


def _prompt_html(q: Question) -> str:
    """The prompt, with the words the page title already holds kept out of the search text:
    the index holds the title, and repeating it costs bytes and clutters the results."""
    prompt, title = inline(q.prompt), short_title(q.prompt)
    shortened = title.removesuffix("…")
    if shortened != title and not any(ch in prompt for ch in "<&") and prompt.startswith(shortened):
        return f"<span {NOT_INDEXED}>{shortened}</span>{prompt[len(shortened) :]}"
    first = _FIRST_SENTENCE.match(prompt)
    if not first or html.unescape(first.group(1)) != title:
        return prompt
    return f"<span {NOT_INDEXED}>{first.group(1)}</span>{prompt[first.end(1) :]}"


_FIRST_SENTENCE = re.compile(r"([^<]*?[.?!])(?=\s|$)")


def _anti_pattern_list(here: str, patterns: list) -> str:
    if not patterns:
        return ""
    items = "".join(f"<li><strong>{esc(a.title)}</strong>{c.weak_and_strong(here, a)}</li>" for a in patterns)
    return f'<ul class="hb-antipatterns">{items}</ul>'


# -- lists of questions on other pages ----------------------------------------------

# Track and framework pages show a few questions and link to the bank, filtered, for the rest:
# a page that listed them all would grow with the bank.
SAMPLE_SIZE = 5


def _question_sample(here: str, questions: list[Question], bank_link: str) -> str:
    easiest_first = sorted(questions, key=lambda q: (list(c.DIFFICULTY).index(q.difficulty), q.id))
    links = "".join(f"<li>{c.question_link(here, q)}</li>" for q in easiest_first[:SAMPLE_SIZE])
    more = f'<p class="hb-more">{bank_link}</p>' if len(questions) > SAMPLE_SIZE else ""
    return f"<ul>{links}</ul>{more}"


def _bank_link(here: str, text: str, anchor: str = "", **facets: str) -> str:
    """A link to the question bank opened with these filters (the bank reads them from the URL)."""
    query = "?" + "&".join(f"{key}={quote(value)}" for key, value in facets.items())
    url = c.href(here, c.BANK_PAGE) + query + (f"#{anchor}" if anchor else "")
    return f'<a href="{esc(url)}">{esc(text)} →</a>'


# -- tag --------------------------------------------------------------------------------

# A tag page repeats titles that the question pages already give the search.
NOT_SEARCHED = {"exclude": True}


def render_tag(hb: Handbook, tag: str, questions: list[Question]) -> str:
    here = c.tag_src(tag)
    md = [
        front_matter(f"Tag: {tag}", hb_kind="tag", search=NOT_SEARCHED),
        f"# Tag: {esc(tag)}\n\n",
        f'<p class="hb-lead">{len(questions)} question{"s" if len(questions) != 1 else ""} tagged “{esc(tag)}”. '
        f"{_bank_link(here, 'Filter them in the question bank', tag=tag)} · {c.link(here, c.TAGS_PAGE, 'All tags')}</p>\n\n",
    ]
    for kind in hb.round_kinds.values():
        in_round = [q for q in questions if q.round == kind.id]
        if in_round:
            links = "".join(f"<li>{c.question_link(here, q)}</li>" for q in in_round)
            md.append(f"## {esc(kind.name)} ({len(in_round)})\n\n<ul>{links}</ul>\n\n")
    return "".join(md)


# -- track ------------------------------------------------------------------------


def render_track(hb: Handbook, track: Track) -> str:
    here = c.track_src(track.id)
    loops = hb.loops_for(track.id)
    md = [front_matter(track.name, hb_kind="track"), f"# {esc(track.name)}\n\n", f'<div class="hb-lead">{inline(track.summary)}</div>\n\n']
    if track.common_ground:
        items = "".join(f"<li>{inline(f.text)} {c.cite(here, f.sources)}</li>" for f in track.common_ground)
        md.append(f'## What the sources agree on\n\n<ul class="hb-common">{items}</ul>\n\n')
    if loops:
        md.append("## The loop, source by source\n\n")
        md.append(
            '<p class="hb-note">Each source describes the loop differently. They are shown side by side, '
            "never merged: plan for the range, not for one version.</p>\n\n"
        )
        md.append(_loop_comparison(here, loops) + "\n\n")
        for loop in loops:
            md.append(f"### {esc(loop.title)}\n\n" + _loop_detail(hb, here, loop) + "\n\n")
    kinds = sorted({r.kind for loop in loops for r in loop.rounds}, key=list(hb.round_kinds).index)
    questions = [q for q in hb.questions.values() if track.id in q.tracks]
    if questions:
        md.append("## Questions for this track\n\n")
        rows = []
        for kind in kinds + sorted({q.round for q in questions} - set(kinds), key=list(hb.round_kinds).index):
            in_round = [q for q in questions if q.round == kind]
            if in_round:
                more = f"All {len(in_round)} {hb.round_kinds[kind].name.lower()} questions for this track"
                bank = _bank_link(here, more, anchor=f"round-{kind}", track=track.id, round=kind)
                rows.append(f"<h3>{esc(hb.round_kinds[kind].name)} ({len(in_round)})</h3>{_question_sample(here, in_round, bank)}")
        md.append(f'<div class="hb-track-questions" {NOT_INDEXED}>{"".join(rows)}</div>\n\n')
    bands = hb.bands_for(track.id)
    if bands:
        md.append(
            f"## Pay\n\n<p>{len(bands)} pay band(s) reported for this track, by "
            + ", ".join(sorted({s for b in bands for s in b.sources}))
            + f". {c.link(here, 'pay.md', 'Compare them on the pay page')}.</p>\n"
        )
    return "".join(md)


def _loop_comparison(here: str, loops: list[Loop]) -> str:
    rows = []
    for loop in loops:
        stated = loop.stated_rounds
        count = (f"{stated.low:g}" if stated.low == stated.high else f"{stated.low:g}–{stated.high:g}") if stated else str(len(loop.rounds))
        length = esc(loop.process.contact_to_offer.reported) if loop.process.contact_to_offer else "not stated"
        lag = esc(loop.process.decision_lag.reported) if loop.process.decision_lag else "not stated"
        rows.append(f"<tr><td>{c.cite(here, loop.sources)}</td><td>{count}</td><td>{length}</td><td>{lag}</td></tr>")
    return (
        "<table><thead><tr><th>Source</th><th>Rounds</th><th>First contact to offer</th>"
        f"<th>Decision after final round</th></tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )


def _loop_detail(hb: Handbook, here: str, loop: Loop) -> str:
    out = [f'<div class="hb-loop" id="loop-{esc(loop.id)}">']
    out.append(f'<p class="hb-cite-line">As reported by {c.cite(here, loop.sources)}</p>')
    if loop.rounds:
        out.append(loop_timeline(loop))
        items = []
        for r in sorted(loop.rounds, key=lambda r: r.order):
            length = "length not stated"
            if r.minutes:
                length = (
                    f"{r.minutes.low:g}–{r.minutes.high:g} minutes" if r.minutes.low != r.minutes.high else f"{r.minutes.low:g} minutes"
                )
            if r.sessions > 1:
                length = f"{r.sessions} sessions, {length} each"
            who = f'<br><span class="hb-k">Who:</span> {esc(", ".join(r.interviewers))}' if r.interviewers else ""
            scored = f'<br><span class="hb-k">Scores:</span> {esc("; ".join(r.scored))}' if r.scored else ""
            optional = " <em>(not always held)</em>" if r.optional else ""
            kind = c.link(here, c.BANK_PAGE, esc(hb.round_kinds[r.kind].name), anchor=f"round-{r.kind}")
            items.append(f"<li><strong>{esc(r.name)}</strong>{optional} · {esc(length)} · {kind}<br>{inline(r.focus)}{who}{scored}</li>")
        out.append(f'<ol class="hb-rounds">{"".join(items)}</ol>')
    else:
        out.append(f"<p>The source states {loop.stated_rounds.low:g} rounds but does not describe them.</p>")
    if loop.process.note:
        out.append(f"<p>{inline(loop.process.note)}</p>")
    if loop.note:
        out.append(f"<p>{inline(loop.note)}</p>")
    out.append("</div>")
    return "".join(out)


# -- framework --------------------------------------------------------------------


def render_framework(hb: Handbook, fw: Framework) -> str:
    here = c.framework_src(fw.id)
    md = [front_matter(fw.name, hb_kind="framework", search=SEARCH_BOOST), f"# {esc(fw.name)}\n\n"]
    md.append(f'<div class="hb-lead">{inline(fw.summary)} {c.cite(here, fw.sources)}</div>\n\n')
    md.append("## When to use it\n\n" + c.bullet_list(fw.when_to_use) + "\n\n")
    steps = "".join(f"<li><strong>{esc(s.name)}</strong>: {inline(s.detail)}</li>" for s in fw.steps)
    md.append(f'## Steps\n\n<ol class="hb-steps">{steps}</ol>\n\n')
    walk = "".join(f"<li>{inline(line)}</li>" for line in fw.example.walkthrough)
    md.append(f'## Worked example\n\n<div class="hb-example"><p class="hb-prompt">{inline(fw.example.prompt)}</p><ol>{walk}</ol></div>\n\n')
    md.append(framework_practice_link(here, fw.id))
    if fw.compared_with:
        md.append("## How it differs\n\n" + c.bullet_list(fw.compared_with) + "\n\n")
    md.append("## Common mistakes\n\n" + c.bullet_list(fw.mistakes) + "\n\n")
    pitfalls = hb.anti_patterns_for(framework=fw.id)
    if pitfalls:
        md.append("## Weak and strong answers\n\n" + _anti_pattern_list(here, pitfalls) + "\n\n")
    questions = hb.questions_for(framework=fw.id)
    if questions:
        bank = _bank_link(here, f"All {len(questions)} questions that fit {fw.name}", framework=fw.id)
        md.append(f"## Practise it on these questions\n\n<div {NOT_INDEXED}>{_question_sample(here, questions, bank)}</div>\n\n")
    return "".join(md)


# -- checklist ----------------------------------------------------------------------


def render_checklist(hb: Handbook, cl: Checklist) -> str:
    here = c.checklist_src(cl.id)
    items = []
    for item in cl.items:
        old = " ".join(item.old_ids)
        cite = c.cite(here, item.sources) if item.sources else '<span class="hb-own">handbook advice</span>'
        items.append(
            f'<li class="hb-item" data-item="{esc(item.id)}" data-old-ids="{esc(old)}">'
            f'<label><input type="checkbox" class="hb-check" name="{esc(item.id)}" autocomplete="off"> '
            f"<span>{inline(item.text)}</span></label> {cite}</li>"
        )
    related = ""
    if cl.round:
        round_link = c.link(here, c.BANK_PAGE, esc(hb.round_kinds[cl.round].name), anchor=f"round-{cl.round}")
        related = f'<p class="hb-related">Prepares you for: {round_link}</p>'
    return (
        front_matter(cl.title, hb_kind="checklist")
        + f"# {esc(cl.title)}\n\n"
        + f'<div class="hb-lead">{inline(cl.summary)}</div>\n\n{related}\n\n'
        + f'<div class="hb-checklist" data-checklist="{esc(cl.id)}" data-total="{len(cl.items)}" {_catalogue_attrs(hb)}>'
        + f'<ul class="hb-items">{"".join(items)}</ul>'
        + '<noscript><p class="hb-note">With JavaScript off, ticks last only until you leave the page; '
        "printing and the PDF still work.</p></noscript>"
        + f'<p class="hb-pdf"><a href="{esc(_pdf_href(cl.id))}">Download this checklist as a PDF</a></p></div>\n'
    )


def _catalogue_attrs(hb: Handbook) -> str:
    """Every item id in the handbook, and each old id with the id it became, so
    that a progress import on any checklist page can tell which ticks still apply."""
    items = [item for cl in hb.checklists.values() for item in cl.items]
    known = " ".join(item.id for item in items)
    return f'data-known="{esc(known)}" data-renamed="{esc(c.renamed_ids(items))}"'


def _pdf_href(cid: str) -> str:
    return f"../../pdf/{cid}.pdf"
