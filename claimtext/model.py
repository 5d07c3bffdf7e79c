"""Multi-label claim classifier: train, predict, save, load.

Model (see ``bench/claims_cv.py`` for the measurements behind each choice):

* features — character 1–3-gram TF-IDF (sublinear tf, l2-normalised) of the normalised
  sentence, plus the 20 lexicon rule decisions of :mod:`claimtext.lexicon` as extra
  binary inputs;
* one linear SVM per label (one-vs-rest, ``class_weight="balanced"``), decision at
  a per-label threshold (0 unless set by inner cross-validation);
* labels with fewer than ``min_positive`` training positives are never predicted
  by the model (under the CAIL judger a label that is never predicted scores F1 = 1
  on any set where it is absent).

The trained model is stored as plain numpy arrays + a vocabulary dict (no sklearn
objects), so it loads fast, predicts as a single sparse mat-mul and does not depend
on the scikit-learn version. Persistence is one pickle file carrying
:data:`MODEL_FORMAT_VERSION`; loading any other version raises
:class:`ModelVersionError`.
"""

from __future__ import annotations

import json
import math
import pickle
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import scipy.sparse as sp

from claimtext.labels import LABELS, N_LABELS, normalize_labels
from claimtext.lexicon import RULES, rule_hits
from claimtext.tokenize import char_ngrams, normalize

MODEL_FORMAT_VERSION = "claimtext-model-1"
_MAGIC = "claimtext.ClaimModel"


class ModelVersionError(RuntimeError):
    """The model file was written by an incompatible version of claimtext."""


@dataclass(frozen=True)
class Example:
    """One labelled sentence. ``group`` (the judgment id) is only used for CV."""

    text: str
    labels: tuple[str, ...] = ()
    group: str | int | None = None


def read_jsonl(path: str | Path) -> list[Example]:
    """Read ``{"text", "labels": [names or LBn codes], "doc"?}`` lines."""
    out: list[Example] = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if not line:
                continue
            obj = json.loads(line)
            out.append(
                Example(
                    text=obj["text"],
                    labels=tuple(normalize_labels(obj.get("labels", []))),
                    group=obj.get("doc"),
                )
            )
    return out


def iter_examples(records: Iterable[Mapping[str, Any] | Example]) -> Iterator[Example]:
    for r in records:
        if isinstance(r, Example):
            yield r
        else:
            yield Example(
                text=str(r["text"]),
                labels=tuple(normalize_labels(r.get("labels", []))),
                group=r.get("doc", r.get("group")),
            )


def label_matrix(label_lists: Iterable[Iterable[str]]) -> np.ndarray:
    """Binary (n, 20) indicator matrix in :data:`LABELS` order."""
    rows = [normalize_labels(x) for x in label_lists]
    y = np.zeros((len(rows), N_LABELS), dtype=np.int8)
    idx = {name: j for j, name in enumerate(LABELS)}
    for i, labs in enumerate(rows):
        for lab in labs:
            y[i, idx[lab]] = 1
    return y


@dataclass
class ModelConfig:
    ngram_min: int = 1
    ngram_max: int = 3
    min_df: int = 2
    max_df: float = 0.9
    use_lexicon: bool = True
    lexicon_weight: float = 1.0
    C: float = 0.5
    class_weight_balanced: bool = True
    min_positive: int = 2
    max_iter: int = 5000


