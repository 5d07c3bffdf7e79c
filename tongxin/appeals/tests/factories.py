from typing import Any

from tongxin.appeals import services
from tongxin.appeals.models import WorkOrder
from tongxin.orgs.models import OrgUnit


def submit(org: OrgUnit, *, channel: str = WorkOrder.Channel.QR, **data: Any) -> WorkOrder:
    """An appeal taken in through the real intake service."""
    values = {
        "description": "工厂拖欠三个月工资共 2300 元，老板不接电话。",
        "phone": "13800001234",
        "name": "张三",
        "employer_name": "恒兴鞋业有限公司",
    }
    values.update(data)
    order, _created = services.work_order_submit(actor=None, org=org, channel=channel, data=values)
    return order
