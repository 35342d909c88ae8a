"""Tune Material's search index after it is written.

Questions: each question's entry is made here from its record, not by Material parsing
its page (the page's front matter keeps it out of Material's index). The parse was two
fifths of a build's search work, only for everything but the prompt to be excluded.

Trim: the whole index is downloaded before the first result, so at thousands of
questions every byte of it counts. Each question's entry holds its title, the
prompt's words, the round and the tags. Of the prompt, the search keeps each word once,
lower-cased and without the punctuation around it, and drops the words its own
separator removes (single characters and English stop words) and those the title
already holds: that alone changes no match. It also drops the bank's own stop words: a
word whose stem is held by more than COMMON_SHARE of the question prompts (and by more than
COMMON_FLOOR of them) tells no question apart, any more than lunr's English stop words do.
Words are counted by stem because lunr indexes stems: "users", "user's" and "user" are one
term to the search, held by every prompt that holds any of them. The stems are the Porter
algorithm's, lunr's own, in Snowball's version; the two group under 2% of the bank's words
differently (tests/browser/test_search.py), which moves a count, never a match. What is left
is no longer a sentence, so it is marked and the results list does not show it (handbook.css).

Rank: the pages a reader means by a bare name come first for it: a framework's page for
its name or short name (the short name joins the page's title in the index), a
checklist's page for its name (which is also its round's name), a glossary term's
entry for the term, the tracks page for
"rounds" and "how many rounds", the pay page for "pay". Those pages' own entries get a
boost; their sections and every other page keep theirs. The index holds HTML, which the
search shows as HTML, so every word added from data is escaped.

Words apart: Material indexes the text of the other pages as the parser meets it, so two
cells or blocks with no space between them in the HTML became one word ("78" and "62" in
a table row read as "7862"). `separate_blocks` puts a line break after every block or cell
that ends where the next begins; whitespace there changes nothing on screen.

Left out: Material's parser drops an element marked `data-search-exclude` only until the first
end tag of the same name inside it, since it tells elements apart by tag alone: a practice
tool's `<div>` was indexed from its first inner `</div>` on, form controls and all. So the
search reads each page with its marked elements emptied (`without_excluded`), and the page
itself is rendered as it was.

The worker: lunr, inside the theme's search worker, merges equal nodes of its word graph
by a key written as each edge's letter followed by its target's number, with nothing in
between, so a digit that ends one edge's number can be read as the next edge's letter.
Two different nodes then share a key, and the graph holds words no page has: a query
that reaches one ("auto" reached "automation7862...") fails with no results, as many
as there are words that start with what was typed (olivernn/lunr.js#503, open).
`patch_worker` ends each edge's part of the key with a comma, which no number holds.
"""

from __future__ import annotations

import functools
import json
import re
from collections import Counter
from html import escape as escape_text
from html import unescape
from pathlib import Path
from typing import TYPE_CHECKING

import snowballstemmer
from markupsafe import escape
from mkdocs.exceptions import PluginError

from .components import BANK_PAGE, question_src, title_of
from .handbook import KeptPerRecord
from .text import markdown, page_url, theme_title

if TYPE_CHECKING:
    from .handbook import Handbook

ROOT = Path(__file__).resolve().parent.parent
KEYWORDS_CLASS = "hb-search-words"
_TAG = re.compile(r"<[^>]*>")
_EDGE_PUNCTUATION = re.compile(r"^[^\w]+|[^\w]+$")
COMMON_SHARE, COMMON_FLOOR = 0.012, 50
QUESTION_BOOST = 2
QUESTION_UNINDEXED = {"exclude": True}  # a question page's `search` front matter
FRAMEWORK_BOOST, TRACKS_BOOST, CHECKLIST_BOOST, GLOSSARY_BOOST, PAY_BOOST = 6, 10, 5, 10, 4
HUB_WORDS = {
    "tracks/": "how many rounds interview loop rounds length stages",
    "pay/": "pay salary compensation bands",
}


