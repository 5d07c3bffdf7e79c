from __future__ import annotations

import pytest

from claimtext.labels import CODE_TO_LABEL, CODES, LABELS, label_code, normalize_labels
from claimtext.metrics import Counts, judge, prf


def test_labels_hardcoded() -> None:
    assert len(LABELS) == 20 == len(CODES)
    assert LABELS[0] == "解除劳动关系"
    assert CODE_TO_LABEL["LB3"] == "支付经济补偿金"
    assert label_code("有调解协议") == "LB20"
    assert normalize_labels(["LB2", "解除劳动关系", "LB1"]) == ["解除劳动关系", "支付工资"]
    with pytest.raises(ValueError, match="unknown"):
        normalize_labels(["不存在的标签"])


def test_prf_gerbil_convention() -> None:
    assert prf(Counts()) == (1.0, 1.0, 1.0)
    assert prf(Counts(fp=1)) == (0.0, 0.0, 0.0)
    assert prf(Counts(fn=2)) == (0.0, 0.0, 0.0)
    p, r, f = prf(Counts(tp=1, fp=1, fn=0))
    assert (p, r) == (0.5, 1.0)
    assert f == pytest.approx(2 / 3)


def test_perfect_prediction_scores_one() -> None:
    truth = [["支付工资"], [], ["解除劳动关系", "支付经济补偿金"]]
    rep = judge(truth, truth)
    assert rep.micro_f1 == rep.macro_f1 == rep.score == 1.0


def test_judger_by_hand() -> None:
    truth = [["支付工资"], ["支付工资"], [], ["解除劳动关系"]]
    pred = [["支付工资"], [], ["支付工资"], ["解除劳动关系", "有调解协议"]]
    rep = judge(truth, pred)
    # 支付工资: TP1 FP1 FN1 -> 0.5; 解除劳动关系: 1.0; 有调解协议: FP -> 0; 17 others -> 1.
    assert rep.per_label["支付工资"][2] == pytest.approx(0.5)
    assert rep.per_label["有调解协议"][2] == 0.0
    assert rep.macro_f1 == pytest.approx((0.5 + 1.0 + 0.0 + 17) / 20)
    # micro: TP=2, FP=2, FN=1 -> P=.5, R=2/3
    assert rep.micro_f1 == pytest.approx(2 * 0.5 * (2 / 3) / (0.5 + 2 / 3))
    assert rep.score == pytest.approx((rep.micro_f1 + rep.macro_f1) / 2)


def test_spaces_stripped_and_unknown_rejected() -> None:
    assert judge([["支付 工资"]], [["支付工资"]]).score == 1.0
    with pytest.raises(KeyError):
        judge([["foo"]], [[]])
