"""MkDocs hook: adds the synonyms of content/zoekwoorden.yml to the search index.

One general mechanism for every page: after the search plugin wrote search/search_index.json,
each page's own entry (the one without '#') gets the extra words in its text. Nothing is added
to the pages themselves, so no hidden text. The words come from the generated config
(``extra.stappenwijzer_zoekwoorden``: page URL -> words).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig

CONFIG_KEY = "stappenwijzer_zoekwoorden"
INDEX = Path("search") / "search_index.json"


def page_key(location: str) -> str:
    """A page's search location as the key of ``words``: its directory URL without slashes at
    the ends, also in the offline build ('stappen/stap-1.html', 'stappen/index.html')."""
    key = location.strip("/")
    if key.endswith(".html"):
        key = key[: -len(".html")]
        if key == "index" or key.endswith("/index"):
            key = key[: -len("index")].rstrip("/")
    return key


def add_words(index: dict[str, Any], words: dict[str, list[str]]) -> int:
    """Give each page's own entry in ``index`` its ``words`` (by page URL without slashes at
    the ends) as search tags: Material's search ranks a tag match above any title, so a curated
    word leads to its page first. Returns how many entries changed."""
    changed = 0
    for doc in index.get("docs", []):
        location = doc.get("location", "")
        if "#" in location:
            continue
        extra = words.get(page_key(location))
        if extra:
            doc["tags"] = [*doc.get("tags", []), *extra]
            changed += 1
    return changed


def on_post_build(config: MkDocsConfig, **_: Any) -> None:
    words = config.extra.get(CONFIG_KEY) or {}
    path = Path(config.site_dir) / INDEX
    if not words or not path.exists():
        return
    index = json.loads(path.read_text(encoding="utf-8"))
    add_words(index, words)
    path.write_text(json.dumps(index, ensure_ascii=False), encoding="utf-8")
