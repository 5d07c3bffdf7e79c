"""Worked examples computed by hand from laborlaw.md (committed; independent of ../shared).

Each row: (id, calculator, inputs, expected). The comment above a row gives the arithmetic
and the rule applied.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

import laborlaw

from .helpers import mismatches, tolerance

LOCAL = {"local_avg_monthly_wage": 10000, "local_min_wage": 2420}

EXAMPLES: list[tuple[str, str, dict[str, Any], dict[str, Any]]] = [
    # 劳动合同法 第47条第1款 "六个月以上不满一年的，按一年": exactly 6 months → 1 month.
    (
        "own-sev-6-months",
        "severance",
        {
            "start_date": "2024-01-01",
            "end_date": "2024-06-30",
            "avg_monthly_wage_12m": 8000,
            "termination_ground": "mutual_employer_initiated",
            **LOCAL,
        },
        {"service": "0y6m0d", "comp_months": 1, "amount": 8000.00},
    ),
    # 第47条第2款 "高于…三倍": a wage of exactly 3× is not capped; 15y3m → 15.5 months;
    # 36,000 × 15.5 = 558,000.
    (
        "own-sev-exactly-3x",
        "severance",
        {
            "start_date": "2009-01-01",
            "end_date": "2024-03-31",
            "avg_monthly_wage_12m": 36000,
            "termination_ground": "art40_incompetent",
            "local_avg_monthly_wage": 12000,
            "local_min_wage": 2420,
        },
        {"comp_months": 15.5, "wage_base": 36000.00, "cap_applied": False, "amount": 558000.00},
    ),
    # 第97条第3款 + 481号 第5条: pre-2008 1990-03-01..2007-12-31 = 17y10m → 18 → capped 12;
    # post 2008-01-01..2024-06-30 = 16y6m → 17. 9,000 × 17 + 9,000 × 12 = 261,000.
    (
        "own-sev-pre2008-mutual-cap12",
        "severance",
        {
            "start_date": "1990-03-01",
            "end_date": "2024-06-30",
            "avg_monthly_wage_12m": 9000,
            "termination_ground": "mutual_employer_initiated",
            **LOCAL,
        },
        {
            "comp_months_pre2008": 12,
            "comp_months_post2008": 17,
            "comp_months_total": 29,
            "amount": 261000.00,
        },
    ),
    # 481号 第9条 (layoff, no old cap): pre 2005-07-01..2007-12-31 = 2y6m → 3 (不满一年按一年);
    # post 2008..2023-12-31 = 16y → 16. 7,000 × 19 = 133,000.
    (
        "own-sev-pre2008-layoff",
        "severance",
        {
            "start_date": "2005-07-01",
            "end_date": "2023-12-31",
            "avg_monthly_wage_12m": 7000,
            "termination_ground": "art41_layoff",
            **LOCAL,
        },
        {"comp_months_pre2008": 3, "comp_months_post2008": 16, "amount": 133000.00},
    ),
    # 北京解答（一）Q71: resignation for unpaid social insurance counts only from 2008:
    # 2008-01-01..2023-12-31 = 16y → 7,000 × 16 = 112,000.
    (
        "own-sev-social-insurance-from-2008",
        "severance",
        {
            "start_date": "2005-07-01",
            "end_date": "2023-12-31",
            "avg_monthly_wage_12m": 7000,
            "termination_ground": "worker_38_no_social_insurance",
            **LOCAL,
        },
        {"comp_months_pre2008": 0, "comp_months_post2008": 16, "amount": 112000.00},
    ),
    # 第39条 dismissal: no severance (第46条).
    (
        "own-sev-art39-none",
        "severance",
        {
            "start_date": "2015-01-01",
            "end_date": "2023-12-31",
            "avg_monthly_wage_12m": 7000,
            "termination_ground": "art39_dismissal",
            **LOCAL,
        },
        {"due": False, "amount": 0.00},
    ),
    # 实施条例 第10条: service merged from 2018-01-01 → 6y0m → 6 × 10,000 = 60,000.
    (
        "own-sev-merged-service",
        "severance",
        {
            "start_date": "2020-01-01",
            "merged_prior_service_start": "2018-01-01",
            "end_date": "2023-12-31",
            "avg_monthly_wage_12m": 10000,
            "termination_ground": "art40_objective_change",
            **LOCAL,
        },
        {"service": "6y0m0d", "comp_months": 6, "amount": 60000.00},
    ),
    # 第87条: 2015-03-01..2024-09-15 = 9y6m15d → 10 months; 12,000 < 3 × 9,000;
    # 12,000 × 10 × 2 = 240,000; minus 50,000 already paid → 190,000.
    (
        "own-utd-balance",
        "unlawful_termination_damages",
        {
            "start_date": "2015-03-01",
            "end_date": "2024-09-15",
            "avg_monthly_wage_12m": 12000,
            "local_avg_monthly_wage": 9000,
            "local_min_wage": 2420,
            "already_paid": 50000,
        },
        {"service": "9y6m15d", "comp_months": 10, "amount": 240000.00, "balance_due": 190000.00},
    ),
    # 实施条例 第20条: last month's wage, not the average.
    (
        "own-notice-medical",
        "notice_pay",
        {
            "termination_ground": "art40_medical",
            "notice_30_days_given": False,
            "last_month_wage": 7300.50,
        },
        {"notice_pay": 7300.50, "amount": 7300.50},
    ),
    # 第40条: 30 days' written notice given → no pay in lieu.
    (
        "own-notice-given",
        "notice_pay",
        {
            "termination_ground": "art40_incompetent",
            "notice_30_days_given": True,
            "last_month_wage": 9000,
        },
        {"notice_pay": 0.00},
    ),
    # 实施条例 第7条 + 北京解答 Q41(1): start 2023-03-15, never signed, left 2024-08-31:
    # 2023-04-15..2024-03-14 = 11 full months × 6,000 = 66,000.
    (
        "own-dw-11-month-ceiling",
        "double_wage",
        {
            "scenario": "new_hire",
            "employment_start_date": "2023-03-15",
            "end_date": "2024-08-31",
            "monthly_wage": 6000,
        },
        {
            "period_start": "2023-04-15",
            "period_end": "2024-03-14",
            "full_months": 11,
            "partial_days": 0,
            "amount": 66000.00,
        },
    ),
    # 实施条例 第5条: signed within the first month → no double wage.
    (
        "own-dw-signed-in-first-month",
        "double_wage",
        {
            "scenario": "new_hire",
            "employment_start_date": "2024-01-10",
            "contract_signed_date": "2024-02-05",
            "monthly_wage": 6000,
        },
        {"amount": 0.00},
    ),
    # 第82条第2款: 2024-01-01..2024-03-19 = 2 full months + 13 working days;
    # 2 × 8,700 + 8,700 / 21.75 × 13 = 17,400 + 5,200 = 22,600 (解释（二）第6条).
    (
        "own-dw-open-ended-partial",
        "double_wage",
        {
            "scenario": "open_ended_refused",
            "should_sign_open_ended_date": "2024-01-01",
            "contract_signed_date": "2024-03-20",
            "monthly_wage": 8700,
            "partial_month_actual_work_days": 13,
        },
        {"full_months": 2, "partial_days": 13, "amount": 22600.00},
    ),
    # 解释（二）第6条 with a partial month longer than the divisor: start 2008-01-01, left
    # 2008-12-30 → 2008-02-01..12-30 = 10 full months + December 1–30 with 22 weekdays.
    # 8,700 / 21.75 × 22 = 8,800 is more than the whole month, so the part counts 8,700:
    # 10 × 8,700 + 8,700 = 95,700 (never above the 11 months the period can last).
    (
        "own-dw-partial-month-capped",
        "double_wage",
        {
            "scenario": "new_hire",
            "employment_start_date": "2008-01-01",
            "end_date": "2008-12-30",
            "monthly_wage": 8700,
        },
        {"full_months": 10, "partial_days": 22, "amount": 95700.00},
    ),
    # 劳动法 第44条: base 6,960 → hourly 40. 10 h × 40 × 150% = 600; rest-day 4 h × 40 × 200%
    # = 320; holiday 3 h × 40 × 300% = 360; total 1,280.
    (
        "own-ot-hours",
        "overtime_pay",
        {
            "overtime_base_monthly": 6960,
            "weekday_extension_hours": 10,
            "rest_day_hours_without_comp_off": 4,
            "statutory_holiday_hours": 3,
        },
        {
            "hourly_wage": 40.00,
            "weekday_part": 600.00,
            "rest_day_part": 320.00,
            "holiday_part": 360.00,
            "amount": 1280.00,
        },
    ),
    # 工资支付暂行规定 第13条第3款 + 3号文 (20.83 × 8 = 166.64 h): 180 − 166.64 = 13.36 h ×
    # 50 × 150% = 1,002.
    (
        "own-ot-comprehensive-month",
        "overtime_pay",
        {
            "overtime_base_monthly": 8700,
            "working_time_system": "comprehensive_monthly",
            "period": "2024-05",
            "actual_hours_in_period": 180,
        },
        {"excess_hours": 13.36, "amount": 1002.00},
    ),
    # 第13条第4款: approved flexible hours → no overtime pay (no local 300% rule chosen).
    (
        "own-ot-flexible",
        "overtime_pay",
        {
            "overtime_base_monthly": 8700,
            "working_time_system": "flexible",
            "statutory_holiday_days": 2,
        },
        {"amount": 0.00},
    ),
    # 实施办法 第12条: 12 years → 10 days; 2023-01-01..06-30 = 181 days; 181 × 10 / 365 =
    # 4.96 → 4; taken 2 → 2 unused × 10,875 / 21.75 (= 500) × 200% = 2,000.
    (
        "own-al-leaving",
        "annual_leave_pay",
        {
            "cumulative_work_years": 12,
            "year": 2023,
            "employer_start_date": "2015-05-01",
            "end_date": "2023-06-30",
            "days_taken_this_year": 2,
            "avg_monthly_wage_ex_overtime_12m": 10875,
        },
        {
            "full_year_entitlement": 10,
            "days_elapsed": 181,
            "prorated_days": 4,
            "unused_days": 2,
            "daily_wage": 500.00,
            "amount": 2000.00,
        },
    ),
    # 实施办法 第3条、第5条: continuous work from 2023-09-01 → eligible 2024-09-01; 122 days ×
    # 5 / 365 = 1.67 → 1 day × 400 × 200% = 800.
    (
        "own-al-continuous-elsewhere",
        "annual_leave_pay",
        {
            "cumulative_work_years": 1,
            "continuous_work_start_date": "2023-09-01",
            "employer_start_date": "2024-02-01",
            "year": 2024,
            "settlement": "year_end_in_service",
            "avg_monthly_wage_ex_overtime_12m": 8700,
        },
        {"eligible_from": "2024-09-01", "days_counted": 122, "prorated_days": 1, "amount": 800.00},
    ),
    # laborlaw.md §7.1 method (b): 9,000 − 9,000 / 21.75 × 12 = 4,034.48.
    (
        "own-wg-monthly-minus-absent",
        "final_wages",
        {
            "monthly_wage": 9000,
            "last_day_worked": "2024-07-15",
            "method": "monthly_minus_absent_days",
            "absent_working_days": 12,
        },
        {"amount": 4034.48, "due_date": "2024-07-15"},
    ),
    # 劳动合同法 第85条 + 北京解答 Q6: no order from the labour bureau → no penalty yet.
    (
        "own-wg-no-order",
        "wage_arrears_penalty",
        {"amount_owed": 20000},
        {"penalty_min": 0.00, "penalty_max": 0.00, "amount": 0.00},
    ),
    # 工伤保险条例 第35条: grade 1, own 5,000 (≥ 60% of 8,000): 27 × 5,000 = 135,000;
    # allowance 90% = 4,500 from the fund.
    (
        "own-wi-grade1",
        "work_injury_disability",
        {
            "grade": 1,
            "own_monthly_wage_12m": 5000,
            "regional_avg_monthly_wage": 8000,
            "local_min_wage": 2420,
        },
        {
            "lump_sum": 135000.00,
            "monthly_disability_allowance": 4500.00,
            "allowance_payer": "工伤保险基金",
        },
    ),
    # 第64条: own 30,000 capped at 3 × 8,000 = 24,000; grade 6 lump 16 × 24,000 = 384,000;
    # employer provides work → no allowance (第36条).
    (
        "own-wi-grade6-capped",
        "work_injury_disability",
        {"grade": 6, "own_monthly_wage_12m": 30000, "regional_avg_monthly_wage": 8000},
        {"own_wage_used": 24000.00, "lump_sum": 384000.00, "monthly_disability_allowance": None},
    ),
    # 第39条: funeral 6 × 9,000 = 54,000; pensions 40% + 40% + 40% = 12,000 > 10,000 → 10,000;
    # lump 20 × 54,188 = 1,083,760; amount (one-off items) = 1,137,760.
    (
        "own-wi-death-capped",
        "work_injury_death",
        {
            "own_monthly_wage_12m": 10000,
            "regional_avg_monthly_wage": 9000,
            "prev_year_national_urban_disposable_income": 54188,
            "death_year": 2025,
            "dependants": [
                {"relation": "spouse"},
                {"relation": "parent", "widowed_elderly": True},
                {"relation": "child", "orphan": True},
            ],
        },
        {
            "funeral_grant": 54000.00,
            "uncapped_total": 12000.00,
            "dependant_pension_monthly": 10000.00,
            "lump_sum_death_benefit": 1083760.00,
            "amount": 1137760.00,
        },
    ),
    # 调解仲裁法 第27条第1款 + 民法典 第203条: 2023-09-08 + 1 year = 2024-09-08, a Sunday →
    # 2024-09-09; filed that Monday → in time.
    (
        "own-tl-weekend-rollover",
        "time_limits",
        {
            "claim_type": "severance",
            "employment_end_date": "2023-09-08",
            "application_date": "2024-09-09",
        },
        {"limitation_start": "2023-09-09", "deadline": "2024-09-09", "time_barred": False},
    ),
    # 第27条第2款: a demand on 2023-12-01 restarts the year → 2024-12-01 (Sunday) → 12-02.
    (
        "own-tl-interruption",
        "time_limits",
        {
            "claim_type": "unlawful_termination_damages",
            "employment_end_date": "2023-01-10",
            "interruptions": ["2023-12-01"],
            "application_date": "2024-11-20",
        },
        {"limitation_start": "2023-12-02", "deadline": "2024-12-02", "time_barred": False},
    ),
    # 第14条第3款: received 2024-09-20 + 15 = 2024-10-05, inside the National Day holiday
    # (10-01..10-07 given as the calendar) → 2024-10-08.
    (
        "own-tl-mediation-holiday",
        "time_limits",
        {
            "claim_type": "mediation_deadline",
            "mediation_application_received": "2024-09-20",
            "non_working_days": [f"2024-10-0{d}" for d in range(1, 8)],
        },
        {"mediation_deadline": "2024-10-08", "may_apply_for_arbitration_from": "2024-10-09"},
    ),
    # 第47条 + 北京解答 Q9: 12 × 2,540 = 30,480 per item.
    (
        "own-tl-final-award",
        "time_limits",
        {
            "claim_type": "final_award_check",
            "local_min_wage": 2540,
            "claim_items": [
                {"name": "wages", "amount": 30000},
                {"name": "severance", "amount": 40000, "kind": "severance"},
            ],
        },
        {"threshold": 30480.00, "final_award_eligible": {"wages": True, "severance": False}},
    ),
    # 第97条第3款 + 481号 第9条 (layoff: no old cap) + 第47条第2款: pre 1995..2007 = 13y → 13
    # months on the uncapped 40,000 (the old rules had no 3x cap); post 2008..2023 = 16y, capped
    # at 3 × 10,000 and 12 months. 30,000 × 12 + 40,000 × 13 = 360,000 + 520,000 = 880,000.
    (
        "own-sev-pre2008-split-with-cap",
        "severance",
        {
            "start_date": "1995-01-01",
            "end_date": "2023-12-31",
            "avg_monthly_wage_12m": 40000,
            "termination_ground": "art41_layoff",
            **LOCAL,
        },
        {
            "comp_months_pre2008": 13,
            "comp_months_post2008": 12,
            "wage_base": 30000.00,
            "wage_base_pre2008": 40000.00,
            "cap_applied": True,
            "amount": 880000.00,
        },
    ),
    # 481号 第11条 (art.8 ground): the pre-2008 base is raised to the enterprise average 6,000;
    # pre 2006-03-01..2007-12-31 = 1y10m → 2; post 2008-01-01..2020-02-29 = 12y1m29d → 12.5.
    # 5,000 × 12.5 + 6,000 × 2 = 62,500 + 12,000 = 74,500.
    (
        "own-sev-enterprise-average-floor",
        "severance",
        {
            "start_date": "2006-03-01",
            "end_date": "2020-02-29",
            "avg_monthly_wage_12m": 5000,
            "enterprise_avg_monthly_wage": 6000,
            "termination_ground": "art40_objective_change",
            **LOCAL,
        },
        {"comp_months_pre2008": 2, "comp_months_post2008": 12.5, "amount": 74500.00},
    ),
    # 481号 第6条: pre-2008 medical termination also owes ≥ 6 months' 医疗补助费, shown apart:
    # 6,000 × 12 + 6,000 × 3 = 90,000; subsidy at least 6,000 × 6 = 36,000.
    (
        "own-sev-medical-subsidy-shown-apart",
        "severance",
        {
            "start_date": "2005-01-01",
            "end_date": "2019-12-31",
            "avg_monthly_wage_12m": 6000,
            "termination_ground": "art40_medical",
            **LOCAL,
        },
        {"amount": 90000.00, "medical_subsidy_pre2008_min": 36000.00},
    ),
    # 工资支付暂行规定 第13条第2款: pieces after the quota at 150/200/300% of the piece rate:
    # 2.40 × (50 × 1.5 + 20 × 2 + 10 × 3) = 2.40 × 145 = 348.
    (
        "own-ot-piece-rate",
        "overtime_pay",
        {
            "piece_rate": "2.40",
            "pieces_weekday_extension": 50,
            "pieces_rest_day": 20,
            "pieces_statutory_holiday": 10,
        },
        {"piece_rate_part": 348.00, "amount": 348.00},
    ),
    # laborlaw.md §11 Q7: a local divisor of 20.92 days (北京市工资支付规定 第43条):
    # 8,368 ÷ 20.92 × 1 day × 200% = 800.
    (
        "own-ot-local-divisor",
        "overtime_pay",
        {
            "overtime_base_monthly": 8368,
            "rest_day_days_without_comp_off": 1,
            "overtime_days_divisor": "20.92",
        },
        {"daily_wage": 400.00, "amount": 800.00},
    ),
    # 实施办法 第5条 and 第12条 together (hired and leaving in 2024): 2024-03-01..08-31 = 184
    # days × 5 / 365 = 2.52 → 2 days × 8,700 / 21.75 × 200% = 1,600.
    (
        "own-al-hired-and-leaving-same-year",
        "annual_leave_pay",
        {
            "cumulative_work_years": 5,
            "year": 2024,
            "employer_start_date": "2024-03-01",
            "end_date": "2024-08-31",
            "previous_continuous_12m_satisfied": True,
            "avg_monthly_wage_ex_overtime_12m": 8700,
        },
        {"days_employed": 184, "prorated_days": 2, "unused_days": 2, "amount": 1600.00},
    ),
    # 实施办法 第10条第2款: the employer arranged leave and the worker waived it in writing.
    (
        "own-al-waived-in-writing",
        "annual_leave_pay",
        {
            "cumulative_work_years": 12,
            "year": 2024,
            "employer_start_date": "2015-01-01",
            "end_date": "2024-12-31",
            "settlement": "year_end_in_service",
            "avg_monthly_wage_ex_overtime_12m": 8700,
            "worker_waived_in_writing": True,
        },
        {"unused_days": 10, "amount": 0.00},
    ),
    # 北京解答（一）Q41(3): from the day after expiry to the day before renewal; renewed
    # 2024-01-20 → 2024-01-01..01-19, no full month, 13 working days: 10,000 / 21.75 × 13.
    (
        "own-dw-gap-beijing-partial",
        "double_wage",
        {
            "scenario": "post_expiry",
            "prior_contract_end_date": "2023-12-31",
            "contract_signed_date": "2024-01-20",
            "monthly_wage": 10000,
            "gap_rule": "beijing_from_next_day",
            "partial_month_actual_work_days": 13,
        },
        {"full_months": 0, "partial_days": 13, "amount": 5977.01},
    ),
    # One month's grace (LCL art.10 by analogy): renewed within the month → nothing.
    (
        "own-dw-gap-grace-signed-in-time",
        "double_wage",
        {
            "scenario": "post_expiry",
            "prior_contract_end_date": "2023-12-31",
            "contract_signed_date": "2024-01-20",
            "monthly_wage": 10000,
            "gap_rule": "one_month_grace",
        },
        {"amount": 0.00},
    ),
    # 北京解答（一）Q41(3): at most 12 months: 2022-07-01..2023-06-30 = 12 × 9,000 = 108,000.
    (
        "own-dw-gap-beijing-12-months",
        "double_wage",
        {
            "scenario": "post_expiry",
            "prior_contract_end_date": "2022-06-30",
            "end_date": "2024-06-30",
            "monthly_wage": 9000,
            "gap_rule": "beijing_from_next_day",
        },
        {"period_end": "2023-06-30", "full_months": 12, "amount": 108000.00},
    ),
    # 工伤保险条例 第39条第3款: a grade 1–4 worker dying after the stop-work period → funeral
    # grant (6 × 10,000) and pensions (40% × 8,000), no lump sum.
    (
        "own-wi-death-after-stop-work-period",
        "work_injury_death",
        {
            "grade": 2,
            "death_during_stop_work_period": False,
            "regional_avg_monthly_wage": 10000,
            "own_monthly_wage_12m": 8000,
            "dependants": [{"relation": "spouse"}],
            "prev_year_national_urban_disposable_income": 51821,
            "death_year": 2024,
        },
        {"funeral_grant": 60000.00, "dependant_pension_monthly": 3200.00, "amount": 60000.00},
    ),
    # laborlaw.md §8.3: deaths in 2017 use the 2016 figure 33,616 → 20 × 33,616 = 672,320.
    (
        "own-wi-death-2017",
        "work_injury_death",
        {"death_year": 2017, "prev_year_national_urban_disposable_income": 33616},
        {"lump_sum_death_benefit": 672320.00, "amount": 672320.00},
    ),
    # 调解仲裁法 第27条第3款: 30 days of suspension (June 2023) push 2024-03-01 to 2024-03-31,
    # a Sunday → 2024-04-01 (民法典 第203条).
    (
        "own-tl-suspension",
        "time_limits",
        {
            "claim_type": "severance",
            "employment_end_date": "2023-03-01",
            "suspensions": [{"start": "2023-06-01", "end": "2023-06-30"}],
            "application_date": "2024-03-29",
        },
        {"deadline": "2024-04-01", "time_barred": False},
    ),
    # 调解仲裁法 第43条第1款: accepted 2024-05-06 → award due 2024-06-20, extended 2024-07-05.
    (
        "own-tl-award-deadline",
        "time_limits",
        {"claim_type": "arbitration_award_deadline", "arbitration_accepted_date": "2024-05-06"},
        {"award_deadline": "2024-06-20", "award_deadline_extended": "2024-07-05"},
    ),
]


@pytest.mark.parametrize(
    ("calculator", "inputs", "expected"),
    [pytest.param(c, i, e, id=name) for name, c, i, e in EXAMPLES],
)
def test_worked_example(calculator: str, inputs: dict[str, Any], expected: dict[str, Any]) -> None:
    result = laborlaw.calculate(calculator, inputs)
    assert not mismatches(expected, result, tolerance(calculator))


def test_severance_cliff_at_cap() -> None:
    """The 12-year limit applies only with the 3× cap (第47条第2款): a wage one fen above 3×
    for 15.5 months of service pays less than exactly 3× — a statutory discontinuity."""
    facts = {
        "start_date": "2009-01-01",
        "end_date": "2024-03-31",
        "termination_ground": "art40_incompetent",
        "local_avg_monthly_wage": 12000,
    }
    at = laborlaw.calculate("severance", {**facts, "avg_monthly_wage_12m": "36000.00"})
    above = laborlaw.calculate("severance", {**facts, "avg_monthly_wage_12m": "36000.01"})
    assert at["amount"] == 558000
    assert above["amount"] == 432000
    assert "cap_12y_applied" in above["flags"]
    assert "cap_3x_applied" in above["flags"]


def test_death_after_the_stop_work_period_has_no_lump_sum() -> None:
    """工伤保险条例 第39条第3款: grades 1–4 dying after the 停工留薪期 get no 一次性工亡补助金."""
    facts = {
        "death_during_stop_work_period": False,
        "regional_avg_monthly_wage": 10000,
        "prev_year_national_urban_disposable_income": 51821,
    }
    after = laborlaw.calculate("work_injury_death", {**facts, "grade": 3})
    during = laborlaw.calculate(
        "work_injury_death", {**facts, "death_during_stop_work_period": True}
    )
    assert "lump_sum_death_benefit" not in after
    assert after["amount"] == Decimal("60000.00")
    assert during["lump_sum_death_benefit"] == Decimal("1036420.00")
    assert "工伤保险条例 第39条第3款" in after["basis"]


def test_every_component_cites_its_article() -> None:
    """laborlaw.md §1.5: each component is {label, formula, value, basis} with a basis."""
    for name, calculator, inputs, _expected in EXAMPLES:
        result = laborlaw.calculate(calculator, inputs)
        assert result["basis"], name
        for component in result["components"]:
            assert component["basis"], (name, component["label"])
            assert component["formula"], (name, component["label"])
