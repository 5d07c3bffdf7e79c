"""Multi-label claim classifier: train, predict, save, load.

Model (``bench/claims_cv.py`` prints the measurements behind each choice):

* features — character 1–4-gram TF-IDF (sublinear tf, l2-normalised) of the
  normalised sentence, plus the 20 lexicon rule decisions of :mod:`claimtext.lexicon`
  as extra binary inputs. No jieba here: segmentation runs at ~3k sentences/s on one
  core, below the 10k/s budget, and word n-grams did not beat character n-grams;
* per label (one-vs-rest, ``class_weight="balanced"``) the average of two linear SVMs
  on NB-scaled features (NB-SVM, Wang & Manning 2012): C = 2 with NB smoothing 0.1
  and C = 0.5 with smoothing 0.5 (``ModelConfig.members``). The scaling and the
  average are folded into one weight vector, so prediction costs one SVM; the
  average mainly raises micro-F1 (one SVM trained on ~100 judgments is noisy);
* a *decision source* per label: labels with fewer than ``rule_only_below`` (10)
  training positives are decided by their lexicon rule, the statute's own wording;
  for the others inner cross-validation grouped by judgment
  (``ModelConfig.threshold_folds``) on the training data only chooses the SVM at a
  tuned threshold, or — below ``rule_labels_below`` positives — the rule or nothing
  (under the CAIL judger a label that is never predicted scores F1 = 1 on every set
  where it is absent);
* confidence — the SVM margin mapped to a probability by Platt scaling fitted on the
  same inner out-of-fold margins; for rule-decided labels, the rule's training precision.

Prediction is vectorised over the batch: the batch is normalised as one string,
n-grams are packed into integer keys with numpy and looked up by binary search,
the rules run once over the joined batch, and scoring is one sparse mat-mul.

The trained model is stored as plain numpy arrays (no sklearn objects), so it loads
fast and does not depend on the scikit-learn version. Persistence is one pickle file
carrying :data:`MODEL_FORMAT_VERSION`; loading any other version raises
:class:`ModelVersionError`.
"""

from __future__ import annotations

import json
import math
import pickle
import time
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np
import scipy.sparse as sp

from claimtext.labels import LABELS, N_LABELS, normalize_labels
from claimtext.lexicon import rule_matrix_joined
from claimtext.suggestion import Suggestion
from claimtext.tokenize import Alphabet, normalize_join, split_sentences

MODEL_FORMAT_VERSION = "claimtext-model-3"
_MAGIC = "claimtext.ClaimModel"

Progress = Callable[[str], None]


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
    ngram_max: int = 4
    min_df: int = 2
    max_df: float = 0.9
    use_lexicon: bool = True
    lexicon_weight: float = 1.0
    # ``(C, nb_alpha)`` of each NB-SVM per label; their weights and intercepts are
    # averaged into one linear model, so prediction cost does not grow with the number
    # of members. NB-SVM (Wang & Manning 2012) scales the features by the per-label
    # naive-Bayes log-count ratio (smoothing ``nb_alpha``; ``None`` = plain SVM) before
    # the SVM; the scaling is folded into ``coef``. Two members with different
    # regularisation and smoothing average out part of the variance of one SVM trained
    # on ~100 judgments (bench/README.md: fold-mean score +0.005 on the benchmark
    # folds, +0.010 / +0.002 on two other random splits by judgment; micro-F1 rose by
    # 0.5-1.2 points on all three).
    members: tuple[tuple[float, float | None], ...] = ((2.0, 0.1), (0.5, 0.5))
    class_weight_balanced: bool = True
    min_positive: int = 2
    max_iter: int = 5000
    # Inner cross-validation grouped by judgment (examples without a group are their
    # own group): a global threshold offset, then per-label offsets for labels with at
    # least ``tune_min_positive`` positives, then the decision source of the labels
    # with fewer than ``rule_labels_below`` positives (SVM / lexicon rule / never);
    # each step is kept only if it raises the mean per-fold judger score by more than
    # ``tune_min_gain``. Also fits the confidence calibration. 0 disables all of it.
    threshold_folds: int = 4
    rule_labels_below: int = 20
    # Labels with fewer training positives than this are decided by their statutory
    # rule outright, not by the inner CV: with under ten examples neither the SVM nor a
    # choice made on 3-4 inner folds has evidence to go on, while these labels (裁员,
    # 注销, 调解协议, 工亡补助金 ...) are named by the statute's own words. Over 25 folds
    # of 5 splits by judgment the score rose from 0.670 to 0.688 per fold, and the
    # pooled score by 0.03-0.06 on every split (bench/README.md). 0 turns it off.
    rule_only_below: int = 10
    tune_min_positive: int = 30
    tune_min_gain: float = 0.001


