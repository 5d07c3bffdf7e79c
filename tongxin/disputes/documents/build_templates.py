"""Write the Word templates (templates/docx/<kind>.docx) that docxtpl fills in. They are
generated, not drawn by hand, so that a change is a reviewable diff of this file; the same
source always gives the same bytes. Run after editing, and commit the .docx files:

    .venv/bin/python manage.py shell -c \
        "from tongxin.disputes.documents import build_templates; build_templates.main()"

Each layout mirrors its PDF template (templates/<kind>.html) and reads the same context keys;
the legal paragraphs come from wording.py through the context, so both formats say the same.
"""

import io
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from docx import Document
from docx.document import Document as Doc
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.styles.style import BaseStyle
from docx.table import Table

from tongxin.disputes.documents.fixed_zip import with_fixed_timestamps

OUT = Path(__file__).resolve().parent / "templates" / "docx"
# Word on the unions' Windows machines has 宋体 and 黑体; LibreOffice substitutes the Noto CJK
# fonts for them. Latin text and figures use Times New Roman, as Chinese official papers do.
SERIF, SANS, LATIN = "宋体", "黑体", "Times New Roman"
# Template metadata, so the files do not change from one build to the next.
FIXED_TIME = datetime(2026, 1, 1, tzinfo=UTC)

Writer = Callable[[Doc], None]


def _font(style: BaseStyle, east_asian: str, size: float, *, bold: bool = False) -> None:
    style.font.name = LATIN  # type: ignore[attr-defined]
    style.font.size = Pt(size)  # type: ignore[attr-defined]
    style.font.bold = bold  # type: ignore[attr-defined]
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), east_asian)


def _paragraph_style(
    doc: Doc,
    name: str,
    east_asian: str,
    size: float,
    *,
    bold: bool = False,
    align: WD_ALIGN_PARAGRAPH | None = None,
    indent: Pt | None = None,
    before: float = 0,
    after: float = 0,
    color: RGBColor | None = None,
) -> None:
    style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = doc.styles["Normal"]
    _font(style, east_asian, size, bold=bold)
    fmt = style.paragraph_format
    fmt.alignment = align
    fmt.first_line_indent = indent
    fmt.space_before, fmt.space_after = Pt(before), Pt(after)
    if color is not None:
        style.font.color.rgb = color


def _new_document(title: str) -> Doc:
    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin = section.left_margin = section.right_margin = Mm(25)
    section.bottom_margin = Mm(22)
    normal = doc.styles["Normal"]
    _font(normal, SERIF, 12)
    normal.paragraph_format.line_spacing = 1.5
    normal.paragraph_format.space_after = Pt(0)
    _paragraph_style(doc, "Document Title", SANS, 20, align=WD_ALIGN_PARAGRAPH.CENTER, after=12)
    _paragraph_style(doc, "Section Heading", SANS, 12, before=8, after=2)
    _paragraph_style(doc, "Body", SERIF, 12, indent=Pt(24))
    _paragraph_style(doc, "Right", SERIF, 12, align=WD_ALIGN_PARAGRAPH.RIGHT)
    _paragraph_style(doc, "Table Text", SERIF, 10)
    doc.styles["Table Text"].paragraph_format.line_spacing = 1.15
    _paragraph_style(
        doc,
        "Draft Mark",
        SANS,
        14,
        bold=True,
        align=WD_ALIGN_PARAGRAPH.CENTER,
        after=6,
        color=RGBColor(0xBB, 0, 0),
    )
    props = doc.core_properties
    props.title, props.author, props.last_modified_by = title, "同心 Tongxin", "同心 Tongxin"
    props.comments = ""
    props.created = props.modified = FIXED_TIME
    props.revision = 1
    return doc


def _p(doc: Doc, text: str, style: str = "Normal") -> None:
    doc.add_paragraph(text, style=style)


def _each(doc: Doc, items: str, style: str = "Body") -> None:
    """One paragraph per line of a free-text field (a list in the context)."""
    _p(doc, f"{{%p for line in {items} %}}")
    _p(doc, "{{ line }}", style)
    _p(doc, "{%p endfor %}")


def _table(doc: Doc, headers: list[str], loop: str, cells: list[str], widths: list[int]) -> Table:
    """A bordered table: a header row, then one row per item of `loop` ("r in rows")."""
    table = doc.add_table(rows=0, cols=len(headers))
    table.style = doc.styles["Table Grid"]
    table.autofit = False
    for texts in ([*headers], [f"{{%tr for {loop} %}}"], cells, ["{%tr endfor %}"]):
        row = table.add_row()
        for cell, text in zip(row.cells, texts, strict=False):
            cell.paragraphs[0].style = doc.styles["Table Text"]
            cell.paragraphs[0].text = text
    table.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))  # repeat on each page
    _widths(table, widths)
    return table


