"""JSON Schema files of the content model, so an editor can validate and complete while typing.

VS Code with the YAML extension (Red Hat) reads the ``# yaml-language-server: $schema=...``
line at the top of each content file.
"""

from __future__ import annotations

import json
from pathlib import Path

from generator.content.model import FILE_MODELS, OPTIONAL_FILE_MODELS, Stap, Strict

SCHEMAS: dict[str, type[Strict]] = {
    **{
        f"{Path(name).stem}.schema.json": model
        for name, model in {**FILE_MODELS, **OPTIONAL_FILE_MODELS}.items()
    },
    "stap.schema.json": Stap,
}


def schema_texts() -> dict[str, str]:
    texts = {}
    for name, model in SCHEMAS.items():
        schema = model.model_json_schema()
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        texts[name] = json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    return texts


def export(out_dir: Path) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in schema_texts().items():
        path = out_dir / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