def labels_of(pm: np.ndarray, labels: Sequence[str] = LABELS) -> list[list[str]]:
    """Label names per row of a (n, 20) boolean matrix (one numpy pass, no per-row loop)."""
    rows, cols = np.nonzero(pm)
    out: list[list[str]] = [[] for _ in range(pm.shape[0])]
    for r, c in zip(rows.tolist(), cols.tolist(), strict=True):
        out[r].append(labels[c])
    return out


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(x, -30.0, 30.0)))


_HASH_MULT = np.uint64(0x9E3779B97F4A7C15)  # Fibonacci hashing


class KeyIndex:
    """Open-addressing hash table (linear probing, load <= 1/4) from sorted ``uint64``
    keys to their positions, looked up in bulk with numpy.

    About 3x faster than ``np.searchsorted`` on 10^6 lookups, most of which miss
    (a 4-gram of an unseen sentence is rarely in the vocabulary).
    """

    def __init__(self, keys: np.ndarray) -> None:
        n = len(keys)
        bits = max(4, int(np.ceil(np.log2(max(n, 1) * 4))))
        self._shift = np.uint64(64 - bits)
        self._mask = np.int64((1 << bits) - 1)
        size = 1 << bits
        # key 0 never occurs (the first character id of an n-gram is >= 1): empty slot
        self._slots = np.zeros(size, dtype=np.uint64)
        self._vals = np.zeros(size, dtype=np.int64)
        pending = np.arange(n, dtype=np.int64)
        slot = self._hash(keys)
        while len(pending):
            s = slot[pending]
            free = self._slots[s] == 0
            cand, cs = pending[free], s[free]
            uniq, first = np.unique(cs, return_index=True)
            self._slots[uniq] = keys[cand[first]]
            self._vals[uniq] = cand[first]
            placed = np.zeros(n, dtype=bool)
            placed[cand[first]] = True
            pending = pending[~placed[pending]]
            slot[pending] = (slot[pending] + 1) & self._mask

    def _hash(self, keys: np.ndarray) -> np.ndarray:
        with np.errstate(over="ignore"):
            return ((keys * _HASH_MULT) >> self._shift).astype(np.int64)

    def lookup(self, keys: np.ndarray) -> np.ndarray:
        """Position of each key in the indexed array, or -1."""
        out = np.full(len(keys), -1, dtype=np.int64)
        slot = self._hash(keys)
        active = np.arange(len(keys), dtype=np.int64)
        while len(active):
            s = slot[active]
            found = self._slots[s]
            hit = found == keys[active]
            out[active[hit]] = self._vals[s[hit]]
            go_on = ~hit & (found != 0)
            active = active[go_on]
            slot[active] = (s[go_on] + 1) & self._mask
        return out


