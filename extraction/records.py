"""Records in, records out: the shape the CLI and the ``extract_claims`` command share."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from datetime import date
from typing import Any

from .names.registries import Registries
from .pipeline import extract
from .schema import ENGINE_VERSION


def _published(value: Any) -> date | None:
    if isinstance(value, date):
        return value
    if isinstance(value, str) and value.strip():
        try:
            return date.fromisoformat(value.strip()[:10])
        except ValueError:
            return None
    return None


def extract_record(record: Mapping[str, Any], registries: Registries) -> dict[str, Any]:
    """``{"id", "text", "published"[, "title"]}`` -> ``{"id", "claims", "unverified", "engine_version"}``."""
    result = extract(
        str(record.get("text") or ""),
        published=_published(record.get("published")),
        registries=registries,
        title=record.get("title") or None,
    )
    return {
        "id": record.get("id"),
        "claims": [claim.to_dict() for claim in result.claims],
        "unverified": result.unverified,
        "engine_version": ENGINE_VERSION,
    }


def extract_records(lines: Iterable[str], registries: Registries) -> Iterator[dict[str, Any]]:
    """One output per non-blank JSON line, in order."""
    for line in lines:
        if line.strip():
            yield extract_record(json.loads(line), registries)
