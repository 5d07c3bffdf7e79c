"""The four mediation documents, rendered as Word and PDF and read back: what they say, what
they keep masked, and when they are refused."""

import io
import zipfile
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from docx import Document
from pypdf import PdfReader

from tongxin.core.exceptions import ApplicationError
from tongxin.disputes.documents import build_templates
from tongxin.disputes.documents.render import DOCX_DIR, document_render
from tongxin.disputes.models import DisputeEvent, MediationCase
from tongxin.disputes.tests.builders import act, open_case, signatures, workers

SH = ZoneInfo("Asia/Shanghai")
MONDAY = datetime(2026, 3, 2, 9, 0, tzinfo=SH)
FORMATS = ["docx", "pdf"]
ART_14 = "本协议由双方当事人签名或者盖章，经调解员签名并加盖调解组织印章后生效"
ID_NUMBER = "350500198803071237"
TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}


def docx_tables(content: bytes) -> list[list[list[str]]]:
    return [
        [[cell.text for cell in row.cells] for row in table.rows]
        for table in Document(io.BytesIO(content)).tables
    ]


def text_of(rendered) -> str:
    """All the text of a document, without white space (PDF extraction breaks lines)."""
    if rendered.filename.endswith(".pdf"):
        pages = PdfReader(io.BytesIO(rendered.content)).pages
        text = "".join(page.extract_text() for page in pages)
    else:
        doc = Document(io.BytesIO(rendered.content))
        header = doc.sections[0].header.paragraphs
        cells = [c for t in docx_tables(rendered.content) for row in t for c in row]
        text = "".join([*(p.text for p in header), *(p.text for p in doc.paragraphs), *cells])
    return "".join(text.split())


def assert_contains(text: str, *phrases: str) -> None:
    """Every phrase is in the text (white space ignored); a failure lists those that are not."""
    missing = [p for p in phrases if "".join(p.split()) not in text]
    assert missing == []


@pytest.fixture
def quanzhou(tree, cast):
    """The tea-table case, settled and signed the same day: 2,300 yuan of wages."""
    handler = cast["handler"]
    with time_machine.travel(MONDAY, tick=False):
        case = open_case(handler, tree["town_a"], amounts=("2300.00",))
        act(
            handler,
            case,
            "change_party",
            party=workers(case)[0].pk,
            gender="M",
            birth_year=1988,
            occupation="制鞋工",
            id_number=ID_NUMBER,
        )
        act(handler, case, "accept")
        act(
            handler,
            case,
            "record_session",
            place="园区职工服务站茶室",
            attendees="申请人王工1；被申请人代表林某",
            statements="双方确认拖欠工资 2300 元。",
            proposals="当日一次性支付。",
            result="达成协议。",
        )
        act(
            handler,
            case,
            "draft_agreement",
            as_claimed=True,
            facts="被申请人拖欠申请人工资 2300 元。",
            terms="被申请人当场支付王工1工资 2300 元。",
            performance_method="现金当场支付",
            performance_due_on="2026-03-02",
        )
        return act(handler, case, "sign_agreement", **signatures(date(2026, 3, 2)))


@pytest.fixture
def pulandian(tree, cast):
    """23 workers: 20,000 yuan of wages each, and the last one 3,000 of severance on top;
    the agreement for everyone is drafted but not yet signed."""
    handler = cast["handler"]
    with time_machine.travel(MONDAY, tick=False):
        case = open_case(
            handler,
            tree["town_a"],
            kind=MediationCase.Kind.COLLECTIVE,
            workers=23,
            representatives=5,
            amounts=("20000.00",),
        )
        last = workers(case)[-1].pk
        act(handler, case, "add_claim", worker=last, type="severance", amount_claimed="3000.00")
        act(handler, case, "accept")
        session = {"place": "普兰店区职工服务中心", "attendees": "代表5人", "statements": "工资"}
        act(handler, case, "record_session", **session)
        return act(
            handler,
            case,
            "draft_agreement",
            as_claimed=True,
            facts="被申请人拖欠23名职工工资。",
            terms="被申请人分两期支付。",
            performance_method="银行转账",
            performance_due_on="2026-03-31",
            waived_claims="职工放弃加班费请求。",
        )


