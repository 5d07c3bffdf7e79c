"""Chinese words for the library's codes: choice values, flags and result keys (page only)."""

from typing import Any

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

CHOICE_LABELS: dict[str, StrOrPromise] = {
    # termination grounds (劳动合同法 第36–46条)
    "mutual_employer_initiated": _("协商一致解除（用人单位提出）"),
    "mutual_worker_initiated": _("协商一致解除（劳动者提出）"),
    "worker_38_unpaid_wages": _("第38条：未及时足额支付劳动报酬"),
    "worker_38_unpaid_overtime": _("第38条：未支付加班费"),
    "worker_38_below_min_wage": _("第38条：工资低于最低工资标准"),
    "worker_38_no_labour_conditions": _("第38条：未提供劳动保护或劳动条件"),
    "worker_38_forced_labour": _("第38条：强迫劳动、危及人身安全"),
    "worker_38_no_social_insurance": _("第38条：未依法缴纳社会保险费"),
    "worker_38_other": _("第38条：其他情形"),
    "art40_medical": _("第40条第1项：医疗期满不能工作"),
    "art40_incompetent": _("第40条第2项：不能胜任工作"),
    "art40_objective_change": _("第40条第3项：客观情况发生重大变化"),
    "art41_layoff": _("第41条：经济性裁员"),
    "expiry_not_renewed": _("合同期满，用人单位不续订"),
    "expiry_worker_refused_same_terms": _("合同期满，单位维持或提高条件续订而劳动者拒绝"),
    "employer_bankruptcy": _("用人单位破产"),
    "employer_dissolution": _("用人单位决定提前解散"),
    "employer_licence_revoked": _("用人单位被吊销营业执照、责令关闭、撤销"),
    "task_completed": _("以完成一定工作任务为期限的合同终止"),
    "worker_resigned": _("劳动者主动辞职"),
    "art37_resignation": _("第37条：劳动者提前通知解除"),
    "art39_dismissal": _("第39条：过失性辞退"),
    "probation_rejection": _("试用期不符合录用条件"),
    # double wage
    "new_hire": _("入职后未签书面合同"),
    "post_expiry": _("合同期满后未续签（空窗期）"),
    "open_ended_refused": _("应签无固定期限合同而未签"),
    "period_given": _("直接给定期间"),
    "beijing_from_next_day": _("北京：到期次日起算，最长12个月"),
    "one_month_grace": _("宽限一个月（按新入职处理）"),
    "deemed_renewal_no_double_wage": _("视为续订，不支付二倍工资"),
    "compare_all": _("列出各种做法对比"),
    "beijing_count_back_by_day": _("北京：自申请日逐日倒推一年"),
    "count_back_by_month": _("按月倒推（广东）"),
    "from_end_of_period": _("自二倍工资期间届满起算一年"),
    # overtime
    "national_contract_wage": _("全国：劳动合同约定的工资标准"),
    "beijing_q57": _("北京解答（一）第57问"),
    "agreed_clause_not_below_min": _("约定基数（不低于最低工资）"),
    "standard": _("标准工时制"),
    "comprehensive_monthly": _("综合计算工时（月）"),
    "comprehensive_quarterly": _("综合计算工时（季）"),
    "comprehensive_yearly": _("综合计算工时（年）"),
    "flexible": _("不定时工作制"),
    # annual leave, final wages, arrears
    "termination": _("离职时折算"),
    "year_end_in_service": _("在职，年度末结算"),
    "daily_rate_x_paid_days": _("日工资 × 计薪天数"),
    "monthly_minus_absent_days": _("月工资减缺勤天数"),
    "unpaid_wages": _("拖欠工资"),
    "min_wage_shortfall": _("低于最低工资的差额"),
    "unpaid_overtime": _("未付加班费"),
    "unpaid_severance": _("未付经济补偿"),
    # severance mode, work injury
    "full": _("计算经济补偿"),
    "wage_base_only": _("只推算工资基数"),
    "current": _("现行条例（2011年起）"),
    "pre2011": _("2011年前旧条例（未核实）"),
    # time limits
    "overtime_pay": _("加班费"),
    "severance": _("经济补偿"),
    "unlawful_termination_damages": _("违法解除赔偿金"),
    "notice_pay": _("代通知金"),
    "double_wage": _("二倍工资"),
    "annual_leave_pay": _("未休年休假工资"),
    "work_injury": _("工伤待遇"),
    "other": _("其他"),
    "mediation_deadline": _("调解期限"),
    "arbitration_award_deadline": _("仲裁裁决期限"),
    "final_award_check": _("一裁终局判断"),
    "ongoing": _("劳动关系存续"),
    "ended": _("劳动关系已终止"),
}

