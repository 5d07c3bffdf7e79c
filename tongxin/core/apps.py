from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "tongxin.core"
    verbose_name = "核心"
