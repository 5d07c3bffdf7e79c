from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from tongxin.core.crypto import EncryptedTextField
from tongxin.core.models import BaseModel
from tongxin.disputes.models.case import MediationCase


class Party(BaseModel):
    """A party to a case. Every worker is a party, even when representatives act for them."""

    class Role(models.TextChoices):
        WORKER = "worker", _("职工（申请人）")
        EMPLOYER = "employer", _("用人单位（被申请人）")
        AGENT = "agent", _("委托代理人")

    class Gender(models.TextChoices):
        MALE = "M", _("男")
        FEMALE = "F", _("女")

    case = models.ForeignKey(MediationCase, on_delete=models.CASCADE, related_name="parties")
    role = models.CharField(_("身份"), max_length=12, choices=Role.choices)
    name = models.CharField(_("姓名/名称"), max_length=120)
    is_representative = models.BooleanField(_("推举代表"), default=False)
    gender = models.CharField(_("性别"), max_length=1, blank=True, choices=Gender.choices)
    birth_year = models.PositiveSmallIntegerField(_("出生年份"), null=True, blank=True)
    occupation = models.CharField(_("职业/岗位"), max_length=60, blank=True)
    address = models.CharField(_("住所/地址"), max_length=200, blank=True)
    phone = EncryptedTextField(_("联系电话"), blank=True)
    id_number = EncryptedTextField(_("身份证号码"), blank=True)
    id_number_hash = models.CharField(max_length=64, blank=True, db_index=True, editable=False)
    # Employer only.
    uscc = models.CharField(_("统一社会信用代码"), max_length=18, blank=True)
    legal_rep_name = models.CharField(_("法定代表人"), max_length=40, blank=True)
    legal_rep_title = models.CharField(_("法定代表人职务"), max_length=40, blank=True)
    # Agent only.
    agent_for = models.ForeignKey(
        "self",
        verbose_name=_("被代理人"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="agents",
    )

    class Meta:
        ordering = ["role", "-is_representative", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(is_representative=False) | models.Q(role="worker"),
                name="party_only_workers_represent",
            ),
            models.CheckConstraint(
                condition=models.Q(agent_for__isnull=True) | models.Q(role="agent"),
                name="party_only_agents_act_for",
            ),
        ]
        verbose_name = _("当事人")
        verbose_name_plural = _("当事人")

    def __str__(self) -> str:
        return self.name


class ClaimType(models.TextChoices):
    """The claim catalogue; claim_types.py maps each to its calculator and statute."""

    WAGES = "wages", _("拖欠工资")
    OVERTIME = "overtime", _("加班费")
    DOUBLE_WAGE = "double_wage", _("未签劳动合同二倍工资")
    SEVERANCE = "severance", _("经济补偿金")
    DAMAGES = "damages", _("违法解除劳动合同赔偿金")
    NOTICE_PAY = "notice_pay", _("代通知金（额外一个月工资）")
    ANNUAL_LEAVE = "annual_leave", _("未休年休假工资")
    ARREARS_PENALTY = "arrears_penalty", _("拖欠工资加付赔偿金")
    WORK_INJURY = "work_injury", _("工伤待遇")
    WORK_DEATH = "work_death", _("工亡待遇")
    BONUS = "bonus", _("奖金/提成")
    DEPOSIT_REFUND = "deposit_refund", _("退还押金/财物")
    SOCIAL_INSURANCE = "social_insurance", _("补缴社会保险")
    CONFIRM_RELATION = "confirm_relation", _("确认劳动关系")
    SEPARATION_RECORD = "separation_record", _("更正离职原因/出具解除证明")
    OTHER = "other", _("其他")


class Claim(BaseModel):
    """One worker's claim, with what was claimed, agreed and (through payments) paid."""

    class Outcome(models.TextChoices):
        PENDING = "pending", _("待调解")
        AGREED = "agreed", _("调解达成")
        HANDED_OVER = "handed_over", _("已移交")
        SETTLED_ELSEWHERE = "settled_elsewhere", _("仲裁/诉讼中达成")
        WITHDRAWN = "withdrawn", _("撤回")

    case = models.ForeignKey(MediationCase, on_delete=models.CASCADE, related_name="claims")
    worker = models.ForeignKey(Party, on_delete=models.CASCADE, related_name="claims")
    type = models.CharField(_("请求类型"), max_length=20, choices=ClaimType.choices)
    description = models.CharField(_("说明"), max_length=300, blank=True)
    amount_claimed = models.DecimalField(
        _("请求金额（元）"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    amount_agreed = models.DecimalField(
        _("达成金额（元）"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    outcome = models.CharField(
        _("处理结果"), max_length=20, choices=Outcome.choices, default=Outcome.PENDING
    )
    agreement = models.ForeignKey(
        "disputes.Agreement",
        verbose_name=_("调解协议"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="claims",
    )
    handover = models.ForeignKey(
        "disputes.Handover",
        verbose_name=_("移交"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="claims",
    )
    # The labour-law calculator's inputs and full breakdown, kept as computed.
    calculation = models.JSONField(_("计算依据"), null=True, blank=True, encoder=DjangoJSONEncoder)

    class Meta:
        ordering = ["worker_id", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(amount_claimed__isnull=True) | models.Q(amount_claimed__gte=0),
                name="claim_amount_claimed_not_negative",
            ),
            models.CheckConstraint(
                condition=models.Q(amount_agreed__isnull=True) | models.Q(amount_agreed__gte=0),
                name="claim_amount_agreed_not_negative",
            ),
        ]
        verbose_name = _("请求事项")
        verbose_name_plural = _("请求事项")

    def __str__(self) -> str:
        return f"{self.worker_id} {self.type}"


class Payment(BaseModel):
    """Money actually paid against an agreed claim: the 'amount recovered' is their sum."""

    class Method(models.TextChoices):
        CASH = "cash", _("现金")
        BANK_TRANSFER = "bank_transfer", _("银行转账")
        OTHER = "other", _("其他")

    claim = models.ForeignKey(Claim, on_delete=models.PROTECT, related_name="payments")
    amount = models.DecimalField(_("金额（元）"), max_digits=12, decimal_places=2)
    paid_on = models.DateField(_("支付日期"))
    method = models.CharField(_("方式"), max_length=16, choices=Method.choices)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["paid_on", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(amount__gt=0), name="payment_amount_positive"
            ),
        ]
        verbose_name = _("履行款项")
        verbose_name_plural = _("履行款项")

    def __str__(self) -> str:
        return f"{self.claim_id} {self.amount}"
