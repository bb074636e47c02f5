"""The names people see on the site, by the id that a reference must use.

A coordinator who reads 'Intern begeleider bovenbouw' on the site writes that where the id
'ib-bovenbouw' belongs; validation then suggests the id (validate.py).
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from typing import Any

from generator.content.yamlfile import YamlFile

Names = dict[str, dict[str, str]]
"""Per key that holds a reference ('rol', 'contact', ...): each display name, casefolded, with
the id it stands for."""

_REFERENCES: dict[str, tuple[str, str, tuple[str, ...]]] = {
    # key in a file: (file, list or mapping in it, fields that name the item)
    "rol": ("rollen.yml", "rollen", ("naam", "kort", "id")),
    "rollen": ("rollen.yml", "rollen", ("naam", "kort", "id")),
    "contact": ("school.yml", "contacten", ("functie", "naam")),
    "contacten": ("school.yml", "contacten", ("functie", "naam")),
    "formulier": ("formulieren.yml", "formulieren", ("titel", "id")),
}


def _items(data: Any, key: str) -> list[tuple[str, dict[str, Any]]]:
    """The (id, item) pairs of a list of items with 'id', or of a mapping by id."""
    found = data.get(key) if isinstance(data, dict) else None
    if isinstance(found, dict):
        return [(k, v) for k, v in found.items() if isinstance(v, dict)]
    if isinstance(found, list):
        return [
            (item["id"], item)
            for item in found
            if isinstance(item, dict) and isinstance(item.get("id"), str)
        ]
    return []


def display_names(files: Mapping[str, YamlFile]) -> Names:
    """The names by id of everything a reference can point at, from the files read so far."""
    names: Names = {}
    for key, (file_name, part, fields) in _REFERENCES.items():
        file = files.get(file_name)
        if file is None:
            continue
        by_name: dict[str, str] = {}
        for item_id, item in _items(file.data, part):
            for field in fields:
                value = item.get(field)
                if isinstance(value, str) and not value.startswith("["):
                    by_name.setdefault(value.strip().casefold(), str(item_id))
        names[key] = by_name
    return names


def meant_id(names: Names | None, key: str, value: str) -> str | None:
    """The id that ``value`` names under ``key``, if it is a name people see on the site."""
    if not names:
        return None
    by_name = names.get(key, {})
    wanted = value.strip().casefold()
    if wanted in by_name:
        return by_name[wanted]
    # 'Intern begeleider (IB)' written as 'Intern begeleider': a name that starts the same way
    starts = {i for name, i in by_name.items() if name.startswith(wanted) and len(wanted) >= 4}
    if len(starts) == 1:
        return starts.pop()
    close = difflib.get_close_matches(wanted, list(by_name), n=1, cutoff=0.85)
    return by_name[close[0]] if close else None