def _widths(table: Table, widths: list[int]) -> None:
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = Mm(width)


def _parties(doc: Doc) -> None:
    _p(doc, "{%p for p in applicants %}")
    _p(
        doc,
        "{% if p.is_representative %}申请人（推举代表）{% else %}申请人{% endif %}：{{ p.basics }}",
    )
    _p(doc, "{%p endfor %}")
    _p(doc, "{%p for a in agents %}")
    _p(doc, "委托代理人：{{ a.basics }}")
    _p(doc, "{%p endfor %}")
    _p(doc, "被申请人：{{ respondent.basics }}")


def _head(doc: Doc, title: str, number: str = "") -> None:
    _p(doc, "案号：{{ case_no }}" + number, "Right")
    _p(doc, title, "Document Title")


def application(doc: Doc) -> None:
    _head(doc, "劳动争议调解申请书")
    _parties(doc)
    _p(doc, "{%p if collective %}")
    _p(
        doc,
        "申请人共{{ worker_count }}名职工，有共同请求，由推举代表参加调解"
        "（《劳动争议调解仲裁法》第七条），全体职工名单见附件。",
        "Body",
    )
    _p(doc, "{%p endif %}")
    _p(doc, "请求事项", "Section Heading")
    _each(doc, "requests")
    _table(
        doc,
        ["序号", "职工", "请求事项", "金额（元）"],
        "r in claim_rows",
        ["{{ r.no }}", "{{ r.who }}", "{{ r.matter }}", "{{ r.amount }}"],
        [12, 30, 88, 30],
    )
    _p(
        doc,
        "请求金额合计：人民币{{ claimed_total.figures }}元（大写：{{ claimed_total.words }}）。",
        "Body",
    )
    _p(doc, "事实与理由", "Section Heading")
    _each(doc, "facts")
    _p(doc, "证据清单", "Section Heading")
    _each(doc, "evidence")
    _p(doc, "{%p if oral %}")
    _p(
        doc,
        "本申请系口头提出，由调解组织当场记录申请人基本情况、争议事项、理由和时间"
        "（《劳动争议调解仲裁法》第十二条），经申请人核对无误。",
        "Body",
    )
    _p(doc, "{%p endif %}")
    _p(doc, "此致")
    _p(doc, "{{ org_name }}")
    _p(doc, "{%p for p in applicants %}")
    _p(doc, "申请人（签名或捺印）：＿＿＿＿＿＿＿＿（{{ p.name }}）")
    _p(doc, "{%p endfor %}")
    _p(doc, "{{ date }}", "Right")
    _p(doc, "{%p if collective %}")
    doc.add_page_break()
    _p(doc, "附件：申请人名单（共{{ worker_count }}人）", "Section Heading")
    _table(
        doc,
        [
            "序号",
            "姓名",
            "性别",
            "年龄",
            "职业/岗位",
            "联系电话",
            "身份证号码",
            "请求金额（元）",
            "备注",
        ],
        "w in roster",
        [
            "{{ w.no }}",
            "{{ w.name }}",
            "{{ w.gender }}",
            "{{ w.age }}",
            "{{ w.occupation }}",
            "{{ w.phone }}",
            "{{ w.id_number }}",
            "{{ w.claimed }}",
            "{{ w.note }}",
        ],
        [10, 17, 10, 11, 20, 24, 33, 19, 16],
    )
    _p(
        doc,
        "合计请求金额：人民币{{ claimed_total.figures }}元（大写：{{ claimed_total.words }}）。",
        "Body",
    )
    _p(doc, "{%p endif %}")


def record(doc: Doc) -> None:
    _head(doc, "劳动争议调解笔录", "　第{{ number }}次")
    for label, key in (
        ("时间", "held_at"),
        ("地点", "place"),
        ("调解员", "mediators"),
        ("记录人", "recorder"),
        ("申请人", "applicant_names"),
        ("被申请人", "respondent.basics"),
    ):
        _p(doc, f"{label}：{{{{ {key} }}}}")
    for heading, items in (
        ("参加人员", "attendees"),
        ("当事人陈述", "statements"),
        ("调解意见和方案", "proposals"),
        ("调解情况", "result"),
    ):
        _p(doc, heading, "Section Heading")
        _each(doc, items)
    _p(doc, "以上笔录已经当事人核对（或向其宣读），确认无误。", "Body")
    for signer in (
        "申请人（签名或捺印）",
        "被申请人（签名或盖章）",
        "调解员（签名）",
        "记录人（签名）",
    ):
        _p(doc, "")
        _p(doc, f"{signer}：")


