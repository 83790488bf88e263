"""What `make bench` measures, found in process on the national data set (Django set up on it).

- `find_pages()`: every public page and listing, the signed-in pages of the benchmark judge and
  the registrar's list of an event with its registrations, in the order they are measured.
- Sessions: the judge's (and each learner's) is made in the session store, as a sign-in leaves
  it; the registrars sign in through allauth's real forms, password then the current TOTP code,
  so their sessions have passed the staff two-factor step (accounts.middleware.StaffMFAMiddleware).
- `count_queries()`: SQL queries per page-cache miss.
- The POST journeys (`journeys()`): each a function a Python client runs (bench/load.py) and
  the items it works through, one per journey, since each changes the data.
"""

import json
import re
import subprocess
import sys
import time
from datetime import timedelta
from importlib import import_module
from pathlib import Path
from urllib.parse import urlencode

import build_data
from load import CSRF_FIELD, JourneyError, quiz_answers

HOST = "127.0.0.1"
SEARCH_QUERY = "trafficking"


def page(name, url, kind, who=None, listing=False, many_clients=False):
    """kind: detail, listing, signed_in or admin; who: None (anonymous), "judge" or "registrar";
    many_clients: driven as from many addresses (a page rate-limited per visitor)."""
    return {"name": name, "url": url, "kind": kind, "who": who, "listing": listing, "many_clients": many_clients}


def _listings(home, small_database):
    from django.apps import apps
    from django.urls import reverse

    found = [page("home", "/", "listing", listing=True)]
    if apps.is_installed("colloquia"):
        from colloquia.models import ColloquiumIndexPage

        index = ColloquiumIndexPage.objects.live().child_of(home).first()
        if index:
            found.append(page("colloquia index", index.url, "listing", listing=True))
            found.append(page("colloquia index, page 2", index.url + "?page=2", "listing", listing=True))
            try:
                archive = index.url + index.reverse_subpage("archive")
            except Exception:  # an index without the archive route (NoReverseMatch, AttributeError)
                archive = None
            if archive:
                found.append(page("colloquia archive", archive, "listing", listing=True))
    if apps.is_installed("courses"):
        from courses.models import CourseIndexPage

        catalogue = CourseIndexPage.objects.live().child_of(home).first()
        if catalogue:
            found.append(page("module catalogue", catalogue.url, "listing", listing=True))
    if apps.is_installed("resources"):
        from resources.models import ResourceIndexPage

        library = ResourceIndexPage.objects.live().first()
        if library:
            found.append(page("library", library.url, "listing", listing=True))
            found.append(
                page("library, filtered", library.url + library_filter(small_database), "listing", listing=True)
            )
    academy = _busiest_academy_page()
    if academy:
        found.append(page("academy page", academy, "listing", listing=True))
    found.append(page(f"search “{SEARCH_QUERY}”", f"{reverse('search')}?q={SEARCH_QUERY}", "listing", listing=True))
    return found


# --- the library's filter ----------------------------------------------------------------------------


def library_filter_counts():
    """{query string: public resources it lists} for each one-value filter of the library (a topic, a
    type, a language, a State/UT), counted with the listing's own filters on the database Django is set up on."""
    from regions.models import State
    from resources.choices import Language, ResourceType
    from resources.models import Topic
    from resources.services import public_resources

    choices = {
        "topic": ("live_version__topics__code", Topic.objects.values_list("code", flat=True)),
        "type": ("live_version__resource_type", ResourceType.values),
        "language": ("live_version__language", Language.values),
        "state": ("live_version__states__code", State.objects.values_list("code", flat=True)),
    }
    listed = public_resources()
    return {
        f"?{field}={value}": listed.filter(**{lookup: value}).count()
        for field, (lookup, values) in choices.items()
        for value in values
    }


