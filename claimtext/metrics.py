"""The official CAIL2019 要素识别 judger score, re-implemented.

For each of the 20 labels the judger counts TP/FP/FN over all sentences; F1 of a
label follows the GERBIL convention: if TP = 0 then F1 = 1 when FP = FN = 0 and
F1 = 0 otherwise. micro-F1 is the F1 of the summed counts, macro-F1 the mean of the
per-label F1 over *all* labels (absent labels never predicted count as 1), and

    score = (micro-F1 + macro-F1) / 2
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np

from claimtext.labels import LABELS


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0


def prf(c: Counts) -> tuple[float, float, float]:
    """Precision, recall, F1 of one count table, judger convention."""
    if c.tp == 0:
        if c.fp == 0 and c.fn == 0:
            return 1.0, 1.0, 1.0
        return 0.0, 0.0, 0.0
    p = c.tp / (c.tp + c.fp)
    r = c.tp / (c.tp + c.fn)
    return p, r, 2 * p * r / (p + r)


@dataclass
class JudgerReport:
    micro_f1: float
    macro_f1: float
    score: float
    per_label: dict[str, tuple[float, float, float]] = field(default_factory=dict)
    counts: dict[str, Counts] = field(default_factory=dict)

    def as_dict(self) -> dict[str, object]:
        return {
            "micro_f1": self.micro_f1,
            "macro_f1": self.macro_f1,
            "score": self.score,
            "per_label_f1": {k: v[2] for k, v in self.per_label.items()},
        }


def judge(
    truth: Iterable[Iterable[str]],
    predicted: Iterable[Iterable[str]],
    labels: Sequence[str] = LABELS,
) -> JudgerReport:
    """Score predicted label sets against true ones (one set per sentence).

    Label strings have spaces removed, as the official judger does. A label that
    is not in ``labels`` raises ``KeyError``.
    """
    counts = {lab: Counts() for lab in labels}
    for t, p in zip(truth, predicted, strict=True):
        ts = {x.replace(" ", "") for x in t}
        ps = {x.replace(" ", "") for x in p}
        for x in ts | ps:
            if x not in counts:
                raise KeyError(f"unknown label {x!r}")
        for lab, c in counts.items():
            a, b = lab in ps, lab in ts
            if a and b:
                c.tp += 1
            elif a:
                c.fp += 1
            elif b:
                c.fn += 1
            else:
                c.tn += 1
    total = Counts()
    per: dict[str, tuple[float, float, float]] = {}
    for lab, c in counts.items():
        per[lab] = prf(c)
        total.tp += c.tp
        total.fp += c.fp
        total.fn += c.fn
        total.tn += c.tn
    micro = prf(total)[2]
    macro = sum(v[2] for v in per.values()) / len(labels)
    return JudgerReport(
        micro_f1=micro,
        macro_f1=macro,
        score=(micro + macro) / 2,
        per_label=per,
        counts=counts,
    )


def score(truth: Iterable[Iterable[str]], predicted: Iterable[Iterable[str]]) -> float:
    """Shortcut: the CAIL2019 score only."""
    return judge(truth, predicted).score


def score_matrix(truth: np.ndarray, predicted: np.ndarray) -> tuple[float, float, float]:
    """Vectorised judger on (n, n_labels) 0/1 matrices: ``(score, micro_f1, macro_f1)``."""
    t = np.asarray(truth, dtype=bool)
    p = np.asarray(predicted, dtype=bool)
    tp = (t & p).sum(axis=0).astype(np.float64)
    fp = (~t & p).sum(axis=0).astype(np.float64)
    fn = (t & ~p).sum(axis=0).astype(np.float64)

    def f1(a: np.ndarray, b: np.ndarray, c: np.ndarray) -> np.ndarray:
        with np.errstate(divide="ignore", invalid="ignore"):
            return np.where(a > 0, 2 * a / (2 * a + b + c), np.where((b == 0) & (c == 0), 1.0, 0.0))

    micro = float(f1(tp.sum(keepdims=True), fp.sum(keepdims=True), fn.sum(keepdims=True))[0])
    macro = float(f1(tp, fp, fn).mean())
    return (micro + macro) / 2, micro, macro
