"""Lexicon/rule fallback for claim recognition, built from statutory vocabulary.

Used when no trained model is available (a fresh clone has no training data), and
as extra input features of the trained model (:func:`lexicon_features`). Nothing is
downloaded; the rules are plain regular expressions over the normalised sentence
(see :func:`claimtext.tokenize.normalize`: full-width → half-width, digits → ``0``).

Abbreviations of the sources:

* 劳动合同法 = 《中华人民共和国劳动合同法》 (2012 修正)
* 劳动法 = 《中华人民共和国劳动法》 (2018 修正)
* 调解仲裁法 = 《中华人民共和国劳动争议调解仲裁法》
* 工伤条例 = 《工伤保险条例》 (2010 修订)
* 工资总额规定 = 国家统计局《关于工资总额组成的规定》 (1990)

Per label, the statutory terms and where they come from (a rule fires when one of
its *positive* patterns matches and none of its *negative* patterns does):

LB1 解除劳动关系 — 解除/终止劳动合同、解除/终止劳动关系 (劳动合同法 第36–44条
    "劳动合同的解除和终止"), 辞退/开除/除名 (劳动法 第25条; 《企业职工奖惩条例》),
    辞职/离职 (劳动合同法 第37条 劳动者提前通知解除).
LB2 支付工资 — 工资/劳动报酬 的 支付/发放/给付/结算/拖欠 (劳动法 第50条 "工资应当以
    货币形式按月支付"; 劳动合同法 第30条 "及时足额支付劳动报酬").
LB3 支付经济补偿金 — 经济补偿(金) (劳动合同法 第46–47条).
LB4 未支付足额劳动报酬 — 拖欠/克扣/未足额/未(按时)支付 工资或劳动报酬 (劳动合同法
    第30条, 第38条第一款第(二)项 "未及时足额支付劳动报酬", 第85条).
LB5 存在劳动关系 — 劳动关系 的 存在/建立/确认/形成/构成, 入职/用工 (劳动合同法 第7条
    "用人单位自用工之日起即与劳动者建立劳动关系").
LB6 未签订劳动合同 — 未/没有/不 签订/订立 (书面)劳动合同 (劳动合同法 第10条, 第82条).
LB7 签订劳动合同 — 签订/订立/续签 (书面)劳动合同, 不带否定 (劳动合同法 第10条, 第16条).
LB8 支付加班工资 — 加班费/加班工资/加班, 延长工作时间, 休息日/法定节假日 工作
    (劳动法 第41条, 第44条; 劳动合同法 第31条).
LB9 支付未签订劳动合同二倍工资赔偿 — 二倍/双倍/两倍 工资 (劳动合同法 第82条
    "应当向劳动者每月支付二倍的工资").
LB10 支付工伤赔偿 — 工伤, 伤残, 一次性伤残补助金, 一次性工伤医疗补助金, 伤残就业补助金,
    停工留薪 (工伤条例 第14条, 第33条, 第35–37条).
LB11 劳动仲裁阶段未提起 — 未经(过)仲裁/前置, 未申请/提起仲裁, 仲裁中未主张, 缺少/违反
    仲裁前置 (调解仲裁法 第5条, 第47–50条: 仲裁是诉讼的前置程序). A bare "仲裁前置"
    (also said of claims that *were* arbitrated) is not enough.
LB12 不支付违法解除劳动关系赔偿金 — a refusal (不应/无需/无须/不用/不同意/不予 … 支付) of the
    赔偿金, 不存在/未 违法解除, 驳回 … 违法解除 … 赔偿金, 赔偿金 … 缺乏事实/法律依据
    (劳动合同法 第48条, 第87条). The label names the *refusal*: a plain claim for the
    赔偿金 does not fire it.
LB13 经济性裁员 — 裁员, 裁减人员, 经济性裁减 (劳动合同法 第41条 "裁减人员"). 停产 and
    经营困难 alone are facts, not a 裁员.
LB14 不支付奖金 — a refusal (不/未/无需/拒绝 … 支付/发放) of 奖金/年终奖/绩效奖, or 奖金 …
    不同意/不予 (工资总额规定 第4条 "工资总额由 … 奖金 … 组成").
LB15 违法向劳动者收取财物 — 收取/缴纳 保证金/押金/风险金/抵押金/财物, 扣押 身份证/证件
    (劳动合同法 第9条 "不得扣押劳动者的居民身份证和其他证件, 不得要求劳动者提供担保或者以
    其他名义向劳动者收取财物", 第84条); not when denied (未收取).
LB16 特殊工种 — 特殊工种 (原劳动部《关于特殊工种提前退休》规定).
LB17 支付工亡补助金|丧葬补助金|抚恤金 — 一次性工亡补助金, 丧葬补助金, 供养亲属抚恤金
    (工伤条例 第39条, whose three benefits the label names).
LB18 用人单位提前通知解除 — 提前三十日/一个月 通知, 代通知金, 额外支付一个月工资 (劳动合同法
    第40条), the employer issuing (发出/作出/下发/邮寄/出具/下达) a 解除/终止 … 通知, 通知 …
    解除/终止 劳动合同; not in lists of evidence (为证/佐证/质证).
LB19 法人资格已灭失 — (已/被/准予 …) 注销, 吊销营业执照 (劳动合同法 第44条 第(五)项 "用人
    单位被依法宣告破产 / 被吊销营业执照、责令关闭、撤销"); not 未注销/申请注销 or a quoted
    statute ("吊销或者 …").
LB20 有调解协议 — 调解协议, 调解书 (调解仲裁法 第14条, 第42条).

Every rule is silenced on sentences that cite a statute article (``《…法》第…条``):
they restate the law rather than a party's claim or a fact.

The rules are deliberately high-precision (a false positive on a rare label costs a
whole label's F1 under the CAIL judger). Their measured score on
``shared/data/cail2019_labor/train.jsonl`` is printed by ``bench/claims_cv.py``. The
rare-label rules (LB11–LB19) were narrowed after reading where the broad statutory terms
fired on that file without a label, so the fallback's score on that file is somewhat
optimistic; judgments kept aside are the honest measure.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

from claimtext.labels import LABELS
from claimtext.suggestion import Suggestion
from claimtext.tokenize import SEP, normalize, normalize_join, split_sentences

_NEG = "(?:未|没有|没|不|拒绝|拒不|无)"
# placed right after a matched "工资": not 加班工资 / 二倍工资 / 双倍工资 / 两倍工资
_NOT_SPECIAL_WAGE = "(?<!加班工资)(?<!二倍工资)(?<!双倍工资)(?<!两倍工资)"
# refusing / not owing a payment ("不支付…", "无需支付…"): the rare 不支付… labels
_REFUSE = "(?:不应当?|无需|无须|不用|不需|不同意|不予|不再|不|拒绝|拒不)"
_BONUS = "(?:奖金|年终奖|年底奖|绩效奖)"


@dataclass(frozen=True)
class Rule:
    label: str
    positive: tuple[str, ...]
    negative: tuple[str, ...] = ()

    def compiled(self) -> tuple[list[re.Pattern[str]], list[re.Pattern[str]]]:
        return [re.compile(p) for p in self.positive], [re.compile(p) for p in self.negative]


RULES: tuple[Rule, ...] = (
    Rule(
        "解除劳动关系",
        (
            r"(?:解除|终止)(?:了)?(?:与\w{0,8}?)?(?:双方)?(?:之间)?(?:的)?劳动(?:合同|关系)",
            r"劳动(?:合同|关系)(?:于\S{0,12}?)?(?:被)?(?:解除|终止)",
            r"辞退|开除|除名|辞职|离职",
        ),
    ),
    Rule(
        "支付工资",
        (
            r"(?:支付|发放|给付|结算|结清|拖欠|补发|补足|欠付|克扣)\S{0,12}?工资"
            + _NOT_SPECIAL_WAGE,
            r"工资" + _NOT_SPECIAL_WAGE + r"(?:差额)?\S{0,4}?(?:未|没有)?(?:支付|发放|给付)",
            r"工资" + _NOT_SPECIAL_WAGE + r"(?:款|差额)?0",
            r"(?:支付|拖欠|欠付)\S{0,6}劳动报酬",
        ),
        (r"^(?:月)?(?:平均|基本)?工资(?:为|是|标准)",),
    ),
    Rule("支付经济补偿金", (r"经济补偿",)),
    Rule(
        "未支付足额劳动报酬",
        (
            r"拖欠\S{0,10}?(?:工资|劳动报酬|工钱)",
            r"克扣\S{0,6}?(?:工资|劳动报酬)",
            r"(?:未|没有|未能)(?:按时|及时)?(?:足额)?(?:支付|发放)\S{0,10}?(?:工资|劳动报酬)",
            r"欠(?:付|发)?\S{0,4}工资",
            r"工资\S{0,6}(?:未|没有)(?:足额)?(?:支付|发放)",
        ),
    ),
    Rule(
        "存在劳动关系",
        (
            r"(?:存在|建立|确认|形成|构成|成立|具有|属于)\S{0,6}?劳动关系",
            r"劳动关系(?:成立|存在|的确认)",
            r"入职|(?:进入|到)\S{0,16}?(?:公司|单位|处|厂)\S{0,4}?(?:工作|上班)",
        ),
        (r"(?:不|没有|未)(?:存在|建立|形成|构成|成立|具有|属于)\S{0,6}?劳动关系",),
    ),
    Rule(
        "未签订劳动合同",
        (
            _NEG
            + r"(?:[与和跟同]\S{0,10}?)?(?:依法)?(?:签订|订立|签署|签)(?:书面)?(?:的)?劳动合同",
            r"(?:未|没有)(?:[与和跟同]\S{0,10}?)?(?:依法)?(?:签订|订立|签署)",
        ),
    ),
    Rule(
        "签订劳动合同",
        (r"(?:签订|订立|签署|续签|续订)(?<!未..)(?<!没有..)(?<!不..)(?<!没..)了?\S{0,6}?劳动合同",),
        (
            _NEG + r"(?:[与和跟同]\S{0,10}?)?(?:依法)?(?:签订|订立|签署|签)",
            r"二倍|双倍|两倍",
        ),
    ),
    Rule(
        "支付加班工资",
        (r"加班", r"延长(?:工作|劳动)时间", r"(?:休息日|法定节假日|节假日)\S{0,6}(?:工作|上班)"),
    ),
    Rule("支付未签订劳动合同二倍工资赔偿", (r"(?:二|双|两)倍(?:的)?工资",)),
    Rule(
        "支付工伤赔偿",
        (
            r"工伤",
            r"伤残(?:补助金|津贴|等级|鉴定|就业)",
            r"停工留薪",
            r"一次性(?:伤残|工伤医疗|伤残就业)补助金",
        ),
    ),
    Rule(
        "劳动仲裁阶段未提起",
        (
            r"(?:未|没有|未曾)(?:经过?|经)\S{0,4}?(?:仲裁|前置)",
            r"(?:未|没有)(?:向\S{0,12}?)?(?:申请|提起|提出)(?:劳动)?仲裁",
            r"(?:未|没有)在?(?:劳动)?仲裁(?:中|时|阶段|期间)\S{0,4}?(?:提出|主张|请求)",
            r"仲裁(?:中|时|阶段|期间)(?:未|没有)(?:提出|主张|请求)",
            r"(?:缺少|缺乏|违反|不符合)\S{0,4}?仲裁前置",
        ),
    ),
    Rule(
        "不支付违法解除劳动关系赔偿金",
        (
            _REFUSE + r"(?:向\S{0,10}?)?(?:支付|给付|承担)\S{0,30}?赔偿金",
            r"(?:不存在|并非|不属于|未)违法解除",
            r"驳回\S{0,16}?违法解除\S{0,16}?赔偿金",
            r"(?:赔偿金|违法解除)\S{0,20}?(?:缺乏|没有|无)(?:事实|法律)\S{0,4}?依据",
        ),
        (r"工伤|伤残|(?:二|双|两)倍(?:的)?工资",),
    ),
    Rule("经济性裁员", (r"裁员|裁减人员|经济性裁减",)),
    Rule(
        "不支付奖金",
        (
            _REFUSE + r"(?:向\S{0,10}?)?(?:支付|发放|给付|发)\S{0,20}?" + _BONUS,
            _BONUS + r"\S{0,10}?(?:不同意|不予|不应|无需|无须|拒绝|拒不)",
        ),
    ),
    Rule(
        "违法向劳动者收取财物",
        (
            r"(?:收取|缴纳|交纳|交付)\S{0,6}?(?:保证金|押金|风险金|抵押金|财物)",
            r"扣押\S{0,6}?(?:身份证|证件|毕业证)",
        ),
        (r"(?:未|没有|不)(?:向\S{0,6}?)?收取",),
    ),
    Rule("特殊工种", (r"特殊工种",)),
    Rule(
        "支付工亡补助金|丧葬补助金|抚恤金",
        (r"工亡补助金|丧葬补助金|供养亲属抚恤金",),
    ),
    Rule(
        "用人单位提前通知解除",
        (
            r"提前(?:三十|0)(?:日|天)\S{0,4}?(?:书面)?通知",
            r"提前一个月\S{0,4}?(?:书面)?通知",
            r"代通知金",
            r"额外支付\S{0,4}一个月工资",
            r"(?:发出|作出|下发|邮寄|出具|下达)\S{0,12}?(?:解除|终止)\S{0,12}?通知",
            r"通知\S{0,16}?(?:终止|解除)\S{0,6}?劳动(?:合同|关系)",
        ),
        (r"为证|佐证|证据|质证",),
    ),
    Rule(
        "法人资格已灭失",
        (
            r"(?:已|已经|被|准予|予以|就|该厂|该公司)\S{0,8}?注销",
            r"0[年月日]?注销",
            r"吊销\S{0,4}?营业执照",
            r"营业执照\S{0,12}?(?:被)?吊销",
        ),
        (r"未注销|即将注销|申请注销|注销该|吊销或者|被吊销、|或者用人单位",),
    ),
    Rule("有调解协议", (r"调解协议|调解书",)),
)

assert tuple(r.label for r in RULES) == LABELS

_COMPILED = [r.compiled() for r in RULES]
# Sentences that cite a statute article ("《劳动合同法》第八十七条规定 …") restate the
# law, not the parties' claims or the facts: the judgments annotate them rarely, so
# the rules stay silent on them.
_CITATION = re.compile(r"《[^》\n]*(?:法|条例|规定|解释|办法)》第")
_CITATION_M = re.compile(_CITATION.pattern, re.MULTILINE)
# Each positive pattern is run on its own: one alternation of a label's patterns would
# defeat the regex engine's literal-prefix scan and costs about twice as much.
_FAST = [
    (
        [re.compile(p, re.MULTILINE) for p in r.positive],
        [re.compile(n) for n in r.negative],
    )
    for r in RULES
]


def rule_hits(text: str, *, normalized: bool = False) -> np.ndarray:
    """0/1 vector of length 20: which label rules fire on one sentence."""
    s = text if normalized else normalize(text)
    return rule_matrix_joined(s.replace(SEP, ""), 1)[0]


def rule_matrix_joined(joined: str, n_rows: int) -> np.ndarray:
    """(n_rows, 20) 0/1 rule decisions for a normalised ``"\\n"``-joined batch.

    Each pattern runs once over the whole batch (no pattern can match across the
    separator); negative patterns are checked only on matched rows.
    """
    out = np.zeros((n_rows, len(RULES)), dtype=np.float32)
    if n_rows == 0:
        return out
    starts = np.zeros(n_rows, dtype=np.int64)
    if n_rows > 1:
        nl = np.flatnonzero(np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32) == 10)
        starts[1:] = nl + 1

    def rows_of(rx: re.Pattern[str]) -> np.ndarray:
        pos = [m.start() for m in rx.finditer(joined)]
        if not pos:
            return np.zeros(0, dtype=np.int64)
        return np.unique(np.searchsorted(starts, pos, side="right") - 1)

    cited = set(rows_of(_CITATION_M).tolist())
    for j, (pos_rxs, neg) in enumerate(_FAST):
        hit_rows = [rows_of(rx) for rx in pos_rxs]
        for r in np.unique(np.concatenate(hit_rows)).tolist():
            if r in cited:
                continue
            if neg:
                end = starts[r + 1] - 1 if r + 1 < n_rows else len(joined)
                row = joined[starts[r] : end]
                if any(n.search(row) for n in neg):
                    continue
            out[r, j] = 1.0
    return out


def pattern_hits(text: str, *, normalized: bool = False) -> list[int]:
    """Indices of every positive pattern (flattened over all rules) that matches."""
    s = text if normalized else normalize(text)
    out: list[int] = []
    k = 0
    for pos, _neg in _COMPILED:
        for p in pos:
            if p.search(s):
                out.append(k)
            k += 1
    return out


N_PATTERNS = sum(len(r.positive) for r in RULES)


def lexicon_features(texts: Sequence[str], *, normalized: bool = False) -> sp.csr_matrix:
    """Sparse features: the 20 rule decisions followed by one column per positive pattern."""
    n = len(texts)
    indptr = [0]
    indices: list[int] = []
    for t in texts:
        s = t if normalized else normalize(t)
        hits = rule_hits(s, normalized=True)
        indices.extend(int(j) for j in np.flatnonzero(hits))
        indices.extend(len(RULES) + k for k in pattern_hits(s, normalized=True))
        indptr.append(len(indices))
    data = np.ones(len(indices), dtype=np.float64)
    return sp.csr_matrix((data, indices, indptr), shape=(n, len(RULES) + N_PATTERNS))


class LexiconClassifier:
    """The rule fallback behind the same interface as :class:`claimtext.model.ClaimModel`."""

    version = "lexicon-2"

    def suggest(self, text: str) -> list[Suggestion]:
        """Labels whose rule fires on any sentence of ``text`` (no measured confidence)."""
        sentences = split_sentences(text) or [text]
        hits = rule_matrix_joined(normalize_join(sentences), len(sentences)).any(axis=0)
        return [Suggestion(LABELS[j], None, "rule") for j in np.flatnonzero(hits)]

    def predict_one(self, text: str) -> list[str]:
        hits = rule_hits(text)
        return [LABELS[j] for j in np.flatnonzero(hits)]

    def predict(self, texts: Iterable[str]) -> list[list[str]]:
        texts = list(texts)
        hits = rule_matrix_joined(normalize_join(texts), len(texts)) > 0
        rows, cols = np.nonzero(hits)
        out: list[list[str]] = [[] for _ in texts]
        for r, c in zip(rows.tolist(), cols.tolist(), strict=True):
            out[r].append(LABELS[c])
        return out
