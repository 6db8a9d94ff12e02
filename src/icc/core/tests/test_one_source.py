"""Each fact is written once in the source; these greps keep the copies from coming back.

- The default peer-band edges live in ``settings.ICC_PEER_BAND_EDGES`` (an edition's own edges
  live in its method spec, stored data such as ``index/editions/*.yaml``).
- The active language is read in ``icc.language`` only.
- Competition ranking is the scoring core's (``icc.index.scoring.ranks``).
"""

import re
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2]  # src/icc
CODE_SUFFIXES = {".py", ".html", ".js", ".txt"}

# Files owned by another change in flight that still keep their own copy; each is switched to
# the one source after merging, then removed from here.
PENDING = {
    "language": {"reports/report/data.py", "reports/views.py", "reports/charts/sample.py"},
    "ranking": {"reports/charts/sample.py"},
    "fact as of a year": {"index/scoring_service.py", "reports/charts/sample.py"},
}
# The same rule written in SQL, so that the place lists filter and sort in the database.
SQL_TWINS = {"fact as of a year": {"network/selectors.py"}}


def _code_files() -> list[Path]:
    return [
        path
        for path in SRC.rglob("*")
        if path.suffix in CODE_SUFFIXES
        and not {"tests", "migrations", "locale", "vendor", "__pycache__"} & set(path.parts)
    ]


def _hits(pattern: str, allowed: set[str]) -> list[str]:
    found = []
    for path in _code_files():
        name = path.relative_to(SRC).as_posix()
        if name in allowed:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if re.search(pattern, line):
                found.append(f"{name}:{number}: {line.strip()}")
    return found


BAND_EDGES = (
    r"\b200[_,\u00a0\u202f ]?000\b"  # 200,000 inhabitants, however written
    r"|\b15(\.0)?\s*%|\(15(\.0)?,\)|\[15(\.0)?\]|\b15\.0\b"  # 15 % foreign-born
)


def test_the_default_band_edges_are_written_once():
    assert _hits(BAND_EDGES, {"settings/base.py"}) == []


def test_the_setting_holds_the_default_band_edges():
    text = (SRC / "settings" / "base.py").read_text(encoding="utf-8")
    assert re.search(r"^ICC_PEER_BAND_EDGES = .*200_000.*15", text, re.MULTILINE)


@pytest.mark.parametrize(
    ("fact", "pattern", "home"),
    [
        (
            "language",
            r"\bget_language\(|LANGUAGE_CODE\b.*request|request\.LANGUAGE_CODE",
            "language.py",
        ),
        ("ranking", r"def \w*competition_rank", "index/scoring/ranks.py"),
        ("fact as of a year", r"def _?latest(_facts?)?\(", "network/facts.py"),
    ],
)
def test_one_home_for_each_fact(fact, pattern, home):
    allowed = {home} | PENDING.get(fact, set()) | SQL_TWINS.get(fact, set())
    assert _hits(pattern, allowed) == []
