"""Trim Material's search index after it is written: the whole index is downloaded
before the first result, so at thousands of questions every byte of it counts.

Each question page's entry holds the prompt (the page title is its first sentence,
the text the rest), the round and the tags. In the text, the words that the index's
own separator removes (single characters and English stop words) are dropped: the
search finds exactly what it found before, from about a fifth fewer bytes. What is
left is no longer a sentence, so it is marked and the results list does not show it
(handbook.css); a question's result shows its title, its round and its tags.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

KEYWORDS_CLASS = "hb-search-words"
_QUESTION_PAGE = re.compile(r"questions/[^/#]+/")
_FIRST_PARAGRAPH = re.compile(r"<p>(.*?)</p>", re.S)
_EDGE_PUNCTUATION = re.compile(r"^[^\w]+|[^\w]+$")


def trim(site_dir: Path) -> None:
    path = site_dir / "search" / "search_index.json"
    index = json.loads(path.read_text(encoding="utf-8"))
    separator = re.compile(index["config"]["separator"])
    for entry in index["docs"]:
        if _QUESTION_PAGE.fullmatch(entry["location"]):
            entry["text"] = _FIRST_PARAGRAPH.sub(lambda m: _keywords(m.group(1), separator), entry["text"], count=1)
    path.write_text(json.dumps(index, separators=(",", ":"), ensure_ascii=False), encoding="utf-8")


def _keywords(text: str, separator: re.Pattern) -> str:
    kept = [word for word in text.split() if not _dropped_by_search(word, separator)]
    return f'<p class="{KEYWORDS_CLASS}">{" ".join(kept)}</p>'


def _dropped_by_search(word: str, separator: re.Pattern) -> bool:
    """True when the search's own separator consumes the whole word, so it never
    becomes a search term. Only ASCII words are judged: Python's and JavaScript's
    regular expressions agree on those."""
    core = _EDGE_PUNCTUATION.sub("", word)
    return core.isascii() and core != "" and separator.fullmatch(core) is not None