class CharTfidf:
    """Minimal, fast character n-gram TF-IDF (sublinear tf, smooth idf, l2 rows)."""

    def __init__(self, ngram_range: tuple[int, int], min_df: int, max_df: float) -> None:
        self.ngram_range = ngram_range
        self.min_df = min_df
        self.max_df = max_df
        self.vocab: dict[str, int] = {}
        self.idf: np.ndarray = np.zeros(0, dtype=np.float32)

    def fit(self, norm_texts: Sequence[str]) -> CharTfidf:
        df: dict[str, int] = {}
        for s in norm_texts:
            for g in set(char_ngrams(s, self.ngram_range)):
                df[g] = df.get(g, 0) + 1
        n = len(norm_texts)
        max_count = self.max_df * n if self.max_df <= 1.0 else self.max_df
        kept = sorted(g for g, c in df.items() if self.min_df <= c <= max_count)
        self.vocab = {g: i for i, g in enumerate(kept)}
        dfa = np.array([df[g] for g in kept], dtype=np.float64)
        self.idf = (np.log((1 + n) / (1 + dfa)) + 1.0).astype(np.float32)
        return self

    @property
    def n_features(self) -> int:
        return len(self.vocab)

    def transform(self, norm_texts: Sequence[str]) -> sp.csr_matrix:
        get = self.vocab.get
        rng = self.ngram_range
        indices: list[int] = []
        indptr = [0]
        for s in norm_texts:
            indices.extend([i for i in map(get, char_ngrams(s, rng)) if i is not None])
            indptr.append(len(indices))
        ind = np.asarray(indices, dtype=np.int32)
        x = sp.csr_matrix(
            (np.ones(len(ind), dtype=np.float32), ind, np.asarray(indptr, dtype=np.int64)),
            shape=(len(norm_texts), self.n_features),
        )
        x.sum_duplicates()
        x.data = (np.log(x.data) + 1.0) * self.idf[x.indices]
        lengths = np.diff(x.indptr)
        rows = np.repeat(np.arange(x.shape[0]), lengths)
        sq = np.sqrt(np.bincount(rows, weights=x.data**2, minlength=x.shape[0]))
        sq[sq == 0] = 1.0
        x.data /= sq[rows].astype(np.float32)
        return x


@dataclass
class TrainInfo:
    n_examples: int = 0
    n_features: int = 0
    train_seconds: float = 0.0
    positives: dict[str, int] = field(default_factory=dict)
    trained_at: float = 0.0


