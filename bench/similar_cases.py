"""Similar-case search benchmark at scale (default 1,000,000 cases).

The corpus is GENERATED FOR LOAD from templates (short Chinese labour complaints
with random names, employers, cities, dates, amounts and claim types): it measures
speed and memory, not retrieval quality. Run:

    .venv/bin/python bench/similar_cases.py            # 1M cases, jieba search-mode words
    .venv/bin/python bench/similar_cases.py --n 100000 --analyzer char2
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from claimtext.similar import SimilarCaseIndex

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建国志宏海波斌鹏辉飞"
CITIES = [
    "北京",
    "上海",
    "广州",
    "深圳",
    "成都",
    "武汉",
    "杭州",
    "南京",
    "重庆",
    "西安",
    "长沙",
    "郑州",
    "合肥",
    "济南",
    "沈阳",
    "昆明",
    "福州",
    "南宁",
    "石家庄",
    "太原",
    "贵阳",
    "南昌",
    "兰州",
    "呼和浩特",
    "乌鲁木齐",
    "东莞",
    "佛山",
    "苏州",
    "无锡",
    "宁波",
    "温州",
    "青岛",
    "大连",
    "厦门",
    "珠海",
    "中山",
    "惠州",
    "泉州",
]
TRADES = [
    "电子",
    "机械",
    "物流",
    "餐饮",
    "建筑",
    "服装",
    "食品",
    "印刷",
    "家具",
    "保安",
    "物业",
    "汽配",
    "纺织",
    "化工",
    "塑料",
    "五金",
    "电器",
    "医药",
    "酒店",
    "快递",
    "装饰",
    "劳务",
    "科技",
    "环保",
    "包装",
    "玩具",
    "钢结构",
    "模具",
    "超市",
    "商贸",
]
FORMS = ["有限公司", "股份有限公司", "厂", "经营部", "服务站", "分公司", "工程队", "商行"]
JOBS = [
    "操作工",
    "普工",
    "司机",
    "厨师",
    "保安",
    "保洁员",
    "电焊工",
    "仓管员",
    "销售员",
    "文员",
    "会计",
    "配送员",
    "装卸工",
    "车间主任",
    "质检员",
    "服务员",
    "技术员",
    "钳工",
    "叉车司机",
    "收银员",
]
CLAIMS = [
    "支付拖欠工资{a}元",
    "支付解除劳动合同经济补偿金{a}元",
    "支付未签订书面劳动合同二倍工资差额{a}元",
    "支付加班费{a}元",
    "支付违法解除劳动合同赔偿金{a}元",
    "支付一次性伤残补助金{a}元",
    "支付停工留薪期工资{a}元",
    "支付未休年休假工资{a}元",
    "补缴社会保险费{a}元",
    "确认双方存在劳动关系",
    "退还押金{a}元",
    "支付年终奖{a}元",
    "支付高温津贴{a}元",
    "支付代通知金{a}元",
    "报销工伤医疗费{a}元",
]
FACTS = [
    "{d}入职{e}担任{j}，月工资{w}元，公司一直未与其签订书面劳动合同",
    "{d}进入{e}从事{j}工作，双方签订了为期{y}年的劳动合同",
    "{d}在{e}工作期间因操作机器受伤，经{c}市人力资源和社会保障局认定为工伤，鉴定为{g}级伤残",
    "{e}自{d}起拖欠其工资，经多次催讨未果",
    "{e}于{d}以严重违反规章制度为由解除与其的劳动合同",
    "{e}于{d}以经营困难为由通知其不用再来上班",
    "其在{e}工作期间经常加班，每月加班约{h}小时，公司未支付加班费",
    "{e}于{d}被吊销营业执照，其工资至今无人支付",
    "{d}双方在{c}市劳动人事争议仲裁委员会达成调解协议，但{e}未按约履行",
    "{e}未为其缴纳社会保险，其于{d}提出辞职",
]
TAILS = [
    "",
    "，现要求{e}{cl}",
    "，故申请仲裁，请求{cl}",
    "，诉至法院请求判令{cl}，并{cl2}",
    "，请求工会协助维权，{cl}",
]


def _date(r: random.Random) -> str:
    return f"{r.randint(2008, 2023)}年{r.randint(1, 12)}月{r.randint(1, 28)}日"


def _employer(r: random.Random) -> str:
    return (
        f"{r.choice(CITIES)}{r.choice(GIVEN)}{r.choice(GIVEN)}{r.choice(TRADES)}{r.choice(FORMS)}"
    )


def generate(n: int, seed: int = 0) -> list[str]:
    """n synthetic complaint texts (GENERATED FOR LOAD, not real cases)."""
    r = random.Random(seed)
    out: list[str] = []
    for _ in range(n):
        e = _employer(r)
        name = r.choice(SURNAMES) + r.choice(GIVEN) + (r.choice(GIVEN) if r.random() < 0.6 else "")
        parts = []
        for _k in range(r.randint(1, 2)):
            parts.append(
                r.choice(FACTS).format(
                    d=_date(r),
                    e=e,
                    j=r.choice(JOBS),
                    w=r.randint(20, 120) * 100,
                    y=r.randint(1, 5),
                    c=r.choice(CITIES),
                    g="一二三四五六七八九十"[r.randint(0, 9)],
                    h=r.randint(20, 120),
                )
            )
        cl = r.choice(CLAIMS).format(a=r.randint(1000, 200000))
        cl2 = r.choice(CLAIMS).format(a=r.randint(1000, 200000))
        text = name + "称，" + "；".join(parts) + r.choice(TAILS).format(e=e, cl=cl, cl2=cl2)
        out.append(text + "。")
    return out


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--n", type=int, default=1_000_000)
    ap.add_argument("--queries", type=int, default=300)
    ap.add_argument("--k", type=int, default=10)
    ap.add_argument("--analyzer", default="words", choices=["words", "char2"])
    ap.add_argument("--add", type=int, default=1000, help="cases added after the build")
    ap.add_argument(
        "--replicate",
        type=int,
        default=1,
        help="segment n/R distinct texts and index each R times (same postings statistics, "
        "R times less jieba time; for a loaded machine)",
    )
    args = ap.parse_args()

    print("NOTE: the corpus is GENERATED FOR LOAD from templates (not real cases).")
    t0 = time.perf_counter()
    texts = generate(args.n + args.add)
    print(
        f"generated {len(texts):,} texts (mean {np.mean([len(t) for t in texts[:10000]]):.0f} "
        f"chars) in {time.perf_counter() - t0:.1f}s",
        flush=True,
    )
    rss0 = rss_mb()
    idx = SimilarCaseIndex(analyzer=args.analyzer)
    t0, c0 = time.perf_counter(), time.process_time()
    if args.replicate > 1:
        distinct = args.n // args.replicate
        toks = [idx.analyze(t) for t in texts[:distinct]]
        seg_cpu = time.process_time() - c0
        print(
            f"segmented {distinct:,} distinct texts in {seg_cpu:.1f}s CPU; indexing each "
            f"{args.replicate}x",
            flush=True,
        )
        all_toks = toks * args.replicate
        idx.build_tokens(list(range(len(all_toks))), all_toks)
        args.n = len(all_toks)
    else:
        idx.build(list(range(args.n)), texts[: args.n])
    build_s, build_cpu = time.perf_counter() - t0, time.process_time() - c0
    print(f"built index over {args.n:,} cases in {build_s:.1f}s (CPU {build_cpu:.1f}s)", flush=True)
    t0 = time.perf_counter()
    idx.add(list(range(args.n, args.n + args.add)), texts[args.n :])
    add_s = time.perf_counter() - t0
    print(f"added {args.add:,} cases in {add_s:.2f}s (delta index)", flush=True)

    qs = generate(args.queries, seed=12345)
    idx.query(qs[0], args.k)  # warm-up
    lat, cpu = [], []
    for q in qs:
        c0, t0 = time.process_time(), time.perf_counter()
        hits = idx.query(q, args.k)
        lat.append((time.perf_counter() - t0) * 1000)
        cpu.append((time.process_time() - c0) * 1000)
    assert len(hits) <= args.k
    lat_a = np.array(lat)
    cpu_a = np.array(cpu)
    # The product masks out cases the user may not see before the top-k cut (a county
    # sees its own subtree): measure that path too, with ~10% of the cases visible.
    allowed = np.random.default_rng(1).random(len(idx)) < 0.1
    lat_m = []
    for q in qs:
        t0 = time.perf_counter()
        idx.query(q, args.k, allowed=allowed)
        lat_m.append((time.perf_counter() - t0) * 1000)
    lat_m_a = np.array(lat_m)

    with tempfile.TemporaryDirectory() as td:
        p = Path(td) / "similar.idx"
        t0 = time.perf_counter()
        idx.save(p)
        save_s = time.perf_counter() - t0
        size_mb = p.stat().st_size / 1e6
        t0 = time.perf_counter()
        idx2 = SimilarCaseIndex.load(p)
        load_s = time.perf_counter() - t0
        assert [h.id for h in idx2.query(qs[0], args.k)] == [h.id for h in idx.query(qs[0], args.k)]

    print()
    print(f"| similar cases ({args.analyzer}, corpus GENERATED FOR LOAD) | value |")
    print("|---|---|")
    rows = [
        ("cases indexed", f"{len(idx):,}"),
        ("vocabulary", f"{len(idx.vocab):,}"),
        ("postings (nnz)", f"{idx._main.nnz:,}"),
        ("build time (wall / CPU)", f"{build_s:.1f} s / {build_cpu:.1f} s"),
        ("distinct texts segmented", f"{args.n // args.replicate:,} (x{args.replicate})"),
        (f"add {args.add:,} cases", f"{add_s:.2f} s"),
        ("index arrays in memory", f"{idx.nbytes / 1e6:.0f} MB"),
        ("process peak RSS growth", f"{rss_mb() - rss0:.0f} MB (incl. texts/tokenizer)"),
        ("file size", f"{size_mb:.0f} MB"),
        ("save / load", f"{save_s:.1f} s / {load_s:.1f} s"),
        (f"query top-{args.k} p50", f"{np.percentile(lat_a, 50):.1f} ms"),
        (f"query top-{args.k} p95", f"{np.percentile(lat_a, 95):.1f} ms"),
        (f"query top-{args.k} max", f"{lat_a.max():.1f} ms"),
        (f"query top-{args.k} p95 by CPU time", f"{np.percentile(cpu_a, 95):.1f} ms"),
        (
            f"query top-{args.k} with a 10% visibility mask p50 / p95",
            f"{np.percentile(lat_m_a, 50):.1f} / {np.percentile(lat_m_a, 95):.1f} ms",
        ),
        ("load average (1 min) at the end", f"{os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs"),
    ]
    for k, v in rows:
        print(f"| {k} | {v} |")


if __name__ == "__main__":
    main()
