from __future__ import annotations

from pathlib import Path

import pytest

from claimtext.similar import IndexVersionError, SimilarCaseIndex

CASES = {
    "a1": "公司拖欠我三个月工资，要求支付拖欠工资和经济补偿金",
    "a2": "我在工地受伤，已认定工伤，要求公司支付一次性伤残补助金",
    "a3": "公司一直没有和我签订劳动合同，要求支付二倍工资",
    "a4": "每天加班到晚上十点，公司不给加班费",
    "a5": "公司以经营困难为由裁员，没有提前三十日通知",
}


@pytest.fixture(params=["words", "char2"])
def index(request: pytest.FixtureRequest) -> SimilarCaseIndex:
    return SimilarCaseIndex(analyzer=request.param).build(list(CASES), list(CASES.values()))


def test_query_finds_the_matching_case(index: SimilarCaseIndex) -> None:
    hits = index.query("工伤以后公司不支付伤残补助金", k=2)
    assert hits[0].id == "a2"
    assert hits[0].score > 0
    assert len(hits) <= 2
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
    assert index.query("没有签订劳动合同的二倍工资", k=1)[0].id == "a3"


def test_exclude_and_empty(index: SimilarCaseIndex) -> None:
    hits = index.query(CASES["a3"], k=1, exclude={"a3"})
    assert hits
    assert hits[0].id != "a3"
    assert index.query("", k=3) == []
    assert index.query("完全无关的内容xyz", k=0) == []


def test_add_then_compact(index: SimilarCaseIndex) -> None:
    index.add(["b1"], ["公司拖欠保安工资半年，要求支付工资"])
    assert len(index) == 6
    assert index.query("拖欠保安工资", k=1)[0].id == "b1"
    index.compact()
    assert index.query("拖欠保安工资", k=1)[0].id == "b1"
    assert index.n_main == 6


def test_add_to_empty_index() -> None:
    idx = SimilarCaseIndex()
    idx.add([1, 2], ["拖欠工资", "工伤赔偿"])
    assert idx.query("工伤", k=1)[0].id == 2


def test_save_load_roundtrip(index: SimilarCaseIndex, tmp_path: Path) -> None:
    index.add(["b1"], ["公司拖欠保安工资半年"])
    p = index.save(tmp_path / "sim.idx")
    idx2 = SimilarCaseIndex.load(p)
    q = "公司不给加班费还拖欠工资"
    assert idx2.query(q, k=3) == index.query(q, k=3)
    assert len(idx2) == len(index)


def test_load_rejects_wrong_version(tmp_path: Path) -> None:
    import pickle

    p = tmp_path / "bad.idx"
    p.write_bytes(pickle.dumps({"magic": "claimtext.SimilarCaseIndex", "version": "0"}))
    with pytest.raises(IndexVersionError, match="format"):
        SimilarCaseIndex.load(p)
    p.write_bytes(b"garbage")
    with pytest.raises(IndexVersionError):
        SimilarCaseIndex.load(p)


def test_bad_analyzer() -> None:
    with pytest.raises(ValueError, match="analyzer"):
        SimilarCaseIndex(analyzer="nope")


def test_build_tokens_matches_build() -> None:
    a = SimilarCaseIndex().build(list(CASES), list(CASES.values()))
    b = SimilarCaseIndex().build_tokens(list(CASES), [a.analyze(t) for t in CASES.values()])
    q = "公司拖欠工资不签劳动合同"
    assert a.query(q, k=3) == b.query(q, k=3)


def test_allowed_mask_applies_before_top_k(index: SimilarCaseIndex) -> None:
    import numpy as np

    # given only a4 and a5 may be seen
    allowed = np.array([cid in {"a4", "a5"} for cid in index.ids])
    # when asking for the best case about unpaid wages
    hits = index.query("公司拖欠工资不给加班费", k=1, allowed=allowed)
    # then the best *visible* case is returned, not the global best (a1)
    assert [h.id for h in hits] == ["a4"]
    with pytest.raises(ValueError, match="allowed"):
        index.query("工资", k=1, allowed=np.ones(2, dtype=bool))


def test_build_iter_matches_build() -> None:
    seen: list[int] = []
    a = SimilarCaseIndex().build(list(CASES), list(CASES.values()))
    b = SimilarCaseIndex().build_iter(iter(CASES.items()), progress=seen.append, every=2)
    q = "公司拖欠工资不签劳动合同"
    assert a.query(q, k=3) == b.query(q, k=3)
    assert b.ids == list(CASES)
    assert seen == [2, 4]
