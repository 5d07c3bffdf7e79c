"""Termination grounds and how each is treated for severance (laborlaw.md §2.1).

Whether 经济补偿 is due follows 劳动合同法 第46条 (and 实施条例 第22条 for task contracts).
Whether service before 2008 counts follows the old rules (劳动合同法 第97条第3款): 481号 for
the employer-initiated grounds, 解释（一）第45条 for resignations forced by the employer, and
北京解答（一）Q71 for resignations over social insurance (no pre-2008 years).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

BJ_Q71 = "practice: 北京解答（一）Q71"


@dataclass(frozen=True)
class Ground:
    """How one termination ground is treated (laborlaw.md §2.1)."""

    label_zh: str
    due: bool
    basis: str
    pre2008: bool = False  # pre-2008 years compensable under the old rules
    pre2008_cap12: bool = False  # 481号 第5条、第7条: old-rule months capped at 12
    art11_floor: bool = False  # 481号 第11条 enterprise-average floor (art.6/8/9 grounds)
    old_basis: str = ""


_OLD38 = "法释〔2020〕26号 解释（一）第45条"
GROUNDS: Mapping[str, Ground] = {
    "mutual_employer_initiated": Ground(
        "用人单位提出、协商一致解除",
        True,
        "劳动合同法 第46条第2项、第36条",
        True,
        True,
        old_basis="劳部发〔1994〕481号 第5条",
    ),
    "worker_38_unpaid_wages": Ground(
        "劳动者因未及时足额支付劳动报酬解除",
        True,
        "劳动合同法 第46条第1项、第38条第1款第2项",
        True,
        old_basis=_OLD38,
    ),
    "worker_38_unpaid_overtime": Ground(
        "劳动者因拒不支付加班费解除",
        True,
        "劳动合同法 第46条第1项、第38条第1款第2项",
        True,
        old_basis=_OLD38,
    ),
    "worker_38_below_min_wage": Ground(
        "劳动者因工资低于最低工资解除",
        True,
        "劳动合同法 第46条第1项、第38条第1款第2项",
        True,
        old_basis=_OLD38,
    ),
    "worker_38_no_labour_conditions": Ground(
        "劳动者因未提供劳动保护或劳动条件解除",
        True,
        "劳动合同法 第46条第1项、第38条第1款第1项",
        True,
        old_basis=_OLD38,
    ),
    "worker_38_forced_labour": Ground(
        "劳动者因强迫劳动解除",
        True,
        "劳动合同法 第46条第1项、第38条第2款",
        True,
        old_basis=_OLD38,
    ),
    "worker_38_no_social_insurance": Ground(
        "劳动者因未依法缴纳社会保险费解除",
        True,
        "劳动合同法 第46条第1项、第38条第1款第3项",
        False,
        old_basis=BJ_Q71,
    ),
    "worker_38_other": Ground(
        "劳动者因用人单位其他过错解除（第38条）",
        True,
        "劳动合同法 第46条第1项、第38条",
        False,
    ),
    "art40_medical": Ground(
        "医疗期满不能工作解除",
        True,
        "劳动合同法 第46条第3项、第40条第1项",
        True,
        art11_floor=True,
        old_basis="劳部发〔1994〕481号 第6条",
    ),
    "art40_incompetent": Ground(
        "不能胜任工作解除",
        True,
        "劳动合同法 第46条第3项、第40条第2项",
        True,
        True,
        old_basis="劳部发〔1994〕481号 第7条",
    ),
    "art40_objective_change": Ground(
        "客观情况发生重大变化解除",
        True,
        "劳动合同法 第46条第3项、第40条第3项",
        True,
        art11_floor=True,
        old_basis="劳部发〔1994〕481号 第8条",
    ),
    "art41_layoff": Ground(
        "经济性裁员",
        True,
        "劳动合同法 第46条第4项、第41条第1款",
        True,
        art11_floor=True,
        old_basis="劳部发〔1994〕481号 第9条",
    ),
    "expiry_not_renewed": Ground(
        "劳动合同期满终止（用人单位不续订或降低条件）",
        True,
        "劳动合同法 第46条第5项、第44条第1项",
    ),
    "employer_bankruptcy": Ground(
        "用人单位被宣告破产",
        True,
        "劳动合同法 第46条第6项、第44条第4项",
    ),
    "employer_dissolution": Ground(
        "用人单位提前解散",
        True,
        "劳动合同法 第46条第6项、第44条第5项",
    ),
    "employer_licence_revoked": Ground(
        "用人单位被吊销营业执照、责令关闭、撤销",
        True,
        "劳动合同法 第46条第6项、第44条第5项",
    ),
    "task_completed": Ground(
        "以完成一定工作任务为期限的劳动合同因任务完成而终止",
        True,
        "劳动合同法实施条例 第22条",
    ),
    "worker_resigned": Ground("劳动者主动辞职", False, "劳动合同法 第37条、第46条"),
    "art37_resignation": Ground("劳动者提前通知解除", False, "劳动合同法 第37条、第46条"),
    "mutual_worker_initiated": Ground(
        "劳动者提出、协商一致解除",
        False,
        "劳动合同法 第36条、第46条第2项",
    ),
    "art39_dismissal": Ground("过失性辞退（第39条）", False, "劳动合同法 第39条、第46条"),
    "probation_rejection": Ground(
        "试用期内证明不符合录用条件（合法）",
        False,
        "劳动合同法 第39条第1项、第46条",
    ),
    "expiry_worker_refused_same_terms": Ground(
        "合同期满，用人单位维持或提高条件续订而劳动者不同意",
        False,
        "劳动合同法 第46条第5项",
    ),
}

ART40_GROUNDS = ("art40_medical", "art40_incompetent", "art40_objective_change")