@pytest.mark.parametrize("fmt", FORMATS)
def test_application_names_the_parties_and_the_claim_with_the_phone_masked(quanzhou, fmt):
    # when the application is rendered
    doc = document_render(case=quanzhou, kind="application", fmt=fmt)
    # then it names both parties and the claim in figures and in capital numerals
    text = text_of(doc)
    assert (doc.filename, doc.content_type) == (f"2026-JJKFQ-0001-调解申请书.{fmt}", TYPES[fmt])
    assert_contains(
        text,
        "劳动争议调解申请书",
        "申请人：王工1，男，38岁，职业：制鞋工，工作单位：恒兴鞋业有限公司",
        "被申请人：恒兴鞋业有限公司，法定代表人：林某（总经理）",
        "1王工1拖欠工资2,300.00",
        "人民币2,300.00元（大写：贰仟叁佰元整）",
        "公司拖欠工资两个月。",
        "申请人（签名或捺印）：＿＿＿＿＿＿＿＿（王工1）2026年3月2日",
    )
    # and the phone and the ID number only masked
    assert_contains(text, "联系电话：138****0000", "身份证号码：350***********1237")
    assert ("13800000000" in text, ID_NUMBER in text) == (False, False)


def test_collective_application_lists_every_worker_in_the_roster(pulandian):
    # when the application of the 23-worker case is rendered as Word
    doc = document_render(case=pulandian, kind="application", fmt="docx")
    # then the representatives apply, the claims are summed, and the roster lists all 23
    claims, roster = docx_tables(doc.content)
    assert_contains(
        text_of(doc),
        "申请人（推举代表）：王工1，工作单位：恒兴鞋业有限公司，联系电话：138****0000",
        "申请人（推举代表）：陈工5",
        "申请人共23名职工",
        "附件：申请人名单（共23人）",
        "人民币463,000.00元（大写：肆拾陆万叁仟元整）",
    )
    assert claims == [
        ["序号", "职工", "请求事项", "金额（元）"],
        ["1", "23人", "拖欠工资", "460,000.00"],
        ["2", "1人", "经济补偿金", "3,000.00"],
    ]
    assert len(roster) == 1 + 23
    assert roster[0][:3] == ["序号", "姓名", "性别"]
    assert roster[1] == ["1", "王工1", "", "", "", "138****0000", "", "20,000.00", "推举代表"]
    assert roster[23] == ["23", "谢工23", "", "", "", "138****0022", "", "23,000.00", ""]


def test_collective_application_pdf_has_the_roster_appendix(pulandian):
    text = text_of(document_render(case=pulandian, kind="application", fmt="pdf"))
    rows = [f"{i + 1}{w.name}138****{i:04d}" for i, w in enumerate(workers(pulandian))]
    assert_contains(text, "附件：申请人名单（共23人）", *rows, "肆拾陆万叁仟元整")


@pytest.mark.parametrize("fmt", FORMATS)
def test_record_shows_the_session(quanzhou, fmt):
    doc = document_render(case=quanzhou, kind="record", fmt=fmt)
    assert doc.filename == f"2026-JJKFQ-0001-调解笔录.{fmt}"
    assert_contains(
        text_of(doc),
        "案号：2026-JJKFQ-0001第1次",
        "时间：2026年3月2日09:00",
        "地点：园区职工服务站茶室",
        "记录人：handler",
        "申请人王工1；被申请人代表林某",
        "双方确认拖欠工资2300元。",
        "当日一次性支付。",
        "达成协议。",
        "调解员（签名）：",
        "记录人（签名）：",
    )


