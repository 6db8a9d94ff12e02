from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "icc.reports"
    label = "reports"
    verbose_name = _("Index charts and reports")

    def ready(self) -> None:
        # The index must not import the reports (it is the layer below): it signals new results.
        from icc.index.signals import results_computed
        from icc.reports.services import reports_follow_results

        results_computed.connect(reports_follow_results, dispatch_uid="reports_follow_results")
