from tongxin.appeals import services
from tongxin.appeals.models import WorkOrder
from tongxin.appeals.tests.factories import submit

S = WorkOrder.Status


def test_appeal_goes_from_intake_to_rated_close(tree, cast):
    # given an appeal taken in at the city
    order = submit(tree["city"])
    # when it is dispatched down, accepted, replied, revisited and closed
    services.work_order_transition(
        actor=cast["admin"], order=order, action="dispatch", payload={"to_org": "JJKFQ"}
    )
    services.work_order_transition(actor=cast["handler"], order=order, action="accept")
    services.work_order_transition(
        actor=cast["handler"],
        order=order,
        action="reply",
        payload={"reply": "已协调企业补发工资 2300 元。", "solved": "1"},
    )
    services.work_order_transition(
        actor=cast["operator"], order=order, action="revisit", payload={"result": "satisfied"}
    )
    order = services.work_order_transition(actor=cast["operator"], order=order, action="close")
    # then it is closed and every step is on the timeline
    assert order.status == S.CLOSED
    assert list(order.events.values_list("action", flat=True)) == [
        "submitted",
        "dispatch",
        "accept",
        "reply",
        "revisit",
        "close",
    ]
