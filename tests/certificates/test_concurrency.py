"""Issuing in parallel: the serial is taken outside the render, skipped serials are recorded,
and a batch split into chunk tasks finishes exactly once with the right counts."""

import threading

import pytest
from django.db import connection, transaction
from wagtail.models import ModelLogEntry

import certificates.services
from certificates.models import Certificate, IssueBatch, Kind, SerialCounter, SourceKind
from certificates.services import ACTION_SERIAL_SKIPPED, IssueContext, issue_certificate, issue_many
from certificates.tasks import issue_batch
from tests import factories
from tests.certificates.conftest import snapshot
from tests.certificates.test_admin_and_tasks import _fake_colloquia


def _issue(user, academy, source_id=101):
    context = IssueContext.build(Kind.ATTENDANCE, academy)
    return issue_certificate(user, SourceKind.COLLOQUIUM, source_id, snapshot(), context=context, notify=False)


@pytest.mark.django_db(transaction=True)
def test_pdf_renders_outside_any_transaction(monkeypatch, academy, judge):
    """No lock (no transaction at all) is held while the PDF renders, so issuers do not queue behind it."""
    seen = []
    original = certificates.services.render_certificate

    def render(cert, **kwargs):
        seen.append((transaction.get_connection().in_atomic_block, cert.serial))
        return original(cert, **kwargs)

    monkeypatch.setattr(certificates.services, "render_certificate", render)
    cert, created = _issue(judge, academy)
    assert created and seen == [(False, cert.serial)]
    assert SerialCounter.objects.get(code="JSJA").last == 1  # committed before the render began


@pytest.mark.django_db
def test_unused_serial_is_skipped_and_recorded_once_a_later_one_is_taken(monkeypatch, academy, judge, prosecutor):
    """This issuer loses the race for the judge's certificate after another issuer took a later serial."""
    first, _ = _issue(judge, academy)
    looks = iter([None, None, first])  # nothing committed yet, until the insert is refused
    real_valid, real_render = certificates.services.valid_certificate, certificates.services.render_certificate

    def valid_certificate(user, *args):
        return next(looks) if user == judge else real_valid(user, *args)

    def render(cert, **kwargs):
        if cert.recipient_name == judge.full_name:
            _issue(prosecutor, academy)  # meanwhile another issuer takes the next serial
        return real_render(cert, **kwargs)

    monkeypatch.setattr(certificates.services, "valid_certificate", valid_certificate)
    monkeypatch.setattr(certificates.services, "render_certificate", render)
    cert, created = _issue(judge, academy)
    assert not created and cert.pk == first.pk
    monkeypatch.undo()
    assert SerialCounter.objects.get(code="JSJA").last == 3
    prefix = first.serial[:-6]  # JSJA-<year>-
    entry = ModelLogEntry.objects.get(action=ACTION_SERIAL_SKIPPED)
    assert entry.object_id == str(first.pk) and entry.data == {"serial": f"{prefix}000002", "existing": first.serial}
    assert sorted(Certificate.objects.values_list("serial", flat=True)) == [f"{prefix}000001", f"{prefix}000003"]


