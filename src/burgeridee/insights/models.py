"""A working-day calendar, so the database can count working days between two dates by subtraction."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class WorkingDay(models.Model):
    """One calendar day and its working-day number: how many working days (core.dates.is_working_day) lie
    from CALENDAR_EPOCH up to and including this day. The working days after `start` up to and including
    `end` are number(end) - number(start), also when end < start (core.dates.working_days_between).

    Filled for every day from CALENDAR_EPOCH by insights.calendar.working_day_calendar_refresh (after every
    migrate); a date outside it is counted in Python instead, so a missing day never changes a figure.
    """

    day = models.DateField(_("dag"), primary_key=True)
    number = models.IntegerField(_("werkdagnummer"))

    class Meta:
        verbose_name = _("werkdag")
        verbose_name_plural = _("werkdagen")

    def __str__(self) -> str:
        return f"{self.day:%Y-%m-%d} {self.number}"