FLAG_LABELS: dict[str, StrOrPromise] = {
    "cap_3x_applied": _("适用三倍封顶（劳动合同法第四十七条第二款）"),
    "cap_12y_applied": _("适用十二年封顶（劳动合同法第四十七条第二款）"),
    "min_wage_floor_applied": _("工资基数低于最低工资，按当地最低工资计算（实施条例第二十七条）"),
    "pre2008_split": _("2008年前后分段计算（劳动合同法第九十七条第三款）"),
    "pre2008_cap_12_months_applied": _("2008年前部分适用原规定十二个月上限"),
    "enterprise_avg_floor_applied": _("2008年前部分按本企业月平均工资保底"),
    "cap_11_months_applied": _("二倍工资最长十一个月"),
    "deemed_open_ended_contract": _("满一年未签合同，视为已订立无固定期限合同（第十四条第三款）"),
    "deadline_moved_to_working_day": _(
        "期间末日为休息日或节假日，顺延至下一工作日（民法典第二百零三条）"
    ),
    "own_wage_raised_to_60pct": _(
        "本人工资低于统筹地区平均工资60%，按60%计算（工伤保险条例第六十四条）"
    ),
    "own_wage_capped_at_300pct": _(
        "本人工资高于统筹地区平均工资300%，按300%计算（工伤保险条例第六十四条）"
    ),
    "cap_applied:dependant_pensions": _(
        "供养亲属抚恤金之和不超过生前工资（工伤保险条例第三十九条）"
    ),
    "over_36h_monthly_limit": _("延长工作时间超过每月36小时上限（劳动法第四十一条）"),
    "already_paid_exceeds_damages": _("已付经济补偿超过赔偿金"),
    "absent_days_exceed_month": _("缺勤天数超过当月工作日"),
    "wage_base_not_given": _("未提供工资基数"),
    "interrupted": _("时效中断，重新计算"),
    "suspended": _("时效中止"),
    "month_precision_only": _("日期只精确到月"),
    "estimated:working_days": _("工作日按周一至周五估算"),
    "estimated:partial_month_work_days": _("不足月出勤天数按周一至周五估算"),
    "unchecked:cap_3x": _("未提供当地月平均工资，未核对三倍封顶"),
    "unchecked:min_wage_floor": _("未提供当地最低工资，未核对最低工资保底"),
    "unchecked:min_wage_top_up": _("未提供当地最低工资，未核对伤残津贴补足"),
    "unverified:pre2011_regime": _("旧条例规则未经核实"),
    "unverified:pre2011_table": _("旧条例标准表未经核实"),
}

# unsettled:* and local_rule_used:* — where provinces differ (laborlaw.md §11).
VARYING_LABELS: dict[str, StrOrPromise] = {
    "2025_standard_hours": _("2025年起法定节假日增至13天后的综合工时标准工时尚无新规定"),
    "481_art11_floor": _("2008年前部分的企业平均工资保底在481号文废止后是否适用"),
    "481_art6_medical_subsidy": _("2008年前医疗补助费（481号文第六条）是否仍应支付"),
    "annual_leave_limitation": _("未休年休假工资属于劳动报酬（不受一年时效限制）还是一般请求"),
    "double_wage_gap_rule": _(
        "合同期满后空窗期的二倍工资：北京自次日起算，其他地区或宽限一个月、或视为续订"
    ),
    "double_wage_limitation_rule": _("二倍工资时效：北京逐日倒推、广东按月倒推、或自期间届满起算"),
    "notice_pay_min_wage_floor": _("代通知金是否以最低工资保底"),
    "notice_pay_wage_components": _("代通知金“上一个月工资”包含哪些项目"),
    "overtime_base_clause": _("合同约定的加班费基数是否有效"),
    "partial_month_divisor": _("不足月部分按21.75天还是当月实际工作日折算"),
    "partial_month_method": _("不足月工资的算法"),
    "pension_cut_allocation": _("供养亲属抚恤金超过上限时如何分摊"),
    "agreed_clause_not_below_min": _("采用约定的加班费基数（不低于最低工资）"),
    "beijing_from_next_day": _("采用北京规则：空窗期自合同期满次日起算，最长12个月"),
    "beijing_q55_wage_base": _(
        "采用北京做法：工资基数含加班费，年终奖按12个月分摊（北京解答（一）第55问）"
    ),
    "beijing_q57": _("采用北京做法：加班费基数按合同工资（北京解答（一）第57问）"),
    "count_back_by_month": _("采用按月倒推的时效规则"),
    "deemed_renewal_no_double_wage": _("采用视为续订、不支付二倍工资的规则"),
    "final_pay_window": _("采用地方规定的离职工资支付宽限期"),
    "flexible_holiday_300": _("采用不定时工作制法定节假日仍付300%的地方规则"),
    "no_pre2008_split": _("不分段计算2008年前后年限"),
    "one_month_grace": _("采用宽限一个月的规则"),
    "pre2008_cap_3x": _("2008年前部分也适用三倍封顶（地方规则）"),
    "provincial_subsidy_table": _("一次性工伤医疗补助金、伤残就业补助金按省级标准"),
}