def agreement(doc: Doc) -> None:
    doc.sections[0].header.paragraphs[0].text = "{% if draft %}草稿（未生效）{% endif %}"
    _p(doc, "{%p if draft %}")
    _p(doc, "草稿（未生效，不得作为履行依据）", "Draft Mark")
    _p(doc, "{%p endif %}")
    _head(doc, "劳动争议调解协议书", "　协议编号：第{{ number }}号")
    _parties(doc)
    _p(doc, "{%p if collective %}")
    _p(
        doc,
        "申请人一方共{{ worker_count }}名职工，由推举代表参加调解；"
        "本协议适用于第三条所列{{ rows|length }}名职工。",
        "Body",
    )
    _p(doc, "{%p endif %}")
    _p(doc, "调解组织：{{ org_name }}")
    _p(doc, "调解员：{{ mediators }}")
    _p(doc, "一、主要事实、争议事项与责任", "Section Heading")
    _each(doc, "facts")
    _p(doc, "二、协议内容", "Section Heading")
    _each(doc, "terms")
    _p(doc, "三、各职工达成金额", "Section Heading")
    table = _table(
        doc,
        ["序号", "姓名", "达成事项", "金额（元）", "大写金额"],
        "r in rows",
        ["{{ r.no }}", "{{ r.name }}", "{{ r.detail }}", "{{ r.figures }}", "{{ r.words }}"],
        [12, 22, 60, 28, 38],
    )
    total = table.add_row().cells
    merged = total[0].merge(total[2])  # before writing: merging keeps every cell's paragraphs
    for cell, text in ((merged, "合计（{{ rows|length }}人）"), (total[3], "{{ total.figures }}"),
                       (total[4], "{{ total.words }}")):  # fmt: skip
        cell.paragraphs[0].style = doc.styles["Table Text"]
        cell.paragraphs[0].text = text
    _widths(table, [12, 22, 60, 28, 38])
    _p(doc, "以上合计：人民币{{ total.figures }}元（大写：{{ total.words }}）。", "Body")
    _p(doc, "四、履行方式和期限", "Section Heading")
    _p(doc, "履行方式：{{ performance_method }}。", "Body")
    _p(doc, "履行期限：被申请人应于{{ performance_due_on }}前履行完毕。", "Body")
    _p(doc, "五、放弃的请求", "Section Heading")
    _each(doc, "waived")
    _p(doc, "六、协议的效力", "Section Heading")
    _each(doc, "effect")
    _p(doc, "")
    _p(doc, "申请人（签名或捺印）：")
    _table(
        doc,
        ["序号", "姓名", "签名或捺印", "日期"],
        "s in signers",
        ["{{ s.no }}", "{{ s.name }}", "", "{{ s.date }}"],
        [12, 30, 70, 48],
    )
    for signer, day in (
        (
            "被申请人（盖章）：{{ respondent.name }}　　法定代表人或委托代理人（签名）：",
            "employer_signed_on",
        ),
        ("调解员（签名）：", "mediator_signed_on"),
        ("调解组织（盖章）：{{ org_name }}", "sealed_on"),
    ):
        _p(doc, "")
        _p(doc, signer)
        _p(doc, f"{{{{ {day} }}}}", "Right")
    _p(doc, "{%p if effective_on %}")
    _p(doc, "本协议于{{ effective_on }}生效。")
    _p(doc, "{%p endif %}")


def termination(doc: Doc) -> None:
    _head(doc, "终止调解告知书")
    _p(doc, "{{ applicant_names }}：")
    _p(doc, "{{ notice }}", "Body")
    _each(doc, "routes")
    _p(doc, "")
    _p(doc, "调解组织（盖章）：{{ org_name }}")
    _p(doc, "调解员（签名）：")
    _p(doc, "{{ ended_on }}", "Right")
    _p(doc, "受告知人（签收）：　　　　　　　　　　签收日期：　　年　　月　　日")


TEMPLATES: dict[str, tuple[str, Writer]] = {
    "application": ("劳动争议调解申请书", application),
    "record": ("劳动争议调解笔录", record),
    "agreement": ("劳动争议调解协议书", agreement),
    "termination": ("终止调解告知书", termination),
}


def build(kind: str) -> bytes:
    title, write = TEMPLATES[kind]
    doc = _new_document(title)
    write(doc)
    out = io.BytesIO()
    doc.save(out)
    return with_fixed_timestamps(out.getvalue())


def main() -> None:
    OUT.mkdir(exist_ok=True)
    for kind in TEMPLATES:
        (OUT / f"{kind}.docx").write_bytes(build(kind))
