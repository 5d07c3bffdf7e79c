from datetime import date, datetime
from decimal import Decimal
from typing import Any
from uuid import UUID

from ninja import Field, Schema

from tongxin.core.validation import MAX_OFFSET


class PartyIn(Schema):
    role: str = Field(..., description="worker | employer | agent")
    name: str
    is_representative: bool = False
    gender: str | None = Field(None, description="M | F")
    birth_year: int | None = None
    occupation: str | None = None
    address: str | None = None
    phone: str | None = None
    id_number: str | None = Field(None, description="居民身份证号码（加密存储，仅掩码显示）")
    uscc: str | None = Field(None, description="用人单位统一社会信用代码")
    legal_rep_name: str | None = None
    legal_rep_title: str | None = None
    agent_for: int | None = None


class ClaimIn(Schema):
    worker: int = Field(..., description="parties 列表中该职工的序号（从 0 起）")
    type: str = Field(..., description="wages | overtime | double_wage | severance | …")
    amount_claimed: Decimal | None = None
    description: str | None = None
    calculator_inputs: dict[str, Any] | None = Field(
        None, description="用劳动法计算器算出金额：与 /laborlaw/{calculator} 相同的输入"
    )
    place: str | None = Field(None, description="计算器取地区参数的行政区划代码")


class DisputeIn(Schema):
    org: str | None = Field(None, description="调解组织代码；从工单转入时默认为工单承办组织")
    work_order: str | None = Field(None, description="从该工单（查询码）一步转入调解")
    kind: str | None = Field(None, description="individual | collective")
    source: str | None = Field(
        None, description="walk_in | written | court_delegated | court_entrusted"
    )
    application_form: str | None = Field(None, description="written | oral")
    received_on: date | None = None
    requests: str | None = None
    facts: str | None = None
    evidence: str | None = None
    referring_court: str | None = None
    court_case_no: str | None = None
    court_procedure: str | None = Field(None, description="ordinary | summary")
    parties: list[PartyIn] | None = None
    claims: list[ClaimIn] = []


class DisputeListFilter(Schema):
    status: str = ""
    kind: str = ""
    org: str = ""
    overdue: bool = False
    q: str = ""
    received_from: date | None = None
    received_to: date | None = None
    limit: int = Field(20, ge=1, le=200)
    offset: int = Field(0, ge=0, le=MAX_OFFSET)


class DisputeRowOut(Schema):
    id: UUID
    case_no: str
    org: str
    org_name: str
    kind: str
    source: str
    status: str
    status_label: str
    received_on: date
    decision_due_on: date
    mediation_due_on: date
    is_mediation_overdue: bool


class DisputePageOut(Schema):
    count: int
    limit: int
    offset: int
    results: list[DisputeRowOut]


class DisputeTimelineOut(Schema):
    time: datetime
    action: str
    action_label: str
    status: str
    actor: str | None
    agency: str | None
    note: str


class DisputeDetailOut(DisputeRowOut):
    work_order: str | None
    requests: str
    facts: str
    referring_court: str | None
    court_case_no: str
    referral_due_on: date | None
    accepted_on: date | None
    ended_on: date | None
    failure_reason: str
    mediators: list[str]
    parties: list[dict[str, Any]]
    claims: list[dict[str, Any]]
    totals: dict[str, Any]
    agreements: list[dict[str, Any]]
    handovers: list[dict[str, Any]]
    agencies: list[dict[str, Any]]
    separations: list[dict[str, Any]]
    sessions: list[dict[str, Any]]
    allowed_actions: list[str]
    timeline: list[DisputeTimelineOut]


class DisputeTransitionIn(Schema):
    """`action` plus that action's inputs; each action reads only its own (README: 调解案件操作)."""

    action: str
    note: str | None = Field(None, description="说明/理由（不予受理、延期、移除、结案等必填）")
    # accept
    mediators: list[str] | None = Field(None, description="accept：调解员用户名")
    # add_party / change_party / remove_party (party fields as in PartyIn)
    party: int | None = None
    role: str | None = None
    name: str | None = None
    is_representative: bool | None = None
    gender: str | None = None
    birth_year: int | None = None
    occupation: str | None = None
    address: str | None = None
    phone: str | None = None
    id_number: str | None = None
    uscc: str | None = None
    legal_rep_name: str | None = None
    legal_rep_title: str | None = None
    agent_for: int | None = None
    # add_claim / change_claim / remove_claim
    claim: int | None = None
    worker: int | None = Field(None, description="当事人（职工）id")
    type: str | None = None
    description: str | None = None
    amount_claimed: str | None = None
    calculator_inputs: dict[str, Any] | None = None
    place: str | None = None
    # join_agency / agency_sign_off / handover
    agency: str | None = Field(None, description="协作部门代码")
    agency_role: str | None = Field(None, description="join_agency：联合调解等职责")
    # record_session
    held_at: str | None = None
    attendees: str | None = None
    statements: str | None = None
    proposals: str | None = None
    result: str | None = None
    mediator_names: str | None = None
    # extend
    until: str | None = None
    parties_consent: bool | None = None
    # draft_agreement / sign_agreement
    workers: list[int] | None = Field(None, description="职工 id；不填 = 全部")
    amounts: dict[str, str] | None = Field(None, description="{请求 id: 金额}")
    as_claimed: bool | None = None
    facts: str | None = None
    terms: str | None = None
    performance_method: str | None = None
    performance_due_on: str | None = None
    waived_claims: str | None = None
    workers_signed_on: str | None = None
    employer_signed_on: str | None = None
    mediator_signed_on: str | None = None
    sealed_on: str | None = None
    # fail
    reason: str | None = None
    # record_payment
    all: bool | None = None
    amount: str | None = None
    paid_on: str | None = None
    method: str | None = None
    # handover / handover_outcome
    kind: str | None = None
    handed_on: str | None = None
    agreement: int | None = None
    documents: str | None = None
    reference_no: str | None = None
    handover: int | None = None
    outcome: str | None = None
    outcome_on: str | None = None
    # record_separation / separation_notice / separation_corrected
    separation: int | None = None
    recorded_reason: str | None = None
    lawful_reason: str | None = None
    evidence: str | None = None
    hr_bureau: str | None = None
    notice_sent_on: str | None = None
    corrected_on: str | None = None
