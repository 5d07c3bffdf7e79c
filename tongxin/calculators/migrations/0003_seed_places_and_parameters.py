"""Seed the places of the demo and the few figures whose published source can be stated.

Only figures with a stated source are seeded (laborlaw.md §8.3, §9, §10.3). Places of the demo
(泉州, 大连, 德州 …) get no figures: nothing sourced is on record for them, so the calculator
page asks the mediator to type the value. Left out on purpose: Beijing's minimum wage of
2,200 (used in (2023)京03民终20285号) and the 13,876 cap figure of (2023)京01民终11801号 —
the judgments do not state the validity periods, and a figure without one cannot be picked
by date.
"""

import datetime
from decimal import Decimal

from django.db import migrations

# (code, name, level, parent code, min wage tier)
PLACES = [
    ("CN", "全国", "national", None, None),
    ("110000", "北京市", "province", "CN", None),
    ("350000", "福建省", "province", "CN", None),
    ("350500", "泉州市", "city", "350000", None),
    ("350503", "丰泽区", "district", "350500", None),
    ("350581", "石狮市", "district", "350500", None),
    ("350582", "晋江市", "district", "350500", None),
    ("350583", "南安市", "district", "350500", None),
    ("210000", "辽宁省", "province", "CN", None),
    ("210200", "大连市", "city", "210000", None),
    ("210214", "普兰店区", "district", "210200", None),
    ("370000", "山东省", "province", "CN", None),
    ("371400", "德州市", "city", "370000", None),
    ("371425", "齐河县", "district", "371400", None),
]

D = datetime.date
NBS = "国家统计局"
BJ_ANSWERS = "北京市高级人民法院、北京市劳动人事争议仲裁委员会"
BJ_ANSWERS_NO = "京高法发〔2024〕534号《关于审理劳动争议案件法律适用问题的解答（一）》"
BJ_ANSWERS_URL = "https://www.beijing.gov.cn/zhengce/fygfxwj/202405/W020240530575736715599.pdf"
DEATH_NOTE = (
    "上一年度全国城镇居民人均可支配收入，按工伤保险条例第39条第1款第3项（20倍）用于{year}年"
    "发生的因工死亡；有效期即该年度。见 laborlaw.md §8.3。"
)

# (place, key, tier, value, choice, valid_from, valid_to, issuing body, document, url, note)
PARAMETERS = [
    (
        "CN", "prev_year_national_urban_disposable_income", None, Decimal("33616"), "",
        D(2017, 1, 1), D(2017, 12, 31), NBS, "《2016年居民收入和消费支出情况》", "",
        "2016年全国城镇居民人均可支配收入33,616元。" + DEATH_NOTE.format(year=2017),
    ),
    (
        "CN", "prev_year_national_urban_disposable_income", None, Decimal("51821"), "",
        D(2024, 1, 1), D(2024, 12, 31), NBS,
        "《2023年居民收入和消费支出情况》（2024-01-17 发布）", "",
        "2023年全国城镇居民人均可支配收入51,821元。" + DEATH_NOTE.format(year=2024),
    ),
    (
        "CN", "prev_year_national_urban_disposable_income", None, Decimal("54188"), "",
        D(2025, 1, 1), D(2025, 12, 31), NBS, "《2024年居民收入和消费支出情况》", "",
        "2024年全国城镇居民人均可支配收入54,188元。" + DEATH_NOTE.format(year=2025),
    ),
    (
        "110000", "local_min_wage", None, Decimal("2540"), "",
        D(2025, 9, 1), None, "北京市人力资源和社会保障局", "", "",
        "北京市月最低工资标准2,540元，2025年9月1日起执行；全市一档；文号未录入。见 laborlaw.md §10.3"
        "（一裁终局标准 12 × 2,540 = 30,480 元）。",
    ),
    (
        "110000", "double_wage_gap_rule", None, None, "beijing_from_next_day",
        D(2024, 4, 30), None, BJ_ANSWERS, BJ_ANSWERS_NO, BJ_ANSWERS_URL,
        "第41问第3项：劳动合同期满后未续订书面合同的，自期满次日起计算二倍工资，最长12个月。"
        "见 laborlaw.md §9.2。",
    ),
    (
        "110000", "double_wage_limitation_rule", None, None, "beijing_count_back_by_day",
        D(2024, 4, 30), None, BJ_ANSWERS, BJ_ANSWERS_NO, BJ_ANSWERS_URL,
        "第41问第5项：二倍工资差额的仲裁时效自申请仲裁之日起向前逐日倒推一年。见 laborlaw.md §9.4。",
    ),
    (
        "110000", "overtime_base_rule", None, None, "beijing_q57",
        D(2024, 4, 30), None, BJ_ANSWERS, BJ_ANSWERS_NO, BJ_ANSWERS_URL,
        "第57问：加班费基数按劳动合同约定的工资标准，约定的加班基数低于合同工资的可不采纳。"
        "见 laborlaw.md §5.2、§11 第7项。",
    ),
]


def seed(apps, schema_editor):
    Place = apps.get_model("calculators", "Place")
    Parameter = apps.get_model("calculators", "JurisdictionParameter")
    by_code = {}
    for code, name, level, parent, tier in PLACES:
        place, _ = Place.objects.update_or_create(
            code=code,
            defaults={
                "name": name,
                "level": level,
                "parent": by_code.get(parent),
                "min_wage_tier": tier,
            },
        )
        by_code[code] = place
    for code, key, tier, value, choice, start, end, body, doc, url, note in PARAMETERS:
        Parameter.objects.update_or_create(
            place=by_code[code],
            key=key,
            tier=tier,
            valid_from=start,
            defaults={
                "value": value,
                "choice": choice,
                "valid_to": end,
                "issuing_body": body,
                "document_no": doc,
                "source_url": url,
                "note": note,
            },
        )


def unseed(apps, schema_editor):
    Place = apps.get_model("calculators", "Place")
    Parameter = apps.get_model("calculators", "JurisdictionParameter")
    for code, key, tier, _value, _choice, start, *_ in PARAMETERS:
        Parameter.objects.filter(place__code=code, key=key, tier=tier, valid_from=start).delete()
    # Places go only where admins have not hung their own figures or places on them.
    for code, *_ in reversed(PLACES):
        Place.objects.filter(code=code, parameters__isnull=True, children__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("calculators", "0002_exclude_overlapping_parameters_on_postgres")]

    operations = [migrations.RunPython(seed, unseed)]