DETAIL_LABELS: dict[str, StrOrPromise] = {
    "service": _("工作年限（年/月/日）"),
    "due": _("是否应支付"),
    "comp_months": _("补偿月数"),
    "comp_months_pre2008": _("2008年前月数"),
    "comp_months_post2008": _("2008年后月数"),
    "comp_months_total": _("合计月数"),
    "wage_base": _("工资基数"),
    "wage_base_pre2008": _("2008年前工资基数"),
    "wage_before_cap": _("封顶前工资"),
    "cap_amount": _("三倍封顶额"),
    "cap_applied": _("是否封顶"),
    "balance_due": _("尚应支付"),
    "rule": _("适用规则"),
    "limitation_start": _("时效起算日"),
    "deadline": _("时效届满日"),
    "time_barred": _("是否已过时效"),
    "own_wage_used": _("采用的本人工资"),
    "lump_sum": _("一次性伤残补助金"),
    "lump_sum_months": _("一次性伤残补助金月数"),
    "monthly_disability_allowance": _("伤残津贴（月）"),
    "allowance_payer": _("伤残津贴支付方"),
    "funeral_grant": _("丧葬补助金"),
    "dependant_pension_monthly": _("供养亲属抚恤金（月）"),
    "lump_sum_death_benefit": _("一次性工亡补助金"),
    "overtime_base_monthly": _("加班费基数（月）"),
    "shortfall": _("差额"),
    "penalty_min": _("加付赔偿金下限"),
    "penalty_max": _("加付赔偿金上限"),
    "ignored_inputs": _("未使用的输入"),
}
# Keys the result partial shows elsewhere.
SHOWN_ELSEWHERE = {
    "calculator",
    "amount",
    "amount_in_words",
    "components",
    "basis",
    "flags",
    "assumptions",
    "parameters_used",
    "parameters_date",
    "parameters_date_source",
    "place",
    "calendar_used",
    "termination_ground",
}


def choice_label(value: str) -> str:
    return str(CHOICE_LABELS.get(value, value))


def flag_notes(flags: list[str]) -> tuple[list[str], list[str]]:
    """(where provinces differ, other notes), each in Chinese."""
    varying, notes = [], []
    for flag in flags:
        kind, _, topic = flag.partition(":")
        if kind in ("unsettled", "local_rule_used"):
            if topic.startswith("overtime_days_divisor_"):
                text = gettext("采用地方规定的月计薪天数 %(days)s") % {
                    "days": topic.rsplit("_", 1)[-1]
                }
            else:
                text = str(VARYING_LABELS.get(topic, topic or gettext("存在尚无定论的问题")))
            varying.append(text)
        else:
            notes.append(str(FLAG_LABELS.get(flag, flag)))
    return varying, notes


def result_context(
    description: dict[str, Any], result: dict[str, Any], entered: list[tuple[str, str]]
) -> dict[str, Any]:
    """What the result partial shows besides the amount and the components."""
    varying, notes = flag_notes(list(result["flags"]))
    labels = {f["name"]: f["label_zh"] for f in description["inputs"]}
    return {
        "amount_text": money_text(result["amount"]),
        "components": [{**c, "value_text": money_text(c["value"])} for c in result["components"]],
        "varying": varying,
        "notes": notes,
        "details": detail_rows(result),
        "facts_entered": entered,
        "used": [
            {**u, "label": labels.get(u["input"], u["input"])} for u in result["parameters_used"]
        ],
    }


def money_text(value: Any) -> str:
    """Yuan with thousands separators and two decimals (463,000.00), whatever the locale."""
    return f"{value:,.2f}"


def detail_rows(result: dict[str, Any]) -> list[tuple[str, str]]:
    rows = []
    for key, value in result.items():
        if key in SHOWN_ELSEWHERE or value is None:
            continue
        rows.append((str(DETAIL_LABELS.get(key, key)), _plain(value)))
    return rows


def _plain(value: Any) -> str:
    if isinstance(value, bool):
        return gettext("是") if value else gettext("否")
    if isinstance(value, dict):
        return "；".join(f"{choice_label(str(k))}：{_plain(v)}" for k, v in value.items())
    if isinstance(value, list | tuple):
        return "；".join(_plain(v) for v in value)
    return choice_label(str(value))