@pytest.mark.django_db
def test_lost_race_at_insert_returns_the_winner_and_removes_the_pdf(monkeypatch, academy, judge, settings):
    """The partial unique constraint refuses the second insert: the winner is returned, the loser's file
    removed, and its serial given back, since nobody took a later one."""
    first, _ = _issue(judge, academy)
    looks = iter([None, None, first])
    monkeypatch.setattr(certificates.services, "valid_certificate", lambda *args: next(looks))
    cert, created = _issue(judge, academy)
    assert not created and cert.pk == first.pk
    assert SerialCounter.objects.get(code="JSJA").last == 1
    pdfs = sorted(p.name for p in (settings.MEDIA_ROOT / "certificates" / "pdf").rglob("*.pdf"))
    assert pdfs == [f"{first.serial}.pdf"]


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_second_issuer_takes_a_serial_while_the_first_renders(monkeypatch, academy, judge, prosecutor):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL row locks")
    original = certificates.services.render_certificate
    first_rendering, second_done = threading.Event(), threading.Event()
    errors, results = [], {}

    def render(cert, **kwargs):
        if cert.recipient_name == judge.full_name:
            first_rendering.set()
            # With the counter row locked during the render, the second issuer could not finish.
            if not second_done.wait(timeout=120):
                errors.append("the second issuer waited for the first one's render")
        return original(cert, **kwargs)

    monkeypatch.setattr(certificates.services, "render_certificate", render)

    def run(name, user, before=None):
        from django.db import connection as thread_connection

        try:
            if before is not None:
                before.wait(timeout=120)
            results[name] = _issue(user, academy)
            if name == "second":
                second_done.set()
        except Exception as error:  # noqa: BLE001
            errors.append(error)
        finally:
            thread_connection.close()

    threads = [
        threading.Thread(target=run, args=("first", judge)),
        threading.Thread(target=run, args=("second", prosecutor, first_rendering)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    assert not errors
    assert results["first"][0].serial.endswith("000001") and results["second"][0].serial.endswith("000002")


@pytest.mark.django_db
def test_reissue_inside_the_callers_transaction_still_rolls_back_its_serial(academy, judge, registrar):
    cert, _ = _issue(judge, academy)
    with pytest.raises(RuntimeError), transaction.atomic():
        certificates.services.reissue(cert, by=registrar, reason="Name corrected")
        raise RuntimeError("the caller gives up")
    assert SerialCounter.objects.get(code="JSJA").last == 1
    cert.refresh_from_db()
    assert cert.status == "valid"


# --- Batches in chunks ---------------------------------------------------------------------------


def _run_batch(event_page, registrar):
    batch = IssueBatch.objects.create(colloquium_id=event_page.pk, title=event_page.title, requested_by=registrar)
    issue_batch.enqueue(batch.pk)  # the in-process backend runs the starter and every chunk at once
    batch.refresh_from_db()
    return batch


@pytest.mark.django_db
def test_batch_in_chunks_finishes_once_with_counts_and_a_failing_participant(
    monkeypatch, settings, academy, event_page, registrar
):
    monkeypatch.setattr("certificates.tasks.CHUNK_SIZE", 3)
    people = [factories.make_user("district_judge", full_name=f"Judge {n:02d}") for n in range(8)]
    _fake_colloquia(monkeypatch, academy, people)
    _issue(people[0], academy, source_id=event_page.pk)  # already holds one
    original = certificates.services.render_certificate

    def render(cert, **kwargs):
        if cert.recipient_name == "Judge 04":
            raise ValueError("renderer broke")
        return original(cert, **kwargs)

    monkeypatch.setattr(certificates.services, "render_certificate", render)
    finishes = []
    original_finish = certificates.tasks._finish_if_complete

    def finish(batch_id):
        finished = original_finish(batch_id)
        finishes.append(finished)
        return finished

    monkeypatch.setattr(certificates.tasks, "_finish_if_complete", finish)
    batch = _run_batch(event_page, registrar)
    assert (batch.status, batch.total, batch.done, batch.existing, batch.failed) == ("finished", 8, 6, 1, 1)
    assert batch.finished_at is not None and batch.errors == ["Judge 04: renderer broke"]
    assert finishes == [0, 0, 1]  # three chunks; only the last one marks the batch finished
    assert Certificate.objects.filter(source_id=event_page.pk, status="valid").count() == 7


@pytest.mark.django_db
def test_chunk_that_cannot_start_counts_its_participants_as_failed(monkeypatch, academy, event_page, registrar):
    monkeypatch.setattr("certificates.tasks.CHUNK_SIZE", 2)
    people = [factories.make_user("district_judge") for _ in range(4)]
    _fake_colloquia(monkeypatch, academy, people)
    builds = []
    original_build = IssueContext.build

    def build(kind, academy):
        builds.append(kind)
        if len(builds) == 2:
            raise RuntimeError("database went away")
        return original_build(kind, academy)

    monkeypatch.setattr(IssueContext, "build", build)
    batch = _run_batch(event_page, registrar)
    assert (batch.status, batch.total, batch.done, batch.failed) == ("finished", 4, 2, 2)
    assert batch.errors == ["2 certificates could not be issued: database went away"]


@pytest.mark.django_db
def test_batch_with_nobody_eligible_finishes_and_a_second_start_does_nothing(
    monkeypatch, academy, event_page, registrar
):
    _fake_colloquia(monkeypatch, academy, [])
    batch = _run_batch(event_page, registrar)
    assert (batch.status, batch.total) == ("finished", 0)
    assert issue_batch.call(batch.pk) == "finished"


# --- A group at once (issue_many: what a batch chunk calls) -------------------------------------------


def _issue_group(people, academy, source_id=101, **kwargs):
    context = IssueContext.build(Kind.ATTENDANCE, academy)
    group = [(person, snapshot()) for person in people]
    return issue_many(group, SourceKind.COLLOQUIUM, source_id, context=context, notify=False, **kwargs)


def _counting_commits(monkeypatch):
    """The number of commits (outermost transactions ending) from now on."""
    commits = []
    real_commit = connection.commit
    monkeypatch.setattr(connection, "commit", lambda: commits.append(1) or real_commit())
    return commits


@pytest.mark.django_db(transaction=True)
def test_a_group_writes_in_two_transactions_whatever_its_size(monkeypatch, academy):
    """One for the group's serials and one for its certificates: two, for 2 people and for 6
    (one at a time, that is two per person)."""
    for size, source_id in ((2, 201), (6, 202)):
        people = [factories.make_user("district_judge") for _ in range(size)]
        commits = _counting_commits(monkeypatch)
        outcome = _issue_group(people, academy, source_id)
        monkeypatch.undo()
        assert sum(commits) == 2
        assert sorted(created for _, created in outcome.values()) == [True] * size
    assert SerialCounter.objects.get(code="JSJA").last == 8


@pytest.mark.django_db(transaction=True)
def test_a_group_renders_outside_any_transaction_and_finds_holders_in_one_query(monkeypatch, academy, judge):
    first, _ = _issue(judge, academy)
    people = [judge] + [factories.make_user("district_judge") for _ in range(3)]
    seen = []
    original = certificates.services.render_certificate

    def render(cert, **kwargs):
        seen.append(transaction.get_connection().in_atomic_block)
        return original(cert, **kwargs)

    monkeypatch.setattr(certificates.services, "render_certificate", render)
    outcome = _issue_group(people, academy)
    assert seen == [False, False, False]  # the judge already held one: three renders, none in a transaction
    assert outcome[judge.pk] == (first, False)
    assert [outcome[person.pk][1] for person in people[1:]] == [True, True, True]
    serials = sorted(outcome[person.pk][0].serial for person in people[1:])
    assert [serial[-6:] for serial in serials] == ["000002", "000003", "000004"]


@pytest.mark.django_db
def test_a_person_issued_meanwhile_keeps_that_certificate_and_the_groups_copy_goes(
    monkeypatch, settings, academy, judge, prosecutor
):
    """Another issuer issues the judge's certificate while the group renders (after the group looked
    again): the database refuses the group's copy, whose PDF is removed and whose serial is recorded
    as skipped; the prosecutor's certificate is issued all the same."""
    winner = {}
    original = certificates.services.render_certificate
    real_valid = certificates.services._valid_certificates
    looks = []

    def valid_certificates(source_kind, source_id, user_ids):
        looks.append(list(user_ids))
        return real_valid(source_kind, source_id, user_ids)

    def render(cert, **kwargs):
        if cert.user_id == judge.pk and not winner:
            winner["issuing"] = True  # the other issuer's own render comes through here too
            winner["cert"], _ = _issue(judge, academy)  # serial 3: after the group's two
        return original(cert, **kwargs)

    monkeypatch.setattr(certificates.services, "_valid_certificates", valid_certificates)
    monkeypatch.setattr(certificates.services, "render_certificate", render)
    outcome = _issue_group([judge, prosecutor], academy)
    # One query for the whole group before the serials and (without PostgreSQL's per-person locks, which
    # this same-session issuer passes through) once they are taken; then one for the person refused.
    again = [] if connection.vendor == "postgresql" else [[judge.pk, prosecutor.pk]]
    assert looks == [[judge.pk, prosecutor.pk], *again, [judge.pk]]
    assert outcome[judge.pk] == (winner["cert"], False)
    cert, created = outcome[prosecutor.pk]
    assert created and Certificate.objects.filter(status="valid").count() == 2
    prefix = cert.serial[:-6]
    lost = f"{prefix}000001" if cert.serial.endswith("000002") else f"{prefix}000002"
    entry = ModelLogEntry.objects.get(action=ACTION_SERIAL_SKIPPED)
    assert entry.data == {"serial": lost, "existing": winner["cert"].serial}
    pdfs = sorted(p.name for p in (settings.MEDIA_ROOT / "certificates" / "pdf").rglob("*.pdf"))
    assert pdfs == sorted([f"{cert.serial}.pdf", f"{winner['cert'].serial}.pdf"])


@pytest.mark.django_db
def test_a_failed_render_fails_only_that_person_and_an_unused_last_serial_is_given_back(
    monkeypatch, academy, judge, prosecutor, police
):
    original = certificates.services.render_certificate

    def render(cert, **kwargs):
        if cert.user_id == police.pk:
            raise ValueError("renderer broke")
        return original(cert, **kwargs)

    monkeypatch.setattr(certificates.services, "render_certificate", render)
    outcome = _issue_group([judge, prosecutor, police], academy)
    assert isinstance(outcome[police.pk], ValueError) and str(outcome[police.pk]) == "renderer broke"
    assert outcome[judge.pk][1] and outcome[prosecutor.pk][1]
    assert not Certificate.objects.filter(user=police).exists()
    assert SerialCounter.objects.get(code="JSJA").last == 2  # the police officer's serial, the last, went back


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_groups_racing_for_the_same_people_issue_each_one_certificate(academy):
    """Two workers take overlapping groups at once (a chunk run twice after a restart, say): each
    person ends with exactly one valid certificate, and no serial is lost without a record."""
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL advisory locks")
    people = [factories.make_user("district_judge") for _ in range(6)]
    groups = [people[:4], people[2:]]
    barrier = threading.Barrier(len(groups))
    results, errors = [], []

    def run(group):
        from django.db import connection as thread_connection

        try:
            barrier.wait()
            results.append(_issue_group(group, academy, source_id=777))
        except Exception as error:  # noqa: BLE001
            errors.append(error)
        finally:
            thread_connection.close()

    threads = [threading.Thread(target=run, args=(group,)) for group in groups]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    assert not errors
    valid = Certificate.objects.filter(source_id=777, status="valid")
    assert sorted(valid.values_list("user_id", flat=True)) == sorted(person.pk for person in people)
    created = [cert.pk for outcome in results for cert, made in outcome.values() if made]
    assert sorted(created) == sorted(valid.values_list("pk", flat=True))
    # The second group to take the locks finds the first one's certificates before taking serials.
    assert SerialCounter.objects.get(code="JSJA").last == len(people)
