"""Apps above the network add sections to a place's page through a registry: the network
renders them in order and leaves out those with nothing to say, without importing their apps."""

from typing import Any

from django.http import HttpRequest
from django.utils.html import format_html

from icc.network.place_sections import place_section_register, place_section_unregister


def test_registered_sections_appear_in_order_and_empty_ones_are_left_out(client, directory):
    def late(request: HttpRequest, place: Any) -> str:
        return format_html('<section id="late">Late {}</section>', "<b>")

    def early(request: HttpRequest, place: Any) -> str:
        return format_html('<section id="early">Early for {}</section>', place.name)

    def silent(request: HttpRequest, place: Any) -> str:
        return ""

    place_section_register(key="test-late", order=90, render=late)
    place_section_register(key="test-early", order=1, render=early)
    place_section_register(key="test-silent", order=5, render=silent)
    try:
        page = client.get("/en/network/places/bilbao/").content.decode()
    finally:
        for key in ("test-late", "test-early", "test-silent"):
            place_section_unregister(key=key)
    assert page.index('id="early">Early for Bilbao') < page.index('id="late">Late &lt;b&gt;')
    assert 'id="late"' not in client.get("/en/network/places/bilbao/").content.decode()
