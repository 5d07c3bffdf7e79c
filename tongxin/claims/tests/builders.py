"""Past cases (answered work orders) built through the real appeals services."""

from typing import Any

from django.contrib.auth.models import User

from claimtext import ClaimModel, ModelConfig, train
from tongxin.appeals import services
from tongxin.appeals.models import WorkOrder
from tongxin.appeals.tests.factories import submit
from tongxin.orgs.models import OrgUnit

SAMPLES: list[dict[str, Any]] = [
    {"text": "公司拖欠我三个月工资，一直不发。", "labels": ["支付工资", "未支付足额劳动报酬"]},
    {"text": "老板拖欠工资半年了。", "labels": ["支付工资", "未支付足额劳动报酬"]},
    {"text": "请求支付拖欠的工资八千元。", "labels": ["支付工资"]},
    {"text": "要求公司结清工资。", "labels": ["支付工资"]},
    {"text": "公司一直没有和我签订劳动合同。", "labels": ["未签订劳动合同"]},
    {"text": "入职两年未签书面劳动合同。", "labels": ["未签订劳动合同"]},
    {"text": "单位没有跟我签劳动合同。", "labels": ["未签订劳动合同"]},
    {"text": "我想咨询一下社保怎么转移。", "labels": []},
    {"text": "请问工会活动什么时候开始。", "labels": []},
    {"text": "食堂的饭菜不好吃。", "labels": []},
]


def tiny_model(path: Any) -> ClaimModel:
    """A small trained model saved at ``path`` (no inner CV: fast)."""
    model = train(SAMPLES, ModelConfig(min_df=1, threshold_folds=0))
    model.save(path)
    return model


def answered(
    org: OrgUnit, by: User, description: str, reply: str = "已协调企业补发工资。"
) -> WorkOrder:
    """A past case: taken in at ``org`` and answered there by ``by`` (a platform role)."""
    order = submit(org, description=description)
    return services.work_order_transition(
        actor=by, order=order, action="answer_directly", payload={"reply": reply}
    )
