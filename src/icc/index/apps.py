from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IndexConfig(AppConfig):
    name = "icc.index"
    label = "index"
    verbose_name = _("Intercultural Cities Index")

    def ready(self) -> None:
        # The network must not import the index (it is the layer below), so a place's facts
        # changing reaches the index through a signal the network defines and sends.
        from icc.index.notices import notice_kinds_register
        from icc.index.services import place_facts_changed_receive
        from icc.network.signals import place_facts_changed

        place_facts_changed.connect(place_facts_changed_receive, dispatch_uid="index_results")
        notice_kinds_register()
