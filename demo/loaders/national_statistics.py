"""The demo's public statistics page (content/statistics.yaml), placed under the home page.

Its figures are the demo's own events, attendance, module completions and certificates, read
when the page is visited; the loader only places and introduces the page. Idempotent.
"""

from home.models import HomePage
from national_statistics.models import StatisticsPage

from ..content import CONTENT_DIR, TEXT, check_fields, read_yaml
from ..locales import source

FILE = "statistics.yaml"
SPEC = {"title": (TEXT, True), "slug": (TEXT, True), "show_in_menus": (bool, False), "introduction": (TEXT, True)}


def read(root=CONTENT_DIR):
    return check_fields(read_yaml(root / FILE, root), SPEC, FILE)


def load(stdout, data=None):
    data = data or read()
    if StatisticsPage.objects.exists():
        stdout.write("statistics page: 0 objects created\n")
        return 0
    page = StatisticsPage(
        title=data["title"],
        slug=data["slug"],
        show_in_menus=data.get("show_in_menus", False),
        introduction=data["introduction"],
    )
    source(HomePage).get().add_child(instance=page)
    page.save_revision().publish()
    stdout.write("statistics page: 1 object created\n")
    return 1
