from django.apps import AppConfig


class AppealsConfig(AppConfig):
    name = "tongxin.appeals"
    verbose_name = "职工诉求与工单"
