"""Reads of the programme's records, and the annual report's data: every figure of the report is
one of these queries (or another module's selector), never a typed number."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.db.models import Q, QuerySet, Sum
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.formats import date_format

from icc.events.selectors import public_events
from icc.index.selectors import index_reports_completed_in
from icc.network.selectors import (
    TimelineEntry,
    accessions_started_in,
    members_joined_in,
    members_on,
)
from icc.programme.knowledge_figures import KnowledgeFigures, knowledge_figures
from icc.programme.models import (
    AnnualReportFile,
    CitySupport,
    EventSection,
    Expense,
    ExpenseCategory,
    ExpertVisit,
    Grant,
    GrantStatus,
    NetworkReport,
    ReportedEvent,
    ToolHighlight,
    YearText,
)


def grants_of_year(*, year: int) -> QuerySet[Grant]:
    """Grants running at some point of ``year`` (started by its end, not ended before it)."""
    return (
        Grant.objects.filter(start__year__lte=year)
        .filter(Q(end__isnull=True) | Q(end__year__gte=year))
        .select_related("lead_place", "lead_place__country")
        .prefetch_related(
            "partner_places", "partner_places__country", "outputs__publication", "outputs__practice"
        )
    )


def expert_visits_of_year(*, year: int) -> QuerySet[ExpertVisit]:
    return ExpertVisit.objects.filter(date__year=year).select_related(
        "place", "place__country", "profile"
    )


def support_of_year(*, year: int) -> QuerySet[CitySupport]:
    return CitySupport.objects.filter(start__year=year).prefetch_related("places")


def expenses_of_year(*, year: int) -> QuerySet[Expense]:
    return Expense.objects.filter(year=year)


def expenditure_total(*, year: int) -> Decimal:
    """The sum of the year's expenditure lines, in euros (0 when there is none)."""
    total = Expense.objects.filter(year=year).aggregate(total=Sum("amount_eur"))["total"]
    return total if total is not None else Decimal("0.00")


@dataclass(frozen=True)
class YearTotal:
    year: int
    total: Decimal
    lines: int
    certified: bool


def expenditure_totals() -> list[YearTotal]:
    """Total expenditure per year, newest first; ``certified`` when every line is."""
    rows = (
        Expense.objects.values("year")
        .annotate(total=Sum("amount_eur"))
        .order_by("-year")
        .values_list("year", "total")
    )
    result = []
    for year, total in rows:
        lines = Expense.objects.filter(year=year)
        result.append(
            YearTotal(
                year=year,
                total=total,
                lines=lines.count(),
                certified=not lines.exclude(certification="certified").exists(),
            )
        )
    return result


def network_reports_of_year(*, year: int) -> QuerySet[NetworkReport]:
    return NetworkReport.objects.filter(year=year).select_related("network")


def tools_of_year(*, year: int) -> QuerySet[ToolHighlight]:
    return ToolHighlight.objects.filter(year=year)


def year_text(*, year: int) -> YearText | None:
    return YearText.objects.filter(year=year).first()


def annual_report_files(*, year: int) -> QuerySet[AnnualReportFile]:
    return AnnualReportFile.objects.filter(year=year).order_by("lang", "fmt")


def annual_report_file_get(*, pk: int) -> AnnualReportFile:
    """A stored annual report; 404 when there is none."""
    return get_object_or_404(AnnualReportFile, pk=pk)


def expert_visits_for_timeline(place_id: int) -> list[TimelineEntry]:
    """The place's expert visits as timeline entries (registered with the directory)."""
    from django.utils.translation import gettext as _

    entries = []
    for visit in ExpertVisit.objects.filter(place_id=place_id).select_related("profile"):
        label = _("Expert visit (%(mode)s): %(purpose)s") % {
            "mode": visit.get_mode_display(),
            "purpose": visit.get_purpose_display(),
        }
        entries.append(
            TimelineEntry(
                date=visit.date,
                label=label,
                url=visit.profile_link,
                is_demo_date=visit.is_demo_date,
            )
        )
    return entries


