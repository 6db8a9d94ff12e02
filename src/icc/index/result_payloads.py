"""The results API's answers, serialised once per language when results are computed.

The results of an edition are a large answer (about 420 KB for 151 places) that only changes
when the results do, so it is serialised here, with the API's own schema and JSON encoder, and
the API serves the stored bytes with an ETag. Fields and their order are the schema's.
"""

import hashlib
import json

from django.conf import settings
from django.utils import translation
from ninja.responses import NinjaJSONEncoder
from pydantic import TypeAdapter

from icc.index.models import Edition, EditionResult, ResultPayload
from icc.index.schemas import ResultOut
from icc.index.selectors import place_result_rows

RESULTS = "results"
_ROWS = TypeAdapter(list[ResultOut])


def results_json(*, edition: Edition) -> bytes:
    """The results API's body for ``edition`` in the active language."""
    rows = _ROWS.dump_python(_ROWS.validate_python(place_result_rows(edition=edition)))
    return json.dumps(rows, cls=NinjaJSONEncoder).encode()


def payloads_store(*, edition: Edition, result: EditionResult) -> None:
    """Serialise and store the results API's body of ``edition`` in every interface language
    (inside the transaction that stores the results)."""
    for lang, _name in settings.LANGUAGES:
        with translation.override(lang):
            body = results_json(edition=edition)
        digest = hashlib.sha256(body).hexdigest()[:32]
        ResultPayload.objects.update_or_create(
            edition=edition,
            kind=RESULTS,
            lang=lang,
            defaults={"version": result.version, "body": body, "etag": f'"{digest}"'},
        )
