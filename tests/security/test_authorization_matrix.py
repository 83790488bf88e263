"""Every URL pattern of the project x every role -> the expected outcome (see authz_rules.py).

The test walks the URL resolver, finds the rule for each pattern (a pattern without
a rule fails the test), requests each case once per role with a client logged in as
that role, and compares the outcome with the rule. It writes the whole matrix to
`authorization-matrix.txt` in the test's tmp dir and prints a summary at the end of
the run. Requests that change data run inside a savepoint that is rolled back, so
every cell sees the same world. GET comes first; a view that answers GET with 405 is
then sent an empty POST (CSRF checks are off in the test client, so this reaches
the permission check).

Cells listed in KNOWN_GAPS are reported but do not fail the test unless
AUTHZ_STRICT=1; each one is a bug written down in docs/security.md for its owner.
"""

import copy
import os
import re
import time
from collections import Counter, defaultdict
from urllib.parse import urlsplit

import pytest
from django.contrib.messages import constants as message_levels
from django.contrib.messages import get_messages
from django.core.cache import cache
from django.db import transaction
from django.http import QueryDict
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve, reverse
from django.urls.exceptions import NoReverseMatch, Resolver404

from . import authz_rules as rules
from .conftest import SUMMARY_PROPERTY
from .world import ROLES, build_world

pytestmark = pytest.mark.django_db

# (pattern key glob, variant, role) -> the bug, reported in docs/security.md ("Findings") for its owner.
# These cells print as "~" and do not fail the test unless AUTHZ_STRICT=1. Remove a line when fixed.
KNOWN_GAPS = {
    # Findings 5-7 of docs/security.md are fixed; their cells are ordinary rules again.
    ("wagtailredirects:process_import", "", "superuser"): "Wagtail: an empty POST to the redirect import raises (500)",
}

# Views whose POST would end the client's session; they are checked with GET only.
GET_ONLY = {"wagtailadmin_logout", "account_logout", "accounts:delete_account"}

SUMMARY = []  # lines for the terminal summary (tests/security/conftest.py prints them)


# --- walking the resolver ---------------------------------------------------------------------


def walk(patterns=None, prefix="", namespace=()):
    """Yield (key, name, route, argument names) for every URL pattern, depth first."""
    for p in get_resolver().url_patterns if patterns is None else patterns:
        route = prefix + str(p.pattern)
        if isinstance(p, URLResolver):
            ns = namespace + ((p.namespace,) if p.namespace else ())
            yield from walk(p.url_patterns, route, ns)
        elif isinstance(p, URLPattern):
            name = ":".join(namespace + (p.name,)) if p.name else None
            regex = p.pattern.regex
            args = tuple(regex.groupindex) or tuple(f"#{i}" for i in range(regex.groups))
            converters = tuple(getattr(p.pattern, "converters", {}))
            yield name or route, name, route, converters or args


def view_name_of(path):
    try:
        match = resolve(urlsplit(path).path)
    except Resolver404:
        return None
    return match.view_name


# --- building the cases -----------------------------------------------------------------------


def _arg_object(w, namespace, arg, variant_source):
    value = variant_source
    if callable(value):
        value = value(w)
    elif isinstance(value, str):
        value = w[value]
    return value


def auto_cases(w, name, args):
    """Cases for a pattern no explicit case covers: reverse() it, filling arguments from ARG_OBJECTS."""
    if name is None:
        return None
    if not args:
        return [("", reverse(name))]
    namespace = name.split(":")[0]
    providers = [rules.ARG_OBJECTS.get((namespace, arg)) for arg in args]
    if any(p is None for p in providers):
        return None
    variants = providers[0].keys()
    cases = []
    for variant in variants:
        kwargs = {arg: _arg_object(w, namespace, arg, p[variant]).pk for arg, p in zip(args, providers, strict=True)}
        try:
            cases.append((variant, reverse(name, kwargs=kwargs)))
        except NoReverseMatch:
            return None
    return cases


