"""The URL converter of a table's download format: a route ``…/export.<tabular:fmt>`` answers
``export.csv`` and ``export.xlsx`` and passes ``fmt`` on as a ``Format``. Registered once, by the
root URLs (``icc.urls``), before the modules' URLs are read."""

from typing import cast, get_args

from icc.core.tabular.download import Format


class FormatConverter:
    regex = "|".join(get_args(Format))

    def to_python(self, value: str) -> Format:
        return cast(Format, value)

    def to_url(self, value: str) -> str:
        return value
