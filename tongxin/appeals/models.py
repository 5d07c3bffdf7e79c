import uuid
from datetime import datetime

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tongxin.core.crypto import EncryptedTextField
from tongxin.core.models import BaseModel, TimelineEvent


class Category(BaseModel):
    """The catalogue: L1 (问题咨询 …) with L2 topics below; data, edited by admins."""

    code = models.CharField(_("代码"), max_length=32, unique=True)
    name = models.CharField(_("名称"), max_length=60)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("上级分类"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    sort_order = models.PositiveSmallIntegerField(_("排序"), default=0)
    is_active = models.BooleanField(_("启用"), default=True)

    class Meta:
        ordering = ["sort_order", "code"]
        verbose_name = _("诉求分类")
        verbose_name_plural = _("诉求分类")

    def __str__(self) -> str:
        return f"{self.parent.name} / {self.name}" if self.parent_id and self.parent else self.name


class Nature(models.TextChoices):
    CONSULT = "consult", _("咨询类")
    REQUEST = "request", _("求决类")
    COMPLAINT = "complaint", _("投诉举报类")
    SUGGESTION = "suggestion", _("意见建议类")
    PRAISE = "praise", _("表扬类")


class Difficulty(models.TextChoices):
    NORMAL = "normal", _("一般")
    HARD = "hard", _("难点")
    COMPLEX = "complex", _("特别复杂")


class DeadlineRule(BaseModel):
    """Time limits in working days for an org's subtree; blank nature/difficulty = any."""

    org = models.ForeignKey(
        "orgs.OrgUnit",
        verbose_name=_("适用组织（含下级）"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="deadline_rules",
    )
    nature = models.CharField(_("性质"), max_length=16, choices=Nature.choices, blank=True)
    difficulty = models.CharField(_("难度"), max_length=16, choices=Difficulty.choices, blank=True)
    accept_working_days = models.PositiveSmallIntegerField(
        _("签收时限（工作日）"), default=1, validators=[MinValueValidator(1)]
    )
    finish_working_days = models.PositiveSmallIntegerField(
        _("办结时限（工作日）"), validators=[MinValueValidator(1), MaxValueValidator(120)]
    )
    urgent_accept_hours = models.PositiveSmallIntegerField(
        _("群体欠薪签收时限（小时）"), default=1, validators=[MinValueValidator(1)]
    )
    effective_from = models.DateField(_("生效日期"))
    effective_to = models.DateField(_("失效日期"), null=True, blank=True)
    note = models.CharField(_("依据"), max_length=200, blank=True)

    class Meta:
        ordering = ["org__path", "nature", "difficulty", "-effective_from"]
        verbose_name = _("办理时限规则")
        verbose_name_plural = _("办理时限规则")

    def __str__(self) -> str:
        return f"{self.org or '全部'} {self.get_nature_display() or '任意'}/{self.get_difficulty_display() or '任意'}: {self.finish_working_days} 工作日"


# Foreign keys that are empty when an order comes in: partial indexes (WHERE … IS NOT NULL)
# still serve lookups and deletes, and an intake does not write them.
_MOSTLY_NULL_FKS = (
    "dispatched_by_org",
    "handler",
    "category",
    "replied_by",
    "duplicate_of",
    "transferred_agency",
)

# The columns insights.indicators counts (kept here: Meta cannot see the insights app).
INDICATOR_COLUMNS = [
    "id",
    "status",
    "nature",
    "dispatched_at",
    "accept_due_at",
    "accepted_at",
    "due_at",
    "replied_at",
    "revisit_result",
    "solved",
    "suggestion_adopted",
]

# Statuses of the open queue (WorkOrder.OPEN_STATUSES; Meta cannot see class attributes).
QUEUE_STATUSES = [
    "new",
    "dispatched",
    "returned",
    "accepted",
    "in_progress",
    "extension_requested",
    "transferred_external",
    "reopened",
]


class WorkOrder(BaseModel):
    """A worker's appeal and the order that carries it to a rated close."""

    class Channel(models.TextChoices):
        HOTLINE = "hotline", _("12351 热线")
        QR = "qr", _("码上办（扫码）")
        WALK_IN = "walk_in", _("窗口来访")
        TRANSFER = "transfer", _("12345 等平台转办")
        APP = "app", _("职工之家/小程序")
        LETTER = "letter", _("来信")
        REFERRAL = "referral", _("劳动关系信息员转报")

    class Status(models.TextChoices):
        NEW = "new", _("待派单")
        ANSWERED_DIRECTLY = "answered_directly", _("即时办结")
        DISPATCHED = "dispatched", _("待签收")
        RETURNED = "returned", _("已退回")
        ACCEPTED = "accepted", _("已签收")
        IN_PROGRESS = "in_progress", _("办理中")
        EXTENSION_REQUESTED = "extension_requested", _("延期审批中")
        TRANSFERRED_EXTERNAL = "transferred_external", _("已转协作部门")
        REPLIED = "replied", _("已反馈")
        REVISITED = "revisited", _("已回访")
        REOPENED = "reopened", _("重办")
        CLOSED = "closed", _("已办结")
        MERGED = "merged", _("已合并")
        INVALID = "invalid", _("无效")

    class Satisfaction(models.TextChoices):
        SATISFIED = "satisfied", _("满意")
        BASICALLY_SATISFIED = "basically_satisfied", _("基本满意")
        UNSATISFIED = "unsatisfied", _("不满意")
        UNREACHABLE = "unreachable", _("未接通")

    class Adoption(models.TextChoices):
        ADOPTED = "adopted", _("采纳")
        PARTLY = "partly", _("部分采纳")
        NOT_ADOPTED = "not_adopted", _("未采纳")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    # Uniqueness of these two lives in Meta.constraints: a unique=True CharField also gets a
    # second, varchar_pattern_ops index on PostgreSQL that nothing here queries.
    tracking_code = models.CharField(_("查询码"), max_length=12)
    # NULL, not "", when there is no key: NULLs never collide in the unique constraint.
    idempotency_key = models.CharField(max_length=80, null=True, blank=True)  # noqa: DJ001
    channel = models.CharField(_("渠道"), max_length=16, choices=Channel.choices)
    status = models.CharField(_("状态"), max_length=24, choices=Status.choices, default=Status.NEW)
    # Every index is written on each intake, so the foreign keys get no index of their own:
    # these two lead the composite indexes in Meta, the nullable ones have partial indexes there.
    intake_org = models.ForeignKey(
        "orgs.OrgUnit",
        verbose_name=_("受理组织"),
        on_delete=models.PROTECT,
        related_name="+",
        db_index=False,
    )
    assigned_org = models.ForeignKey(
        "orgs.OrgUnit",
        verbose_name=_("承办组织"),
        on_delete=models.PROTECT,
        related_name="+",
        db_index=False,
    )
    dispatched_by_org = models.ForeignKey(
        "orgs.OrgUnit",
        verbose_name=_("派单组织"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        db_index=False,
    )
    handler = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("承办人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        db_index=False,
    )
    category = models.ForeignKey(
        Category,
        verbose_name=_("分类"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        db_index=False,
    )
    nature = models.CharField(
        _("性质"), max_length=16, choices=Nature.choices, default=Nature.REQUEST
    )
    difficulty = models.CharField(
        _("难度"), max_length=16, choices=Difficulty.choices, default=Difficulty.NORMAL
    )
    is_group = models.BooleanField(_("群体（10人及以上）"), default=False)
    wage_arrears = models.BooleanField(_("欠薪"), default=False)
    emergency = models.BooleanField(_("紧急"), default=False)

    description = models.TextField(_("诉求内容"))
    requester_name = models.CharField(_("姓名"), max_length=40, blank=True)
    anonymous = models.BooleanField(_("匿名"), default=False)
    phone = EncryptedTextField(_("联系电话"))
    phone_hash = models.CharField(max_length=64, editable=False)  # indexed in Meta
    phone_last4 = models.CharField(max_length=4, editable=False)
    employer_name = models.CharField(_("用人单位"), max_length=120, blank=True)
    workers_involved = models.PositiveIntegerField(
        _("涉及人数"), default=1, validators=[MinValueValidator(1)]
    )
    amount_claimed = models.DecimalField(
        _("涉及金额（元）"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )

    received_at = models.DateTimeField(_("受理时间"), default=timezone.now)
    dispatched_at = models.DateTimeField(_("首次派单时间"), null=True, blank=True)
    accept_due_at = models.DateTimeField(_("签收时限"), null=True, blank=True)
    accepted_at = models.DateTimeField(_("签收时间"), null=True, blank=True)
    due_at = models.DateTimeField(_("办结时限"), null=True, blank=True)
    replied_at = models.DateTimeField(_("反馈时间"), null=True, blank=True)
    revisited_at = models.DateTimeField(_("回访时间"), null=True, blank=True)
    closed_at = models.DateTimeField(_("结案时间"), null=True, blank=True)

    reply = models.TextField(_("答复内容"), blank=True)
    replied_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("答复人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        db_index=False,
    )
    solved = models.BooleanField(_("已解决"), null=True, blank=True)
    amount_recovered = models.DecimalField(
        _("追回金额（元）"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    workers_benefited = models.PositiveIntegerField(_("受益人数"), null=True, blank=True)
    suggestion_adopted = models.CharField(
        _("建议采纳"), max_length=16, blank=True, choices=Adoption.choices
    )
    revisit_result = models.CharField(
        _("回访结果"), max_length=24, blank=True, choices=Satisfaction.choices
    )
    worker_rating = models.CharField(
        _("职工评价"), max_length=24, blank=True, choices=Satisfaction.choices[:3]
    )
    worker_comment = models.TextField(_("职工评价意见"), blank=True)
    reopen_count = models.PositiveSmallIntegerField(_("重办次数"), default=0)
    supervised = models.BooleanField(_("已督办"), default=False)
    duplicate_of = models.ForeignKey(
        "self",
        verbose_name=_("合并到"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="duplicates",
        db_index=False,
    )
    transferred_agency = models.ForeignKey(
        "orgs.PartnerAgency",
        verbose_name=_("协作部门"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        db_index=False,
    )
    pending_extension_days = models.PositiveSmallIntegerField(
        _("申请延期（工作日）"), null=True, blank=True
    )

    OPEN_STATUSES = (
        Status.DISPATCHED,
        Status.ACCEPTED,
        Status.IN_PROGRESS,
        Status.EXTENSION_REQUESTED,
        Status.TRANSFERRED_EXTERNAL,
        Status.REOPENED,
        Status.RETURNED,
        Status.NEW,
    )
    # Statuses in which the handling deadline runs (overdue is computed over these).
    RUNNING_STATUSES = (
        Status.DISPATCHED,
        Status.ACCEPTED,
        Status.IN_PROGRESS,
        Status.EXTENSION_REQUESTED,
        Status.TRANSFERRED_EXTERNAL,
        Status.REOPENED,
    )

    class Meta:
        ordering = ["due_at", "received_at"]
        indexes = [
            models.Index(fields=["assigned_org", "status", "due_at"], name="wo_queue_idx"),
            # The queue (open orders by deadline) without touching the table: a page of ids
            # comes from this index alone, then the 20 rows by primary key.
            models.Index(
                fields=["assigned_org", "due_at", "received_at"],
                include=["intake_org", "id"],
                condition=models.Q(status__in=QUEUE_STATUSES),
                name="wo_open_queue_idx",
            ),
            models.Index(fields=["intake_org", "received_at"], name="wo_intake_idx"),
            models.Index(fields=["received_at"], name="wo_received_idx"),
            # The indicators read a subtree's orders over a period: with every column they
            # count in the index, PostgreSQL reads a few hundred index pages instead of one
            # heap page per order (a county-year is ~12,000 pages scattered over the table).
            models.Index(
                fields=["assigned_org", "received_at"],
                include=INDICATOR_COLUMNS,
                name="wo_indicators_idx",
            ),
            models.Index(fields=["phone_hash"], name="wo_phone_idx"),
            *(
                models.Index(
                    fields=[fk], condition=models.Q(**{f"{fk}__isnull": False}), name=f"wo_{fk}_idx"
                )
                for fk in _MOSTLY_NULL_FKS
            ),
        ]
        constraints = [
            models.UniqueConstraint(fields=["tracking_code"], name="wo_tracking_code_uniq"),
            models.UniqueConstraint(
                fields=["idempotency_key"],
                condition=models.Q(idempotency_key__isnull=False),
                name="wo_idempotency_key_uniq",
            ),
            models.CheckConstraint(
                condition=models.Q(workers_involved__gte=1), name="wo_workers_involved_positive"
            ),
        ]
        verbose_name = _("工单")
        verbose_name_plural = _("工单")

    def __str__(self) -> str:
        return self.tracking_code

    @property
    def is_overdue(self) -> bool:
        return WorkOrder.overdue(status=self.status, due_at=self.due_at)

    @staticmethod
    def overdue(*, status: str, due_at: datetime | None) -> bool:
        """Past the handling deadline while it runs (also for rows read as plain values)."""
        return (
            status in WorkOrder.RUNNING_STATUSES and due_at is not None and due_at < timezone.now()
        )

    @property
    def is_accept_overdue(self) -> bool:
        return (
            self.status == self.Status.DISPATCHED
            and self.accept_due_at is not None
            and self.accept_due_at < timezone.now()
        )


class WorkOrderEvent(TimelineEvent):
    """One row of an order's timeline: who did what, when, and why. Append-only."""

    class Action(models.TextChoices):
        SUBMITTED = "submitted", _("受理登记")
        CLASSIFIED = "classify", _("分类")
        DISPATCHED = "dispatch", _("派单")
        ANSWERED = "answer_directly", _("即时答复")
        ACCEPTED = "accept", _("签收")
        RETURNED = "return", _("退回")
        STARTED = "start", _("开始办理")
        EXTENSION_REQUESTED = "request_extension", _("申请延期")
        EXTENSION_APPROVED = "approve_extension", _("批准延期")
        EXTENSION_REJECTED = "reject_extension", _("驳回延期")
        TRANSFERRED = "transfer_external", _("转协作部门")
        AGENCY_FEEDBACK = "agency_feedback", _("协作部门反馈")
        REPLIED = "reply", _("办结反馈")
        REVISITED = "revisit", _("回访")
        RATED = "rate", _("职工评价")
        REOPENED = "reopen", _("重办")
        CLOSED = "close", _("结案")
        MERGED = "merge", _("合并")
        INVALIDATED = "invalidate", _("作废")
        URGED = "urge", _("催办")
        SUPERVISED = "supervise", _("督办")
        MEDIATION = "mediation", _("转入调解")

    work_order = models.ForeignKey(WorkOrder, on_delete=models.CASCADE, related_name="events")
    action = models.CharField(_("操作"), max_length=24, choices=Action.choices)
    from_status = models.CharField(max_length=24, blank=True, choices=WorkOrder.Status.choices)
    to_status = models.CharField(max_length=24, blank=True, choices=WorkOrder.Status.choices)
    org = models.ForeignKey(
        "orgs.OrgUnit",
        verbose_name=_("组织"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta(TimelineEvent.Meta):
        verbose_name = _("工单记录")
        verbose_name_plural = _("工单记录")

    def __str__(self) -> str:
        return f"{self.work_order_id} {self.action}"


class Attachment(BaseModel):
    work_order = models.ForeignKey(WorkOrder, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(upload_to="appeals/%Y/%m/")
    original_name = models.CharField(max_length=200)
    content_type = models.CharField(max_length=60)
    size = models.PositiveIntegerField()

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("附件")
        verbose_name_plural = _("附件")

    def __str__(self) -> str:
        return self.original_name