def plan(w):
    """[(rule glob, key, variant, path, expect function)], plus the keys nothing covers."""
    by_rule = defaultdict(list)
    unmatched = []
    for key, name, route, args in walk():
        if rules.ignored(key):
            continue
        rule = rules.rule_for(key)
        if rule is None:
            unmatched.append(f"{key}  ({route})")
            continue
        by_rule[rule[0]].append((key, name, args))
    cases = []
    uncovered = []
    for glob, build, expect, _note in rules.RULES:
        patterns = by_rule.get(glob, [])
        if "@" in glob:
            patterns_key = glob.split("@")[0]
            for v, path in build(w):
                method, path = path.split(" ", 1) if path.startswith("POST ") else ("GET", path)
                cases.append((glob, patterns_key, v, path, expect, method))
            continue
        explicit = build(w)
        covered = Counter()
        for variant, path in explicit:
            method, path = path.split(" ", 1) if path.startswith("POST ") else ("GET", path)
            view = view_name_of(path.partition("|")[0])
            key = next((k for k, n, _a in patterns if n and n == view), None)
            if key is None:
                key = next((k for k, _n, _a in patterns), glob)
            covered[key] += 1
            cases.append((glob, key, variant, path, expect, method))
        for key, name, args in patterns:
            if covered[key]:
                continue
            auto = auto_cases(w, name, args)
            if auto is None:
                uncovered.append(f"{key}: no case (add one to its rule or ARG_OBJECTS)")
                continue
            cases += [(glob, key, v, path, expect, "GET") for v, path in auto]
    return cases, unmatched, uncovered


# --- requesting and classifying ---------------------------------------------------------------

LOGIN_PATHS = ("/accounts/login/", "/admin/login/")
DENIED_MESSAGE = re.compile(r"permission|not allowed|cannot|can't|not a |only", re.IGNORECASE)


def _queued_messages(response):
    """The messages the request left (each request runs in a rolled-back transaction, so only its own)."""
    return list(get_messages(response.wsgi_request))


def classify(response):
    """(outcome, short code) for a response."""
    code = response.status_code
    if code in (301, 302, 303, 307, 308):
        where = urlsplit(response["Location"]).path
        if where.startswith(LOGIN_PATHS):
            return "login", f"{code}L"
        messages = _queued_messages(response)
        if any(m.level >= message_levels.ERROR for m in messages):
            return "deny", f"{code}E"
        if where.startswith("/accounts/2fa/"):
            return "mfa", f"{code}M"
        return "ok", str(code)
    if 200 <= code < 300:
        return "ok", str(code)
    if code in (403, 404, 410):
        return "deny", str(code)
    if code == 400:
        return "deny", "400"
    if code == 405:
        return "method", "405"
    if code == 429:
        return "limited", "429"
    return "error", str(code)


def _request(client, method, path):
    cache.clear()  # rate limits count per test; every cell starts with a clean slate
    cookies = copy.deepcopy(client.cookies)  # a logout (even a refused one) must not end the role's session
    path, _, body = path.partition("|")  # "path|a=1&b=2": form data for a POST case
    with transaction.atomic():
        response = client.post(path, QueryDict(body)) if method == "POST" else client.get(path)
        transaction.set_rollback(True)
    client.cookies = cookies
    return response


def fetch(client, path, method="GET"):
    response = _request(client, method, path)
    if method == "GET" and response.status_code == 405 and view_name_of(path.partition("|")[0]) not in GET_ONLY:
        return _request(client, "POST", path), "POST"
    return response, method


def clients_for(world):
    clients = {}
    for role in ROLES:
        client = Client(raise_request_exception=False)
        user = world.users[role]
        if user is not None:
            client.force_login(user)
        clients[role] = client
    return clients


# --- the test ---------------------------------------------------------------------------------


