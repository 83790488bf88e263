"""The registrar's registration list of an event (a Wagtail ModelViewSet): search, filters,
ordering, CSV and XLSX downloads, bulk decisions with their emails, and who may see them."""

import csv
import io

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook
from wagtail import hooks
from wagtail.models import ModelLogEntry

from accounts.models import User
from colloquia import services
from colloquia.models import Attendance, Registration
from regions.models import HighCourt, State
from tests.factories import make_staff, make_user

from .conftest import make_event

pytestmark = pytest.mark.django_db

FORMULA = '=HYPERLINK("http://x")'


def list_url(event):
    return f"/admin/colloquia/{event.pk}/registrations/"


def bulk_url(action, *registrations, next_url=""):
    ids = "&".join(f"id={r.pk}" for r in registrations)
    return f"/admin/bulk/colloquia/registration/{action}/?{ids}" + (f"&next={next_url}" if next_url else "")


def person(role="district_judge", **fields):
    return make_user(role, **fields)


@pytest.fixture
def approval_event(index):
    return make_event(
        index, title="Approval colloquium", mode="approval", audience={"district_judge": 1, "prosecutor": None}
    )


@pytest.fixture
def people(approval_event):
    """Four registrations of the approval event, from different places and courts."""
    ranchi = person(full_name="Asha Ranchi", district="Ranchi", court_or_office="Civil Court, Ranchi", state="JH")
    ranchi.high_court = HighCourt.objects.get(code="JHHC")
    ranchi.save()
    bhopal = person(full_name="Bina Bhopal", district="Bhopal", court_or_office="District Court Bhopal", state="MP")
    dhanbad = person("prosecutor", full_name="Chitra Dhanbad", district="Dhanbad", court_or_office="DPO", state="JH")
    late = person(full_name="Deepak Late", district="Ranchi", court_or_office="Family Court", state="JH")
    registrations = {
        u.full_name.split()[0]: services.register(u, approval_event) for u in (ranchi, bhopal, dhanbad, late)
    }
    services.decide(registrations["Deepak"], approve=False, by=None, note="")
    return {name: Registration.objects.get(pk=r.pk) for name, r in registrations.items()}


def names_in(response):
    body = response.content.decode()
    return {name for name in ("Asha Ranchi", "Bina Bhopal", "Chitra Dhanbad", "Deepak Late") if name in body}


def rows_of(response):
    return list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode(), newline="")))


# --- search, filters, ordering ---


def test_the_list_searches_by_name_or_email_and_filters_by_status_category_state_district_and_court(
    client, registrar, approval_event, people
):
    client.force_login(registrar)
    url = list_url(approval_event)
    assert names_in(client.get(url)) == {"Asha Ranchi", "Bina Bhopal", "Chitra Dhanbad", "Deepak Late"}
    assert names_in(client.get(url, {"q": "bina"})) == {"Bina Bhopal"}
    assert names_in(client.get(url, {"q": people["Chitra"].email})) == {"Chitra Dhanbad"}
    assert names_in(client.get(url, {"status": "rejected"})) == {"Deepak Late"}
    assert names_in(client.get(url, {"status": ["rejected", "pending"]})) == {
        "Asha Ranchi",
        "Bina Bhopal",
        "Chitra Dhanbad",
        "Deepak Late",
    }
    assert names_in(client.get(url, {"category": "prosecutor"})) == {"Chitra Dhanbad"}
    assert names_in(client.get(url, {"state": State.objects.get(code="MP").pk})) == {"Bina Bhopal"}
    assert names_in(client.get(url, {"district": "Ranchi"})) == {"Asha Ranchi", "Deepak Late"}
    assert names_in(client.get(url, {"high_court": HighCourt.objects.get(code="JHHC").pk})) == {"Asha Ranchi"}
    assert names_in(client.get(url, {"court": "district court"})) == {"Bina Bhopal"}
    # Filters combine.
    assert names_in(client.get(url, {"district": "Ranchi", "status": "pending"})) == {"Asha Ranchi"}


def test_the_district_filter_offers_only_this_events_districts(client, registrar, approval_event, people):
    client.force_login(registrar)
    form = client.get(list_url(approval_event)).context["filters"].form
    assert [value for value, _ in form.fields["district"].choices if value] == ["Bhopal", "Dhanbad", "Ranchi"]


