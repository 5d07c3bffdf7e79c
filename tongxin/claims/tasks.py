"""Background work: rebuilding the similar-case index off the request path (Celery; eager in
the embedded default). A timer may equally run ``manage.py claims_index``."""

from celery import shared_task

from tongxin.claims import indexing


@shared_task(name="claims.similar_index_rebuild")
def similar_index_rebuild() -> int:
    """Rebuild the index of past cases; returns how many cases it holds."""
    return len(indexing.similar_index_build())
