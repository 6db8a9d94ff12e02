from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "icc.reports"
    label = "reports"
    verbose_name = _("Index charts and reports")

    def ready(self) -> None:
        # The index must not import the reports (it is the layer below): it signals new results.
        from icc.index.signals import results_computed
        from icc.network.place_sections import place_section_register
        from icc.reports.place_section import place_index_section
        from icc.reports.services import reports_follow_results

        results_computed.connect(reports_follow_results, dispatch_uid="reports_follow_results")
        # A place's page shows its Index results: the network cannot import this layer.
        place_section_register(key="index", order=10, render=place_index_section)
