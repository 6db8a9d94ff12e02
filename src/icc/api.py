"""The JSON API under ``/api/v1/``; each app contributes a router from its ``api.py``."""

from ninja import NinjaAPI

from icc.antirumours.api import router as antirumours_router
from icc.api_contract import LIMIT_MAX, OFFSET_MAX, error_handlers_install
from icc.citizenship.api import router as citizenship_router
from icc.events.api import router as events_router
from icc.index.api import router as index_router
from icc.knowledge.api import router as knowledge_router
from icc.network.api import router as network_router
from icc.reports.api import router as reports_router
from icc.search.api import router as search_router

DESCRIPTION = f"""
Open data of the Intercultural Cities network: places, countries and networks; index editions,
their published results and the data behind the index charts; public events with their
programme and calendars; the knowledge base's good practices, publications and news; the
citizenship test and the scoring of its answers. Read-only
endpoints need no key; the private notes of a place need a logged-in session of someone who
may read them.

**Lists** take `limit` (1 to {LIMIT_MAX}; left out: every row) and `offset` (0 to {OFFSET_MAX:,}).

**Languages**: `lang` takes one of the codes listed on each endpoint (interface labels: `en`,
`fr`; content texts: every content language, falling back to English), or nothing for the
request's language. Another code answers 422 and names the accepted codes.

**Errors** share one body, whatever the status (401, 403, 404, 422, 500):
`{{"detail": "a sentence", "param": "the parameter at fault or null",
"errors": [{{"loc": ["query", "limit"], "msg": "..."}}]}}`. Each operation lists the statuses
it can answer.
"""

api = NinjaAPI(
    title="Intercultural Cities Platform API",
    version="1",
    description=DESCRIPTION,
    urls_namespace="api",
)
error_handlers_install(api)
api.add_router("/", network_router)
api.add_router("/", index_router)
api.add_router("/", reports_router)
api.add_router("/", events_router)
api.add_router("/", citizenship_router)
api.add_router("/", search_router)
api.add_router("/", knowledge_router)
api.add_router("/", antirumours_router)
