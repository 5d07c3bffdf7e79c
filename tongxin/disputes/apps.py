from django.apps import AppConfig


class DisputesConfig(AppConfig):
    name = "tongxin.disputes"
    verbose_name = "劳动争议调解"

    def ready(self) -> None:
        # Ended mediation cases join the similar-case index beside work orders.
        from tongxin.claims.sources import register
        from tongxin.disputes.similar import MediationCaseSource

        register(MediationCaseSource())
