"""Events API (routes added under ``/api/v1/``)."""

from ninja import Router

router = Router(tags=["events"])