class ClaimModel:
    """Trained multi-label claim classifier. Build with :meth:`fit` or :func:`train`."""

    def __init__(self, config: ModelConfig | None = None) -> None:
        self.config = config or ModelConfig()
        self.labels: tuple[str, ...] = LABELS
        self.vectorizer = CharTfidf(
            (self.config.ngram_min, self.config.ngram_max), self.config.min_df, self.config.max_df
        )
        self.coef: np.ndarray = np.zeros((0, N_LABELS), dtype=np.float32)
        self.intercept: np.ndarray = np.zeros(N_LABELS, dtype=np.float32)
        self.thresholds: np.ndarray = np.zeros(N_LABELS, dtype=np.float32)
        self.active: np.ndarray = np.zeros(N_LABELS, dtype=bool)
        self.info = TrainInfo()

    # -- features -----------------------------------------------------------------
    def _features(self, norm_texts: Sequence[str]) -> sp.csr_matrix:
        x = self.vectorizer.transform(norm_texts)
        if not self.config.use_lexicon:
            return x
        lex = np.vstack([rule_hits(s, normalized=True) for s in norm_texts]) if norm_texts else (
            np.zeros((0, len(RULES)), dtype=np.float32)
        )
        lex *= self.config.lexicon_weight
        return sp.hstack([x, sp.csr_matrix(lex)], format="csr")

    # -- training -----------------------------------------------------------------
    def fit(self, texts: Sequence[str], y: np.ndarray) -> ClaimModel:
        """Fit on raw sentences and a (n, 20) 0/1 label matrix in :data:`LABELS` order."""
        from sklearn.svm import LinearSVC

        t0 = time.perf_counter()
        y = np.asarray(y)
        if y.shape != (len(texts), N_LABELS):
            raise ValueError(f"y must have shape ({len(texts)}, {N_LABELS}), got {y.shape}")
        norm = [normalize(t) for t in texts]
        self.vectorizer.fit(norm)
        x = self._features(norm)
        n_feat = x.shape[1]
        self.coef = np.zeros((n_feat, N_LABELS), dtype=np.float32)
        self.intercept = np.zeros(N_LABELS, dtype=np.float32)
        self.active = np.zeros(N_LABELS, dtype=bool)
        pos = y.sum(axis=0)
        for j in range(N_LABELS):
            if pos[j] < self.config.min_positive or pos[j] == len(texts):
                continue
            clf = LinearSVC(
                C=self.config.C,
                class_weight="balanced" if self.config.class_weight_balanced else None,
                max_iter=self.config.max_iter,
            )
            clf.fit(x, y[:, j])
            self.coef[:, j] = clf.coef_.ravel()
            self.intercept[j] = float(clf.intercept_[0])
            self.active[j] = True
        self.info = TrainInfo(
            n_examples=len(texts),
            n_features=n_feat,
            train_seconds=time.perf_counter() - t0,
            positives={LABELS[j]: int(pos[j]) for j in range(N_LABELS)},
            trained_at=time.time(),
        )
        return self

    # -- prediction ---------------------------------------------------------------
    def decision_function(self, texts: Sequence[str]) -> np.ndarray:
        """(n, 20) margins; a label is predicted where margin > its threshold."""
        norm = [normalize(t) for t in texts]
        x = self._features(norm)
        scores = np.asarray(x @ self.coef) + self.intercept
        scores[:, ~self.active] = -np.inf
        return scores

    def predict_matrix(self, texts: Sequence[str]) -> np.ndarray:
        return self.decision_function(texts) > self.thresholds

    def predict(self, texts: Sequence[str]) -> list[list[str]]:
        """Label names per sentence, in :data:`LABELS` order."""
        pm = self.predict_matrix(list(texts))
        return [[self.labels[j] for j in np.flatnonzero(row)] for row in pm]

    def predict_one(self, text: str) -> list[str]:
        return self.predict([text])[0]

    def predict_scores(self, text: str) -> dict[str, float]:
        """Margin minus threshold per label (> 0 means predicted); for explanations/UI."""
        d = self.decision_function([text])[0] - self.thresholds
        return {lab: float(v) for lab, v in zip(self.labels, d, strict=True) if math.isfinite(v)}

    # -- persistence --------------------------------------------------------------
    def to_state(self) -> dict[str, Any]:
        return {
            "magic": _MAGIC,
            "version": MODEL_FORMAT_VERSION,
            "labels": list(self.labels),
            "config": asdict(self.config),
            "vocab": self.vectorizer.vocab,
            "idf": self.vectorizer.idf,
            "coef": self.coef,
            "intercept": self.intercept,
            "thresholds": self.thresholds,
            "active": self.active,
            "info": asdict(self.info),
        }

    @classmethod
    def from_state(cls, state: Mapping[str, Any]) -> ClaimModel:
        if not isinstance(state, Mapping) or state.get("magic") != _MAGIC:
            raise ModelVersionError("not a claimtext model file")
        if state.get("version") != MODEL_FORMAT_VERSION:
            raise ModelVersionError(
                f"model file has format {state.get('version')!r}, this claimtext reads "
                f"{MODEL_FORMAT_VERSION!r}: retrain the model (claims_train)"
            )
        if tuple(state["labels"]) != LABELS:
            raise ModelVersionError("model was trained on a different label set")
        m = cls(ModelConfig(**state["config"]))
        m.vectorizer.vocab = dict(state["vocab"])
        m.vectorizer.idf = np.asarray(state["idf"], dtype=np.float32)
        m.coef = np.asarray(state["coef"], dtype=np.float32)
        m.intercept = np.asarray(state["intercept"], dtype=np.float32)
        m.thresholds = np.asarray(state["thresholds"], dtype=np.float32)
        m.active = np.asarray(state["active"], dtype=bool)
        m.info = TrainInfo(**state["info"])
        return m

    def save(self, path: str | Path) -> Path:
        """Write the model to one file (atomic rename); returns the path."""
        path = Path(path)
        tmp = path.with_name(path.name + ".tmp")
        with open(tmp, "wb") as fh:
            pickle.dump(self.to_state(), fh, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)
        return path

    @classmethod
    def load(cls, path: str | Path) -> ClaimModel:
        """Load a model written by :meth:`save`. Only load files you trust (pickle)."""
        with open(path, "rb") as fh:
            try:
                state = pickle.load(fh)
            except Exception as exc:  # corrupted / foreign file
                raise ModelVersionError(f"cannot read model file {path}: {exc}") from exc
        return cls.from_state(state)


def train(
    records: Iterable[Mapping[str, Any] | Example], config: ModelConfig | None = None
) -> ClaimModel:
    """Train a :class:`ClaimModel` from ``{"text", "labels"}`` records or :class:`Example`."""
    exs = list(iter_examples(records))
    if not exs:
        raise ValueError("no training examples")
    y = label_matrix(e.labels for e in exs)
    return ClaimModel(config).fit([e.text for e in exs], y)