def test_the_list_orders_by_name_either_way_and_by_registration_time(client, registrar, approval_event, people):
    client.force_login(registrar)

    def order(**params):
        table = client.get(list_url(approval_event), params).context["table"]
        return [row.name for row in table.data]

    assert order() == ["Asha Ranchi", "Bina Bhopal", "Chitra Dhanbad", "Deepak Late"]
    assert order(ordering="-name") == ["Deepak Late", "Chitra Dhanbad", "Bina Bhopal", "Asha Ranchi"]
    assert order(ordering="created_at") == ["Asha Ranchi", "Bina Bhopal", "Chitra Dhanbad", "Deepak Late"]


def test_an_event_with_no_registrations_says_so(client, registrar, event):
    client.force_login(registrar)
    response = client.get(list_url(event))
    assert response.status_code == 200
    assert "There are no registrations to display." in response.content.decode()


# --- downloads ---


def test_the_csv_has_every_participant_field_of_the_filtered_rows(client, registrar, approval_event, people):
    client.force_login(registrar)
    response = client.get(list_url(approval_event), {"district": "Ranchi", "export": "csv"})
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == f'attachment; filename="registrations-{approval_event.slug}.csv"'
    rows = rows_of(response)
    assert [row["Name"] for row in rows] == ["Asha Ranchi", "Deepak Late"]
    asha = rows[0]
    assert asha["Email"] == people["Asha"].email
    assert asha["Category"] == "District and Sessions judges"
    assert asha["Status"] == "Awaiting approval"
    assert (asha["District"], asha["State/UT"], asha["Court or office"]) == (
        "Ranchi",
        "Jharkhand",
        "Civil Court, Ranchi",
    )
    assert asha["High Court"] == HighCourt.objects.get(code="JHHC").name
    assert (asha["Sessions attended"], asha["Sessions counted"], asha["Eligible for a certificate"]) == ("0", "4", "No")
    assert rows[1]["Status"] == "Not approved"


def test_formula_like_names_are_neutralised_in_csv_and_xlsx(client, registrar, event):
    services.register(person(full_name=FORMULA, court_or_office="-2 Court"), event)
    client.force_login(registrar)
    (row,) = rows_of(client.get(list_url(event), {"export": "csv"}))
    assert row["Name"] == "'" + FORMULA and row["Court or office"] == "'-2 Court"

    response = client.get(list_url(event), {"export": "xlsx"})
    assert response["Content-Disposition"] == f'attachment; filename="registrations-{event.slug}.xlsx"'
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    header, values = [cell.value for cell in sheet[1]], sheet[2]
    name = values[header.index("Name")]
    assert name.value == "'" + FORMULA and name.data_type == "s"
    assert values[header.index("Court or office")].value == "'-2 Court"
    assert values[header.index("Sessions counted")].value == 4  # numbers stay numbers


def test_other_apps_add_columns_to_the_download_with_the_hook(client, registrar, event, judge):
    registration = services.register(judge, event)
    calls = []

    def columns(event_page):
        calls.append(event_page.pk)
        answers = {registration.pk: "=Train"}  # loaded once for the whole event
        return [("Travel mode", lambda r: answers.get(r.pk, "")), ("=Heading", lambda r: "yes")]

    client.force_login(registrar)
    with hooks.register_temporarily("colloquium_registration_export_columns", columns):
        assert "Travel mode" not in client.get(list_url(event)).content.decode()
        assert calls == []  # the page does not call it: only a download does
        (row,) = rows_of(client.get(list_url(event), {"export": "csv"}))
        sheet = load_workbook(
            io.BytesIO(b"".join(client.get(list_url(event), {"export": "xlsx"}).streaming_content))
        ).active
    assert calls == [event.pk, event.pk]
    assert row["Travel mode"] == "'=Train" and row["'=Heading"] == "yes"
    header = [cell.value for cell in sheet[1]]
    assert header[-2:] == ["Travel mode", "'=Heading"]
    assert [cell.value for cell in sheet[2]][-2:] == ["'=Train", "yes"]


