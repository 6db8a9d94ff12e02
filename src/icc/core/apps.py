from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "icc.core"
    verbose_name = _("Platform")

    def ready(self) -> None:
        from django.db.backends.signals import connection_created

        from icc.caching.data_version import data_version_watch

        connection_created.connect(data_version_watch, dispatch_uid="icc.core.data_version")
