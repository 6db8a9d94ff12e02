"""The review queue: every response of an edition that a reviewer may see, as the page and the
API read it.

Who sees what: the secretariat every response of the edition, an expert those of the places
they are expert for; anyone else gets ``PermissionDenied`` (the API answers 403).

"What changed since the last review": the answers saved after the response's last review
verdict (changes requested or validated). A response that never had a verdict shows no count.
The page costs the same number of queries whatever the number of responses: the counts per
state are one grouped query, the page's rows one query with both annotations, the experts of
the page's places one query.
"""

from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.paginator import Page, Paginator
from django.db.models import Count, DateTimeField, IntegerField, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce, Greatest
from django.http import QueryDict
from django.utils.translation import gettext as _

from icc.accounts.selectors import AnyUser, experts_by_place, user_scope
from icc.index.filters import ResponseFilterSet
from icc.index.labels import STATE_LABELS
from icc.index.models import Answer, AnswerRevision, Edition, Response, ResponseEvent
from icc.index.workflow import Action, State

PAGE_SIZE = 25
# The reviewer's verdicts that "changed since the last review" counts from.
REVIEW_VERDICTS = (Action.REQUEST_CHANGES.value, Action.VALIDATE.value)


def may_use_queue(*, user: AnyUser) -> bool:
    """The secretariat and experts work from the review queue."""
    scope = user_scope(user=user)
    return scope.is_secretariat or bool(scope.expert_place_ids)


def _last_review() -> Subquery:
    verdicts = ResponseEvent.objects.filter(response=OuterRef("pk"), action__in=REVIEW_VERDICTS)
    return Subquery(verdicts.order_by("-at", "-id").values("at")[:1], output_field=DateTimeField())


def queue_queryset(*, user: AnyUser, edition: Edition) -> QuerySet[Response]:
    """The responses of ``edition`` that ``user`` reviews, with ``last_review_at``,
    ``changed_count`` (answers saved since then; 0 when never reviewed) and ``last_change``
    (the latest workflow step or saved answer), latest change first."""
    scope = user_scope(user=user)
    if not (scope.is_secretariat or scope.expert_place_ids):
        raise PermissionDenied(_("The review queue is for the secretariat and the experts."))
    responses = Response.objects.filter(edition=edition)
    if not scope.is_secretariat:
        responses = responses.filter(place_id__in=scope.expert_place_ids)
    latest_answer = (
        Answer.objects.filter(response=OuterRef("pk"))
        .order_by("-updated_at")
        .values("updated_at")[:1]
    )
    changed = (
        Answer.objects.filter(response=OuterRef("pk"), updated_at__gt=OuterRef("last_review_at"))
        .order_by()
        .values("response")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return (
        responses.select_related("place__country", "edition")
        .annotate(last_review_at=_last_review())
        .annotate(changed_count=Coalesce(Subquery(changed, output_field=IntegerField()), 0))
        .annotate(
            last_change=Greatest(
                "updated_at",
                Coalesce(Subquery(latest_answer, output_field=DateTimeField()), "updated_at"),
            )
        )
        .order_by("-last_change", "-pk")
    )


@dataclass(frozen=True)
class StateTab:
    state: str
    label: Any
    count: int
    query: str
    current: bool


@dataclass(frozen=True)
class QueueRow:
    response: Response
    experts: list[Any]


@dataclass(frozen=True)
class QueuePage:
    edition: Edition
    filterset: ResponseFilterSet
    tabs: list[StateTab]
    total: int
    page: Page[Response]
    rows: list[QueueRow]
    query: str
    is_secretariat: bool


def _query_without(data: QueryDict, *names: str) -> QueryDict:
    query = data.copy()
    for name in names:
        query.pop(name, None)
    return query


def review_queue_get(*, user: AnyUser, edition: Edition, data: QueryDict) -> QueuePage:
    """One page of the queue filtered by ``data`` (the query string), with the counts per state
    under the other filters."""
    base = queue_queryset(user=user, edition=edition)
    filterset = ResponseFilterSet(data or None, queryset=base)
    others = ResponseFilterSet(_query_without(data, "state", "page") or None, queryset=base)
    counts = dict(others.qs.order_by().values_list("state").annotate(n=Count("pk", distinct=True)))
    current = filterset.valid_values().get("state", "")
    without_state = _query_without(data, "state", "page")
    tabs = []
    for state, label in STATE_LABELS.items():
        query = without_state.copy()
        query["state"] = state.value
        tabs.append(
            StateTab(
                state=state.value,
                label=label,
                count=counts.get(state.value, 0),
                query=query.urlencode(),
                current=current == state.value,
            )
        )
    page = Paginator(filterset.qs, PAGE_SIZE).get_page(data.get("page"))
    people = experts_by_place(place_ids=[r.place_id for r in page.object_list])
    return QueuePage(
        edition=edition,
        filterset=filterset,
        tabs=tabs,
        total=sum(counts.values()),
        page=page,
        rows=[QueueRow(response=r, experts=people.get(r.place_id, [])) for r in page],
        query=_query_without(data, "page").urlencode(),
        is_secretariat=user_scope(user=user).is_secretariat,
    )


def responses_for_api(*, user: AnyUser, edition: Edition, state: str | None) -> QuerySet[Response]:
    """The responses the API lists: the queue's, optionally in one state, newest change first."""
    responses = queue_queryset(user=user, edition=edition)
    if state:
        responses = responses.filter(state=State(state).value)
    return responses


def last_review_at(*, response: Response) -> Any:
    """When the reviewer last gave a verdict on ``response`` (None if never)."""
    event = (
        ResponseEvent.objects.filter(response_id=response.pk, action__in=REVIEW_VERDICTS)
        .order_by("-at", "-id")
        .first()
    )
    return event.at if event else None


def revisions_since(
    revisions: QuerySet[AnswerRevision], *, response: Response
) -> QuerySet[AnswerRevision]:
    """``revisions`` made after the last review verdict (all of them if there was none)."""
    since = last_review_at(response=response)
    return revisions if since is None else revisions.filter(at__gt=since)
