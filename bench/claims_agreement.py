"""How far do the annotators agree with themselves? A ceiling for the claim score.

The same wording is often labelled in one judgment and not in the next. To put a
number on it, every sentence is paired with the most similar sentence of *another*
judgment (character 1–3-gram TF-IDF cosine). Where the two are near-identical
(cosine ≥ ``min_sim``) and at least one of them carries a label, the two annotations
are compared as if one were a prediction of the other. A model cannot beat, on
average, the agreement of the annotation with itself; the model's own F1 on the
same sentences shows how close it comes.

Used by ``claims_cv.py`` with the out-of-fold predictions.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from claimtext.metrics import judge


def nearest_in_other_judgment(
    texts: Sequence[str], groups: Sequence[object]
) -> tuple[np.ndarray, np.ndarray]:
    """Index of each sentence's most similar sentence in another judgment, and the cosine."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    x = TfidfVectorizer(analyzer="char", ngram_range=(1, 3), sublinear_tf=True).fit_transform(texts)
    g = np.array([str(v) for v in groups])
    nearest = np.zeros(len(texts), dtype=np.int64)
    cosine = np.zeros(len(texts))
    for start in range(0, len(texts), 1000):  # 1,000 rows at a time bounds the memory
        sim = (x[start : start + 1000] @ x.T).toarray()
        sim[g[start : start + 1000, None] == g[None, :]] = -1.0
        nearest[start : start + 1000] = sim.argmax(axis=1)
        cosine[start : start + 1000] = sim.max(axis=1)
    return nearest, cosine


def annotation_agreement(
    texts: Sequence[str],
    groups: Sequence[object],
    truth: Sequence[Sequence[str]],
    predicted: Sequence[Sequence[str]],
    min_sims: Sequence[float] = (0.9, 0.8),
) -> list[dict[str, float]]:
    """One row per similarity floor: pairs, exact agreement, annotation and model micro-F1."""
    nearest, cosine = nearest_in_other_judgment(texts, groups)
    rows = []
    for floor in min_sims:
        idx = [
            i
            for i in np.flatnonzero(cosine >= floor)
            if truth[i] or truth[nearest[i]]  # two unlabelled sentences agree trivially
        ]
        own = [truth[i] for i in idx]
        other = [truth[nearest[i]] for i in idx]
        rows.append(
            {
                "min_cosine": floor,
                "sentences": len(idx),
                "same_label_set": float(
                    np.mean([set(a) == set(b) for a, b in zip(own, other, strict=True)])
                )
                if idx
                else float("nan"),
                "annotation_micro_f1": judge(own, other).micro_f1,
                "model_micro_f1": judge(own, [predicted[i] for i in idx]).micro_f1,
            }
        )
    return rows
