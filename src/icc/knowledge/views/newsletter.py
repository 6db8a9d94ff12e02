"""The newsletter: archive, subscription (double opt-in), unsubscribe, and the secretariat's
composing, preview and sending."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from icc.accounts.access import secretariat_required
from icc.core.client_address import client_address
from icc.core.ratelimit import rate_limit_allow
from icc.knowledge import newsletter, selectors
from icc.knowledge.forms import IssueForm, SubscribeForm, choice_field
from icc.language import current_language

SUBSCRIBE_LIMIT = 5  # per address and hour
SUBSCRIPTION = "knowledge/subscription.html"


def _archive_page(
    request: HttpRequest, form: SubscribeForm, *, status: int = 200, refused: str = ""
) -> HttpResponse:
    """The archive of sent issues with the subscription ``form`` (and why it was refused)."""
    return render(
        request,
        "knowledge/newsletter.html",
        {"issues": selectors.issues_sent(), "form": form, "refused": refused},
        status=status,
    )


def archive(request: HttpRequest) -> HttpResponse:
    return _archive_page(request, SubscribeForm(initial={"language": current_language()}))


def issue_detail(request: HttpRequest, number: int) -> HttpResponse:
    issue = selectors.issue_get(number=number)
    return render(request, "knowledge/issue_detail.html", {"issue": issue, "preview": False})


@require_POST
def subscribe(request: HttpRequest) -> HttpResponse:
    form = SubscribeForm(request.POST)
    address = client_address(request)
    if not rate_limit_allow(
        scope="newsletter-subscribe", key=address, limit=SUBSCRIBE_LIMIT, window_s=3600
    ):
        refused = _("Too many subscriptions from your connection. Try again later.")
        return _archive_page(request, form, status=429, refused=refused)
    if not form.is_valid():
        return _archive_page(request, form, status=400)
    newsletter.subscriber_subscribe(
        email=form.cleaned_data["email"], language=form.cleaned_data["language"]
    )
    messages.success(
        request,
        _("Check your mailbox: we sent you a link to confirm your subscription."),
    )
    return redirect("knowledge:newsletter")


def _token_refused(request: HttpRequest, error: ValidationError) -> HttpResponse:
    """The subscription page saying why a link's token does not serve."""
    return render(request, SUBSCRIPTION, {"error": error.messages[0]}, status=400)


def _token_use(request: HttpRequest, use: Callable[[], object], done: str) -> HttpResponse:
    """Run ``use`` (a write by a link's token), then the page saying it is ``done``, or why not."""
    try:
        use()
    except ValidationError as error:
        return _token_refused(request, error)
    return render(request, SUBSCRIPTION, {done: True})


def confirm(request: HttpRequest, token: str) -> HttpResponse:
    """GET shows a button (a GET never writes); POST confirms."""
    if request.method == "POST":
        return _token_use(request, lambda: newsletter.subscriber_confirm(token=token), "confirmed")
    try:
        newsletter.subscriber_from_confirm_token(token=token)
    except ValidationError as error:  # said now, not after a click on a button that cannot work
        return _token_refused(request, error)
    return render(request, SUBSCRIPTION, {"confirm_form": True})


@csrf_exempt  # RFC 8058 one-click: mail programs POST without a CSRF token; the token is the key
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """GET shows a button; POST (the button, or a mail program's one-click) unsubscribes."""
    if request.method == "POST":
        return _token_use(
            request, lambda: newsletter.subscriber_unsubscribe(token=token), "unsubscribed"
        )
    try:
        subscriber = newsletter.subscriber_from_unsubscribe_token(token=token)
    except ValidationError as error:
        return _token_refused(request, error)
    return render(request, SUBSCRIPTION, {"unsubscribe_form": True, "email": subscriber.email})


@secretariat_required
def issue_admin_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "knowledge/issue_admin_list.html",
        {"issues": selectors.issues_all(), "subscribers": selectors.subscriber_counts()},
    )


@secretariat_required
@require_POST
def issue_compose(request: HttpRequest) -> HttpResponse:
    issue = newsletter.issue_compose(user=request.user)  # type: ignore[arg-type]
    messages.success(request, _("Issue composed from what was published since the last one."))
    return redirect("knowledge:issue_edit", number=issue.number)


@secretariat_required
def issue_edit(request: HttpRequest, number: int) -> HttpResponse:
    issue = selectors.issue_get(number=number, include_drafts=True)
    language = current_language()
    initial = {
        "subject": issue.subject,
        "intro": issue.intro,
        "news": [n.pk for n in issue.news.all()],
        "practices": [p.pk for p in issue.practices.all()],
    }
    form = IssueForm(request.POST or None, initial=initial)
    since = selectors.since_last_issue()
    news = selectors.news_published()
    practices = selectors.practices_published()
    if since is not None:
        news = news.filter(published_at__gt=since)
        practices = practices.filter(published_at__gt=since)
    news_choices = {n.pk: n.title for n in issue.news.all()}
    news_choices.update({n.pk: n.title for n in news[:200]})
    practice_choices = {p.pk: p.title for p in issue.practices.all()}
    practice_choices.update({p.pk: p.title for p in practices[:200]})
    choice_field(form, "news").choices = list(news_choices.items())
    choice_field(form, "practices").choices = list(practice_choices.items())
    if request.method == "POST" and form.is_valid():
        try:
            newsletter.issue_update(
                issue=issue,
                subject=form.cleaned_data["subject"],
                intro=form.cleaned_data["intro"],
                news_ids=form.cleaned_data["news"],
                practice_ids=form.cleaned_data["practices"],
                language=language,
            )
        except ValidationError as error:
            messages.error(request, error.messages[0])
        else:
            messages.success(request, _("Issue saved."))
        return redirect("knowledge:issue_edit", number=number)
    return render(
        request,
        "knowledge/issue_edit.html",
        {
            "issue": issue,
            "form": form,
            "subscribers": selectors.subscriber_counts(),
            "languages": settings.MODELTRANSLATION_LANGUAGES,
        },
    )


@secretariat_required
def issue_preview(request: HttpRequest, number: int) -> HttpResponse:
    issue = selectors.issue_get(number=number, include_drafts=True)
    return render(request, "knowledge/issue_detail.html", {"issue": issue, "preview": True})


@secretariat_required
@require_POST
def issue_send(request: HttpRequest, number: int) -> HttpResponse:
    issue = selectors.issue_get(number=number, include_drafts=True)
    try:
        newsletter.issue_send(issue=issue)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(
            request, _("The issue is being sent by a background task to every subscriber.")
        )
    return redirect("knowledge:issue_admin_list")
