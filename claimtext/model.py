"""Multi-label claim classifier: train, predict, save, load.

Model (see ``bench/claims_cv.py`` for the measurements behind each choice):

* features — character 1–3-gram TF-IDF (sublinear tf, l2-normalised) of the normalised
  sentence, plus the 20 lexicon rule decisions of :mod:`claimtext.lexicon` as extra
  binary inputs. No jieba here: segmentation costs ~3–6k sentences/s on one core,
  below the 10k/s budget, and word features did not beat character n-grams;
* one linear SVM per label (one-vs-rest, ``class_weight="balanced"``) on NB-scaled
  features (NB-SVM, Wang & Manning 2012; the scaling is folded into the weights);
* decision at a per-label threshold: 0 by default, or chosen by inner
  cross-validation grouped by judgment (``ModelConfig.threshold_folds``);
* labels with fewer than ``min_positive`` training positives are never predicted
  (under the CAIL judger a never-predicted label scores F1 = 1 on any set where it
  is absent); optionally rare labels can be left to the lexicon rules
  (``rule_labels_below``).

Prediction is vectorised over the batch: the batch is normalised as one string,
n-grams are packed into integer keys with numpy and looked up by binary search,
the rules run once over the joined batch, and scoring is one sparse mat-mul.

The trained model is stored as plain numpy arrays + a vocabulary dict (no sklearn
objects), so it loads fast and does not depend on the scikit-learn version.
Persistence is one pickle file carrying :data:`MODEL_FORMAT_VERSION`; loading any
other version raises :class:`ModelVersionError`.
"""

from __future__ import annotations

import json
import math
import pickle
import time
from collections.abc import Hashable, Iterable, Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np
import scipy.sparse as sp

from claimtext.labels import LABELS, N_LABELS, normalize_labels
from claimtext.lexicon import rule_matrix_joined
from claimtext.metrics import score_matrix
from claimtext.tokenize import (
    SEP,
    char_ngrams,
    gram_key,
    joined_gram_keys,
    normalize,
    normalize_join,
)

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
    # NB-SVM (Wang & Manning 2012): scale features by the per-label naive-Bayes
    # log-count ratio before the SVM; ``None`` disables. Folded into ``coef`` so
    # prediction cost is unchanged.
    nb_alpha: float | None = 0.1
    # Thresholds by inner cross-validation grouped by judgment (needs groups): a
    # global offset, then per-label offsets for labels with at least
    # ``tune_min_positive`` positives, each kept only if it raises the mean per-fold
    # judger score by more than ``tune_min_gain``. 0 disables (all thresholds 0).
    threshold_folds: int = 0
    # Labels with fewer training positives than this are decided by the lexicon rule
    # (statutory vocabulary) instead of the SVM; 0 disables.
    rule_labels_below: int = 0
    tune_min_positive: int = 30
    tune_min_gain: float = 0.001


