"""Versions of each app's data, raised after every committed write, read in one small query.

Rules held here:

- Every INSERT, UPDATE or DELETE on a table of a tracked app (``TRACKED``: the table name starts
  with the app's label) raises that app's version once the transaction commits; a rolled-back
  write raises nothing. Writes are seen at the database connection, so bulk creates, bulk
  updates, queryset updates and raw SQL count as much as ``save()``.
- A version is ``token.number``: the token is drawn when the app's row is made, so a version
  never repeats across databases. An app without a row has no version yet (``None``): nothing
  may be cached on it.
- Reading versions is one query by primary key; a GET never writes.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable, Iterable
from typing import Any

from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.backends.base.base import BaseDatabaseWrapper

TABLE = "core_dataversion"  # the table of icc.core.models.DataVersion
TRACKED = ("network", "index", "events", "reports", "accounts", "search")
_WRITE = re.compile(r'^\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+"?([a-z0-9_]+)', re.IGNORECASE)
_BUMP_SQL = (
    "INSERT INTO core_dataversion (name, token, number) VALUES (%s, %s, 1) "
    "ON CONFLICT (name) DO UPDATE SET number = core_dataversion.number + 1"
)


def _app_of(sql: str) -> str | None:
    match = _WRITE.match(sql)
    if match is None:
        return None
    app = match.group(1).lower().split("_", 1)[0]
    return app if app in TRACKED else None


class _Bump:
    """The on-commit callback that raises ``app``'s version (one per app and transaction)."""

    def __init__(self, alias: str, app: str) -> None:
        self.alias, self.app = alias, app

    def __call__(self) -> None:
        with connections[self.alias].cursor() as cursor:
            cursor.execute(_BUMP_SQL, [self.app, secrets.token_hex(16)])


def _versions_table(connection: BaseDatabaseWrapper) -> bool:
    """Whether the versions table exists yet (not while the first migrations run)."""
    if not getattr(connection, "icc_versions_table", False):
        tables = connection.introspection.table_names()
        connection.icc_versions_table = TABLE in tables  # type: ignore[attr-defined]
    return bool(connection.icc_versions_table)  # type: ignore[attr-defined]


def _watch(connection: BaseDatabaseWrapper) -> Callable[..., Any]:
    """An execute wrapper that notes the app a statement writes to and raises its version after
    the commit (at once in autocommit). The connection's list of on-commit callbacks, emptied
    at each commit and rollback, says whether the transaction already has the app's."""

    def wrapper(execute: Callable[..., Any], sql: str, params: Any, many: bool, ctx: Any) -> Any:
        result = execute(sql, params, many, ctx)
        app = _app_of(sql)
        if (
            app is not None
            and _versions_table(connection)
            and not any(
                isinstance(entry[1], _Bump) and entry[1].app == app
                for entry in connection.run_on_commit  # (savepoints, callback, robust)
            )
        ):
            transaction.on_commit(_Bump(connection.alias, app), using=connection.alias)
        return result

    return wrapper


def data_version_watch(sender: Any, connection: BaseDatabaseWrapper, **kwargs: Any) -> None:
    """``connection_created`` receiver: watch the connection's writes. The wrapper object
    outlives its database connections (one per request without persistent connections): it
    is watched once."""
    if not getattr(connection, "icc_watched", False):
        connection.execute_wrappers.append(_watch(connection))
        connection.icc_watched = True  # type: ignore[attr-defined]


def data_versions(names: Iterable[str]) -> tuple[str, ...] | None:
    """The current versions of the apps ``names`` (``"token.number"``), or ``None`` when one of
    them has no version yet."""
    wanted = sorted(set(names))
    marks = ", ".join(["%s"] * len(wanted))
    query = f"SELECT name, token, number FROM {TABLE} WHERE name IN ({marks})"  # noqa: S608 - fixed
    with connections[DEFAULT_DB_ALIAS].cursor() as cursor:
        cursor.execute(query, wanted)
        found = {name: f"{token}.{number}" for name, token, number in cursor.fetchall()}
    if len(found) < len(wanted):
        return None
    return tuple(found[name] for name in wanted)
