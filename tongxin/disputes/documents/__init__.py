"""The four documents of a mediation case (调解申请书, 调解笔录, 调解协议书, 终止调解告知书),
generated from the case data as Word (docxtpl) or PDF (WeasyPrint)."""

from tongxin.disputes.documents.render import KINDS, RenderedDocument, document_render

__all__ = ["KINDS", "RenderedDocument", "document_render"]
