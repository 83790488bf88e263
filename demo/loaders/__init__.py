"""The demo loaders, one module per concern, and the order `manage.py load_demo` runs them in.

Each loader has `read(root)`, which reads and validates its content files without touching the
database (ContentError names the file and the field), and `load(stdout)`, which returns the
number of objects it created (0 when everything exists already).
"""

from . import (
    academies,
    academy_artwork,
    accounts,
    certificates,
    checkin,
    colloquia,
    courses,
    feedback,
    hindi,
    home,
    interstate,
    national_statistics,
    registration_questions,
    resources,
    support,
)

# (name, read, load): accounts first (everything refers to them), certificates last (they read
# what the courses and colloquia loaders made).
LOADERS = [
    ("accounts", accounts.read, accounts.load),
    ("home", home.read, home.load),
    ("academies", academies.read, academies.load),
    ("academy emblems and signatures", academy_artwork.read, academy_artwork.load),
    ("courses", courses.read, courses.load),
    ("resources", resources.read, resources.load),
    ("colloquia", colloquia.read, colloquia.load),
    ("registration questions", registration_questions.read, registration_questions.load),
    ("e-tickets", checkin.read, checkin.load),
    ("feedback", feedback.read, feedback.load),
    ("inter-State channel", interstate.read, interstate.load),
    ("home (hero link)", home.read, home.link_hero),
    ("certificates", certificates.read, certificates.load),
    ("MHA support records", support.read, support.load),  # after certificates: the outcome report counts them
    ("statistics page", national_statistics.read, national_statistics.load),
    # Last: the Hindi translations of pages the loaders above made (demo/loaders/hindi.py).
    ("Hindi translations", hindi.read, hindi.load),
]

__all__ = ["LOADERS"]