class CharTfidf:
    """Fast character n-gram TF-IDF (sublinear tf, smooth idf, l2 rows).

    The vocabulary is a sorted array of packed n-gram keys (see
    :class:`claimtext.tokenize.Alphabet`); feature ``i`` is ``keys[i]``.
    """

    def __init__(self, ngram_range: tuple[int, int], min_df: int, max_df: float) -> None:
        self.ngram_range = ngram_range
        self.min_df = min_df
        self.max_df = max_df
        self.alphabet = Alphabet(np.zeros(0, dtype=np.uint32))
        self.keys: np.ndarray = np.zeros(0, dtype=np.uint64)
        self.idf: np.ndarray = np.zeros(0, dtype=np.float32)
        self._index: KeyIndex | None = None

    def set_vocabulary(self, alphabet: Alphabet, keys: np.ndarray, idf: np.ndarray) -> None:
        self.alphabet = alphabet
        self.keys = np.asarray(keys, dtype=np.uint64)
        self.idf = np.asarray(idf, dtype=np.float32)
        self._index = None

    def fit_joined(self, joined: str, n_rows: int) -> CharTfidf:
        """Fit on a normalised ``"\\n"``-joined batch of ``n_rows`` sentences."""
        self.alphabet = Alphabet.of(joined)
        keys, rows, _ = self.alphabet.joined_keys(joined, self.ngram_range)
        # document frequency: count each (sentence, n-gram) pair once
        order = np.lexsort((rows, keys))
        keys, rows = keys[order], rows[order]
        first = np.ones(len(keys), dtype=bool)
        first[1:] = (keys[1:] != keys[:-1]) | (rows[1:] != rows[:-1])
        uniq, df = np.unique(keys[first], return_counts=True)
        max_count = self.max_df * n_rows if self.max_df <= 1.0 else self.max_df
        keep = (df >= self.min_df) & (df <= max_count)
        dfa = df[keep].astype(np.float64)
        idf = (np.log((1 + n_rows) / (1 + dfa)) + 1.0).astype(np.float32)
        self.set_vocabulary(self.alphabet, uniq[keep], idf)
        return self

    @property
    def n_features(self) -> int:
        return len(self.keys)

    def transform_joined(self, joined: str, n_rows: int) -> sp.csr_matrix:
        """TF-IDF rows of a normalised ``"\\n"``-joined batch (fully vectorised)."""
        if n_rows == 0:
            return sp.csr_matrix((0, self.n_features), dtype=np.float32)
        keys, rows, n = self.alphabet.joined_keys(joined, self.ngram_range)
        if n != n_rows:
            raise ValueError(f"batch has {n} rows, expected {n_rows}")
        if self._index is None:
            self._index = KeyIndex(self.keys)
        pos = self._index.lookup(keys)
        hit = pos >= 0
        x = sp.csr_matrix(
            (np.ones(int(hit.sum()), dtype=np.float32), (rows[hit], pos[hit])),
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
    # per label: "model", "rule" or "off" (never predicted)
    sources: dict[str, str] = field(default_factory=dict)
    inner_cv_score: float | None = None


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
        # confidence: sigmoid(calib_a * (margin - threshold) + calib_b) for model
        # labels (NaN = not calibrated); rule_precision for rule labels
        self.calib_a: np.ndarray = np.full(N_LABELS, np.nan, dtype=np.float32)
        self.calib_b: np.ndarray = np.full(N_LABELS, np.nan, dtype=np.float32)
        self.rule_precision: np.ndarray = np.full(N_LABELS, np.nan, dtype=np.float32)
        self.info = TrainInfo()

    # -- features -----------------------------------------------------------------
    def _features(self, joined: str, n_rows: int) -> tuple[sp.csr_matrix, np.ndarray | None]:
        """Features of a normalised ``"\\n"``-joined batch, and the rule matrix if computed."""
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
        *,
        progress: Progress | None = None,
    ) -> ClaimModel:
        """Fit on raw sentences and a (n, 20) 0/1 label matrix in :data:`LABELS` order.

        ``groups`` (judgment ids; default: each sentence its own group) drive the
        inner grouped CV when ``config.threshold_folds >= 2``.
        """
        t0 = time.perf_counter()
        y = np.asarray(y)
        if y.shape != (len(texts), N_LABELS):
            raise ValueError(f"y must have shape ({len(texts)}, {N_LABELS}), got {y.shape}")
        if len(texts) == 0:
            raise ValueError("no training examples")
        self._fit_svms(texts, y, progress)
        pos = y.sum(axis=0)
        self.thresholds = np.zeros(N_LABELS, dtype=np.float32)
        self.rule_labels = pos < self.config.rule_only_below
        self.active &= ~self.rule_labels
        rules = rule_matrix_joined(normalize_join(texts), len(texts)) > 0
        self._fit_rule_precision(rules, y.astype(bool))
        inner: float | None = None
        if self.config.threshold_folds >= 2:
            g = list(groups) if groups is not None else list(range(len(texts)))
            inner = self._select(texts, y, g, rules, progress)
        self.info = TrainInfo(
            n_examples=len(texts),
            n_features=self.coef.shape[0],
            train_seconds=time.perf_counter() - t0,
            positives={LABELS[j]: int(pos[j]) for j in range(N_LABELS)},
            trained_at=time.time(),
            sources={
                LABELS[j]: "rule" if self.rule_labels[j] else "model" if self.active[j] else "off"
                for j in range(N_LABELS)
            },
            inner_cv_score=inner,
        )
        return self

    def _fit_svms(self, texts: Sequence[str], y: np.ndarray, progress: Progress | None) -> None:
        joined = normalize_join(texts)
        self.vectorizer.fit_joined(joined, len(texts))
        self.rule_labels = np.zeros(N_LABELS, dtype=bool)
        x, _ = self._features(joined, len(texts))
        n_feat = x.shape[1]
        self.coef = np.zeros((n_feat, N_LABELS), dtype=np.float32)
        self.intercept = np.zeros(N_LABELS, dtype=np.float32)
        self.active = np.zeros(N_LABELS, dtype=bool)
        pos = y.sum(axis=0)
        members = self.config.members
        if not members:
            raise ValueError("ModelConfig.members needs at least one (C, nb_alpha)")
        for j in range(N_LABELS):
            if pos[j] < self.config.min_positive or pos[j] == len(texts):
                continue
            if progress:
                progress(f"SVM {j + 1}/{N_LABELS} {LABELS[j]}")
            yj = y[:, j] == 1
            for c, alpha in members:
                w, b = self._fit_nbsvm(x, yj, c, alpha)
                self.coef[:, j] += w / len(members)
                self.intercept[j] += b / len(members)
            self.active[j] = True

    def _fit_nbsvm(
        self, x: sp.csr_matrix, yj: np.ndarray, c: float, alpha: float | None
    ) -> tuple[np.ndarray, float]:
        """Weights (in the unscaled feature space) and intercept of one NB-SVM."""
        from sklearn.svm import LinearSVC

        clf = LinearSVC(
            C=c,
            class_weight="balanced" if self.config.class_weight_balanced else None,
            max_iter=self.config.max_iter,
            random_state=0,  # liblinear shuffles its coordinates: same data, same model
        )
        if alpha is None:
            clf.fit(x, yj)
            return clf.coef_.ravel().astype(np.float32), float(clf.intercept_[0])
        p = alpha + np.asarray(x[yj].sum(axis=0)).ravel()
        q = alpha + np.asarray(x[~yj].sum(axis=0)).ravel()
        r = np.log((p / p.sum()) / (q / q.sum()))
        clf.fit(x @ sp.diags(r), yj)
        return (clf.coef_.ravel() * r).astype(np.float32), float(clf.intercept_[0])

    def _select(
        self,
        texts: Sequence[str],
        y: np.ndarray,
        groups: Sequence[Hashable],
        rules: np.ndarray,
        progress: Progress | None,
    ) -> float | None:
        """Thresholds, decision sources and calibration by inner grouped CV.

        ``rules`` is the (n, 20) boolean matrix of the lexicon rules on ``texts``.

        Returns the inner-CV judger score of the final choice (None if too few groups).
        """
        from sklearn.model_selection import GroupKFold

        cfg = self.config
        g = np.array([str(x) for x in groups])
        k = min(cfg.threshold_folds, len(set(g.tolist())))
        if k < 2:
            return None
        sub_cfg = replace(cfg, threshold_folds=0)
        margins = np.full(y.shape, -np.inf)
        fold = np.zeros(len(texts), dtype=np.int64)
        for f, (tr, te) in enumerate(GroupKFold(n_splits=k).split(g, groups=g)):
            if progress:
                progress(f"inner fold {f + 1}/{k}")
            sub = ClaimModel(sub_cfg)
            sub._fit_svms([texts[i] for i in tr], y[tr], None)
            margins[te] = sub.decision_function([texts[i] for i in te])
            fold[te] = f
        yb = y.astype(bool)
        pos = y.sum(axis=0)
        folds = [fold == f for f in range(k)]

        # per fold and label: predictions -> (tp, fp, fn); score from summed counts
        def counts(pred: np.ndarray) -> np.ndarray:
            out = np.zeros((k, 3, N_LABELS))
            for f, m in enumerate(folds):
                t, p = yb[m], pred[m]
                out[f, 0] = (t & p).sum(axis=0)
                out[f, 1] = (~t & p).sum(axis=0)
                out[f, 2] = (t & ~p).sum(axis=0)
            return out

        def objective(c: np.ndarray) -> float:
            tp, fp, fn = c[:, 0], c[:, 1], c[:, 2]
            with np.errstate(divide="ignore", invalid="ignore"):
                f1 = np.where(tp > 0, 2 * tp / (2 * tp + fp + fn), np.where(fp + fn == 0, 1.0, 0.0))
                stp, sfp, sfn = tp.sum(1), fp.sum(1), fn.sum(1)
                micro = np.where(
                    stp > 0, 2 * stp / (2 * stp + sfp + sfn), np.where(sfp + sfn == 0, 1.0, 0.0)
                )
            return float(np.mean((micro + f1.mean(axis=1)) / 2))

        fixed = self.rule_labels.copy()  # rare labels: the rule decides (rule_only_below)
        src = np.where(fixed, "rule", np.where(self.active, "model", "off")).astype(object)
        th = np.zeros(N_LABELS)

        def predictions(src: np.ndarray, th: np.ndarray) -> np.ndarray:
            pred = np.zeros(y.shape, dtype=bool)
            for j in range(N_LABELS):
                if src[j] == "model":
                    pred[:, j] = margins[:, j] > th[j]
                elif src[j] == "rule":
                    pred[:, j] = rules[:, j]
            return pred

        best = objective(counts(predictions(src, th)))
        grid = np.round(np.arange(-0.3, 0.301, 0.05), 3)
        for off in grid:
            cand = np.where(self.active, off, 0.0)
            v = objective(counts(predictions(src, cand)))
            if v > best + cfg.tune_min_gain:
                best, th = v, cand
        for j in np.flatnonzero(~fixed):
            options: list[tuple[str, float]] = []
            if self.active[j] and pos[j] >= cfg.tune_min_positive:
                options += [("model", float(o)) for o in grid]
            if pos[j] < cfg.rule_labels_below:
                options += [("off", 0.0), ("rule", 0.0)]
                if self.active[j]:
                    options.append(("model", float(th[j])))
            for s, o in options:
                cs, ct = src.copy(), th.copy()
                cs[j], ct[j] = s, o
                v = objective(counts(predictions(cs, ct)))
                if v > best + cfg.tune_min_gain:
                    best, src, th = v, cs, ct
        self.rule_labels = src == "rule"
        self.active = src == "model"
        self.thresholds = np.where(self.active, th, 0.0).astype(np.float32)
        self._calibrate(margins, yb, rules)
        return best

    def _calibrate(self, margins: np.ndarray, yb: np.ndarray, rules: np.ndarray) -> None:
        """Platt scaling of inner out-of-fold margins; rule precision (Laplace-smoothed)."""
        from sklearn.linear_model import LogisticRegression

        self.calib_a = np.full(N_LABELS, np.nan, dtype=np.float32)
        self.calib_b = np.full(N_LABELS, np.nan, dtype=np.float32)
        for j in range(N_LABELS):
            if self.active[j]:
                ok = np.isfinite(margins[:, j])
                t = yb[ok, j]
                if t.all() or not t.any():
                    continue
                lr = LogisticRegression(C=1e4, max_iter=1000)
                lr.fit((margins[ok, j] - self.thresholds[j]).reshape(-1, 1), t)
                self.calib_a[j] = float(lr.coef_[0, 0])
                self.calib_b[j] = float(lr.intercept_[0])
        self._fit_rule_precision(rules, yb)

    def _fit_rule_precision(self, rules: np.ndarray, yb: np.ndarray) -> None:
        """Confidence of each rule-decided label: its training precision, Laplace-smoothed."""
        self.rule_precision = np.full(N_LABELS, np.nan, dtype=np.float32)
        for j in np.flatnonzero(self.rule_labels):
            fired = rules[:, j]
            tp = int((fired & yb[:, j]).sum())
            self.rule_precision[j] = (tp + 1) / (int(fired.sum()) + 2)

    # -- prediction ---------------------------------------------------------------
    def decision_function(self, texts: Sequence[str]) -> np.ndarray:
        """(n, 20) margins; a label is predicted where margin > its threshold.

        Labels that are never predicted have margin ``-inf``; rule-decided labels have
        ``threshold + 1`` where their rule fires.
        """
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
        return labels_of(pm, self.labels)

    def predict_one(self, text: str) -> list[str]:
        return self.predict([text])[0]

    def predict_scores(self, text: str) -> dict[str, float]:
        """Margin minus threshold per label (> 0 means predicted); for explanations/UI."""
        d = self.decision_function([text])[0] - self.thresholds
        return {lab: float(v) for lab, v in zip(self.labels, d, strict=True) if math.isfinite(v)}

    def confidences(self, texts: Sequence[str]) -> np.ndarray:
        """(n, 20) probability that each label applies (NaN where not calibrated)."""
        d = self.decision_function(texts) - self.thresholds
        out = np.full(d.shape, np.nan)
        model = self.active & np.isfinite(self.calib_a)
        out[:, model] = _sigmoid(self.calib_a[model] * d[:, model] + self.calib_b[model])
        rl = np.flatnonzero(self.rule_labels)
        out[:, rl] = np.where(d[:, rl] > 0, self.rule_precision[rl], 0.0)
        return out

    def suggest(self, text: str) -> list[Suggestion]:
        """Labels suggested for a free text, most confident first.

        The text is split into sentences (the unit the model was trained on); a label
        is suggested if any sentence predicts it, with its highest confidence.
        """
        sentences = split_sentences(text) or [text]
        d = self.decision_function(sentences) - self.thresholds
        conf = self.confidences(sentences)
        out: list[Suggestion] = []
        for j in np.flatnonzero((d > 0).any(axis=0)):
            hit = d[:, j] > 0
            c = conf[hit, j]
            out.append(
                Suggestion(
                    label=self.labels[j],
                    confidence=None if np.isnan(c).all() else float(np.nanmax(c)),
                    source="rule" if self.rule_labels[j] else "model",
                )
            )
        return sorted(out, key=lambda s: -(s.confidence or 0.0))

    # -- persistence --------------------------------------------------------------
    def to_state(self) -> dict[str, Any]:
        return {
            "magic": _MAGIC,
            "version": MODEL_FORMAT_VERSION,
            "labels": list(self.labels),
            "config": asdict(self.config),
            "alphabet": self.vectorizer.alphabet.chars,
            "keys": self.vectorizer.keys,
            "idf": self.vectorizer.idf,
            "coef": self.coef,
            "intercept": self.intercept,
            "thresholds": self.thresholds,
            "active": self.active,
            "rule_labels": self.rule_labels,
            "calib_a": self.calib_a,
            "calib_b": self.calib_b,
            "rule_precision": self.rule_precision,
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
        m.vectorizer.set_vocabulary(
            Alphabet(np.asarray(state["alphabet"], dtype=np.uint32)), state["keys"], state["idf"]
        )
        m.coef = np.asarray(state["coef"], dtype=np.float32)
        m.intercept = np.asarray(state["intercept"], dtype=np.float32)
        m.thresholds = np.asarray(state["thresholds"], dtype=np.float32)
        m.active = np.asarray(state["active"], dtype=bool)
        m.rule_labels = np.asarray(state["rule_labels"], dtype=bool)
        m.calib_a = np.asarray(state["calib_a"], dtype=np.float32)
        m.calib_b = np.asarray(state["calib_b"], dtype=np.float32)
        m.rule_precision = np.asarray(state["rule_precision"], dtype=np.float32)
        m.info = TrainInfo(**state["info"])
        return m

    def save(self, path: str | Path) -> Path:
        """Write the model to one file (atomic rename); returns the path."""
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
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
    records: Iterable[Mapping[str, Any] | Example],
    config: ModelConfig | None = None,
    *,
    progress: Progress | None = None,
) -> ClaimModel:
    """Train a :class:`ClaimModel` from ``{"text", "labels"}`` records or :class:`Example`.

    Examples without a group (``doc``) count as their own group in the inner CV.
    """
    exs = list(iter_examples(records))
    if not exs:
        raise ValueError("no training examples")
    y = label_matrix(e.labels for e in exs)
    groups = [e.group if e.group is not None else f"#{i}" for i, e in enumerate(exs)]
    return ClaimModel(config).fit([e.text for e in exs], y, groups, progress=progress)
