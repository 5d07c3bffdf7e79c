"""What a classifier suggests for one text."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Suggestion:
    """One suggested label for a text.

    ``confidence`` is a probability in [0, 1] (Platt-scaled SVM margin, or the
    measured precision of the rule that fired); ``None`` when the classifier has no
    measured confidence (the lexicon fallback). ``source`` is ``"model"`` or ``"rule"``.
    """

    label: str
    confidence: float | None
    source: str
