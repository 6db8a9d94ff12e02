from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KnowledgeConfig(AppConfig):
    name = "icc.knowledge"
    label = "knowledge"
    verbose_name = _("Knowledge base")

    def ready(self) -> None:
        from icc.knowledge.notices import notice_kinds_register
        from icc.knowledge.search_bridge import facet_labels_give

        notice_kinds_register()
        facet_labels_give()
