"""Building the similar-case index: a command (``claims_index``) or a Celery task, never a
request. Reads every registered source and writes one file next to the model."""

import time
from collections.abc import Callable, Iterator
from pathlib import Path

import numpy as np

from claimtext import SimilarCaseIndex
from tongxin.claims import engine
from tongxin.claims.sources import SOURCES


def similar_index_build(
    *, path: Path | None = None, progress: Callable[[int], None] | None = None
) -> engine.CaseIndex:
    """Index the past cases of every source (jieba words, BM25) and save the index file."""
    paths: dict[str, int] = {}
    scopes: list[list[int]] = []
    counts: dict[str, int] = dict.fromkeys(SOURCES, 0)

    def cases() -> Iterator[tuple[str, str]]:
        for name, source in SOURCES.items():
            for case in source.documents():
                scopes.append([paths.setdefault(p, len(paths)) for p in case.scope_paths if p])
                counts[name] += 1
                yield case.key, case.text

    index = SimilarCaseIndex().build_iter(cases(), progress=progress)
    width = max((len(s) for s in scopes), default=0)
    scope = np.full((width, len(scopes)), len(paths), dtype=np.intp)  # padding: "no path"
    for i, s in enumerate(scopes):
        scope[: len(s), i] = s
    built = engine.CaseIndex(
        index=index,
        paths=list(paths),
        scope=scope,
        built_at=time.time(),
        counts=counts,
    )
    built.save(path or engine.index_path())
    return built
