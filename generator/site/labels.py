"""The site's own words (site_templates/labels.yml): titles, menu and chart labels.

Python asks for a label by key and fills in its fields; the Dutch text lives in the file.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

LABELS_FILE = "labels.yml"


@dataclass(frozen=True)
class Labels:
    texts: dict[str, Any]

    def __call__(self, key: str, **fields: object) -> str:
        """The label at ``key`` ("titels.stap"), with ``fields`` filled in."""
        node: Any = self.texts
        for part in key.split("."):
            node = node[part]
        return str(node).format(**fields)


def load_labels(templates_dir: Path) -> Labels:
    return Labels(yaml.safe_load((templates_dir / LABELS_FILE).read_text("utf-8")))
