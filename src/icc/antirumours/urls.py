"""Pages of the anti-rumours module, under /<lang>/antirumours/."""

from django.urls import path

from icc.antirumours.views import (
    campaigns,
    diagnosis,
    people,
    public,
    radar,
    register,
    workspace,
)

app_name = "antirumours"

urlpatterns = [
    path("", public.shared_material, name="shared"),
    path("city/<slug:slug>/", public.city_page, name="city"),
    path("city/<slug:slug>/strategy/", workspace.strategy, name="strategy"),
    path("city/<slug:slug>/strategy/start/", workspace.strategy_start, name="strategy_start"),
    path("stage/<int:stage_id>/", workspace.stage_edit, name="stage"),
    path("city/<slug:slug>/register/", register.register, name="register"),
    path("rumour/<int:rumour_id>/", register.rumour_detail, name="rumour"),
    path("rumour/<int:rumour_id>/share/", register.rumour_share, name="rumour_share"),
    path("city/<slug:slug>/diagnosis/", diagnosis.diagnosis, name="diagnosis"),
    path(
        "city/<slug:slug>/perception-survey.xlsx",
        diagnosis.template_download,
        name="template",
    ),
    path("round/<int:round_id>/", diagnosis.round_detail, name="round"),
    path("round/<int:round_id>/import/", diagnosis.round_import, name="round_import"),
    path("city/<slug:slug>/agents/", people.agents, name="agents"),
    path("city/<slug:slug>/radar/", radar.radar, name="radar"),
    path("agent/<int:agent_id>/withdraw/", people.agent_withdraw, name="agent_withdraw"),
    path("city/<slug:slug>/trainings/", people.trainings, name="trainings"),
    path("training/<int:training_id>/", people.training_detail, name="training"),
    path("certificate/<int:attendance_id>/", people.certificate, name="certificate"),
    path("city/<slug:slug>/campaigns/", campaigns.campaigns, name="campaigns"),
    path("campaign/<int:campaign_id>/", campaigns.campaign_detail, name="campaign"),
]
