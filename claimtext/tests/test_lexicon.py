from __future__ import annotations

from claimtext.lexicon import RULES, LexiconClassifier, lexicon_features, rule_hits
from claimtext.tokenize import char_ngrams, normalize

CASES = {
    "被告于2016年5月解除了与原告的劳动合同。": "解除劳动关系",
    "请求判令被告支付解除劳动合同经济补偿金12000元。": "支付经济补偿金",
    "被告一直未与原告签订书面劳动合同。": "未签订劳动合同",
    "请求被告支付未签订劳动合同的二倍工资差额3万元。": "支付未签订劳动合同二倍工资赔偿",
    "原告每月加班60小时，被告未支付加班费。": "支付加班工资",
    "原告经人社局认定为工伤，评定为九级伤残。": "支付工伤赔偿",
    "该厂已于2015年注销。": "法人资格已灭失",
    "双方在仲裁委主持下达成调解协议。": "有调解协议",
    "该项请求未经劳动仲裁前置程序。": "劳动仲裁阶段未提起",
}


def test_normalize() -> None:
    assert normalize("２０１６年 5月，ＡＢ") == "0年0月,AB"


def test_char_ngrams() -> None:
    assert char_ngrams("abc") == ["a", "b", "c", "ab", "bc", "abc"]
    assert char_ngrams("ab", (2, 3)) == ["ab"]
    assert char_ngrams("") == []


def test_rules_fire_on_statutory_sentences() -> None:
    clf = LexiconClassifier()
    for text, label in CASES.items():
        assert label in clf.predict_one(text), (text, label)


def test_negation_separates_signed_and_unsigned() -> None:
    clf = LexiconClassifier()
    assert "签订劳动合同" not in clf.predict_one("被告未与原告签订劳动合同。")
    assert "签订劳动合同" in clf.predict_one("2015年双方签订了为期三年的劳动合同。")
    # a worker says 和/跟 where a judgment says 与
    for text in ("公司一直没有和我签订劳动合同。", "老板不跟我签劳动合同。"):
        assert clf.predict_one(text) == ["未签订劳动合同"], text


def test_neutral_sentence_has_no_label() -> None:
    assert LexiconClassifier().predict(["本案现已审理终结。"]) == [[]]


def test_feature_shapes() -> None:
    x = lexicon_features(list(CASES))
    assert x.shape[0] == len(CASES)
    assert x.shape[1] > len(RULES)
    assert rule_hits("").sum() == 0


def test_batch_rules_equal_single_rules() -> None:
    from claimtext.lexicon import rule_matrix_joined
    from claimtext.tokenize import normalize_join

    texts = [
        *CASES,
        "",
        "第二行\n换行 的句子 拖欠工资",
        "《中华人民共和国劳动合同法》第八十二条 二倍工资",
    ]
    batch = rule_matrix_joined(normalize_join(texts), len(texts))
    for i, t in enumerate(texts):
        assert (batch[i] == rule_hits(t)).all(), t
    assert batch[-1].sum() == 0  # statute citation: rules stay silent


def test_normalize_join_equals_normalize() -> None:
    from claimtext.tokenize import normalize_join

    texts = ["ａ　ｂ 1,000元", "", "x\ny", "２０１９年"]
    assert normalize_join(texts).split("\n") == [normalize(t) for t in texts]


def test_split_sentences() -> None:
    from claimtext.tokenize import split_sentences

    assert split_sentences("拖欠工资。没签合同！\n\n要裁员；  ") == [
        "拖欠工资。",
        "没签合同！",
        "要裁员；",
    ]
    assert split_sentences("   ") == []


def test_lexicon_suggest_has_no_confidence() -> None:
    got = LexiconClassifier().suggest("双方在仲裁委主持下达成调解协议。公司于2015年注销。")
    assert [(s.label, s.confidence, s.source) for s in got] == [
        ("法人资格已灭失", None, "rule"),
        ("有调解协议", None, "rule"),
    ]


def test_alphabet_keys_skip_unseen_chars_and_separators() -> None:
    from claimtext.tokenize import Alphabet

    alpha = Alphabet.of("工资拖欠")
    keys, rows, n = alpha.joined_keys("工资\n拖欠x", (1, 2))
    assert n == 2
    got = sorted(zip(rows.tolist(), keys.tolist(), strict=True))
    want = sorted(
        [(0, alpha.gram_key(g)) for g in ["工", "资", "工资"]]
        + [(1, alpha.gram_key(g)) for g in ["拖", "欠", "拖欠"]]
    )
    assert got == want
    assert alpha.gram_key("工x") == 0


def test_key_index_matches_sorted_search() -> None:
    import numpy as np

    from claimtext.model import KeyIndex

    rng = np.random.default_rng(0)
    keys = np.unique(rng.integers(1, 2**63, size=5000, dtype=np.uint64))
    queries = np.concatenate([keys[::3], rng.integers(1, 2**63, size=2000, dtype=np.uint64)])
    got = KeyIndex(keys).lookup(queries)
    pos = np.searchsorted(keys, queries)
    pos[pos == len(keys)] = 0
    want = np.where(keys[pos] == queries, pos, -1)
    assert (got == want).all()
