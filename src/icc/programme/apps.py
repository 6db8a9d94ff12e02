from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgrammeConfig(AppConfig):
    name = "icc.programme"
    label = "programme"
    verbose_name = _("Programme administration")

    def ready(self) -> None:
        # Expert visits appear on the place's membership timeline. The directory is below this
        # module, so it cannot ask for them: this module registers a source with it.
        from icc.network.services import timeline_source_register
        from icc.programme.selectors import expert_visits_for_timeline

        timeline_source_register(expert_visits_for_timeline)
