"""Small SQL expressions the booking models need and Django does not have."""

from django.db import models
from django.db.models import F, Func


class Days(Func):
    """A whole number of days as a duration; Django has no portable integer × duration."""

    output_field = models.DurationField()
    template = "(%(expressions)s * 86400000000)"  # SQLite keeps durations as microseconds

    def as_postgresql(self, compiler, connection, **extra):
        return self.as_sql(compiler, connection, template="make_interval(days => %(expressions)s)", **extra)


def sum_of(fields):
    expression = F(fields[0])
    for field in fields[1:]:
        expression += F(field)
    return expression