def write_matrix(path, rows):
    width = max(len(f"{key} [{variant}]") for key, variant, *_ in rows) + 2
    header = "URL pattern [variant]".ljust(width) + " method  " + " ".join(r[:10].ljust(10) for r in ROLES) + " ms"
    lines = [
        "Authorization matrix: actual outcome per role; '!' marks a cell that differs from the rule,",
        "'~' a known gap (see KNOWN_GAPS). Codes: 200 ok, 302 redirect, 302L to sign-in, 302E redirect",
        "with an error message, 403/404 refused, 500 error.",
        "",
        header,
        "-" * len(header),
    ]
    for key, variant, method, cells, seconds in rows:
        line = f"{key} [{variant}]".ljust(width) + f" {method:6}  "
        line += " ".join(f"{code}{mark}".ljust(10) for code, mark in cells) + f" {seconds * 1000:.0f}"
        lines.append(line)
    path.write_text("\n".join(lines) + "\n")


FAKE_PDF = b"%PDF-1.4\n% rendering is stubbed in the matrix: authorization comes first\n%%EOF\n"
PDF_RENDERERS = [
    "certificates.pdf.render_pdf",
    "colloquia.agenda.render_pdf",
    "notes.pdf.render_pdf",
    "offline_copies.services.render.render_pdf",
]


def test_every_url_pattern_against_every_role(tmp_path, settings, monkeypatch, record_property):
    settings.CERTIFICATE_VERIFY_RATE_PER_MINUTE = 10_000
    # The world's room-screen code must outlast the run (by default a code lasts a minute).
    settings.COLLOQUIA_CHECK_IN_SECONDS = 3600
    for target in PDF_RENDERERS:
        monkeypatch.setattr(target, lambda *args, **kwargs: FAKE_PDF)
    started = time.monotonic()
    world = build_world()
    cases, unmatched, uncovered = plan(world)
    clients = clients_for(world)

    rows, failures, known = [], [], []
    for _glob, key, variant, path, expect, wanted_method in cases:
        cells, method = [], wanted_method
        row_started = time.monotonic()
        for role in ROLES:
            response, method = fetch(clients[role], path, wanted_method)
            outcome, code = classify(response)
            wanted = expect(role, variant, world)
            mark = ""
            if outcome not in rules.ACCEPTS[wanted]:
                gap = KNOWN_GAPS.get((key, variant, role))
                if gap and not os.environ.get("AUTHZ_STRICT"):
                    mark = "~"
                    known.append(f"{key} [{variant}] as {role}: {code}, expected {wanted} ({gap})")
                else:
                    mark = "!"
                    failures.append(f"{method} {path}  ({key} [{variant}]) as {role}: got {code}, expected {wanted}")
            cells.append((code, mark))
        rows.append((key, variant, method, cells, time.monotonic() - row_started))

    out = tmp_path / "authorization-matrix.txt"
    write_matrix(out, rows)
    elapsed = time.monotonic() - started
    SUMMARY[:] = [
        f"authorization matrix: {len(rows)} cases x {len(ROLES)} roles = {len(rows) * len(ROLES)} cells "
        f"in {elapsed:.0f}s; {len(failures)} differ, {len(known)} known gaps; "
        f"{len(unmatched)} patterns without a rule; full table: {out}",
        *[f"  known gap: {line}" for line in known],
        *[f"  DIFFERS: {line}" for line in failures],
    ]
    record_property(SUMMARY_PROPERTY, "\n".join(SUMMARY))
    problems = []
    if unmatched:
        problems.append(
            "URL patterns without a rule (add one to authz_rules.RULES or IGNORED):\n  " + "\n  ".join(unmatched)
        )
    if uncovered:
        problems.append("Rules without a case for:\n  " + "\n  ".join(uncovered))
    if failures:
        problems.append(f"{len(failures)} cells differ from the policy:\n  " + "\n  ".join(failures))
    assert not problems, "\n\n".join(problems) + f"\n\nFull matrix: {out}"
