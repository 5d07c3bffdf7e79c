import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from claimtext import ClaimModel, judge
from tongxin.appeals.tests.factories import submit
from tongxin.claims import engine, services
from tongxin.claims.tests.builders import SAMPLES, answered


def _write_jsonl(path, rows):
    with open(path, "w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(("" if row is None else json.dumps(row, ensure_ascii=False)) + "\n")
    return path


def _run(*args, **kwargs) -> str:
    out = StringIO()
    call_command(*args, stdout=out, **kwargs)
    return out.getvalue()


def _read_jsonl(path):
    return [
        json.loads(line) if line.strip() else None for line in path.read_text("utf-8").splitlines()
    ]


def test_train_then_predict_keeps_every_line_in_order(tmp_path):
    # given labelled lines grouped by document
    rows = [dict(r, doc=i % 5) for i, r in enumerate(SAMPLES)]
    data = _write_jsonl(tmp_path / "train.jsonl", rows)
    model_path = tmp_path / "m.pkl"
    # when a model is trained on them (inner CV on the 5 documents)
    out = _run("claims_train", data=data, model=model_path, folds=2)
    # then the file holds a model of these examples, and progress was shown
    model = ClaimModel.load(model_path)
    assert model.info.n_examples == len(SAMPLES)
    assert "SVM 1/20 解除劳动关系" not in out  # no positives: not trained
    assert "SVM 2/20 支付工资" in out
    assert "inner fold 2/2" in out
    assert f"已保存 {model_path}" in out
    # and given lines to label (a blank line, extra keys, stale labels)
    lines = [
        {"id": "a", "text": "老板拖欠工资不发。", "labels": ["有调解协议"]},
        None,
        {"text": "单位没有跟我签劳动合同。", "sent": 3},
        {"text": "食堂的饭菜不好吃。"},
    ]
    src = _write_jsonl(tmp_path / "in.jsonl", lines)
    dst = tmp_path / "out.jsonl"
    # when they are predicted
    out = _run("claims_predict", in_path=src, out_path=dst, model=str(model_path))
    # then the same lines come back, same order, labels replaced by the model's prediction
    texts = [r["text"] for r in lines if r]
    predicted = iter(model.predict(texts))
    want = [None if r is None else {**r, "labels": next(predicted)} for r in lines]
    assert _read_jsonl(dst) == want
    assert "已预测 3/3" in out


def test_predict_without_a_model_uses_the_lexicon(tmp_path):
    # given no model file at CLAIMS_MODEL_PATH
    lines = [{"text": "被告一直未与原告签订书面劳动合同。"}, {"text": "本案现已审理终结。"}]
    src = _write_jsonl(tmp_path / "in.jsonl", lines)
    dst = tmp_path / "out.jsonl"
    # when predicting
    out = _run("claims_predict", in_path=src, out_path=dst)
    # then the statutory-vocabulary fallback labels the lines
    assert "未找到模型文件" in out
    assert [r["labels"] for r in _read_jsonl(dst)] == [["未签订劳动合同"], []]


def test_eval_prints_the_official_judger_figures(tmp_path):
    # given two lines: one the fallback gets right, one whose label it misses
    data = _write_jsonl(
        tmp_path / "gold.jsonl",
        [
            {"text": "被告一直未与原告签订书面劳动合同。", "labels": ["未签订劳动合同"]},
            {"text": "本案现已审理终结。", "labels": ["支付工资"]},
        ],
    )
    # when evaluated
    out = _run("claims_eval", data=data, lexicon=True)
    # then: 未签订劳动合同 F1 1, 支付工资 F1 0 (a miss), 18 absent labels F1 1 each;
    # micro P = 1, R = 1/2 → 2/3; macro = 19/20; score = (2/3 + 0.95) / 2
    assert "micro-F1: 0.6667" in out
    assert "macro-F1: 0.9500" in out
    assert "score:    0.8083" in out
    assert "支付工资\tLB2\t1\t0.000\t0.000\t0.000" in out


def test_eval_matches_the_judger_on_a_trained_model(tmp_path):
    # given a trained model and gold lines
    rows = [dict(r, doc=i % 5) for i, r in enumerate(SAMPLES)]
    data = _write_jsonl(tmp_path / "train.jsonl", rows)
    model_path = tmp_path / "m.pkl"
    _run("claims_train", data=data, model=model_path, folds=0)
    # when evaluated on the same lines
    out = _run("claims_eval", data=data, model=str(model_path))
    # then the figures are the judger's on the model's predictions
    report = judge(
        [r["labels"] for r in rows], ClaimModel.load(model_path).predict([r["text"] for r in rows])
    )
    assert f"score:    {report.score:.4f}" in out
    assert f"micro-F1: {report.micro_f1:.4f}" in out


def test_train_from_db_uses_what_staff_confirmed(tree, cast, tmp_path):
    # given confirmed claim types on three orders
    for text, labels in [
        ("公司拖欠我三个月工资。", ["支付工资"]),
        ("老板拖欠工资半年了。", ["支付工资"]),
        ("请问工会活动什么时候开始。", []),
    ]:
        order = submit(tree["county_a"], description=text)
        services.claim_annotation_confirm(actor=cast["operator"], order=order, labels=labels)
    model_path = tmp_path / "db.pkl"
    # when training from the database
    out = _run("claims_train", from_db=True, model=model_path, folds=0)
    # then the model learnt exactly those examples
    model = ClaimModel.load(model_path)
    assert "平台确认的诉求类型：3 条。" in out
    assert model.info.n_examples == 3
    assert model.info.positives["支付工资"] == 2
    # two examples are too few for an SVM: the statute's wording decides that label
    assert model.info.sources["支付工资"] == "rule"


@pytest.mark.parametrize(
    ("lines", "kwargs", "message"),
    [
        (None, {}, "请指定 --data 文件或 --from-db（或两者）。"),
        (['{"text": "a", "labels": []}', "{oops"], {}, "第 2 行不是有效的 JSON"),
        (['{"labels": []}'], {}, '第 1 行缺少字符串字段 "text"。'),
        (['{"text": "a"}'], {}, '第 1 行缺少列表字段 "labels"。'),
        (['{"text": "a", "labels": ["加薪"]}'], {}, "第 1 行：unknown claim label: '加薪'"),
        (['{"text": "a", "labels": []}'], {"folds": 1}, "--folds 应为 0 或不小于 2 的整数。"),
    ],
)
def test_train_refuses_bad_input_and_writes_no_model(tmp_path, lines, kwargs, message):
    # given bad arguments or a bad line
    model_path = tmp_path / "m.pkl"
    if lines is not None:
        path = tmp_path / "bad.jsonl"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        kwargs = {"data": path, **kwargs}
    # when training
    with pytest.raises(CommandError) as exc:
        _run("claims_train", model=model_path, **kwargs)
    # then the error says what is wrong and no model is written
    assert message in str(exc.value)
    assert not model_path.exists()


def test_predict_refuses_a_missing_explicit_model(tmp_path):
    src = _write_jsonl(tmp_path / "in.jsonl", [{"text": "拖欠工资"}])
    with pytest.raises(CommandError, match="找不到模型文件"):
        _run("claims_predict", in_path=src, out_path=tmp_path / "o.jsonl", model="nope.pkl")
    assert not (tmp_path / "o.jsonl").exists()


def test_index_command_indexes_answered_orders(tree, cast):
    # given two answered orders and one still open
    answered(tree["county_a"], cast["supervisor"], "公司拖欠工资三个月。")
    answered(tree["county_b"], cast["outsider"], "没签劳动合同要二倍工资。")
    submit(tree["county_a"], description="还在办理的诉求。")
    # when the index is built
    out = _run("claims_index")
    # then it holds the two past cases and is what the pages read
    index = engine.case_index()
    assert index is not None
    assert len(index) == 2
    assert index.counts == {"wo": 2, "mc": 0}  # no mediation case has ended
    assert "：2 件（wo 2，mc 0）" in out
