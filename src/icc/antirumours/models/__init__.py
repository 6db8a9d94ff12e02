"""The anti-rumours records of a city: its strategy, rumour register, diagnosis, agents,
trainings and campaigns. Everything hangs on one place and is private to it, except what the
city marks public (its page, its campaigns) or shares with the network (a rumour with its
counter-arguments)."""

from icc.antirumours.models.agents import Agent, AgentKind, Training, TrainingAttendance
from icc.antirumours.models.campaigns import Campaign, CampaignMaterial
from icc.antirumours.models.register import (
    CounterArgument,
    CounterArgumentKind,
    Format,
    RadarCount,
    Rumour,
    RumourTheme,
)
from icc.antirumours.models.strategy import (
    PUBLIC_SUMMARY_MAX,
    FocusGroupNote,
    Stage,
    StageDocument,
    StageKind,
    StageStatus,
    Strategy,
    SurveyRound,
    SurveyRoundKind,
)

__all__ = [
    "PUBLIC_SUMMARY_MAX",
    "Agent",
    "AgentKind",
    "Campaign",
    "CampaignMaterial",
    "CounterArgument",
    "CounterArgumentKind",
    "FocusGroupNote",
    "Format",
    "RadarCount",
    "Rumour",
    "RumourTheme",
    "Stage",
    "StageDocument",
    "StageKind",
    "StageStatus",
    "Strategy",
    "SurveyRound",
    "SurveyRoundKind",
    "Training",
    "TrainingAttendance",
]
