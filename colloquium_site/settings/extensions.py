"""Which feature apps fill the shared pages (see core.extensions).

Kept apart from base.py so each feature app adds its lines without touching the rest.
"""

HOME_SECTIONS = []
ACADEMY_SECTIONS = []
DASHBOARD_SECTIONS = []
PERSONAL_DATA_EXPORTERS = []
