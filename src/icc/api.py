"""The JSON API under ``/api/v1/``; each app contributes a router from its ``api.py``."""

from ninja import NinjaAPI

from icc.citizenship.api import router as citizenship_router
from icc.events.api import router as events_router
from icc.index.api import router as index_router
from icc.network.api import router as network_router
from icc.reports.api import router as reports_router

api = NinjaAPI(
    title="Intercultural Cities Platform API",
    version="1",
    description=(
        "Open data of the Intercultural Cities network: places, countries, networks and, "
        "as modules land, index results, events and more. Read-only endpoints need no key."
    ),
    urls_namespace="api",
)
api.add_router("/", network_router)
api.add_router("/", index_router)
api.add_router("/", reports_router)
api.add_router("/", events_router)
api.add_router("/", citizenship_router)
