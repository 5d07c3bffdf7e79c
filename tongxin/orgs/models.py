from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from tongxin.core.models import BaseModel

code_validator = RegexValidator(
    r"^[A-Za-z0-9_-]{1,32}$", _("代码只能含字母、数字、- 和 _，至多 32 位。")
)


class OrgUnit(BaseModel):
    """A node of the union tree. `path` ("/ROOT/CHILD/") makes a subtree one prefix query."""

    class Level(models.TextChoices):
        ACFTU = "ACFTU", _("全国总工会")
        PROVINCIAL = "PROVINCIAL", _("省总工会")
        CITY = "CITY", _("市总工会")
        COUNTY = "COUNTY", _("县（区）总工会")
        TOWNSHIP = "TOWNSHIP", _("乡镇（街道）工会")
        PARK = "PARK", _("开发区（园区）工会")
        REGIONAL_OR_INDUSTRY_FED = "REGIONAL_OR_INDUSTRY_FED", _("区域性/行业性工会联合会")
        VILLAGE_COMMUNITY = "VILLAGE_COMMUNITY", _("村（社区）工会")
        INDUSTRY_UNION = "INDUSTRY_UNION", _("产业工会")
        BASE = "BASE", _("基层工会")
        SUB_UNION = "SUB_UNION", _("分会")
        GROUP = "GROUP", _("工会小组")

    code = models.CharField(_("代码"), max_length=32, unique=True, validators=[code_validator])
    name = models.CharField(_("名称"), max_length=120)
    level = models.CharField(_("层级"), max_length=32, choices=Level.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("上级组织"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    path = models.CharField(_("路径"), max_length=700, db_index=True, editable=False)
    depth = models.PositiveSmallIntegerField(_("深度"), default=0, editable=False)
    region_code = models.CharField(_("行政区划代码"), max_length=12, blank=True)
    is_active = models.BooleanField(_("启用"), default=True)

    class Meta:
        ordering = ["path"]
        verbose_name = _("工会组织")
        verbose_name_plural = _("工会组织")

    def __str__(self) -> str:
        return self.name

    def is_within(self, other: "OrgUnit") -> bool:
        """True if self is `other` or below it."""
        return self.path.startswith(other.path)


class PartnerAgency(BaseModel):
    """An agency outside the union that orders are transferred to (人社, 仲裁委, 法院 …)."""

    class Type(models.TextChoices):
        HR_BUREAU = "HR_BUREAU", _("人社局（含劳动保障监察）")
        ARBITRATION = "ARBITRATION", _("劳动人事争议仲裁委员会")
        COURT = "COURT", _("人民法院/派出法庭")
        GOVERNANCE_CENTRE = "GOVERNANCE_CENTRE", _("综治中心")
        JUSTICE_BUREAU = "JUSTICE_BUREAU", _("司法局/人民调解委员会")
        PETITION = "PETITION", _("信访部门")
        CONSTRUCTION = "CONSTRUCTION", _("住建/交通/水利")
        TAX = "TAX", _("税务")
        PROCURATORATE = "PROCURATORATE", _("检察院")
        MEDICAL_INSURANCE = "MEDICAL_INSURANCE", _("医保")
        MARKET_REGULATION = "MARKET_REGULATION", _("市场监管")

    code = models.CharField(_("代码"), max_length=32, unique=True, validators=[code_validator])
    name = models.CharField(_("名称"), max_length=120)
    type = models.CharField(_("类型"), max_length=32, choices=Type.choices)
    org = models.ForeignKey(
        OrgUnit,
        verbose_name=_("辖区工会"),
        on_delete=models.PROTECT,
        related_name="partner_agencies",
    )
    contact = models.CharField(_("联系方式"), max_length=120, blank=True)

    class Meta:
        ordering = ["org__path", "name"]
        verbose_name = _("协作部门")
        verbose_name_plural = _("协作部门")

    def __str__(self) -> str:
        return self.name


class StaffRole(BaseModel):
    """A user's role at an org; it applies to that org's whole subtree."""

    class Role(models.TextChoices):
        OPERATOR = "operator", _("话务员")
        DISPATCHER = "dispatcher", _("派单员")
        HANDLER = "handler", _("承办人")
        SUPERVISOR = "supervisor", _("督办/管理")
        ADMIN = "admin", _("管理员")

    user = models.ForeignKey(
        "auth.User", verbose_name=_("用户"), on_delete=models.CASCADE, related_name="staff_roles"
    )
    org = models.ForeignKey(
        OrgUnit, verbose_name=_("组织"), on_delete=models.PROTECT, related_name="staff_roles"
    )
    role = models.CharField(_("角色"), max_length=16, choices=Role.choices)

    class Meta:
        ordering = ["org__path", "user__username"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "org", "role"], name="staffrole_unique_user_org_role"
            )
        ]
        verbose_name = _("岗位")
        verbose_name_plural = _("岗位")

    def __str__(self) -> str:
        return f"{self.user} @ {self.org}: {self.get_role_display()}"


class AgencyStaff(BaseModel):
    """A user who works for a partner agency (人社局, 仲裁委, 法院 …). They see only the
    mediation cases their agency takes part in, never the union's own queues."""

    user = models.ForeignKey(
        "auth.User", verbose_name=_("用户"), on_delete=models.CASCADE, related_name="agency_posts"
    )
    agency = models.ForeignKey(
        PartnerAgency, verbose_name=_("协作部门"), on_delete=models.PROTECT, related_name="staff"
    )

    class Meta:
        ordering = ["agency__name", "user__username"]
        constraints = [
            models.UniqueConstraint(fields=["user", "agency"], name="agencystaff_unique")
        ]
        verbose_name = _("协作部门人员")
        verbose_name_plural = _("协作部门人员")

    def __str__(self) -> str:
        return f"{self.user} @ {self.agency}"


class ApiToken(BaseModel):
    """A bearer token for other systems; only its hash is stored."""

    user = models.ForeignKey(
        "auth.User", verbose_name=_("用户"), on_delete=models.CASCADE, related_name="api_tokens"
    )
    prefix = models.CharField(_("前缀"), max_length=8)
    key_hash = models.CharField(max_length=64, unique=True)
    last_used_at = models.DateTimeField(_("最近使用"), null=True, blank=True)
    revoked = models.BooleanField(_("已停用"), default=False)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("接口令牌")
        verbose_name_plural = _("接口令牌")

    def __str__(self) -> str:
        return f"{self.prefix}… ({self.user})"
