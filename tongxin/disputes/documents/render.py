"""document_render: one of the four mediation documents of a case, as Word or PDF."""

import io
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from django.template import Context, Engine
from django.utils.translation import gettext as _
from docxtpl import DocxTemplate
from jinja2 import Environment, StrictUndefined

from tongxin.core import validation
from tongxin.core.exceptions import ApplicationError
from tongxin.disputes.documents import context
from tongxin.disputes.documents.fixed_zip import with_fixed_timestamps
from tongxin.disputes.models import MediationCase

HERE = Path(__file__).resolve().parent
DOCX_DIR = HERE / "templates" / "docx"
PRINT_CSS = HERE / "templates" / "print.css"
CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}


@dataclass(frozen=True)
class Kind:
    title: str  # also the file name
    build: Callable[..., dict[str, Any]]
    numbered: bool  # one of several (sessions, agreements), chosen by `number`


KINDS: dict[str, Kind] = {
    "application": Kind("调解申请书", context.application_context, numbered=False),
    "record": Kind("调解笔录", context.record_context, numbered=True),
    "agreement": Kind("调解协议书", context.agreement_context, numbered=True),
    "termination": Kind("终止调解告知书", context.termination_context, numbered=False),
}


@dataclass(frozen=True)
class RenderedDocument:
    content: bytes
    filename: str
    content_type: str


def document_render(
    *, case: MediationCase, kind: str, fmt: str, number: int | str | None = None
) -> RenderedDocument:
    """The document `kind` of `case` as `fmt` (docx or pdf), read from the case as it is now
    (the latest session or agreement unless `number` is given). Writes nothing; raises
    ApplicationError when the document does not apply to the case."""
    spec = KINDS.get(kind)
    if spec is None:
        raise ApplicationError(
            _("文书类型应为调解申请书、调解笔录、调解协议书或终止调解告知书。"),
            code="invalid",
            field="kind",
        )
    if fmt not in CONTENT_TYPES:
        raise ApplicationError(_("文书格式应为 docx 或 pdf。"), code="invalid", field="fmt")
    wanted = validation.clean_int(number, field="number", label=_("序号"), minimum=1, maximum=999)
    if wanted is not None and not spec.numbered:
        raise ApplicationError(
            _("%(title)s每案只有一份，不需要序号。") % {"title": spec.title},
            code="invalid",
            field="number",
        )
    data = spec.build(case, wanted) if spec.numbered else spec.build(case)
    content = _docx(kind, data) if fmt == "docx" else _pdf(kind, data)
    suffix = f"-{data['number']}" if spec.numbered and data["number"] > 1 else ""
    return RenderedDocument(
        content=content,
        filename=f"{case.case_no}-{spec.title}{suffix}.{fmt}",
        content_type=CONTENT_TYPES[fmt],
    )


def _docx(kind: str, data: dict[str, Any]) -> bytes:
    template = DocxTemplate(DOCX_DIR / f"{kind}.docx")
    # Autoescape keeps '<' or '&' typed into a case from breaking the document's XML.
    template.render(data, Environment(autoescape=True, undefined=StrictUndefined))
    out = io.BytesIO()
    template.save(out)
    return with_fixed_timestamps(out.getvalue())


@cache
def _engine() -> Engine:
    """The PDF templates live with this package, apart from the site's page templates."""
    return Engine(dirs=[str(HERE / "templates")], string_if_invalid="")


# WeasyPrint takes about a second to import: load it with the first PDF, not with the URLconf
# that every web worker imports on its first request.
@cache
def _print_css() -> Any:
    from weasyprint import CSS

    return CSS(filename=str(PRINT_CSS))


def _pdf(kind: str, data: dict[str, Any]) -> bytes:
    from weasyprint import HTML

    html = _engine().get_template(f"{kind}.html").render(Context(data))
    return HTML(string=html, base_url=str(HERE)).write_pdf(stylesheets=[_print_css()])
