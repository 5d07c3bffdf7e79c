"""Places and the jurisdiction parameters published for them (laborlaw.md §1.4, §11).

The `laborlaw` library never holds a local figure: a minimum wage, an average wage or a local
rule choice is data here, with the place it belongs to, the period it is in force, and the body
and document that published it, so a mediator can cite it.
"""

from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from tongxin.core.models import BaseModel

# [0-9], not \d: \d also takes full-width digits, and such a code would match no look-up.
place_code_validator = RegexValidator(
    r"^(CN|[0-9]{6})$", _("代码应为 6 位行政区划代码（GB/T 2260）或 CN（全国）。")
)


class Place(BaseModel):
    """A place that publishes figures: the country, a province, a city or a district/county."""

    class Level(models.TextChoices):
        NATIONAL = "national", _("全国")
        PROVINCE = "province", _("省级")
        CITY = "city", _("地市级")
        DISTRICT = "district", _("区县级")

    code = models.CharField(
        _("行政区划代码"), max_length=6, unique=True, validators=[place_code_validator]
    )
    name = models.CharField(_("名称"), max_length=60)
    level = models.CharField(_("层级"), max_length=16, choices=Level.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("上级"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    min_wage_tier = models.PositiveSmallIntegerField(
        _("最低工资档次"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(4)],
        help_text=_("本区县适用的最低工资标准档次（一类=1 … 四类=4）；不分档的地区留空。"),
    )

    class Meta:
        ordering = ["code"]
        constraints = [
            models.CheckConstraint(
                condition=Q(min_wage_tier__isnull=True)
                | Q(min_wage_tier__gte=1, min_wage_tier__lte=4),
                name="place_min_wage_tier_1_to_4",
            ),
        ]
        verbose_name = _("地区")
        verbose_name_plural = _("地区")

    def __str__(self) -> str:
        return self.name


class JurisdictionParameter(BaseModel):
    """One published figure or local rule choice, for one place, in force for one period."""

    class Key(models.TextChoices):
        LOCAL_AVG_MONTHLY_WAGE = "local_avg_monthly_wage", _("当地上年度职工月平均工资（三倍封顶）")
        LOCAL_MIN_WAGE = "local_min_wage", _("月最低工资标准")
        REGIONAL_AVG_MONTHLY_WAGE = (
            "regional_avg_monthly_wage",
            _("统筹地区上年度职工月平均工资（工伤）"),
        )
        PREV_YEAR_NATIONAL_URBAN_DISPOSABLE_INCOME = (
            "prev_year_national_urban_disposable_income",
            _("上一年度全国城镇居民人均可支配收入"),
        )
        OVERTIME_DAYS_DIVISOR = "overtime_days_divisor", _("月计薪天数")
        FINAL_PAY_WINDOW_DAYS = "final_pay_window_days", _("离职工资支付宽限天数")
        DOUBLE_WAGE_GAP_RULE = "double_wage_gap_rule", _("规则：合同到期后空窗期二倍工资")
        DOUBLE_WAGE_LIMITATION_RULE = (
            "double_wage_limitation_rule",
            _("规则：二倍工资时效计算"),
        )
        OVERTIME_BASE_RULE = "overtime_base_rule", _("规则：加班费计算基数")
        SEVERANCE_PRE2008_CAP_3X = (
            "severance_pre2008_cap_3x",
            _("规则：2008年前年限也适用三倍封顶"),
        )
        FLEXIBLE_HOURS_HOLIDAY_300 = (
            "flexible_hours_holiday_300",
            _("规则：不定时工作制法定节假日仍付300%"),
        )

    place = models.ForeignKey(
        Place, verbose_name=_("地区"), on_delete=models.PROTECT, related_name="parameters"
    )
    key = models.CharField(_("参数"), max_length=64, choices=Key.choices)
    tier = models.PositiveSmallIntegerField(
        _("档次"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(4)],
        help_text=_("仅最低工资：适用的区县档次；留空 = 所有档次。"),
    )
    value = models.DecimalField(
        _("数值"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("金额（元）、天数等；规则选择留空。"),
    )
    choice = models.CharField(
        _("规则选择"), max_length=64, blank=True, help_text=_("仅规则类参数：所选规则的代码。")
    )
    valid_from = models.DateField(_("施行日期"))
    valid_to = models.DateField(
        _("失效日期"), null=True, blank=True, help_text=_("最后一天仍有效；留空 = 现行有效。")
    )
    issuing_body = models.CharField(_("发布机关"), max_length=120)
    document_no = models.CharField(_("文号/文件名"), max_length=200, blank=True)
    source_url = models.URLField(_("来源网址"), max_length=500, blank=True)
    note = models.TextField(_("说明"), blank=True)

    class Meta:
        ordering = ["place__code", "key", "tier", "-valid_from"]
        # Overlapping validity for the same place/key/tier is refused by
        # services.jurisdiction_parameter_validate and, on PostgreSQL, by an exclusion
        # constraint added in migration 0003 (SQLite has no exclusion constraints).
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_to__gte=models.F("valid_from")),
                name="jurisdiction_parameter_valid_to_after_from",
            ),
            models.CheckConstraint(
                condition=Q(tier__isnull=True) | Q(key="local_min_wage", tier__gte=1, tier__lte=4),
                name="jurisdiction_parameter_tier_only_min_wage",
            ),
            models.CheckConstraint(
                condition=Q(value__isnull=False) | ~Q(choice=""),
                name="jurisdiction_parameter_has_value_or_choice",
            ),
        ]
        indexes = [models.Index(fields=["key", "valid_from"], name="jp_key_valid_from")]
        verbose_name = _("地区参数")
        verbose_name_plural = _("地区参数")

    def __str__(self) -> str:
        shown = self.choice if self.value is None else self.value
        tier = f"（{self.tier}类）" if self.tier else ""
        return f"{self.place} {self.get_key_display()}{tier} = {shown}，{self.valid_from} 起"