def trim(site_dir: Path, hb: Handbook | None = None, directory_urls: bool = True) -> None:
    path = site_dir / "search" / "search_index.json"
    index = json.loads(path.read_text(encoding="utf-8"))
    separator = re.compile(index["config"]["separator"])
    hb = hb or _handbook()
    hubs = _hubs(hb, separator)
    bank = page_url(BANK_PAGE, directory_urls)
    _add_after_page(index["docs"], bank, question_entries(hb, separator, directory_urls))
    for entry in index["docs"]:
        location = entry["location"]
        if location in hubs:
            title_extra, words, boost = hubs[location]
            if title_extra:
                entry["title"] = f"{entry['title']} ({escape(title_extra)})"
            if words:
                entry["text"] = f'{entry["text"]}<p class="{KEYWORDS_CLASS}">{escape(words)}</p>'
            entry["boost"] = max(entry.get("boost", 1), boost)
    path.write_text(json.dumps(index, separators=(",", ":"), ensure_ascii=False), encoding="utf-8")


def _handbook() -> Handbook:
    from .site import handbook_for

    return handbook_for({"config_file_path": str(ROOT / "mkdocs.yml")})


def _hubs(hb: Handbook, separator: re.Pattern) -> dict[str, tuple[str, str, float]]:
    """Index location -> (words added to its title, hidden words added to its text, boost)."""
    hubs: dict[str, tuple[str, str, float]] = {}
    for f in hb.frameworks.values():
        steps = [step.name for step in f.steps]
        short = f.short_name if f.short_name and f.short_name.lower() not in f.name.lower() else ""
        lost = _lost_letters(f.short_name or "", separator)
        if lost:
            # "3-C" is typed as "3*" and "c*", and the index keeps only the "3" of it: the
            # title spells out the steps the "C" stands for, so the "c*" matches there.
            short = ", ".join(step for step in steps if step[:1].lower() in lost)
        words = " ".join([f.short_name or ""] * 4 + steps)
        hubs[f"frameworks/{f.id}/"] = (short, words, FRAMEWORK_BOOST)
    for cl in hb.checklists.values():
        hubs[f"checklists/{cl.id}/"] = ("", "checklist", CHECKLIST_BOOST)
    for t in hb.tracks.values():
        hubs[f"tracks/{t.id}/"] = ("", "", CHECKLIST_BOOST)
    for term in hb.terms.values():
        hubs[f"glossary/#term-{term.id}"] = ("", "", GLOSSARY_BOOST)
    hubs["tracks/"] = ("", HUB_WORDS["tracks/"], TRACKS_BOOST)
    hubs["pay/"] = ("", HUB_WORDS["pay/"], PAY_BOOST)
    return hubs


def _lost_letters(name: str, separator: re.Pattern) -> set[str]:
    """The letters of a name that the index's separator drops ("3-C" keeps only "3")."""
    kept = "".join(separator.split(name)).lower()
    return {ch for ch in name.lower() if ch.isalpha() and ch not in kept}


def question_entries(hb: Handbook, separator: re.Pattern, directory_urls: bool = True) -> list[dict]:
    """Each question's entry as Material would index its page (the title, the prompt, the round,
    the tags), with the prompt cut down to the words search needs."""
    rows = []
    for q in hb.questions.values():
        title = theme_title(title_of(q))
        words = _PROMPT_WORDS.get(q, lambda q=q, title=title: _prompt_words(markdown(q.prompt), title, separator), key=separator)
        rows.append((q, title, words))
    held_by = Counter(stem for _, _, words in rows for stem in {stem_of(word) for word in words})
    common = max(COMMON_FLOOR, COMMON_SHARE * len(rows))
    return [
        {
            "location": page_url(question_src(q.id), directory_urls),
            "title": title,
            "text": f'<p class="{KEYWORDS_CLASS}">{" ".join(escape(w) for w in words if held_by[stem_of(w)] <= common)}</p> '
            + escape_text(" ".join(hb.round_kinds[q.round].name.split()), quote=False),
            "tags": list(q.tags),
            "boost": QUESTION_BOOST,
        }
        for q, title, words in rows
    ]


_PROMPT_WORDS = KeptPerRecord()
_PORTER = snowballstemmer.stemmer("porter")


@functools.cache
def stem_of(word: str) -> str:
    """The term lunr's English pipeline makes of a kept word (see above)."""
    return _PORTER.stemWord(word)


