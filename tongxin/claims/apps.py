from django.apps import AppConfig


class ClaimsConfig(AppConfig):
    name = "tongxin.claims"
    verbose_name = "诉求类型识别与相似案例"