def _crowd(event, count):
    """`count` registrations of `event` in several statuses, with attendance, made in bulk."""
    start = User.objects.count()
    users = User.objects.bulk_create(
        [
            User(
                email=f"crowd{start + n}@example.test",
                full_name=f"Crowd Person {start + n}",
                role="district_judge",
                role_status="verified",
                district=f"District {n % 7}",
                state=State.objects.get(code="JH"),
            )
            for n in range(count)
        ]
    )
    statuses = ["approved", "pending", "waitlisted", "rejected"]
    registrations = Registration.objects.bulk_create(
        [
            Registration(
                page=event,
                user=user,
                email=user.email,
                name=user.full_name,
                category="district_judge",
                status=statuses[n % 4],
                waitlist_rank=n if statuses[n % 4] == "waitlisted" else None,
            )
            for n, user in enumerate(users)
        ]
    )
    session = event.sessions.filter(counts_for_attendance=True).first()
    Attendance.objects.bulk_create(
        [Attendance(registration=r, session=session, status="present", method="registrar") for r in registrations[::2]]
    )


def test_the_list_and_its_download_cost_the_same_queries_for_50_or_500_registrations(
    client, registrar, index, django_capture_on_commit_callbacks
):
    small, large = make_event(index, title="Fifty"), make_event(index, title="Five hundred")
    _crowd(small, 50)
    _crowd(large, 500)
    client.force_login(registrar)
    counts = {}
    for event in (small, large):
        client.get(list_url(event))  # warm the session and permission caches
        for params in ({}, {"status": "approved", "district": "District 1"}, {"export": "csv"}, {"export": "xlsx"}):
            with CaptureQueriesContext(connection) as queries:
                response = client.get(list_url(event), params)
                if params.get("export"):
                    b"".join(response.streaming_content)
            assert response.status_code == 200
            counts.setdefault(str(params), []).append(len(queries))
    for params, (fifty, five_hundred) in counts.items():
        assert fifty == five_hundred, (params, fifty, five_hundred)
    assert len(rows_of(client.get(list_url(large), {"export": "csv"}))) == 500


# --- bulk decisions ---


def test_bulk_approval_respects_the_quota_and_emails_each_person(
    client, registrar, approval_event, people, django_capture_on_commit_callbacks
):
    client.force_login(registrar)
    asha, bina = people["Asha"], people["Bina"]
    page = client.get(bulk_url("approve", asha, bina))
    assert page.status_code == 200
    body = page.content.decode()
    assert "Approve these registrations?" in body and "Asha Ranchi" in body and "Bina Bhopal" in body
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            bulk_url("approve", asha, bina, next_url=list_url(approval_event)), {"note": "Report at 9:00."}
        )
    assert response.status_code == 302 and response["Location"] == list_url(approval_event)
    asha.refresh_from_db()
    bina.refresh_from_db()
    # One place for district judges: the first approved gets it, the second the waiting list.
    assert (asha.status, bina.status) == ("approved", "waitlisted")
    assert asha.decided_by == registrar and asha.decision_note == "Report at 9:00."
    sent = {message.to[0]: message for message in mail.outbox}
    assert sent[asha.email].subject == "Your place is confirmed: Approval colloquium"
    assert "Report at 9:00." in sent[asha.email].body
    assert sent[bina.email].subject == "You are on the waiting list: Approval colloquium"
    assert "number 1 on the waiting list" in sent[bina.email].body
    followed = client.get(list_url(approval_event))
    assert "1 approved; 1 on the waiting list. Each person is being emailed." in followed.content.decode()


def test_bulk_rejection_and_a_refusal_for_someone_already_rejected(
    client, registrar, approval_event, people, django_capture_on_commit_callbacks
):
    client.force_login(registrar)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(bulk_url("reject", people["Chitra"], people["Deepak"]), {"note": ""})
    people["Chitra"].refresh_from_db()
    assert people["Chitra"].status == "rejected"
    assert [m.subject for m in mail.outbox] == ["Your registration was not approved: Approval colloquium"]
    body = client.get(list_url(approval_event)).content.decode()
    assert "Deepak Late: Deepak Late is not approved; nothing to reject." in body