# A block or cell that ends, or a line break, with no whitespace after it; a block, a control
# or a disclosure that begins with no whitespace before it. Both start at a "<", so the
# search skips the text between tags quickly.
_END = r"</(?:p|li|dt|dd|td|th|tr|caption|figcaption|div|h[1-6]|option|title|text|label)>|<br\s*/?>"
_BLOCK_EDGE = re.compile(rf"(?P<end>{_END})(?=\S)|(?<=\S)<(?:div|p|ul|ol|dl|table|h[1-6]|details|select|textarea|input)\b")
_ENDS_HERE = re.compile(rf"(?:{_END})\Z")
_VERBATIM = re.compile(r"<(pre|script|style|textarea)\b.*?</\1>", re.S)


def separate_blocks(html: str) -> str:
    """The page with one line break wherever Material's index would join two blocks' words;
    preformatted text, scripts and styles are left as they are."""
    verbatim = [m.span() for m in _VERBATIM.finditer(html)]

    def apart(m: re.Match) -> str:
        if any(start < m.start() < end for start, end in verbatim):
            return m[0]
        if m["end"]:
            return m[0] + "\n"
        # A block that begins right after one that ended has had its line break already.
        return m[0] if _ENDS_HERE.search(html, max(0, m.start() - 16), m.start()) else "\n" + m[0]

    return _BLOCK_EDGE.sub(apart, html)


_EXCLUDED = re.compile(r"<([a-zA-Z][\w-]*)\b[^>]*?\sdata-search-exclude\b[^>]*>")
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


def without_excluded(html: str) -> str:
    """The page with every element marked `data-search-exclude` emptied, its tags kept."""
    kept, at = [], 0
    for start in _EXCLUDED.finditer(html):
        if start.start() < at or start[1].lower() in _VOID:
            continue
        end = _end_tag(html, start[1].lower(), start.end())
        if end is None:
            continue
        kept.append(html[at : start.end()])
        at = end
    kept.append(html[at:])
    return "".join(kept)


def _end_tag(html: str, tag: str, pos: int) -> int | None:
    """Where the element whose content starts at `pos` ends, counting same-named elements inside."""
    depth = 1
    for m in _same_tag(tag).finditer(html, pos):
        depth += -1 if m[1] else 1
        if depth == 0:
            return m.start()
    return None


@functools.cache
def _same_tag(tag: str) -> re.Pattern:
    return re.compile(rf"<(/?){re.escape(tag)}\b[^>]*>", re.I)


_NODE_KEY = re.compile(
    r"(TokenSet\.prototype\.toString=function\(\)\{if\(this\._str\)return this\._str;"
    r"for\(var (\w)=this\.final\?\"1\":\"0\".*?\2=\2\+\w\+\w\.id)(\+\",\")?\}"
)


def patch_worker(site_dir: Path) -> None:
    """Make lunr's node keys unambiguous in the theme's search worker (see above)."""
    workers = sorted((site_dir / "assets" / "javascripts" / "workers").glob("search.*.min.js"))
    code = workers[0].read_text(encoding="utf-8") if len(workers) == 1 else ""
    keys = _NODE_KEY.findall(code)
    if len(keys) != 1:
        raise PluginError(
            "the theme's search worker no longer holds lunr's TokenSet.toString as macros/search.py "
            "expects; if the theme's lunr keys its nodes unambiguously now, remove patch_worker"
        )
    if not keys[0][2]:
        workers[0].write_text(_NODE_KEY.sub(lambda m: f'{m[1]}+","}}', code), encoding="utf-8")


def _add_after_page(docs: list[dict], page: str, entries: list[dict]) -> None:
    """Entries placed after those of a page (the bank's: its page and its rounds)."""
    at = max((i + 1 for i, entry in enumerate(docs) if entry["location"].split("#")[0] == page), default=len(docs))
    docs[at:at] = entries


def _prompt_words(html: str, title: str, separator: re.Pattern) -> list[str]:
    """The prompt's words that search keeps, each once, less those the title already holds."""
    seen = {_core(word) for word in unescape(title).split()}
    kept = []
    for word in unescape(_TAG.sub(" ", html)).split():
        core = _core(word)
        if core not in seen and not _dropped_by_search(core, separator):
            seen.add(core)
            kept.append(core)
    return kept


def _core(word: str) -> str:
    return _EDGE_PUNCTUATION.sub("", word).lower()


def _dropped_by_search(core: str, separator: re.Pattern) -> bool:
    """True when the search's own separator consumes the whole word, so it never
    becomes a search term. Only ASCII words are judged: Python's and JavaScript's
    regular expressions agree on those."""
    return core == "" or (core.isascii() and separator.fullmatch(core) is not None)
