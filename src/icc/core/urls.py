from django.urls import path

from icc.core import views

app_name = "core"
urlpatterns = [
    path("", views.home, name="home"),
    path("me/", views.account, name="account"),
]
