# English as Django writes it, with Indian digit grouping: 12,34,567 (lakh and crore).
from django.conf.locale.en.formats import *  # noqa: F403

NUMBER_GROUPING = (3, 2, 0)
