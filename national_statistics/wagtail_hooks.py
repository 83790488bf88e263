"""What makes the statistics stale: saves of the records it counts bump its page-cache tag."""

from wagtail import hooks

from .figures import TAG


def _always(instance):
    return [TAG]


def _completed(enrolment):
    # Only finished modules are counted; the time learners spend on a module is saved often and changes nothing here.
    return [TAG] if enrolment.completed_at is not None else []


@hooks.register("colloquium_page_cache_tags")
def statistics_tags():
    return {
        "colloquia.Attendance": _always,
        "colloquia.Registration": _always,
        "courses.Enrolment": _completed,
        "certificates.Certificate": _always,
        "support.SupportRecord": _always,
        "support.Expenditure": _always,
    }