@dataclass(frozen=True)
class EventLine:
    title: str
    start: dt.date
    end: dt.date
    url: str
    where: str

    @property
    def when(self) -> str:
        """ "3 November 2020" or "3 November 2020 – 5 November 2020", in the active language."""
        first = date_format(self.start, "DATE_FORMAT")
        return (
            first if self.start == self.end else f"{first} – {date_format(self.end, 'DATE_FORMAT')}"
        )


@dataclass(frozen=True)
class Membership:
    members: int
    countries: int
    new_members: list[str]
    accessions_started: list[str]


@dataclass
class AnnualReportData:
    """Everything the annual report of ``year`` shows, in the active language."""

    year: int
    foreword: str
    introduction: str
    membership: Membership
    index_reports: list[str]
    major_events: list[EventLine]
    regional_events: list[EventLine]
    grants: list[Grant]
    expert_visits: list[ExpertVisit]
    support: list[CitySupport]
    tools: list[ToolHighlight]
    network_reports: list[NetworkReport]
    knowledge: KnowledgeFigures
    expenses: list[Expense]
    expenditure_total: Decimal
    expenditure_by_category: list[tuple[str, Decimal]] = field(default_factory=list)
    provisional: bool = True


def _place_label(place: object) -> str:
    country = getattr(place, "country", None)
    name = str(place)
    return f"{name} ({country.name})" if country is not None else name


def _events(year: int) -> tuple[list[EventLine], list[EventLine]]:
    regional_ids = set(
        ReportedEvent.objects.filter(section=EventSection.REGIONAL).values_list(
            "event_id", flat=True
        )
    )
    major: list[EventLine] = []
    regional: list[EventLine] = []
    # the year of the event's own time zone: up to a day either side of the server's year
    around = public_events().filter(
        start__date__gte=dt.date(year - 1, 12, 31), start__date__lte=dt.date(year + 1, 1, 1)
    )
    for event in around.order_by("start", "pk"):
        zone = ZoneInfo(event.timezone)
        if timezone.localtime(event.start, zone).year != year:
            continue
        where = event.venue_address or (event.place.name if event.place else "")
        end = timezone.localtime(event.end, zone)
        if event.all_day and end.time() == dt.time(0, 0):
            end -= dt.timedelta(days=1)  # an all-day event ends at midnight after its last day
        line = EventLine(
            title=event.title,
            start=timezone.localtime(event.start, zone).date(),
            end=end.date(),
            url=event.get_absolute_url(),
            where=where,
        )
        (regional if event.pk in regional_ids else major).append(line)
    return major, regional


def annual_report_data(*, year: int) -> AnnualReportData:
    """The annual report of ``year``, computed from the records (active language)."""
    end = dt.date(year, 12, 31)
    members = members_on(day=end)
    texts = year_text(year=year)
    major, regional = _events(year)
    expenses = list(expenses_of_year(year=year))
    by_category: dict[str, Decimal] = {}
    labels = dict(ExpenseCategory.choices)
    for line in expenses:
        key = str(labels[line.category])
        by_category[key] = by_category.get(key, Decimal("0")) + line.amount_eur
    return AnnualReportData(
        year=year,
        foreword=texts.foreword if texts else "",
        introduction=texts.introduction if texts else "",
        membership=Membership(
            members=members.count(),
            countries=members.values("country").distinct().count(),
            new_members=[
                _place_label(p) for p in members_joined_in(year=year).select_related("country")
            ],
            accessions_started=[
                _place_label(p) for p in accessions_started_in(year=year).select_related("country")
            ],
        ),
        index_reports=[_place_label(p) for p in index_reports_completed_in(year=year)],
        major_events=major,
        regional_events=regional,
        # a cancelled grant supported no project: the year page lists it, the report does not
        grants=list(grants_of_year(year=year).exclude(status=GrantStatus.CANCELLED)),
        expert_visits=list(expert_visits_of_year(year=year)),
        support=list(support_of_year(year=year)),
        tools=list(tools_of_year(year=year)),
        network_reports=list(network_reports_of_year(year=year)),
        knowledge=knowledge_figures(year=year),
        expenses=expenses,
        expenditure_total=expenditure_total(year=year),
        expenditure_by_category=sorted(by_category.items()),
        provisional=any(line.certification != "certified" for line in expenses),
    )
