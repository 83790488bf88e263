# Hindi as Django writes it (6 दिसम्बर 2026, 10:30 पूर्वाह्न), completed for date-times, with Indian
# digit grouping. Digits stay international (Article 343(1) of the Constitution: "the international
# form of Indian numerals" for official purposes); Devanagari digits are a personal choice
# (languages.digits).
from django.conf.locale.hi.formats import *  # noqa: F403

DATETIME_FORMAT = "j F Y, g:i A"
SHORT_DATETIME_FORMAT = "d-m-Y, g:i A"
YEAR_MONTH_FORMAT = "F Y"
FIRST_DAY_OF_WEEK = 1  # Monday
NUMBER_GROUPING = (3, 2, 0)