def library_filter_counts_in(database):
    """`library_filter_counts()` on another SQLite file, in a process of its own (Django is set up on
    one database per process, as build_data.ensure_built builds each set)."""
    answer = subprocess.run(  # noqa: S603
        [sys.executable, str(Path(__file__)), "--library-filter-counts", str(database)],
        cwd=build_data.ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(answer.stdout.strip().splitlines()[-1])


def library_filter(small_database):
    """The library filter the growth table measures: the one that lists the most resources on the
    smaller of the two sets (ties: the first in query-string order), so that it fills a page of the
    library on both and the growth ratio compares the same 20 cards. Fails loudly if none does."""
    from resources.models import PAGE_SIZE

    national = library_filter_counts()
    small = library_filter_counts_in(small_database)
    both = sorted((-min(n, small.get(query, 0)), query) for query, n in national.items())
    if not both or -both[0][0] <= PAGE_SIZE:
        best = f"{both[0][1]}: {national[both[0][1]]} national, {small.get(both[0][1], 0)} small" if both else "none"
        raise SystemExit(
            f"no library filter lists more than a page ({PAGE_SIZE}) on both data sets (best {best}): "
            "the growth table would compare pages of different lengths; rebuild the sets "
            "(bench/build_data.py --set all --force) or raise SMALL_SIZES['resources']"
        )
    return both[0][1]


def _busiest_academy_page():
    """The page of the academy with the most colloquia: its sections list the most (same path in both sets)."""
    from django.apps import apps
    from django.db.models import Count

    if not apps.is_installed("academies"):
        return None
    from academies.models import Academy

    if apps.is_installed("colloquia"):
        from colloquia.models import ColloquiumPage

        counts = (
            ColloquiumPage.objects.live()
            .exclude(academy=None)
            .values("academy")
            .annotate(n=Count("pk"))
            .order_by("-n", "academy")
        )
        top = counts.first()
        academy = Academy.objects.filter(pk=top["academy"]).select_related("page").first() if top else None
    else:
        academy = Academy.objects.exclude(page=None).select_related("page").order_by("pk").first()
    return academy.page.url if academy and academy.page_id and academy.page.live else None


def _details():
    from django.apps import apps
    from django.urls import reverse
    from django.utils import timezone

    found = []
    if apps.is_installed("colloquia"):
        from colloquia.models import ColloquiumPage

        colloquium = (
            ColloquiumPage.objects.live()
            .filter(slug__startswith="bench-colloquium-", end_date__gte=timezone.localdate())
            .order_by("start_date", "pk")
            .first()
        )
        if colloquium:
            found.append(page("colloquium (2-day agenda)", colloquium.url, "detail"))
    if apps.is_installed("courses"):
        from courses.models import CoursePage

        module = CoursePage.objects.live().filter(slug__startswith="bench-module-").order_by("pk").first()
        if module:
            found.append(page("module", module.url, "detail"))
    if apps.is_installed("resources"):
        from resources.models import Resource, ResourceIndexPage

        library = ResourceIndexPage.objects.live().first()
        resource = Resource.objects.public().order_by("-published_at").first()
        if library and resource:
            found.append(page("resource", resource.get_url(library), "detail"))
    if apps.is_installed("certificates"):
        from certificates.models import Certificate

        cert = Certificate.objects.filter(status="valid").order_by("pk").first()
        if cert:
            url = reverse("certificates:verify_code", args=[cert.verification_code])
            found.append(page("certificate verify", url, "detail", many_clients=True))
    return found


def signed_in_pages():
    """The benchmark judge's lesson and dashboard, and the registrar's screens of an event."""
    from django.apps import apps
    from django.urls import reverse

    found = []
    if apps.is_installed("courses"):
        from courses.models import Enrolment, LessonPage

        enrolment = (
            Enrolment.objects.filter(user__email=build_data.JUDGE_EMAIL, completed_at__isnull=True)
            .order_by("pk")
            .first()
        )
        if enrolment:
            lesson = LessonPage.objects.live().child_of(enrolment.module).order_by("path").first()
            found.append(page("lesson (signed in)", lesson.url, "signed_in", who="judge"))
    if apps.is_installed("accounts"):
        found.append(page("dashboard (signed in)", reverse("accounts:dashboard"), "signed_in", who="judge"))
    if apps.is_installed("colloquia"):
        from colloquia.models import ColloquiumPage

        event = ColloquiumPage.objects.filter(slug=build_data.REGISTRAR_SLUG).first()
        if event:
            count = event.registrations.count()
            url = _first_url(("colloquia_registrations:index", "colloquia_event"), event.pk)
            found.append(page(f"admin: registrations of an event ({count})", url, "admin", who="registrar"))
            if apps.is_installed("checkin"):
                # The same event's attendance grid: a page of 100 participants × its counted sessions,
                # with the totals per session over all of them.
                sessions = event.sessions.filter(counts_for_attendance=True).count()
                grid = reverse("checkin_attendance", args=[event.pk])
                name = f"admin: attendance grid of an event ({count} registrations, {sessions} sessions)"
                found.append(page(name, grid, "admin", who="registrar"))
    return found


def _first_url(names, *args):
    """The address of the first of the named URL patterns that exists (the registrar's list of an
    event's registrations is its own admin listing where the app provides one)."""
    from django.urls import NoReverseMatch, reverse

    for name in names:
        try:
            return reverse(name, args=args)
        except NoReverseMatch:
            continue
    raise NoReverseMatch(f"none of {names} exists")


def find_pages(small_database=build_data.SMALL_DB_PATH):
    """Every page `make bench` measures, in order: listings, other public pages, signed-in and admin pages.

    `small_database` is the small data set the listings are compared with (the library's filter is
    chosen to fill a page on both)."""
    from wagtail.models import Site

    home = Site.objects.get(is_default_site=True).root_page
    return _listings(home, small_database) + _details() + signed_in_pages()


# --- equally full pages on both data sets ------------------------------------------------------------

# What core/includes/pagination.html says of the page shown: "Page 2 of 6 · 13–24 of 63".
PAGE_STATUS = re.compile(r'class="pagination-status">.*?(\d[\d,]*)–(\d[\d,]*)\D+?(\d[\d,]*)', re.DOTALL)
NO_PAGE_LIST = "exempt: no page list (sections of a few items each, not one page of a list)"


def items_shown(html):
    """How many items the page of a listing shows, from its page list; None for a page without one."""
    match = PAGE_STATUS.search(html)
    if match is None:
        return None
    first, last, _count = (int(group.replace(",", "")) for group in match.groups())
    return last - first + 1


def compare_pages(name, national_html, small_html):
    """What the growth table says of a listing's two pages: {"national": n, "small": n} items shown, or
    {"exempt": why} for a page with no page list. A page shown on the national set and not as full on
    the small one fails the run: the ratio would compare less work on the small set, not more data."""
    national, small = items_shown(national_html), items_shown(small_html)
    if national is None:
        return {"exempt": NO_PAGE_LIST}
    if small != national:
        shown = "a single page with no page list" if small is None else f"{small} items"
        raise SystemExit(
            f"{name}: the national set shows {national} items, the small set {shown}; the growth table "
            "compares equally full pages (raise SMALL_SIZES in bench/build_data.py and rebuild the small set)"
        )
    return {"national": national, "small": small}


# --- sessions ---------------------------------------------------------------------------------------


def sessions_for(users):
    """{user pk: session key}: a signed-in session for each user, as Django's login() stores it."""
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.models import Session
    from django.db import transaction
    from django.utils import timezone
    from django.utils.crypto import get_random_string

    store = import_module(settings.SESSION_ENGINE).SessionStore()
    expires = timezone.now() + timedelta(seconds=settings.SESSION_COOKIE_AGE)
    keys, rows = {}, []
    for user in users:
        key = get_random_string(32, "abcdefghijklmnopqrstuvwxyz0123456789")
        data = {
            SESSION_KEY: str(user.pk),
            BACKEND_SESSION_KEY: settings.AUTHENTICATION_BACKENDS[0],
            HASH_SESSION_KEY: user.get_session_auth_hash(),
        }
        rows.append(Session(session_key=key, session_data=store.encode(data), expire_date=expires))
        keys[user.pk] = key
    with transaction.atomic():
        Session.objects.bulk_create(rows, batch_size=2000)
    return keys


def signed_in_session(email):
    from django.conf import settings
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.get(email=email)
    return settings.SESSION_COOKIE_NAME, sessions_for([user])[user.pk]


def current_totp(secret):
    """The code an authenticator app shows now for `secret` (allauth's own TOTP arithmetic)."""
    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value, yield_hotp_counters_from_time

    counters = list(yield_hotp_counters_from_time())
    return format_hotp_value(hotp_value(secret, counters[len(counters) // 2]))


def registrar_sessions():
    """Sign each bench registrar in through allauth's forms (password, then the TOTP code), CSRF enforced.

    One sign-in per registrar: allauth accepts a TOTP code once per person.
    """
    from django.conf import settings
    from django.test import Client
    from django.urls import reverse

    from accounts.models import User

    cookies = []
    emails = User.objects.filter(email__startswith="registrar-", email__endswith="@bench.test")
    for email in emails.order_by("pk").values_list("email", flat=True):
        client = Client(HTTP_HOST=HOST, enforce_csrf_checks=True)

        def post(path, fields, client=client):
            form = client.get(path)
            token = CSRF_FIELD.search(form.content.decode())
            if form.status_code != 200 or token is None:
                raise SystemExit(f"registrar sign-in: {path} answered {form.status_code} without a form")
            return client.post(path, {**fields, "csrfmiddlewaretoken": token.group(1)})

        answer = post(reverse("account_login"), {"login": email, "password": build_data.PASSWORD})
        second_step = reverse("mfa_authenticate")
        if answer.status_code != 302 or answer["Location"] != second_step:
            raise SystemExit(f"{email}: the password step answered {answer.status_code}, not the TOTP step")
        answer = post(second_step, {"code": current_totp(build_data.REGISTRAR_TOTP_SECRET)})
        if answer.status_code != 302:
            raise SystemExit(f"{email}: the TOTP step answered {answer.status_code}")
        cookies.append((settings.SESSION_COOKIE_NAME, client.cookies[settings.SESSION_COOKIE_NAME].value))
    if not cookies:
        raise SystemExit("the data set has no bench registrar: rebuild it (bench/build_data.py --force)")
    return cookies


# --- SQL queries ------------------------------------------------------------------------------------


def count_queries(pages, cookies):
    """SQL queries per page, in process, configured as served: what one page-cache miss costs.

    Returns ({name: queries}, {name: why it is not measured}): a page that does not answer 200
    (a server error while an app is being changed) is reported, not measured, and the rest of
    the run goes on.

    Each counted request carries a query string seen for the first time, so it misses the page
    cache (anonymous pages) while shared pieces such as the menu stay cached, as in production.
    Before a signed-in page is counted the judge's records "change", so the dashboard's
    sections are rebuilt rather than read from the per-learner cache.
    """
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from accounts.services import learner_records_changed

    result, broken = {}, {}
    for number, spec in enumerate(pages):
        name, url, who = spec["name"], spec["url"], spec["who"]
        client = Client(HTTP_HOST=HOST, raise_request_exception=False)
        if who:
            client.cookies[cookies[who][0]] = cookies[who][1]
        first = client.get(url)
        if first.status_code != 200:
            broken[name] = f"{url} answered {first.status_code}"
            continue
        fresh = f"{url}{'&' if '?' in url else '?'}bench-miss={number}-{time.time_ns()}"
        if who == "judge":
            learner_records_changed(get_user_model().objects.filter(email=build_data.JUDGE_EMAIL).values("pk"))
        with CaptureQueriesContext(connection) as queries:
            response = client.get(fresh)
        if response.get("X-Page-Cache") == "hit":
            raise SystemExit(f"{name}: the counted request was served from the page cache")
        result[name] = len(queries)
    return result, broken


# --- POST journeys ----------------------------------------------------------------------------------


def quiz_journey(browser, item, state):
    """A learner opens the module, starts its quiz, answers every question and reads the result."""
    _, _, html = browser.get("module page", item["module_url"])
    browser.keep_token(html)
    _, attempt, _ = browser.post("POST start quiz", f"/courses/modules/{item['module_id']}/quiz/", {})
    if "/attempts/" not in attempt:
        raise JourneyError(f"starting the quiz of module {item['module_id']} led to {attempt}")
    _, _, html = browser.get("attempt form", attempt)
    browser.keep_token(html)
    answers = quiz_answers(html, state["rng"])
    if not answers:
        raise JourneyError(f"{attempt} shows no questions")
    _, result, _ = browser.post("POST answers", attempt, answers)
    _, _, html = browser.get("result page", result)
    if "You scored" not in html:
        raise JourneyError(f"{result} shows no score")


def registration_journey(browser, item, state):
    """A verified officer opens an upcoming event, registers, and reads the confirmation on the page."""
    _, _, html = browser.get("event page", item["url"])
    browser.keep_token(html)
    _, back, _ = browser.post("POST register", item["url"] + "register/", {})
    _, _, html = browser.get("event page after", back)
    if "Your registration" not in html:
        message = re.search(r'class="message[^"]*">([^<]*)', html)
        raise JourneyError(f"registration refused: {message.group(1) if message else 'no message'}")


def check_in_journey(browser, item, state):
    """The registrar finds one participant by name on a session's attendance screen, marks them present,
    and is sent back to the same search, which shows the mark."""
    if browser.token is None:
        _, _, html = browser.get("attendance screen", item["url"])
        browser.keep_token(html)
    _, back, _ = browser.post("POST mark present", item["url"], {f"status-{item['registration']}": "present"})
    _, _, html = browser.get("attendance screen after", back)
    browser.keep_token(html)
    if f'name="status-{item["registration"]}" value="present" checked' not in html:
        raise JourneyError(f"the mark for registration {item['registration']} was not saved")


def journeys(count, registrar_cookies):
    """{name: (journey, items, cookies)}: up to `count` items for each POST journey.

    `cookies` is how a client thread gets the cookies to use for an item: a learner's own
    session (`sessions_for`) for a quiz or a registration, and for the check-ins the registrar
    of that thread (`registrar_cookies`, from `registrar_sessions()`), as each registration desk
    has its own registrar.
    """
    from django.apps import apps
    from django.conf import settings
    from django.urls import reverse
    from django.utils import timezone

    from accounts.models import User
    from accounts.roles import RoleStatus

    found = {}
    cookie = settings.SESSION_COOKIE_NAME

    def own_cookies(item, thread):
        return item["cookies"]

    if apps.is_installed("courses"):
        from courses.models import Enrolment

        enrolments = list(
            Enrolment.objects.filter(
                module__questions_drawn__gt=0,
                module__quiz_after_lessons=False,
                completed_at__isnull=True,
                attempts__isnull=True,
            )
            .exclude(user__email=build_data.JUDGE_EMAIL)
            .select_related("user", "module")
            .order_by("user_id", "pk")[:count]
        )
        keys = sessions_for({e.user for e in enrolments})
        items = [
            {"module_url": e.module.url, "module_id": e.module_id, "cookies": {cookie: keys[e.user_id]}}
            for e in enrolments
        ]
        found["quiz: start, answer, result"] = (quiz_journey, items, own_cookies)
    if apps.is_installed("colloquia"):
        from colloquia.models import AgendaSession, ColloquiumPage, Registration

        event = (
            ColloquiumPage.objects.live()
            .filter(slug__startswith="bench-colloquium-", registration_open=True, start_date__gt=timezone.localdate())
            .order_by("-start_date")
            .first()
        )
        if event:
            users = list(
                User.objects.filter(
                    email__endswith="@bench.test",
                    role__in=event.audience_roles(),
                    role_status=RoleStatus.VERIFIED,
                    is_staff=False,
                )
                .exclude(pk__in=Registration.objects.filter(page=event).values("user_id"))
                .exclude(email=build_data.JUDGE_EMAIL)
                .order_by("pk")[:count]
            )
            keys = sessions_for(users)
            items = [{"url": event.url, "cookies": {cookie: keys[user.pk]}} for user in users]
            found["registration for an event"] = (registration_journey, items, own_cookies)
        registrar_event = ColloquiumPage.objects.filter(slug=build_data.REGISTRAR_SLUG).first()
        if registrar_event:
            participants = list(
                Registration.objects.filter(page=registrar_event, status="approved")
                .order_by("pk")
                .values_list("pk", "name")
            )
            items = []
            for session in AgendaSession.objects.filter(page=registrar_event, counts_for_attendance=True).order_by(
                "sort_order"
            ):
                url = reverse("colloquia_attendance", args=[registrar_event.pk, session.pk])
                # As at a desk: the registrar finds the person by name, marks them, and is sent back to that search.
                items += [{"url": f"{url}?{urlencode({'q': name})}", "registration": pk} for pk, name in participants]

            def desk_registrar(item, thread):
                return dict([registrar_cookies[thread % len(registrar_cookies)]])

            name = f"registrar's check-in (a search among {len(participants)})"
            found[name] = (check_in_journey, items[:count], desk_registrar)
    return found


if __name__ == "__main__":
    if sys.argv[1:2] != ["--library-filter-counts"] or len(sys.argv) != 3:
        raise SystemExit("usage: python bench/pages.py --library-filter-counts DATABASE")
    build_data.setup_django({"DATABASE_URL": f"sqlite:///{sys.argv[2]}"})
    print(json.dumps(library_filter_counts()))
