from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _


class NetworkConfig(AppConfig):
    name = "icc.network"
    verbose_name = _("Network directory")

    def ready(self) -> None:
        from icc.network.signals import place_fact_saved_or_deleted

        fact = self.get_model("PlaceFact")
        post_save.connect(place_fact_saved_or_deleted, sender=fact, dispatch_uid="fact_saved")
        post_delete.connect(place_fact_saved_or_deleted, sender=fact, dispatch_uid="fact_deleted")
