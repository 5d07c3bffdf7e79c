"""The claim classifier and the similar-case index, loaded once per process from the files
the commands write, and reloaded when a file changes. No database access here.

Without a model file (a fresh clone) the lexicon fallback of ``claimtext`` answers; a model
file of another format is logged and ignored (retrain it with ``claims_train``) rather than
failing the page. Without an index file there are no similar cases until ``claims_index``
has run.
"""

import logging
import pickle
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from django.conf import settings

from claimtext import (
    ClaimModel,
    Hit,
    IndexVersionError,
    LexiconClassifier,
    ModelVersionError,
    SimilarCaseIndex,
)
from claimtext.suggestion import Suggestion

logger = logging.getLogger(__name__)

CASE_INDEX_FORMAT = "tongxin-claims-case-index-1"
_MASKS_KEPT = 32
_LEXICON = LexiconClassifier()
_lock = threading.Lock()
_cache: dict[tuple[str, str], tuple[float, Any]] = {}


def model_path() -> Path:
    return Path(settings.CLAIMS_MODEL_PATH)


def index_path() -> Path:
    """The similar-case index sits next to the model file."""
    return model_path().with_name("claims-similar.idx")


def _cached(kind: str, path: Path, load: Callable[[Path], Any]) -> Any | None:
    """The object loaded from ``path``, reloaded when its mtime changes; None if absent."""
    try:
        mtime = path.stat().st_mtime
    except FileNotFoundError:
        return None
    key = (kind, str(path))
    hit = _cache.get(key)
    if hit is not None and hit[0] == mtime:
        return hit[1]
    with _lock:
        hit = _cache.get(key)
        if hit is None or hit[0] != mtime:
            hit = (mtime, load(path))
            _cache[key] = hit
    return hit[1]


# -- classifier ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Classifier:
    impl: ClaimModel | LexiconClassifier
    kind: str  # "model" (trained) or "lexicon" (statutory-vocabulary fallback)
    version: str

    def suggest(self, text: str) -> list[Suggestion]:
        return self.impl.suggest(text)


def _load_model(path: Path) -> Classifier:
    try:
        model = ClaimModel.load(path)
    except ModelVersionError as exc:
        logger.warning("claims model %s ignored, using the lexicon fallback: %s", path, exc)
        return Classifier(_LEXICON, "lexicon", _LEXICON.version)
    stamp = time.strftime("%Y-%m-%d %H:%M", time.localtime(model.info.trained_at))
    return Classifier(model, "model", f"model {stamp} n={model.info.n_examples}")


def classifier() -> Classifier:
    """The trained model at ``settings.CLAIMS_MODEL_PATH``, else the lexicon fallback."""
    loaded = _cached("model", model_path(), _load_model)
    return loaded or Classifier(_LEXICON, "lexicon", _LEXICON.version)


# -- similar-case index ----------------------------------------------------------------------


@dataclass
class CaseIndex:
    """A BM25 index over past cases of every source, plus who may see each case.

    ``index.ids[i]`` is ``"<source>:<id>"``. ``scope[:, i]`` holds indexes into ``paths``
    (padded with ``len(paths)``): the org subtrees whose staff may see case ``i``. A query
    masks out the cases outside the user's subtrees *before* the top-k cut; the source's
    selector then checks the survivors against the database (the index may be older than
    the data).
    """

    index: SimilarCaseIndex
    paths: list[str]
    scope: np.ndarray  # (width, n_cases) of np.intp (fancy indexing needs no conversion)
    built_at: float = 0.0
    counts: dict[str, int] = field(default_factory=dict)
    _masks: dict[tuple[str, ...], np.ndarray] = field(default_factory=dict, repr=False)

    def __len__(self) -> int:
        return len(self.index)

    def allowed(self, user_paths: Sequence[str]) -> np.ndarray:
        """Which cases fall inside any of the given org subtrees (path prefixes).

        Masks are kept for the last few distinct scopes: staff of one org ask again and again.
        """
        key = tuple(sorted(user_paths))
        mask = self._masks.get(key)
        if mask is None:
            ok = np.zeros(len(self.paths) + 1, dtype=bool)  # the last slot answers the padding
            for i, p in enumerate(self.paths):
                ok[i] = p.startswith(key)
            mask = np.zeros(len(self.index), dtype=bool)
            for column in self.scope:  # one contiguous row of path ids per scope column
                mask |= ok[column]
            if len(self._masks) >= _MASKS_KEPT:
                self._masks.pop(next(iter(self._masks)))
            self._masks[key] = mask
        return mask

    def query(
        self, text: str, k: int, *, user_paths: Sequence[str], exclude: Sequence[str] = ()
    ) -> list[Hit]:
        return self.index.query(text, k, exclude=exclude, allowed=self.allowed(user_paths))

    def save(self, path: Path) -> Path:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".tmp")
        state = {
            "format": CASE_INDEX_FORMAT,
            "index": self.index.to_state(),
            "paths": self.paths,
            "scope": self.scope,
            "built_at": self.built_at,
            "counts": self.counts,
        }
        with open(tmp, "wb") as fh:
            pickle.dump(state, fh, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)
        return path

    @classmethod
    def load(cls, path: Path) -> "CaseIndex":
        """Only load files you trust (pickle): this one is written by ``claims_index``."""
        with open(path, "rb") as fh:
            try:
                state = pickle.load(fh)
            except Exception as exc:
                raise IndexVersionError(f"cannot read case index {path}: {exc}") from exc
        if not isinstance(state, dict) or state.get("format") != CASE_INDEX_FORMAT:
            raise IndexVersionError(f"{path} is not a case index of this version: rebuild it")
        return cls(
            index=SimilarCaseIndex.from_state(state["index"]),
            paths=list(state["paths"]),
            scope=np.asarray(state["scope"], dtype=np.intp),
            built_at=float(state["built_at"]),
            counts=dict(state["counts"]),
        )


def _load_index(path: Path) -> CaseIndex | None:
    try:
        return CaseIndex.load(path)
    except IndexVersionError as exc:
        logger.warning("similar-case index %s ignored: %s", path, exc)
        return None


def case_index() -> CaseIndex | None:
    """The index ``claims_index`` wrote, or None before the first build."""
    loaded: CaseIndex | None = _cached("index", index_path(), _load_index)
    return loaded
