"""The 20 labour claim/fact labels of CAIL2019 要素识别 (labor track).

Hard-coded so that a fresh clone works without the training data. The order and
the ``LBn`` codes are those of the CAIL2019 ``selectedtags.txt`` for labour and of
``shared/data/cail2019_labor/train.jsonl`` (read off that file once).
"""

from __future__ import annotations

from collections.abc import Iterable

LABELS: tuple[str, ...] = (
    "解除劳动关系",
    "支付工资",
    "支付经济补偿金",
    "未支付足额劳动报酬",
    "存在劳动关系",
    "未签订劳动合同",
    "签订劳动合同",
    "支付加班工资",
    "支付未签订劳动合同二倍工资赔偿",
    "支付工伤赔偿",
    "劳动仲裁阶段未提起",
    "不支付违法解除劳动关系赔偿金",
    "经济性裁员",
    "不支付奖金",
    "违法向劳动者收取财物",
    "特殊工种",
    "支付工亡补助金|丧葬补助金|抚恤金",
    "用人单位提前通知解除",
    "法人资格已灭失",
    "有调解协议",
)

CODES: tuple[str, ...] = tuple(f"LB{i}" for i in range(1, len(LABELS) + 1))
CODE_TO_LABEL: dict[str, str] = dict(zip(CODES, LABELS, strict=True))
LABEL_TO_CODE: dict[str, str] = dict(zip(LABELS, CODES, strict=True))
LABEL_INDEX: dict[str, int] = {name: i for i, name in enumerate(LABELS)}
N_LABELS = len(LABELS)


def label_code(name: str) -> str:
    """Return the ``LBn`` code of a label name (raises ``KeyError`` if unknown)."""
    return LABEL_TO_CODE[name]


def label_name(code: str) -> str:
    """Return the label name of an ``LBn`` code (raises ``KeyError`` if unknown)."""
    return CODE_TO_LABEL[code]


def normalize_labels(labels: Iterable[str]) -> list[str]:
    """Map names or ``LBn`` codes to canonical names, in canonical order, deduplicated.

    Unknown labels raise ``ValueError`` so that typos in training data are not
    silently dropped.
    """
    out: set[str] = set()
    for raw in labels:
        lab = raw.replace(" ", "")
        if lab in LABEL_INDEX:
            out.add(lab)
        elif lab in CODE_TO_LABEL:
            out.add(CODE_TO_LABEL[lab])
        else:
            raise ValueError(f"unknown claim label: {raw!r}")
    return sorted(out, key=LABEL_INDEX.__getitem__)
