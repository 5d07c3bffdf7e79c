from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tongxin.core.models import BaseModel
from tongxin.disputes.models.case import MediationCase
from tongxin.disputes.models.parties import Party


class MediationSession(BaseModel):
    """调解笔录: one sitting of the mediation, as recorded (人民调解法 art. 27)."""

    case = models.ForeignKey(MediationCase, on_delete=models.CASCADE, related_name="sessions")
    number = models.PositiveSmallIntegerField(_("次序"))
    held_at = models.DateTimeField(_("时间"))
    place = models.CharField(_("地点"), max_length=120)
    mediators = models.CharField(_("调解员"), max_length=200)
    attendees = models.TextField(_("参加人员"))
    statements = models.TextField(_("当事人陈述"))
    proposals = models.TextField(_("调解意见/方案"), blank=True)
    result = models.TextField(_("调解情况"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("记录人"),
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(fields=["case", "number"], name="session_unique_number")
        ]
        verbose_name = _("调解笔录")
        verbose_name_plural = _("调解笔录")

    def __str__(self) -> str:
        return f"{self.case_id} #{self.number}"


class Agreement(BaseModel):
    """调解协议书 for some or all of the workers. Effective only when both parties have signed
    or sealed, the mediator has signed and the mediation body has sealed (LDMAL art. 14)."""

    case = models.ForeignKey(MediationCase, on_delete=models.CASCADE, related_name="agreements")
    number = models.PositiveSmallIntegerField(_("次序"))
    workers = models.ManyToManyField(Party, verbose_name=_("适用职工"), related_name="agreements")
    facts = models.TextField(_("主要事实、争议事项与责任"))
    terms = models.TextField(_("协议内容"))
    performance_method = models.CharField(_("履行方式"), max_length=200)
    performance_due_on = models.DateField(_("履行期限"))
    waived_claims = models.TextField(_("放弃的请求"), blank=True)
    drafted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    workers_signed_on = models.DateField(_("职工方签名日期"), null=True, blank=True)
    employer_signed_on = models.DateField(_("用人单位签章日期"), null=True, blank=True)
    mediator_signed_on = models.DateField(_("调解员签名日期"), null=True, blank=True)
    sealed_on = models.DateField(_("调解组织盖章日期"), null=True, blank=True)
    effective_on = models.DateField(_("生效日期"), null=True, blank=True)

    class Meta:
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(fields=["case", "number"], name="agreement_unique_number")
        ]
        verbose_name = _("调解协议")
        verbose_name_plural = _("调解协议")

    def __str__(self) -> str:
        return f"{self.case_id} #{self.number}"


class Handover(BaseModel):
    """A typed handover to another body: arbitration, a court's 支付令 or 司法确认, …"""

    class Kind(models.TextChoices):
        ARBITRATION = "arbitration", _("申请劳动仲裁")
        PAYMENT_ORDER = "payment_order", _("向法院申请支付令")
        JUDICIAL_CONFIRMATION = "judicial_confirmation", _("申请司法确认")
        ENFORCEMENT = "enforcement", _("申请强制执行")
        LABOUR_INSPECTION = "labour_inspection", _("劳动保障监察投诉")
        COURT_RETURN = "court_return", _("退回委派/委托法院")

    class Outcome(models.TextChoices):
        PENDING = "pending", _("处理中")
        SETTLED = "settled", _("调解结案")
        AWARDED = "awarded", _("裁决/判决")
        CONFIRMED = "confirmed", _("确认有效")
        NOT_CONFIRMED = "not_confirmed", _("不予确认")
        REJECTED = "rejected", _("不予受理/驳回")
        WITHDRAWN = "withdrawn", _("撤回")

    case = models.ForeignKey(MediationCase, on_delete=models.CASCADE, related_name="handovers")
    kind = models.CharField(_("移交类型"), max_length=24, choices=Kind.choices)
    agency = models.ForeignKey(
        "orgs.PartnerAgency", verbose_name=_("接收部门"), on_delete=models.PROTECT, related_name="+"
    )
    legal_basis = models.CharField(_("法律依据"), max_length=200)
    handed_on = models.DateField(_("移交日期"))
    due_on = models.DateField(_("法定期限"), null=True, blank=True)
    workers = models.ManyToManyField(Party, verbose_name=_("涉及职工"), related_name="handovers")
    agreement = models.ForeignKey(
        Agreement,
        verbose_name=_("调解协议"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="handovers",
    )
    documents = models.TextField(_("移交材料"), blank=True)
    reference_no = models.CharField(_("接收方案号"), max_length=60, blank=True)
    outcome = models.CharField(
        _("结果"), max_length=16, choices=Outcome.choices, default=Outcome.PENDING
    )
    outcome_on = models.DateField(_("结果日期"), null=True, blank=True)
    outcome_note = models.TextField(_("结果说明"), blank=True)

    class Meta:
        ordering = ["handed_on", "id"]
        verbose_name = _("移交")
        verbose_name_plural = _("移交")

    def __str__(self) -> str:
        return f"{self.case_id} {self.kind}"


class SeparationCorrection(BaseModel):
    """An employer's wrong separation reason (e.g. 自动离职) recorded with the lawful one, the
    evidence and the notice to the HR bureau, so the workers can claim unemployment insurance
    (社会保险法 art. 45: only 非因本人意愿中断就业 qualifies)."""

    class Reason(models.TextChoices):
        ABSCONDED = "absconded", _("自动离职")
        RESIGNED = "resigned", _("个人辞职")
        DISMISSED_FOR_CAUSE = "dismissed_for_cause", _("过失性辞退（劳动合同法第三十九条）")
        WORKER_ART38 = "worker_art38", _("劳动者因用人单位过错解除（劳动合同法第三十八条）")
        EMPLOYER_ART40_41 = "employer_art40_41", _("用人单位解除（劳动合同法第四十、四十一条）")
        MUTUAL_EMPLOYER = "mutual_employer", _("用人单位提出、协商一致解除（第三十六条）")
        CONTRACT_EXPIRED = "contract_expired", _("劳动合同期满终止（第四十四条）")
        EMPLOYER_CLOSED = "employer_closed", _("用人单位被吊销、关闭或解散（第四十四条）")

    class Status(models.TextChoices):
        RECORDED = "recorded", _("已登记")
        NOTICE_SENT = "notice_sent", _("已函告人社部门")
        CORRECTED = "corrected", _("已更正")

    case = models.ForeignKey(MediationCase, on_delete=models.CASCADE, related_name="separations")
    workers = models.ManyToManyField(Party, verbose_name=_("涉及职工"), related_name="+")
    recorded_reason = models.CharField(_("单位登记的原因"), max_length=24, choices=Reason.choices)
    lawful_reason = models.CharField(_("依法应登记的原因"), max_length=24, choices=Reason.choices)
    evidence = models.TextField(_("证据"))
    hr_bureau = models.ForeignKey(
        "orgs.PartnerAgency",
        verbose_name=_("人社部门"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    status = models.CharField(
        _("状态"), max_length=12, choices=Status.choices, default=Status.RECORDED
    )
    notice_sent_on = models.DateField(_("函告日期"), null=True, blank=True)
    corrected_on = models.DateField(_("更正日期"), null=True, blank=True)

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("离职原因更正")
        verbose_name_plural = _("离职原因更正")

    def __str__(self) -> str:
        return f"{self.case_id} {self.recorded_reason}→{self.lawful_reason}"
