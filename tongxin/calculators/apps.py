from django.apps import AppConfig


class CalculatorsConfig(AppConfig):
    name = "tongxin.calculators"
    verbose_name = "劳动法计算器"
