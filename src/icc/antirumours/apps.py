from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def rumour_theme_labels() -> dict[str, str]:
    """Code -> label of the rumours' themes (the search page names them with it)."""
    from icc.antirumours.models import RumourTheme

    return {theme.value: str(theme.label) for theme in RumourTheme}


class AntirumoursConfig(AppConfig):
    name = "icc.antirumours"
    label = "antirumours"
    verbose_name = _("Anti-rumours")

    def ready(self) -> None:
        # shared rumours are in the search, which is below this module and cannot name them
        from icc.search.labels import facet_labels_register

        facet_labels_register(facet="theme", labels=rumour_theme_labels)
