"""Plain dicts for the API (and the pages' JSON-free templates use the same objects)."""

from typing import Any

from claimtext.labels import LABEL_TO_CODE
from claimtext.suggestion import Suggestion
from tongxin.appeals.models import WorkOrder
from tongxin.claims.models import ClaimAnnotation
from tongxin.claims.selectors import SimilarCases, Suggestions


def suggestion_view(s: Suggestion) -> dict[str, Any]:
    return {
        "label": s.label,
        "code": LABEL_TO_CODE[s.label],
        "confidence": None if s.confidence is None else round(s.confidence, 3),
        "source": s.source,
    }


def suggestions_view(s: Suggestions) -> dict[str, Any]:
    return {
        "classifier": {"kind": s.kind, "version": s.version},
        "suggestions": [suggestion_view(x) for x in s.items],
    }


def annotation_view(a: ClaimAnnotation | None) -> dict[str, Any] | None:
    if a is None:
        return None
    by = a.confirmed_by
    return {
        "labels": a.label_names(),
        "corrected": a.corrected,
        "confirmed_by": (by.get_full_name() or by.username) if by else None,
        "confirmed_at": a.confirmed_at,
    }


def order_claims_view(
    order: WorkOrder, s: Suggestions, a: ClaimAnnotation | None
) -> dict[str, Any]:
    return {
        "tracking_code": order.tracking_code,
        **suggestions_view(s),
        "confirmed": annotation_view(a),
    }


def similar_view(order: WorkOrder, s: SimilarCases) -> dict[str, Any]:
    return {
        "tracking_code": order.tracking_code,
        "index_built_at": s.built_at,
        "index_size": s.size,
        "results": [
            {
                "source": c.source,
                "title": c.title,
                "url": c.url,
                "received": c.received.isoformat() if c.received else None,
                "status": c.status,
                "outcome": c.outcome,
                "solved": c.solved,
                "score": round(c.score, 3),
            }
            for c in s.results
        ],
    }
