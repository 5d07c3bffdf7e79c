from django.apps import AppConfig


class WorkdaysConfig(AppConfig):
    name = "tongxin.workdays"
    verbose_name = "工作日历"

    def ready(self) -> None:
        from tongxin.workdays import checks  # noqa: F401  (registers the calendar check)
