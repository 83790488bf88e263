"""The demo loaders, one module per concern, and the order `manage.py load_demo` runs them in.

Each loader has `read(root)`, which reads and validates its content files without touching the
database (ContentError names the file and the field), and `load(stdout)`, which returns the
number of objects it created (0 when everything exists already).
"""

from . import academies, accounts, certificates, colloquia, courses, home, registration_questions, resources

# (name, read, load): accounts first (everything refers to them), certificates last (they read
# what the courses and colloquia loaders made).
LOADERS = [
    ("accounts", accounts.read, accounts.load),
    ("home", home.read, home.load),
    ("academies", academies.read, academies.load),
    ("courses", courses.read, courses.load),
    ("resources", resources.read, resources.load),
    ("colloquia", colloquia.read, colloquia.load),
    ("registration questions", registration_questions.read, registration_questions.load),
    ("home (hero link)", home.read, home.link_hero),
    ("certificates", certificates.read, certificates.load),
]

__all__ = ["LOADERS"]
