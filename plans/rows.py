"""Statements written out in SQL: model instances from their rows, as the ORM would build them,
and several statements in one round trip (in_one_round_trip).

Two reads on every personal page are written out (plans.own_plans for Min plan, the member's
reading rule in plans.network.selectors.reading_rule): the ORM spent longer building them than
the database took to answer (issue 18). Their values become Python ones here through the
database backend's and the fields' own converters, the same ones the ORM's compiler applies."""

from functools import cache

from django.db import connection


@cache
def _converters(model, name: str) -> tuple:
    column = model._meta.get_field(name).get_col(model._meta.db_table)
    converters = connection.ops.get_db_converters(column) + column.get_db_converters(connection)
    return column, tuple(converters)


def python_value(model, name: str, value):
    """One column's value as the model field holds it."""
    column, converters = _converters(model, name)
    for convert in converters:
        value = convert(value, column, connection)
    return value


def columns(model, alias: str, names: tuple[str, ...] | None = None) -> str:
    """The select list for `names` (all concrete fields when None) of `model` under `alias`."""
    quote = connection.ops.quote_name
    fields = field_names(model, names)
    return ", ".join(f"{alias}.{quote(model._meta.get_field(name).column)}" for name in fields)


def field_names(model, names: tuple[str, ...] | None = None) -> tuple[str, ...]:
    """`names` in the model's own field order (Model.from_db's), or all concrete fields."""
    return tuple(
        field.attname
        for field in model._meta.concrete_fields
        if names is None or field.attname in names
    )


def instance(model, names: tuple[str, ...], values):
    """A model instance loaded from the database, from the values of `field_names(model, ...)`
    (fields left out are deferred, loaded on first use as after the ORM's .only())."""
    converted = [
        python_value(model, name, value) for name, value in zip(names, values, strict=True)
    ]
    return model.from_db(connection.alias, list(names), converted)


def in_one_round_trip(*statements: tuple[str, list]) -> list[tuple[int, tuple | None]]:
    """Run the statements in turn; give each one's row count and first row (None when it
    returns no rows).

    On PostgreSQL they go as one query string (Django's client-side binding allows it), in one
    round trip instead of one each (issue 18). Each statement still takes its own snapshot
    when the one before has finished, so a read after a lock sees what the writer before it
    committed. SQLite takes them one at a time."""
    results = []
    with connection.cursor() as cursor:
        if _at_once():
            sql = "; ".join(sql for sql, _params in statements)
            cursor.execute(sql, [value for _sql, params in statements for value in params])
            for index in range(len(statements)):
                if index:
                    cursor.nextset()
                results.append(
                    (cursor.rowcount, cursor.fetchone() if cursor.description else None)
                )
        else:
            for sql, params in statements:
                cursor.execute(sql, params)
                results.append(
                    (cursor.rowcount, cursor.fetchone() if cursor.description else None)
                )
    return results


def _at_once() -> bool:
    options = connection.settings_dict.get("OPTIONS", {})
    return connection.vendor == "postgresql" and not options.get("server_side_binding")