def test_record_defaults_to_the_latest_session_and_takes_a_number(pulandian, cast):
    # given a second session
    with time_machine.travel(MONDAY + timedelta(days=2), tick=False):
        session = {"place": "区人社局三楼", "attendees": "代表5人", "statements": "核对工资表"}
        act(cast["handler"], pulandian, "record_session", **session)
    # when no number, then number 1 is asked for
    latest = document_render(case=pulandian, kind="record", fmt="docx")
    first = document_render(case=pulandian, kind="record", fmt="docx", number=1)
    # then the latest is the second, and each file says which it is
    assert latest.filename == "2026-JJKFQ-0001-调解笔录-2.docx"
    assert_contains(text_of(latest), "第2次", "地点：区人社局三楼", "核对工资表")
    assert first.filename == "2026-JJKFQ-0001-调解笔录.docx"
    assert_contains(
        text_of(first),
        "第1次",
        "地点：普兰店区职工服务中心",
        "申请人：王工1、李工2、张工3、刘工4、陈工5（推举代表）等23名职工",
    )


@pytest.mark.parametrize("fmt", FORMATS)
def test_signed_agreement_states_amounts_deadline_and_when_it_takes_effect(quanzhou, fmt):
    doc = document_render(case=quanzhou, kind="agreement", fmt=fmt)
    text = text_of(doc)
    assert (doc.filename, doc.content_type) == (f"2026-JJKFQ-0001-调解协议书.{fmt}", TYPES[fmt])
    assert_contains(
        text,
        "协议编号：第1号",
        "申请人：王工1，男，38岁",
        "被申请人：恒兴鞋业有限公司",
        "被申请人当场支付王工1工资2300元。",
        "1王工1拖欠工资2,300.00元2,300.00贰仟叁佰元整",
        "人民币2,300.00元（大写：贰仟叁佰元整）",
        "履行方式：现金当场支付。",
        "被申请人应于2026年3月2日前履行完毕。",
        ART_14,
        "本协议一式3份，申请人各执一份，被申请人执一份，调解组织留存一份。",
        "调解组织（盖章）：晋江经济开发区工会",
        "本协议于2026年3月2日生效。",
    )
    assert ("草稿" in text, "13800000000" in text) == (False, False)


def test_agreement_table_gives_each_worker_in_figures_and_words(pulandian):
    doc = document_render(case=pulandian, kind="agreement", fmt="docx")
    amounts, signers = docx_tables(doc.content)
    assert amounts[0] == ["序号", "姓名", "达成事项", "金额（元）", "大写金额"]
    assert amounts[1] == ["1", "王工1", "拖欠工资 20,000.00元", "20,000.00", "贰万元整"]
    assert amounts[23] == [
        "23",
        "谢工23",
        "拖欠工资 20,000.00元；经济补偿金 3,000.00元",
        "23,000.00",
        "贰万叁仟元整",
    ]
    assert amounts[24] == [*["合计（23人）"] * 3, "463,000.00", "肆拾陆万叁仟元整"]
    assert len(signers) == 1 + 23
    assert signers[23] == ["23", "谢工23", "", "　　年　　月　　日"]


@pytest.mark.parametrize("fmt", FORMATS)
def test_draft_agreement_is_marked_as_a_draft(pulandian, fmt):
    text = text_of(document_render(case=pulandian, kind="agreement", fmt=fmt))
    assert_contains(
        text,
        "草稿（未生效，不得作为履行依据）",
        "本协议适用于第三条所列23名职工",
        "23谢工23拖欠工资20,000.00元；经济补偿金3,000.00元23,000.00贰万叁仟元整",
        "人民币463,000.00元（大写：肆拾陆万叁仟元整）",
        "被申请人应于2026年3月31日前履行完毕。",
        "职工放弃加班费请求。",
        "本协议一式25份",
    )
    assert "本协议于" not in text


@pytest.mark.parametrize("fmt", FORMATS)
def test_termination_of_a_failed_case_names_the_arbitration_committee(tree, cast, agencies, fmt):
    # given a case joined by the arbitration committee that fails after the 15 days
    handler = cast["handler"]
    with time_machine.travel(MONDAY, tick=False):
        case = open_case(handler, tree["town_a"])
        act(handler, case, "accept")
        act(handler, case, "join_agency", agency="JJ-LDZC", agency_role="arbitration_link")
    with time_machine.travel(datetime(2026, 3, 18, 9, 0, tzinfo=SH), tick=False):
        case = act(handler, case, "fail", reason="no_agreement_in_time")
    # when the notice is rendered
    doc = document_render(case=case, kind="termination", fmt=fmt)
    # then it gives the reason, the date and the worker's routes
    assert doc.filename == f"2026-JJKFQ-0001-终止调解告知书.{fmt}"
    assert_contains(
        text_of(doc),
        "王工1：",
        "本组织于2026年3月2日收到调解申请。",
        "因申请之日起15日内未达成协议，本组织于2026年3月18日终止调解。",
        "向晋江市劳动人事争议仲裁委员会申请劳动争议仲裁（《劳动争议调解仲裁法》第五条、第十四条第三款）",
        "申请仲裁的时效期间为一年",
        "（《劳动争议调解仲裁法》第二十七条）",
        "调解组织（盖章）：晋江经济开发区工会",
    )


