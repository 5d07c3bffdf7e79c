from django.db import models
from django.utils.translation import gettext_lazy as _

from tongxin.core.models import BaseModel


class CalendarOverride(BaseModel):
    """An admin's word on one date: it beats chinese-calendar, which beats Monday–Friday."""

    day = models.DateField(_("日期"), unique=True)
    is_working_day = models.BooleanField(_("工作日"))
    note = models.CharField(_("说明"), max_length=200, blank=True)

    class Meta:
        ordering = ["day"]
        verbose_name = _("日历调整")
        verbose_name_plural = _("日历调整")

    def __str__(self) -> str:
        return f"{self.day} {'上班' if self.is_working_day else '休息'}"
