import pytest
from django.contrib.auth.models import Group
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from colloquia.models import Registration
from tests import factories
from tests.colloquia.conftest import make_event, make_index


def add_registration(page, user=None, *, status="approved", category=None, email=None, name=None):
    """A registration as the colloquia app leaves it; without `user`, an invited nominee."""
    return Registration.objects.create(
        page=page,
        user=user,
        email=email or user.email,
        name=name or (user.full_name if user else "Invited Nominee"),
        category=category or (user.role if user else "district_judge"),
        status=status,
    )


@pytest.fixture
def index(academy):
    return make_index(academy.page)


@pytest.fixture
def event(index):
    return make_event(index, title="State colloquium on trafficking")


@pytest.fixture
def other_event(other_academy):
    return make_event(make_index(other_academy.page), title="MP colloquium", state="MP")


@pytest.fixture
def platform_admin(db):
    user = factories.make_user("academy_staff", mfa=True, full_name="Platform Admin", is_staff=True)
    user.groups.add(Group.objects.get(name="Platform administrators"))
    return user


@pytest.fixture
def database_tasks(settings):
    """Tasks queued in the database, as in production (TASKS_BACKEND=database), instead of run at once."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    return settings


def run_queued_tasks():
    """Run every queued task as `manage.py worker` would, one after another, in this process.

    db_worker's loop closes the database connection between tasks, which a test inside a
    transaction cannot allow; its Worker runs each task the same way here. Returns how many ran.
    """
    worker = Worker(
        queue_names=["*"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
        excluded_queue_names=[],
    )
    ran = 0
    while (result := DBTaskResult.objects.ready().order_by("enqueued_at").first()) is not None:
        result.claim(worker.worker_id)
        worker.run_task(result)
        ran += 1
    return ran
