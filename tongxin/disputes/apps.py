from django.apps import AppConfig


class DisputesConfig(AppConfig):
    name = "tongxin.disputes"
    verbose_name = "劳动争议调解"
