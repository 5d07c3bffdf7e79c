"""Ended mediation cases are found as similar cases, from a work order or another case,
only by those who may see them."""

from django.utils import timezone

from tongxin.claims import indexing, selectors
from tongxin.disputes.tests.builders import act, open_case, signed_agreement


def _performed(cast, org, facts):
    handler = cast["handler"] if org.code == "JJKFQ" else cast["outsider"]
    today = timezone.localdate()
    case = signed_agreement(
        handler, org, signed_on=today, pay_by=today.isoformat(), terms="当场支付", facts=facts
    )
    return act(handler, case, "record_payment", all=True)


def test_a_past_mediation_is_suggested_for_a_new_one(tree, cast, client_for):
    # given an ended wage mediation in the park and one in county B
    past = _performed(cast, tree["town_a"], "鞋厂拖欠三个月工资，老板拒不支付。")
    _performed(cast, tree["county_b"], "鞋厂拖欠三个月工资，老板拒不支付。")
    indexing.similar_index_build()
    new = open_case(cast["handler"], tree["town_a"], facts="鞋厂拖欠工资三个月。")
    # when the park's handler looks at the new case
    got = selectors.similar_cases_for_text(
        user=cast["handler"], text=new.facts, exclude=f"mc:{new.pk}"
    )
    # then only the park's ended case is offered, with how it ended
    assert [(c.source, c.title) for c in got.results] == [("mc", past.case_no)]
    assert got.results[0].outcome == "达成 2,300.00 元，已支付 2,300.00 元。"
    assert got.results[0].url == f"/disputes/{past.pk}/"
    panel = client_for("handler").get(f"/disputes/{new.pk}/similar/").content.decode()
    assert past.case_no in panel
    assert client_for("outsider").get(f"/disputes/{new.pk}/similar/").status_code == 404