class CharTfidf:
    """Minimal, fast character n-gram TF-IDF (sublinear tf, smooth idf, l2 rows)."""

    def __init__(self, ngram_range: tuple[int, int], min_df: int, max_df: float) -> None:
        self.ngram_range = ngram_range
        self.min_df = min_df
        self.max_df = max_df
        self.vocab: dict[str, int] = {}
        self.idf: np.ndarray = np.zeros(0, dtype=np.float32)
        self._keys: tuple[np.ndarray, np.ndarray] | None = None

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
        self._keys = None
        return self

    @property
    def n_features(self) -> int:
        return len(self.vocab)

    def _key_index(self) -> tuple[np.ndarray, np.ndarray]:
        if self._keys is None or len(self._keys[0]) != len(self.vocab):
            keys = np.fromiter((gram_key(g) for g in self.vocab), dtype=np.uint64)
            ids = np.fromiter(self.vocab.values(), dtype=np.int64)
            order = np.argsort(keys)
            self._keys = (keys[order], ids[order])
        return self._keys

    def transform(self, norm_texts: Sequence[str]) -> sp.csr_matrix:
        """TF-IDF rows of already-normalised texts (must not contain ``"\n"``)."""
        return self.transform_joined(SEP.join(norm_texts), len(norm_texts))

    def transform_joined(self, joined: str, n_rows: int) -> sp.csr_matrix:
        """TF-IDF rows of a ``"\n"``-joined normalised batch (fully vectorised)."""
        if n_rows == 0:
            return sp.csr_matrix((0, self.n_features), dtype=np.float32)
        keys, rows, n = joined_gram_keys(joined, self.ngram_range)
        if n != n_rows:
            raise ValueError(f"batch has {n} rows, expected {n_rows}")
        vkeys, vids = self._key_index()
        pos = np.searchsorted(vkeys, keys)
        pos[pos == len(vkeys)] = 0
        hit = vkeys[pos] == keys if len(vkeys) else np.zeros(len(keys), dtype=bool)
        x = sp.csr_matrix(
            (np.ones(int(hit.sum()), dtype=np.float32), (rows[hit], vids[pos[hit]])),
            shape=(n_rows, self.n_features),
        )
        x.sum_duplicates()
        x.data = (np.log(x.data) + 1.0) * self.idf[x.indices]
        lengths = np.diff(x.indptr)
        rix = np.repeat(np.arange(x.shape[0]), lengths)
        sq = np.sqrt(np.bincount(rix, weights=x.data**2, minlength=x.shape[0]))
        sq[sq == 0] = 1.0
        x.data /= sq[rix].astype(np.float32)
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
        self.rule_labels: np.ndarray = np.zeros(N_LABELS, dtype=bool)
        self.info = TrainInfo()

    # -- features -----------------------------------------------------------------
    def _features(self, joined: str, n_rows: int) -> tuple[sp.csr_matrix, np.ndarray | None]:
        """Features of a normalised ``"\n"``-joined batch, and the rule matrix if computed."""
        x = self.vectorizer.transform_joined(joined, n_rows)
        if not self.config.use_lexicon and not self.rule_labels.any():
            return x, None
        lex = rule_matrix_joined(joined, n_rows)
        if not self.config.use_lexicon:
            return x, lex
        return sp.hstack([x, sp.csr_matrix(lex * self.config.lexicon_weight)], format="csr"), lex

    # -- training -----------------------------------------------------------------
    def fit(
        self,
        texts: Sequence[str],
        y: np.ndarray,
        groups: Sequence[Hashable] | None = None,
    ) -> ClaimModel:
        """Fit on raw sentences and a (n, 20) 0/1 label matrix in :data:`LABELS` order.

        ``groups`` (judgment ids) enable threshold tuning by inner grouped CV when
        ``config.threshold_folds >= 2``.
        """
        from sklearn.svm import LinearSVC

        t0 = time.perf_counter()
        y = np.asarray(y)
        if y.shape != (len(texts), N_LABELS):
            raise ValueError(f"y must have shape ({len(texts)}, {N_LABELS}), got {y.shape}")
        norm = [normalize(t) for t in texts]
        self.vectorizer.fit(norm)
        self.rule_labels = np.zeros(N_LABELS, dtype=bool)
        x, _ = self._features(SEP.join(norm), len(norm))
        n_feat = x.shape[1]
        self.coef = np.zeros((n_feat, N_LABELS), dtype=np.float32)
        self.intercept = np.zeros(N_LABELS, dtype=np.float32)
        self.active = np.zeros(N_LABELS, dtype=bool)
        pos = y.sum(axis=0)
        self.rule_labels = pos < self.config.rule_labels_below
        for j in range(N_LABELS):
            if self.rule_labels[j]:
                continue
            if pos[j] < self.config.min_positive or pos[j] == len(texts):
                continue
            clf = LinearSVC(
                C=self.config.C,
                class_weight="balanced" if self.config.class_weight_balanced else None,
                max_iter=self.config.max_iter,
            )
            if self.config.nb_alpha is not None:
                a = self.config.nb_alpha
                yj = y[:, j] == 1
                p = a + np.asarray(x[yj].sum(axis=0)).ravel()
                q = a + np.asarray(x[~yj].sum(axis=0)).ravel()
                r = np.log((p / p.sum()) / (q / q.sum()))
                clf.fit(x @ sp.diags(r), y[:, j])
                self.coef[:, j] = clf.coef_.ravel() * r
            else:
                clf.fit(x, y[:, j])
                self.coef[:, j] = clf.coef_.ravel()
            self.intercept[j] = float(clf.intercept_[0])
            self.active[j] = True
        self.thresholds = np.zeros(N_LABELS, dtype=np.float32)
        if self.config.threshold_folds >= 2 and groups is not None:
            self.thresholds = self._tune_thresholds(texts, y, groups)
        self.info = TrainInfo(
            n_examples=len(texts),
            n_features=n_feat,
            train_seconds=time.perf_counter() - t0,
            positives={LABELS[j]: int(pos[j]) for j in range(N_LABELS)},
            trained_at=time.time(),
        )
        return self

    def _tune_thresholds(
        self, texts: Sequence[str], y: np.ndarray, groups: Sequence[Hashable]
    ) -> np.ndarray:
        from sklearn.model_selection import GroupKFold

        g = np.array([str(x) for x in groups])
        k = min(self.config.threshold_folds, len(set(g.tolist())))
        if k < 2:
            return np.zeros(N_LABELS, dtype=np.float32)
        sub_cfg = replace(self.config, threshold_folds=0)
        scores = np.full(y.shape, -np.inf)
        fold = np.zeros(len(texts), dtype=np.int64)
        for f, (tr, te) in enumerate(GroupKFold(n_splits=k).split(g, groups=g)):
            sub = ClaimModel(sub_cfg).fit([texts[i] for i in tr], y[tr])
            scores[te] = sub.decision_function([texts[i] for i in te])
            fold[te] = f
        yb = y.astype(bool)

        def objective(th: np.ndarray) -> float:
            pred = scores > th
            return float(
                np.mean([score_matrix(yb[fold == f], pred[fold == f])[0] for f in range(k)])
            )

        grid = np.round(np.arange(-0.3, 0.301, 0.05), 3)
        th = np.zeros(N_LABELS)
        best = objective(th)
        for off in grid:
            v = objective(np.full(N_LABELS, off))
            if v > best + self.config.tune_min_gain:
                best, th = v, np.full(N_LABELS, off)
        for j in np.flatnonzero(y.sum(axis=0) >= self.config.tune_min_positive):
            for off in grid:
                cand = th.copy()
                cand[j] = off
                v = objective(cand)
                if v > best + self.config.tune_min_gain:
                    best, th = v, cand
        return th.astype(np.float32)

    # -- prediction ---------------------------------------------------------------
    def decision_function(self, texts: Sequence[str]) -> np.ndarray:
        """(n, 20) margins; a label is predicted where margin > its threshold."""
        texts = list(texts)
        x, lex = self._features(normalize_join(texts), len(texts))
        scores = np.asarray(x @ self.coef) + self.intercept
        scores[:, ~self.active] = -np.inf
        if lex is not None and self.rule_labels.any():
            rl = np.flatnonzero(self.rule_labels)
            scores[:, rl] = np.where(lex[:, rl] > 0, 1.0, -np.inf) + self.thresholds[rl]
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
            "rule_labels": self.rule_labels,
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
        m.rule_labels = np.asarray(state["rule_labels"], dtype=bool)
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
    groups = [e.group for e in exs]
    has_groups = all(gr is not None for gr in groups)
    return ClaimModel(config).fit([e.text for e in exs], y, groups if has_groups else None)
