from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


class State(models.Model):
    """A State or Union Territory of India."""

    code = models.CharField(max_length=4, unique=True)
    name = models.CharField(max_length=80, unique=True)
    is_union_territory = models.BooleanField(default=False)

    class Meta:
        ordering = ["name"]
        verbose_name = _("State/UT")
        verbose_name_plural = _("States/UTs")

    def __str__(self):
        return gettext(self.name)  # the reference data's names are in the catalogue (regions.data)


class HighCourt(models.Model):
    code = models.CharField(max_length=6, unique=True)
    name = models.CharField(max_length=100, unique=True)
    principal_seat = models.CharField(max_length=60)
    benches = models.CharField(max_length=120, blank=True)
    states = models.ManyToManyField(State, related_name="high_courts")

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return gettext(self.name)  # the reference data's names are in the catalogue (regions.data)
