"""Seed the category catalogue and the default time limits (both are data admins edit later).

Categories: the five national 12351 L1 classes (2023) and L2 topics from the ACFTU 12351 policy
menu and domain-model.md §2's suggested list. Time limits: domain-model.md §2 / norms.md §3.2
(consultations 2 working days; 一般 5, 难点 15, 特别复杂 30; suggestions 13; 签收 1 working day;
group wage arrears received within 1 hour)."""

import datetime

from django.db import migrations

CATALOGUE = {
    ("C1", "问题咨询"): ["劳动合同和集体合同", "工作时间和休息休假", "劳动报酬", "劳动安全卫生",
                     "女职工和未成年工特殊保护", "社会保险和社会福利", "劳动争议", "入会与会籍",
                     "建会咨询", "工会法人资格登记", "新就业形态劳动者权益"],
    ("C2", "服务帮扶"): ["困难职工帮扶", "职工医疗互助保障", "技能培训与就业", "心理关爱"],
    ("C3", "信访投诉"): ["拖欠工资", "加班费与工时", "劳动合同（未签/解除/经济补偿）",
                     "社会保险（未缴/欠缴/失业金/离职原因）", "工伤", "职业病", "女职工权益",
                     "投诉工会工作"],
    ("C4", "法律援助"): ["法律咨询", "代理仲裁与诉讼", "申请调解"],
    ("C5", "意见建议"): ["对工会工作的建议", "对劳动政策的建议", "集体协商"],
}

RULES = [  # (nature, difficulty, accept wd, finish wd, basis)
    ("consult", "", 1, 2, "咨询 2 个工作日（norms.md §3.2 市级规则）"),
    ("", "normal", 1, 5, "一般 5 个工作日（12351 分级时限，domain-model.md §2）"),
    ("", "hard", 1, 15, "难点 15 个工作日（domain-model.md §2）"),
    ("", "complex", 1, 30, "特别复杂 30 个工作日（domain-model.md §2）"),
    ("suggestion", "", 1, 13, "投诉/建议 13 个工作日（norms.md §3.2 市级规则）"),
]


def seed(apps, schema_editor):
    Category = apps.get_model("appeals", "Category")
    DeadlineRule = apps.get_model("appeals", "DeadlineRule")
    for i, ((code, name), topics) in enumerate(CATALOGUE.items()):
        parent, _ = Category.objects.get_or_create(code=code, defaults={"name": name,
                                                                         "sort_order": i})
        for j, topic in enumerate(topics, start=1):
            Category.objects.get_or_create(code=f"{code}-{j:02d}", defaults={
                "name": topic, "parent": parent, "sort_order": j})
    if not DeadlineRule.objects.exists():
        for nature, difficulty, accept, finish, basis in RULES:
            DeadlineRule.objects.create(nature=nature, difficulty=difficulty,
                                        accept_working_days=accept, finish_working_days=finish,
                                        urgent_accept_hours=1, note=basis,
                                        effective_from=datetime.date(2020, 1, 1))


class Migration(migrations.Migration):
    dependencies = [("appeals", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
