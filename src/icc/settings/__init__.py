"""Default settings: everything from the environment, SQLite under ``var/`` when unset."""

from icc.settings.base import *  # noqa: F403
