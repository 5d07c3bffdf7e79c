"""claimtext — claim recognition and similar-case search for Tongxin (no Django).

Public API::

    from claimtext import (
        LABELS, CODES,                       # the 20 CAIL2019 labour labels / LBn codes
        ClaimModel, ModelConfig, train,      # trained classifier
        read_jsonl, Example,                 # training data
        LexiconClassifier,                   # rule fallback (no training data needed)
        load_classifier,                     # model file if present, else fallback
        judge, JudgerReport,                 # official CAIL2019 judger score
        SimilarCaseIndex, Hit,               # BM25 similar-case index
    )
"""

from __future__ import annotations

from pathlib import Path

from claimtext.labels import CODES, LABELS
from claimtext.lexicon import LexiconClassifier
from claimtext.metrics import JudgerReport, judge
from claimtext.model import (
    MODEL_FORMAT_VERSION,
    ClaimModel,
    Example,
    ModelConfig,
    ModelVersionError,
    read_jsonl,
    train,
)
from claimtext.similar import Hit, IndexVersionError, SimilarCaseIndex

__all__ = [
    "CODES",
    "LABELS",
    "MODEL_FORMAT_VERSION",
    "ClaimModel",
    "Example",
    "Hit",
    "IndexVersionError",
    "JudgerReport",
    "LexiconClassifier",
    "ModelConfig",
    "ModelVersionError",
    "SimilarCaseIndex",
    "judge",
    "load_classifier",
    "read_jsonl",
    "train",
]


def load_classifier(path: str | Path | None) -> ClaimModel | LexiconClassifier:
    """The trained model at ``path`` if that file exists, else the lexicon fallback.

    A file that exists but has the wrong format version still raises
    :class:`ModelVersionError` (a stale model should be retrained, not ignored).
    """
    if path is not None and Path(path).exists():
        return ClaimModel.load(path)
    return LexiconClassifier()
