from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from claimtext import LABELS
from tongxin.core.models import BaseModel

LABEL_CHOICES = [(name, name) for name in LABELS]


class ClaimAnnotation(BaseModel):
    """The claim types staff confirmed for a work order's description: the platform's own
    training data (``claims_train --from-db``). One per order; the latest confirmation wins,
    each confirmation is a row on the order's timeline."""

    work_order = models.OneToOneField(
        "appeals.WorkOrder",
        verbose_name=_("工单"),
        on_delete=models.CASCADE,
        related_name="claim_annotation",
    )
    text = models.TextField(_("确认时的诉求内容"))
    # What the classifier proposed: [{"label", "confidence", "source"}], to measure how often
    # staff accept or correct it.
    suggested = models.JSONField(_("系统建议"), default=list, blank=True)
    classifier = models.CharField(_("识别方式"), max_length=60, blank=True)
    corrected = models.BooleanField(_("有修改"), default=False)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("确认人"),
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    confirmed_at = models.DateTimeField(_("确认时间"))

    class Meta:
        ordering = ["-confirmed_at"]
        verbose_name = _("诉求类型标注")
        verbose_name_plural = _("诉求类型标注")

    def __str__(self) -> str:
        return f"{self.work_order_id}: {', '.join(self.label_names())}"

    def label_names(self) -> list[str]:
        """Confirmed label names in claimtext order (uses prefetched rows when present)."""
        names = {c.label for c in self.claims.all()}
        return [name for name in LABELS if name in names]


class ConfirmedClaim(models.Model):
    """One confirmed claim type of an annotation (a row per label, so insights can count them)."""

    annotation = models.ForeignKey(ClaimAnnotation, on_delete=models.CASCADE, related_name="claims")
    label = models.CharField(_("诉求类型"), max_length=40, choices=LABEL_CHOICES)

    class Meta:
        ordering = ["annotation", "label"]
        constraints = [
            models.UniqueConstraint(fields=["annotation", "label"], name="claims_label_once"),
        ]
        indexes = [models.Index(fields=["label"], name="claims_label_idx")]
        verbose_name = _("确认的诉求类型")
        verbose_name_plural = _("确认的诉求类型")

    def __str__(self) -> str:
        return self.label
