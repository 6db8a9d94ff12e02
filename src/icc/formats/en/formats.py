"""English dates as Europe writes them (en-GB style, 24-hour clock): 5 November 2020, 14:30.

Django's own ``en`` formats are American ("Nov. 5, 2020, 2:30 p.m."). Input formats are not
set here: forms keep accepting ISO dates (what ``<input type="date">`` sends) and Django's list.
"""

DATE_FORMAT = "j F Y"
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "j F Y, H:i"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j F"
SHORT_DATE_FORMAT = "d/m/Y"
SHORT_DATETIME_FORMAT = "d/m/Y H:i"
FIRST_DAY_OF_WEEK = 1  # Monday