def test_termination_of_a_refused_case_gives_the_refusal_reason(tree, cast):
    case = open_case(cast["handler"], tree["town_a"], received_on=date(2026, 3, 2))
    with time_machine.travel(datetime(2026, 3, 3, 9, 0, tzinfo=SH), tick=False):
        case = act(cast["handler"], case, "refuse", note="不属于劳动争议受理范围。")
    text = text_of(document_render(case=case, kind="termination", fmt="pdf"))
    assert_contains(
        text,
        "经审查，不属于劳动争议受理范围，本组织于2026年3月3日决定不予受理",
        "向有管辖权的劳动人事争议仲裁委员会申请劳动争议仲裁（《劳动争议调解仲裁法》第五条）",
    )


@pytest.mark.parametrize(
    ("kind", "number", "field", "message"),
    [
        (
            "termination",
            None,
            "kind",
            "只有调解不成或不予受理的案件才出具终止调解告知书（本案状态：已受理）。",
        ),
        ("agreement", None, "kind", "本案还没有拟定调解协议。"),
        ("record", None, "kind", "本案还没有调解笔录。"),
        ("application", 1, "number", "调解申请书每案只有一份，不需要序号。"),
        ("minutes", None, "kind", "文书类型应为调解申请书、调解笔录、调解协议书或终止调解告知书。"),
    ],
)
def test_documents_that_do_not_apply_are_refused(tree, cast, kind, number, field, message):
    # given an accepted case with no session and no agreement
    case = act(cast["handler"], open_case(cast["handler"], tree["town_a"]), "accept")
    events = DisputeEvent.objects.count()
    # when the document is asked for
    with pytest.raises(ApplicationError) as exc:
        document_render(case=case, kind=kind, fmt="pdf", number=number)
    # then it is refused, naming the field, and nothing is written
    assert (exc.value.field, exc.value.message) == (field, message)
    assert DisputeEvent.objects.count() == events


def test_unknown_numbers_and_formats_are_refused(quanzhou):
    with pytest.raises(ApplicationError) as exc:
        document_render(case=quanzhou, kind="agreement", fmt="pdf", number=2)
    assert (exc.value.code, exc.value.field, exc.value.message) == (
        "not_found",
        "number",
        "本案没有第 2 号调解协议。",
    )
    with pytest.raises(ApplicationError) as exc:
        document_render(case=quanzhou, kind="agreement", fmt="odt")
    assert exc.value.field == "fmt"


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_document_is_a_pure_function_of_the_case(quanzhou, fmt):
    # given the timeline as it stands
    events = list(quanzhou.events.values_list("id", flat=True))
    # when the same document is rendered twice, on different days
    first = document_render(case=quanzhou, kind="agreement", fmt=fmt)
    with time_machine.travel(MONDAY + timedelta(days=40), tick=False):
        again = document_render(case=quanzhou, kind="agreement", fmt=fmt)
    # then the bytes are the same and nothing was written
    assert first.content == again.content
    assert list(quanzhou.events.values_list("id", flat=True)) == events


@pytest.mark.parametrize("kind", sorted(build_templates.TEMPLATES))
def test_committed_word_templates_are_what_the_script_builds(kind):
    def entries(archive: bytes) -> dict[str, bytes]:
        with zipfile.ZipFile(io.BytesIO(archive)) as z:
            return {name: z.read(name) for name in z.namelist()}

    committed = (DOCX_DIR / f"{kind}.docx").read_bytes()
    assert entries(build_templates.build(kind)) == entries(committed)
