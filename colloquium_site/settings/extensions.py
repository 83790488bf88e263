"""Which feature apps fill the shared pages (see core.extensions), and the demo loaders.

Kept apart from base.py so each feature app adds its lines without touching the rest.
"""

# fn(request) -> section dict | None, shown on the home page in this order.
HOME_SECTIONS = []
# fn(request, academy=...) -> section dict | None, shown on each academy's page.
ACADEMY_SECTIONS = []
# fn(request) -> section dict | None, shown on "My learning".
DASHBOARD_SECTIONS = []
# fn(user) -> {"section": data}, merged into the personal-data download.
PERSONAL_DATA_EXPORTERS = []
# fn(stdout) -> number of objects created; run in order by `manage.py load_demo`.
DEMO_LOADERS = [
    "accounts.demo.load",
    "home.demo.load",
    "academies.demo.load",
]