def test_moving_an_approved_person_to_the_waiting_list_gives_their_place_to_the_first_in_line(
    client, registrar, index, django_capture_on_commit_callbacks
):
    page = make_event(index, title="One place", audience={"district_judge": 1})
    first, second = person(full_name="First"), person(full_name="Second")
    placed, waiting = services.register(first, page), services.register(second, page)
    assert (placed.status, waiting.status) == ("approved", "waitlisted")
    client.force_login(registrar)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(bulk_url("waitlist", placed), {"note": "Your court asked for the place to go to another officer."})
    placed.refresh_from_db()
    waiting.refresh_from_db()
    assert (placed.status, waiting.status) == ("waitlisted", "approved")
    assert services.waitlist_position(placed) == 1
    subjects = {m.to[0]: m.subject for m in mail.outbox}
    assert subjects == {
        first.email: "You are on the waiting list: One place",
        second.email: "Your place is confirmed: One place",
    }
    assert ModelLogEntry.objects.filter(action="colloquium.registration_waitlisted", object_id=str(placed.pk)).exists()


def test_bulk_actions_reach_only_the_registrars_own_academy(
    client, registrar, index, other_index, approval_event, people
):
    theirs = make_event(other_index, title="Their colloquium", mode="approval", state="MP")
    stranger = services.register(person(state="MP"), theirs)
    client.force_login(registrar)
    assert client.get(bulk_url("approve", stranger)).status_code == 404
    assert client.post(bulk_url("approve", stranger), {"note": ""}).status_code == 404
    # Mixed with one of their own: only their own is acted on, and the stranger is not named.
    page = client.get(bulk_url("approve", stranger, people["Asha"]))
    assert "Asha Ranchi" in page.content.decode() and stranger.name not in page.content.decode()
    client.post(bulk_url("approve", stranger, people["Asha"]), {"note": ""})
    stranger.refresh_from_db()
    people["Asha"].refresh_from_db()
    assert (stranger.status, people["Asha"].status) == ("pending", "approved")


@pytest.mark.parametrize("who", ["editor", "moderator", "judge"])
def test_bulk_actions_refuse_other_staff_and_learners(client, request, approval_event, people, who):
    client.force_login(request.getfixturevalue(who))
    response = client.post(bulk_url("approve", people["Asha"]), {"note": ""})
    expected = "/admin/" if who != "judge" else f"/accounts/login/?next={bulk_url('approve', people['Asha'])}"
    assert response.status_code == 302 and response["Location"].startswith(expected.split("?")[0])
    people["Asha"].refresh_from_db()
    assert people["Asha"].status == "pending"


# --- who may see the list and its downloads ---


@pytest.mark.parametrize("params", [{}, {"export": "csv"}, {"export": "xlsx"}])
def test_the_list_and_downloads_are_for_the_events_registrars_and_platform_administrators(
    client, approval_event, people, registrar, superuser, editor, moderator, judge, other_academy, params
):
    url = list_url(approval_event)
    for allowed in (registrar, superuser):
        client.force_login(allowed)
        assert client.get(url, params).status_code == 200
    client.force_login(make_staff(other_academy, "registrar"))
    assert client.get(url, params).status_code == 404
    for refused in (editor, moderator):
        client.force_login(refused)
        response = client.get(url, params)
        assert (response.status_code, response["Location"]) == (302, "/admin/")
    client.force_login(judge)
    response = client.get(url, params)
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/?next=")
    client.logout()
    response = client.get(url, params)
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/?next=")


