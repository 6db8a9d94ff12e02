"""A GET never writes: anonymous reads of results, charts and reports leave the database as it
was (issue 9's acceptance), whether the reports are stored yet or not."""

from django.apps import apps
from django.test import Client
from django.utils import translation

from icc.network.selectors import place_get_public
from icc.reports.services import report_file_make


def database_snapshot():
    """Every row of every table, in primary-key order (translated fields read in English)."""
    with translation.override("en"):
        return {
            model._meta.label: list(model._base_manager.order_by("pk").values_list())
            for model in apps.get_models(include_auto_created=True)
        }


def status_of(client, url):
    response = client.get(url)
    if response.streaming:
        response.getvalue()  # read the served PDF to its end, which closes the file
    return response.status_code


READS = [
    "/api/v1/index/editions",
    "/api/v1/index/editions/2023/results",
    "/api/v1/index/editions/2023/summary",
    "/api/v1/index/charts?edition=2023&view=profile&places=bilbao",
    "/api/v1/index/charts?edition=2021&view=progress",
    "/en/index/2023/results/",
    "/en/index/charts/?edition=2023",
    "/en/index/2023/places/bilbao/report/",
    "/fr/index/2023/places/getxo/report/",
    "/en/index/2023/places/bilbao/report.pdf",  # stored
    "/fr/index/2023/places/bilbao/report.pdf",  # not made yet: "being prepared"
]


def test_anonymous_reads_leave_the_database_unchanged(editions):
    report_file_make(place=place_get_public(slug="bilbao"), edition=editions["2023"], lang="en")
    before = database_snapshot()
    assert sum(len(rows) for rows in before.values()) > 100  # a fixture with computed results
    client = Client()
    statuses = [status_of(client, url) for url in READS]
    assert statuses == [200] * 10 + [202]
    assert database_snapshot() == before
