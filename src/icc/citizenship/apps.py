from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CitizenshipConfig(AppConfig):
    name = "icc.citizenship"
    label = "citizenship"
    verbose_name = _("Intercultural citizenship test")
