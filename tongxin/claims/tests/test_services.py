import pytest
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied

from claimtext import LexiconClassifier
from tongxin.appeals.models import WorkOrderEvent
from tongxin.appeals.tests.factories import submit
from tongxin.claims import selectors, services
from tongxin.claims.models import ClaimAnnotation, ConfirmedClaim
from tongxin.claims.tests.builders import tiny_model
from tongxin.core.exceptions import ApplicationError

TEXT = "公司拖欠我三个月工资，也一直没有和我签订劳动合同。"


def _classified(order):
    return list(
        WorkOrderEvent.objects.filter(
            work_order=order, action=WorkOrderEvent.Action.CLASSIFIED
        ).order_by("id")
    )


def test_confirm_stores_labels_and_writes_the_timeline(tree, cast):
    # given an order and what the fallback suggests for it
    order = submit(tree["county_a"], description=TEXT)
    suggested = [s.label for s in LexiconClassifier().suggest(TEXT)]
    # when the operator confirms two claim types (given in any order)
    annotation = services.claim_annotation_confirm(
        actor=cast["operator"], order=order, labels=["未签订劳动合同", "支付工资"]
    )
    # then they are stored in the canonical order, with the text and the suggestion
    assert annotation.label_names() == ["支付工资", "未签订劳动合同"]
    assert annotation.text == TEXT
    assert annotation.confirmed_by == cast["operator"]
    assert [s["label"] for s in annotation.suggested] == suggested
    assert annotation.classifier == "lexicon-2"
    assert annotation.corrected is (set(suggested) != {"支付工资", "未签订劳动合同"})
    # and one 分类 row is on the timeline, status unchanged
    (event,) = _classified(order)
    assert event.actor == cast["operator"]
    assert event.note == "确认诉求类型：支付工资、未签订劳动合同"
    assert event.from_status == event.to_status == order.status
    assert event.data == {
        "claims": ["支付工资", "未签订劳动合同"],
        "suggested": suggested,
        "classifier": "lexicon-2",
        "corrected": annotation.corrected,
    }


def test_correcting_replaces_the_labels_and_adds_a_row(tree, cast):
    # given confirmed labels
    order = submit(tree["county_a"], description=TEXT)
    services.claim_annotation_confirm(actor=cast["operator"], order=order, labels=["支付工资"])
    # when the handler corrects them
    annotation = services.claim_annotation_confirm(
        actor=cast["supervisor"], order=order, labels=["支付加班工资"]
    )
    # then only the new labels remain and the timeline has both confirmations
    assert ClaimAnnotation.objects.count() == 1
    assert list(ConfirmedClaim.objects.values_list("label", flat=True)) == ["支付加班工资"]
    assert annotation.confirmed_by == cast["supervisor"]
    assert [e.data["claims"] for e in _classified(order)] == [["支付工资"], ["支付加班工资"]]


def test_confirming_the_same_labels_again_writes_nothing(tree, cast):
    # given confirmed labels
    order = submit(tree["county_a"], description=TEXT)
    first = services.claim_annotation_confirm(
        actor=cast["operator"], order=order, labels=["支付工资"]
    )
    # when the same labels are confirmed again (a double click)
    again = services.claim_annotation_confirm(
        actor=cast["operator"], order=order, labels=["支付工资"]
    )
    # then nothing new is written
    assert again.pk == first.pk
    assert again.confirmed_at == first.confirmed_at
    assert len(_classified(order)) == 1


def test_none_apply_is_a_confirmation_too(tree, cast):
    # given an appeal outside the 20 labour claim types
    order = submit(tree["county_a"], description="请问工会活动什么时候报名？")
    # when staff confirm that none applies
    annotation = services.claim_annotation_confirm(actor=cast["operator"], order=order, labels=[])
    # then an empty annotation is kept (a negative training example)
    assert annotation.label_names() == []
    assert _classified(order)[0].note == "确认诉求类型：无（不属于所列类型）"


@pytest.mark.parametrize(
    ("labels", "message"),
    [
        (["支付工资", "加薪"], "未知的诉求类型：加薪。"),
        (["工资", "LB2"], "未知的诉求类型：工资、LB2。"),
    ],
)
def test_unknown_labels_are_refused_and_nothing_is_written(tree, cast, labels, message):
    # given an order
    order = submit(tree["county_a"], description=TEXT)
    events = WorkOrderEvent.objects.count()
    # when labels outside the 20 are confirmed
    with pytest.raises(ApplicationError) as exc:
        services.claim_annotation_confirm(actor=cast["operator"], order=order, labels=labels)
    # then the error names the field, in Chinese, and nothing is written
    assert (exc.value.field, exc.value.code, exc.value.message) == (
        "labels",
        "unknown_label",
        message,
    )
    assert ClaimAnnotation.objects.count() == 0
    assert WorkOrderEvent.objects.count() == events


def test_a_user_without_a_role_there_is_refused(tree, cast):
    # given county A's order and a county B supervisor (and a user with no role at all)
    order = submit(tree["county_a"], description=TEXT)
    nobody = User.objects.create_user("nobody", password="x")
    events = WorkOrderEvent.objects.count()
    # when either tries to confirm
    for actor in (cast["outsider"], nobody):
        with pytest.raises(PermissionDenied):
            services.claim_annotation_confirm(actor=actor, order=order, labels=["支付工资"])
    # then nothing is written
    assert ClaimAnnotation.objects.count() == 0
    assert WorkOrderEvent.objects.count() == events


def test_suggestion_recorded_comes_from_the_trained_model_when_present(tree, cast, settings):
    # given a trained model file
    model = tiny_model(settings.CLAIMS_MODEL_PATH)
    order = submit(tree["county_a"], description="公司拖欠我三个月工资，一直不发。")
    # when staff confirm
    annotation = services.claim_annotation_confirm(
        actor=cast["operator"], order=order, labels=["支付工资"]
    )
    # then the stored suggestion is the model's, with its confidences
    assert annotation.suggested == [
        {"label": s.label, "confidence": s.confidence, "source": s.source}
        for s in model.suggest(order.description)
    ]
    assert annotation.classifier.startswith("model ")


def test_confirmed_labels_become_training_examples(tree, cast):
    # given two confirmed orders
    a = submit(tree["county_a"], description="拖欠工资。")
    b = submit(tree["county_a"], description="没签劳动合同。")
    services.claim_annotation_confirm(actor=cast["operator"], order=a, labels=["支付工资"])
    services.claim_annotation_confirm(actor=cast["operator"], order=b, labels=[])
    # when the training rows are read
    rows = sorted(selectors.claim_training_examples(), key=lambda e: e.text)
    # then each is the confirmed text and labels, grouped by order
    assert [(e.text, e.labels, e.group) for e in rows] == sorted(
        [("拖欠工资。", ("支付工资",), str(a.pk)), ("没签劳动合同。", (), str(b.pk))]
    )
