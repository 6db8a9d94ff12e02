from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AntirumoursConfig(AppConfig):
    name = "icc.antirumours"
    label = "antirumours"
    verbose_name = _("Anti-rumours")
