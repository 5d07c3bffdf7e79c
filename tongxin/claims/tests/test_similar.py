from tongxin.appeals import services as appeals_services
from tongxin.appeals.tests.factories import submit
from tongxin.claims import indexing, selectors
from tongxin.claims.tests.builders import answered

WAGES = "公司拖欠我三个月工资，老板不接电话。"


def test_the_most_similar_visible_past_cases_come_first(tree, cast):
    # given past cases in county A and a new order about unpaid wages
    wages = answered(tree["county_a"], cast["supervisor"], "工厂拖欠三个月工资，老板失联。")
    contract = answered(tree["county_a"], cast["supervisor"], "入职一年没有签订劳动合同。")
    answered(tree["county_a"], cast["supervisor"], "咨询工会会员卡怎么办理。")
    indexing.similar_index_build()
    order = submit(tree["county_a"], description=WAGES)
    # when county A's supervisor asks for two similar cases
    got = selectors.similar_case_list_for_user(user=cast["supervisor"], order=order, k=2)
    # then the wage case is first, with its outcome
    assert [c.title for c in got.results][:1] == [wages.tracking_code]
    first = got.results[0]
    assert (first.status, first.outcome, first.source) == ("即时办结", "已协调企业补发工资。", "wo")
    assert first.url == f"/orders/{wages.tracking_code}/"
    assert len(got.results) <= 2
    assert contract.tracking_code not in [c.title for c in got.results[:1]]
    assert got.size == 3


def test_cases_outside_the_users_subtree_never_appear(tree, cast):
    # given a near-identical past case in county B and a weaker one in county A
    b_case = answered(tree["county_b"], cast["outsider"], WAGES)
    a_case = answered(tree["county_a"], cast["supervisor"], "公司欠薪两个月。拖欠工资。")
    indexing.similar_index_build()
    order_a = submit(tree["county_a"], description=WAGES)
    order_b = submit(tree["county_b"], description=WAGES)
    # when each side asks for the single best case
    seen_a = selectors.similar_case_list_for_user(user=cast["supervisor"], order=order_a, k=1)
    seen_b = selectors.similar_case_list_for_user(user=cast["outsider"], order=order_b, k=1)
    # then each sees only its own subtree's case (the mask applies before the top-k cut)
    assert [c.title for c in seen_a.results] == [a_case.tracking_code]
    assert [c.title for c in seen_b.results] == [b_case.tracking_code]


def test_the_order_itself_is_never_its_own_similar_case(tree, cast):
    past = answered(tree["county_a"], cast["supervisor"], WAGES)
    indexing.similar_index_build()
    got = selectors.similar_case_list_for_user(user=cast["supervisor"], order=past, k=5)
    assert past.tracking_code not in [c.title for c in got.results]


def test_a_case_reopened_since_the_build_is_dropped(tree, cast):
    # given an indexed past case that has since been reopened by the worker's rating
    past = answered(tree["county_a"], cast["supervisor"], WAGES)
    indexing.similar_index_build()
    appeals_services.work_order_rate(order=past, rating="unsatisfied")
    order = submit(tree["county_a"], description=WAGES)
    # when similar cases are asked for
    got = selectors.similar_case_list_for_user(user=cast["supervisor"], order=order, k=5)
    # then the database, not the stale index, decides: it has no outcome now
    assert got.results == []
    assert got.size == 1


def test_no_index_means_no_cases(tree, cast):
    order = submit(tree["county_a"], description=WAGES)
    got = selectors.similar_case_list_for_user(user=cast["supervisor"], order=order, k=5)
    assert (got.built_at, got.size, got.results) == (None, 0, [])