def test_the_attendance_records_list_filters_and_exports(
    client, registrar, index, other_academy, judge, prosecutor, editor, superuser
):
    page = make_event(index, title="Attended event")
    mine, theirs = services.register(judge, page), services.register(prosecutor, page)
    counted = [s for s in services.sessions_in_order(page) if s.counts_for_attendance]
    Attendance.objects.create(registration=mine, session=counted[0], status="present", method="qr")
    Attendance.objects.create(registration=theirs, session=counted[1], status="absent", method="registrar")
    url = f"/admin/colloquia/{page.pk}/attendance/"
    client.force_login(registrar)
    assert judge.full_name in client.get(url, {"session": counted[0].pk}).content.decode()
    assert prosecutor.full_name not in client.get(url, {"session": counted[0].pk}).content.decode()
    assert judge.full_name not in client.get(url, {"status": "absent"}).content.decode()
    rows = rows_of(client.get(url, {"export": "csv"}))
    assert [(r["Name"], r["Session"], r["Status"], r["Recorded by"]) for r in rows] == [
        (judge.full_name, counted[0].title, "Present", "QR self check-in"),
        (prosecutor.full_name, counted[1].title, "Absent", "Marked by the registrar"),
    ]
    client.force_login(make_staff(other_academy, "registrar"))
    assert client.get(url).status_code == 404
    assert client.get(url, {"export": "csv"}).status_code == 404
    client.force_login(editor)
    response = client.get(url, {"export": "xlsx"})
    assert (response.status_code, response["Location"]) == (302, "/admin/")
    client.logout()
    assert client.get(url)["Location"].startswith("/accounts/login/")
    client.force_login(superuser)
    assert client.get(url, {"export": "xlsx"}).status_code == 200


def test_the_event_page_links_to_the_list_and_sends_old_status_filters_there(client, registrar, approval_event, people):
    client.force_login(registrar)
    body = client.get(f"/admin/colloquia/{approval_event.pk}/").content.decode()
    assert f'href="{list_url(approval_event)}"' in body and "Registrations (4)" in body
    response = client.get(f"/admin/colloquia/{approval_event.pk}/", {"status": "pending"})
    assert response.status_code == 302 and response["Location"] == list_url(approval_event) + "?status=pending"


def test_each_row_offers_the_actions_its_status_allows(client, registrar, approval_event, people):
    client.force_login(registrar)
    body = client.get(list_url(approval_event), {"district": "Ranchi"}).content.decode()
    back = f"next=%2Fadmin%2Fcolloquia%2F{approval_event.pk}%2Fregistrations%2F%3Fdistrict%3DRanchi"
    asha, deepak = people["Asha"], people["Deepak"]
    # Pending: approve, reject or move to the waiting list, each coming back to the filtered list.
    for action in ("approve", "reject", "waitlist"):
        assert f"/admin/bulk/colloquia/registration/{action}/?id={asha.pk}&amp;{back}" in body
    # Rejected: approve or the waiting list, not reject again.
    assert f"/admin/bulk/colloquia/registration/approve/?id={deepak.pk}&amp;" in body
    assert f"/admin/bulk/colloquia/registration/reject/?id={deepak.pk}&amp;" not in body
    assert f"/admin/colloquia/{approval_event.pk}/registrations/{asha.pk}/eligibility/" in body


def test_the_audit_log_links_a_registration_to_its_events_list(registrar, other_academy, event, judge):
    from wagtail.admin.admin_url_finder import AdminURLFinder

    registration = services.register(judge, event)
    # Wagtail registers a viewset's URL finder as it loads the admin's URLs, as any request does first.
    index = reverse("colloquia_registrations:index", args=[event.pk])
    link = AdminURLFinder(registrar).get_edit_url(registration)
    assert link == f"{index}?q={judge.email.replace('@', '%40')}"
    assert AdminURLFinder(make_staff(other_academy, "registrar")).get_edit_url(registration) is None


def test_bulk_emails_are_queued_for_the_task_worker_not_sent_in_the_request(
    client, registrar, approval_event, people, settings, django_capture_on_commit_callbacks
):
    from django_tasks import default_task_backend

    from colloquia.services.emails import send_registration_email

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}  # a worker that never runs
    client.force_login(registrar)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(bulk_url("reject", people["Asha"], people["Bina"]), {"note": "The batch is full."})
    assert mail.outbox == []  # nothing was sent while the registrar waited
    queued = default_task_backend.results
    assert sorted(result.args[0] for result in queued) == sorted([people["Asha"].pk, people["Bina"].pk])
    # The worker sends each as it was when queued.
    for result in queued:
        send_registration_email.call(*result.args)
    assert sorted(m.to[0] for m in mail.outbox) == sorted([people["Asha"].email, people["Bina"].email])
    assert all(m.subject == "Your registration was not approved: Approval colloquium" for m in mail.outbox)
    assert all("The batch is full." in m.body for m in mail.outbox)
