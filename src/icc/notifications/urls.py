from django.urls import path

from icc.notifications import views

app_name = "notifications"
urlpatterns = [
    path("", views.notification_list, name="list"),
    path("<int:notification_id>/open/", views.notification_open, name="open"),
    path("read-all/", views.notification_read_all_view, name="read_all"),
    path("preferences/", views.notification_preferences, name="preferences"),
]
