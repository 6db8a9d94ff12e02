"""Pages of the events module, under ``/<lang>/events/``."""

from django.urls import URLPattern, URLResolver, path

from icc.events.views import editor, public, registration, secretariat

app_name = "events"
urlpatterns: list[URLPattern | URLResolver] = [
    path("", public.event_list, name="list"),
    path("calendar.ics", public.feed_ics, name="feed_ics"),
    path("<slug:slug>/", public.event_detail, name="detail"),
    path("<slug:slug>/agenda/", public.event_agenda, name="agenda"),
    path("<slug:slug>/agenda.pdf", public.event_agenda_pdf, name="agenda_pdf"),
    path("<slug:slug>/calendar.ics", public.event_ics, name="event_ics"),
    path("<slug:slug>/sessions/<int:pk>/calendar.ics", public.session_ics, name="session_ics"),
    path("<slug:slug>/register/", registration.register, name="register"),
    path(
        "<slug:slug>/registration/<str:token>/",
        registration.registration_manage,
        name="registration_manage",
    ),
    path(
        "<slug:slug>/registration/<str:token>/data.json",
        registration.registration_data,
        name="registration_data",
    ),
    path("<slug:slug>/registrations/", secretariat.registrations, name="registrations"),
    path(
        "<slug:slug>/registrations/export.<tabular:fmt>",
        secretariat.registrations_export,
        name="registrations_export",
    ),
    path("<slug:slug>/check-in/", secretariat.check_in, name="check_in"),
    path("<slug:slug>/programme/edit/", editor.programme_editor, name="programme_editor"),
]
