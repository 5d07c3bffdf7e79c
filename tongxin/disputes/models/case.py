import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from tongxin.core.models import BaseModel, TimelineEvent


class MediationCase(BaseModel):
    """One labour dispute brought to a union mediation body, from application to money paid."""

    class Kind(models.TextChoices):
        INDIVIDUAL = "individual", _("个人争议")
        COLLECTIVE = "collective", _("集体争议（10人及以上）")

    class Source(models.TextChoices):
        WORK_ORDER = "work_order", _("职工诉求转调解")
        WALK_IN = "walk_in", _("来访申请")
        WRITTEN = "written", _("书面申请")
        COURT_DELEGATED = "court_delegated", _("法院委派调解（立案前）")
        COURT_ENTRUSTED = "court_entrusted", _("法院委托调解（立案后）")

    class ApplicationForm(models.TextChoices):
        WRITTEN = "written", _("书面申请")
        ORAL = "oral", _("口头申请（当场记录）")

    class CourtProcedure(models.TextChoices):
        ORDINARY = "ordinary", _("普通程序")
        SUMMARY = "summary", _("简易程序")

    class Status(models.TextChoices):
        APPLIED = "applied", _("已申请")
        ACCEPTED = "accepted", _("已受理")
        REFUSED = "refused", _("不予受理")
        IN_MEDIATION = "in_mediation", _("调解中")
        AGREEMENT_EFFECTIVE = "agreement_effective", _("协议已生效")
        FAILED = "failed", _("调解不成")
        PERFORMING = "performing", _("履行中")
        PERFORMED = "performed", _("已履行")
        NOT_PERFORMED = "not_performed", _("未履行")
        HANDED_OVER = "handed_over", _("已移交")
        CLOSED = "closed", _("已结案")

    class FailureReason(models.TextChoices):
        NO_AGREEMENT_IN_TIME = "no_agreement_in_time", _("申请之日起15日内未达成协议")
        NO_AGREEMENT = "no_agreement", _("经调解未能达成协议")
        RESPONDENT_REFUSED = "respondent_refused", _("被申请人拒绝调解")
        APPLICANT_WITHDREW = "applicant_withdrew", _("申请人撤回申请")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    case_no = models.CharField(_("案号"), max_length=40, unique=True)
    org = models.ForeignKey(
        "orgs.OrgUnit", verbose_name=_("调解组织"), on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField(_("类型"), max_length=16, choices=Kind.choices)
    source = models.CharField(_("来源"), max_length=20, choices=Source.choices)
    application_form = models.CharField(
        _("申请方式"), max_length=8, choices=ApplicationForm.choices
    )
    status = models.CharField(
        _("状态"), max_length=24, choices=Status.choices, default=Status.APPLIED
    )
    work_order = models.OneToOneField(
        "appeals.WorkOrder",
        verbose_name=_("来源工单"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="mediation_case",
    )
    referring_court = models.ForeignKey(
        "orgs.PartnerAgency",
        verbose_name=_("委派/委托法院"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    court_case_no = models.CharField(_("法院案号"), max_length=60, blank=True)
    court_procedure = models.CharField(
        _("审理程序"), max_length=8, blank=True, choices=CourtProcedure.choices
    )

    requests = models.TextField(_("请求事项"))
    facts = models.TextField(_("事实与理由"))
    evidence = models.TextField(_("证据清单"), blank=True)

    received_on = models.DateField(_("收到申请日期"))
    decision_due_on = models.DateField(_("受理决定期限"))
    mediation_due_on = models.DateField(_("调解期限"))
    referral_due_on = models.DateField(_("委派/委托调解期限"), null=True, blank=True)
    accepted_on = models.DateField(_("受理日期"), null=True, blank=True)
    refusal_reason = models.TextField(_("不予受理理由"), blank=True)
    extension_reason = models.TextField(_("延长调解理由"), blank=True)
    failure_reason = models.CharField(
        _("调解不成原因"), max_length=24, blank=True, choices=FailureReason.choices
    )
    ended_on = models.DateField(_("调解终结日期"), null=True, blank=True)
    closed_at = models.DateTimeField(_("结案时间"), null=True, blank=True)
    mediators = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("调解员"), blank=True, related_name="+"
    )

    # Statuses in which the 15-day mediation period (LDMAL art. 14) still runs.
    MEDIATING_STATUSES = (Status.ACCEPTED, Status.IN_MEDIATION)
    OPEN_STATUSES = (
        Status.APPLIED,
        Status.ACCEPTED,
        Status.IN_MEDIATION,
        Status.AGREEMENT_EFFECTIVE,
        Status.PERFORMING,
        Status.NOT_PERFORMED,
        Status.FAILED,
        Status.HANDED_OVER,
    )
    # Statuses after which parties, claims and agreements no longer change.
    FINAL_STATUSES = (Status.REFUSED, Status.PERFORMED, Status.CLOSED)

    class Meta:
        ordering = ["-received_on", "-created_at"]
        indexes = [
            models.Index(fields=["org", "status"], name="mc_org_status_idx"),
            models.Index(fields=["received_on"], name="mc_received_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(mediation_due_on__gte=models.F("received_on")),
                name="mc_mediation_due_after_receipt",
            ),
        ]
        verbose_name = _("调解案件")
        verbose_name_plural = _("调解案件")

    def __str__(self) -> str:
        return self.case_no

    @property
    def is_decision_overdue(self) -> bool:
        return self.status == self.Status.APPLIED and self.decision_due_on < timezone.localdate()

    @property
    def is_mediation_overdue(self) -> bool:
        """Day 15 (or the agreed extension) has passed without agreement: the parties may go
        to arbitration and the mediator should end the mediation (LDMAL art. 14)."""
        return (
            self.status in self.MEDIATING_STATUSES and self.mediation_due_on < timezone.localdate()
        )


class CaseAgency(BaseModel):
    """A partner agency taking part in a joint mediation (连众调), with its role and sign-off."""

    class Role(models.TextChoices):
        JOINT_MEDIATOR = "joint_mediator", _("联合调解")
        ARBITRATION_LINK = "arbitration_link", _("裁调对接")
        COURT_LINK = "court_link", _("诉调对接/司法确认")
        LABOUR_INSPECTION = "labour_inspection", _("劳动保障监察")
        SOCIAL_INSURANCE = "social_insurance", _("社保与失业登记")
        LEGAL_AID = "legal_aid", _("法律援助")

    case = models.ForeignKey(MediationCase, on_delete=models.CASCADE, related_name="agencies")
    agency = models.ForeignKey(
        "orgs.PartnerAgency", verbose_name=_("协作部门"), on_delete=models.PROTECT, related_name="+"
    )
    role = models.CharField(_("职责"), max_length=24, choices=Role.choices)
    joined_on = models.DateField(_("参与日期"))
    signed_off_at = models.DateTimeField(_("会签时间"), null=True, blank=True)
    signed_off_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("会签人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    sign_off_note = models.TextField(_("会签意见"), blank=True)

    class Meta:
        ordering = ["joined_on", "id"]
        constraints = [models.UniqueConstraint(fields=["case", "agency"], name="caseagency_unique")]
        verbose_name = _("参与部门")
        verbose_name_plural = _("参与部门")

    def __str__(self) -> str:
        return f"{self.case_id} {self.agency_id} {self.role}"


class DisputeEvent(TimelineEvent):
    """One row of a case's timeline: who did what, when, and why. Append-only."""

    class Action(models.TextChoices):
        OPENED = "open", _("登记申请")
        ACCEPTED = "accept", pgettext_lazy("mediation action", "受理")
        REFUSED = "refuse", _("不予受理")
        PARTY_ADDED = "add_party", _("添加当事人")
        PARTY_CHANGED = "change_party", _("修改当事人")
        PARTY_REMOVED = "remove_party", _("移除当事人")
        CLAIM_ADDED = "add_claim", _("添加请求")
        CLAIM_CHANGED = "change_claim", _("修改请求")
        CLAIM_REMOVED = "remove_claim", _("移除请求")
        AGENCY_JOINED = "join_agency", _("邀请部门参与")
        AGENCY_SIGNED_OFF = "agency_sign_off", _("部门会签")
        SESSION_RECORDED = "record_session", _("调解记录")
        EXTENDED = "extend", _("延长调解期限")
        AGREEMENT_DRAFTED = "draft_agreement", _("拟定调解协议")
        AGREEMENT_SIGNED = "sign_agreement", _("协议签署生效")
        FAILED = "fail", _("终止调解")
        PAYMENT_RECORDED = "record_payment", _("登记履行款项")
        NOT_PERFORMED = "mark_not_performed", _("登记未履行")
        HANDED_OVER = "handover", _("移交")
        HANDOVER_OUTCOME = "handover_outcome", _("登记移交结果")
        SEPARATION_RECORDED = "record_separation", _("登记离职原因更正")
        SEPARATION_NOTICE_SENT = "separation_notice", _("函告人社部门")
        SEPARATION_CORRECTED = "separation_corrected", _("离职原因已更正")
        CLOSED = "close", _("结案")

    case = models.ForeignKey(MediationCase, on_delete=models.CASCADE, related_name="events")
    agency = models.ForeignKey(
        "orgs.PartnerAgency",
        verbose_name=_("代表部门"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    action = models.CharField(_("操作"), max_length=24, choices=Action.choices)
    from_status = models.CharField(max_length=24, blank=True, choices=MediationCase.Status.choices)
    to_status = models.CharField(max_length=24, blank=True, choices=MediationCase.Status.choices)

    class Meta(TimelineEvent.Meta):
        verbose_name = _("案件记录")
        verbose_name_plural = _("案件记录")

    def __str__(self) -> str:
        return f"{self.case_id} {self.action}"
