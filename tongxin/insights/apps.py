from django.apps import AppConfig


class InsightsConfig(AppConfig):
    name = "tongxin.insights"
    verbose_name = "统计分析"
