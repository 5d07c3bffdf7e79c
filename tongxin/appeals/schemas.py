from datetime import datetime
from decimal import Decimal

from django.utils.translation import gettext as _
from ninja import Field, Schema
from pydantic import BaseModel, field_validator
from pydantic_core import PydanticCustomError

from tongxin.appeals import selectors
from tongxin.appeals.models import WorkOrder
from tongxin.core.validation import MAX_OFFSET


class PublicAppealIn(Schema):
    org: str = Field(..., description="受理组织代码（二维码上的代码）")
    channel: str = Field(
        "app", description="qr | app | transfer | hotline | walk_in | letter | referral"
    )
    description: str
    phone: str
    name: str | None = None
    anonymous: bool = False
    employer_name: str | None = None
    workers_involved: int | None = None
    amount_claimed: Decimal | None = None
    wage_arrears: bool = False


class PublicAppealCreatedOut(Schema):
    tracking_code: str
    received_at: datetime
    due_at: datetime | None


class TimelineEntryOut(Schema):
    time: datetime
    action: str
    action_label: str
    status: str
    status_label: str
    note: str = ""


class PublicAppealOut(Schema):
    tracking_code: str
    status: str
    status_label: str
    received_at: datetime
    due_at: datetime | None
    timeline: list[TimelineEntryOut]
    reply: str | None
    can_rate: bool


class PublicRatingIn(Schema):
    phone_last4: str
    rating: str = Field(..., description="satisfied | basically_satisfied | unsatisfied")
    comment: str | None = None


class WorkOrderListFilter(Schema):
    """Unknown values are refused (422 naming the field); "" means no filter."""

    status: str = Field(selectors.OPEN, description="open（在办，默认）| all | 某一状态")
    category: str = Field("", description="分类代码（一级分类含其下的二级分类）")
    overdue: bool = False
    org: str = ""
    channel: str = Field("", description=" | ".join(WorkOrder.Channel.values))
    q: str = ""
    limit: int = Field(20, ge=1, le=200)
    offset: int = Field(0, ge=0, le=MAX_OFFSET)

    @field_validator("status")
    @classmethod
    def _status_known(cls, value: str) -> str:
        return _one_of(value, [selectors.OPEN, selectors.ALL, *WorkOrder.Status.values])

    @field_validator("channel")
    @classmethod
    def _channel_known(cls, value: str) -> str:
        return _one_of(value, WorkOrder.Channel.values)

    @field_validator("category")
    @classmethod
    def _category_known(cls, value: str) -> str:
        if value and not selectors.category_code_exists(code=value):
            raise PydanticCustomError("invalid_choice", _("没有这个分类代码。"))
        return value


def _one_of(value: str, allowed: list[str]) -> str:
    if value and value not in allowed:
        raise PydanticCustomError(
            "invalid_choice", _("可选：{choices}。"), {"choices": "、".join(allowed)}
        )
    return value


# The queue's shapes are plain pydantic models: the presenters hand over dicts, and
# ninja.Schema's attribute-access wrapper (for model instances) cost ~3 ms per 20-row page.
class WorkOrderRowOut(BaseModel):
    tracking_code: str
    status: str
    status_label: str
    channel: str
    category: str | None
    nature: str
    difficulty: str
    assigned_org: str
    intake_org: str
    received_at: datetime
    accept_due_at: datetime | None
    due_at: datetime | None
    is_overdue: bool
    is_group: bool
    wage_arrears: bool
    emergency: bool
    workers_involved: int
    phone_masked: str
    employer_name: str


class WorkOrderPageOut(BaseModel):
    count: int
    limit: int
    offset: int
    results: list[WorkOrderRowOut]


class WorkOrderDetailOut(WorkOrderRowOut):
    description: str
    requester_name: str
    amount_claimed: Decimal | None
    reply: str
    revisit_result: str
    worker_rating: str
    reopen_count: int
    handler: str | None
    allowed_actions: list[str]
    timeline: list[TimelineEntryOut]


class TransitionIn(Schema):
    action: str
    to_org: str | None = None
    note: str | None = None
    reply: str | None = None
    days: int | None = None
    agency: str | None = None
    result: str | None = None
    duplicate_of: str | None = None
    category: str | None = None
    nature: str | None = None
    difficulty: str | None = None
    is_group: bool | None = None
    wage_arrears: bool | None = None
    emergency: bool | None = None
    solved: bool | None = None
    amount_recovered: Decimal | None = None
    workers_benefited: int | None = None
    suggestion_adopted: str | None = None
