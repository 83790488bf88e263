"""The authorization policy of Colloquium, as rules the matrix test checks every URL against.

Each URL pattern of the project is matched by name (or, for unnamed patterns, by
route) against RULES, in order; the first rule whose glob matches decides. A rule
gives (1) the cases to request (variant label and URL, with real object ids from
the world in tests/security/world.py) and (2) the expected outcome for each role
and variant. A pattern no rule matches fails the test, so a new URL gets a rule.

Outcomes: OK (2xx, or a redirect that is not a refusal), LOGIN (redirect to the
sign-in page), DENY (403, 404, or Wagtail's "no permission" redirect, or a redirect
carrying an error message), REFUSED (LOGIN or DENY).

Variants: "a" = an object of academy A (where the staff roles of the matrix work),
"b" = academy B's; "own" = the judge's (or the CSO member's) own object, "other" =
another learner's or another organisation's.
"""

from fnmatch import fnmatchcase

from django.urls import reverse

from certificates.open_badges import published_keys

OK, LOGIN, DENY, REFUSED = "ok", "login", "deny", "refused"
ANY_SIGNED_IN = "ok-or-deny"
METHOD = "method"
ACCEPTS = {
    OK: {"ok"},
    LOGIN: {"login"},
    DENY: {"deny"},
    REFUSED: {"login", "deny"},
    ANY_SIGNED_IN: {"ok", "deny"},
    METHOD: {"method"},
}

SIGNED_IN = {"unverified", "judge", "prosecutor", "police", "cso", "cso_unverified_org"}
STAFF = {"editor", "moderator", "registrar", "superuser"}


# --- expectations -----------------------------------------------------------------------------


def public(role, variant, w):
    return OK


def nobody(role, variant, w):
    """Refused for everyone (nonexistent or unusable ids, disabled features)."""
    return REFUSED


def signed_in(role, variant, w):
    return LOGIN if role == "anonymous" else OK


def admin(*roles):
    """Wagtail admin screens for the given staff roles (and superusers), whatever the object."""

    def rule(role, variant, w):
        if role == "anonymous":
            return LOGIN
        return OK if role == "superuser" or role in roles else REFUSED

    return rule


def admin_scoped(*roles):
    """Admin screens on academy objects: variant "a" for the roles (of academy A), "b" for superusers only."""

    def rule(role, variant, w):
        if role == "anonymous":
            return LOGIN
        if variant == "a-page-b-object":
            return REFUSED  # an object reached through another academy's page: 404 even for superusers
        if role == "superuser":
            return OK
        return OK if role in roles and variant in ("", "a") else REFUSED

    return rule


def staff_any(role, variant, w):
    """Staff get an answer that depends on the request (e.g. 404 without parameters); others are refused."""
    if role == "anonymous":
        return LOGIN
    return ANY_SIGNED_IN if role in STAFF else REFUSED


def staff_method(role, variant, w):
    """POST-only admin view checked with GET: staff reach it (405), others are refused before."""
    if role == "anonymous":
        return LOGIN
    return METHOD if role in STAFF else REFUSED


def registrar_reaches_view(role, variant, w):
    """A registrar's POST on an academy's object: the academy's registrars (and superusers) reach the
    view, which answers by the data posted (a redirect, with an error for an empty post); everyone
    else is refused before it."""
    if role == "anonymous":
        return LOGIN
    if role == "superuser" or (role == "registrar" and variant == "a"):
        return ANY_SIGNED_IN
    return REFUSED


def superuser_only(role, variant, w):
    if role == "anonymous":
        return LOGIN
    return OK if role == "superuser" else REFUSED


def owner(owner_role, anonymous=LOGIN, extra=()):
    """Variant "own" belongs to `owner_role`; "other" belongs to someone outside the matrix."""

    def rule(role, variant, w):
        if role == "anonymous":
            return anonymous
        if variant == "own" and (role == owner_role or role in extra):
            return OK
        return REFUSED

    return rule


def verified_roles(*roles, anonymous=LOGIN):
    def rule(role, variant, w):
        if role == "anonymous":
            return anonymous
        return OK if role in roles else REFUSED

    return rule


# --- cases ------------------------------------------------------------------------------------


def url(viewname, /, **kwargs):
    return reverse(viewname, kwargs=kwargs)


def one(name):
    return lambda w: [("", url(name))]


def by_page(name, arg="page_id", pages=("module_a", "module_b"), suffix=""):
    def cases(w):
        return [(key[-1], url(name, **{arg: w[key].pk}) + suffix) for key in pages]

    return cases


def by_obj(name, arg, objects, attr="pk"):
    """objects: {variant: object name in the world}."""

    def cases(w):
        return [(variant, url(name, **{arg: getattr(w[key], attr)})) for variant, key in objects.items()]

    return cases


def fixed(name, variants):
    """variants: {variant: kwargs dict or callable(w) -> kwargs}."""

    def cases(w):
        return [(v, url(name, **(kw(w) if callable(kw) else kw))) for v, kw in variants.items()]

    return cases


def paths(variants):
    """variants: {variant: callable(w) -> path}."""
    return lambda w: [(v, fn(w)) for v, fn in variants.items()]


AB_PAGES = {"a": "module_a", "b": "module_b"}
EXPORTS = ("", "?export=csv", "?export=xlsx")


def _places_objects(w):
    """A waiting registration and an open invitation at each academy's event (made once, for the
    registrar's waiting-list and invitation screens, which act only on people in those states)."""
    if "waiting_a" not in w.objects:
        import datetime

        from django.utils import timezone

        from colloquia import services
        from tests import factories

        for v, state in (("a", "JH"), ("b", "MP")):
            page = w[f"event_{v}"]
            placed = services.register(factories.make_user("district_judge", state=state), page)
            w.objects[f"waiting_{v}"] = services.move_to_waitlist(placed, by=None)
            w.objects[f"invited_{v}"] = services.invite_on_behalf(
                page,
                email=f"invitee-{v}@example.test",
                name=f"Invitee {v}",
                designation="",
                category="district_judge",
                nominating_office="District Court",
                accept_by=timezone.now() + datetime.timedelta(days=1),
                by=None,
            )
    return w


def _message_objects(w):
    """A message to the participants of each academy's event (made once, for the delivery-log screens)."""
    if "message_a" not in w.objects:
        from messaging.services import send_message

        for v in ("a", "b"):
            w.objects[f"message_{v}"] = send_message(
                w[f"event_{v}"], subject="Matrix", body="Dear {name}", registrations=[w[f"registration_{v}"]], by=None
            )
    return w


def _message_cases(w):
    w = _message_objects(w)
    return [
        (v, method + url(view, message_id=w[f"message_{v}"].pk))
        for view, method in (("messaging_log", ""), ("messaging_log_csv", ""), ("messaging_resend", "POST "))
        for v in ("a", "b")
    ]


def _attendance_import_cases(name):
    """An online-attendance import at each academy's event, waiting for its columns (made once)."""

    def cases(w):
        if "attendance_import_a" not in w.objects:
            from django.core.files.uploadedfile import SimpleUploadedFile

            from online_attendance.services import start_import

            for v in ("a", "b"):
                event = w[f"event_{v}"]
                session = event.sessions.first()
                session.mode = "online"
                session.save(update_fields=["mode"])
                report = SimpleUploadedFile("report.csv", b"Who,Arrived,Left\nA Judge,10:00,11:00\n")
                w.objects[f"attendance_import_{v}"] = start_import(event, session, report, by=None)
        return [(v, url(name, import_id=w[f"attendance_import_{v}"].pk)) for v in ("a", "b")]

    return cases


def _contact_cases(name):
    """A contact of each academy (made once), for the academy's editors' screens."""

    def cases(w):
        if "contact_a" not in w.objects:
            from interstate.models import Contact

            for v in ("a", "b"):
                academy = getattr(w, f"academy_{v}")
                w.objects[f"contact_{v}"] = Contact.objects.create(
                    academy=academy, name=f"Registrar, academy {v.upper()}", designation="Registrar"
                )
        return [(v, url(name, pk=w[f"contact_{v}"].pk)) for v in ("a", "b")]

    return cases


def _badge_sheet_cases(w):
    """A ready sheet of badges at each academy's event (made once), reached through its own event
    (a, b) and through the other academy's ("a-page-b-object")."""
    if "badge_sheet_a" not in w.objects:
        from django.core.files.base import ContentFile

        from checkin.models import BadgeSheet

        for v in ("a", "b"):
            sheet = BadgeSheet(page=w[f"event_{v}"], status=BadgeSheet.Status.READY, badges=1)
            sheet.file.save("badges.pdf", ContentFile(b"%PDF-1.7 matrix"), save=True)
            w.objects[f"badge_sheet_{v}"] = sheet
    return [
        (v, url("checkin_badge_sheet", page_id=w[f"event_{e}"].pk, sheet_id=w[f"badge_sheet_{s}"].pk))
        for v, e, s in (("a", "a", "a"), ("b", "b", "b"), ("a-page-b-object", "a", "b"))
    ]


def _registration_cases(name, kind, method="", data=""):
    """A registration reached through its own event (a, b) and through the other academy's ("a-page-b-object")."""

    def cases(w):
        w = _places_objects(w)
        return [
            (v, method + url(name, page_id=w[f"event_{e}"].pk, registration_id=w[f"{kind}_{r}"].pk) + data)
            for v, e, r in (("a", "a", "a"), ("b", "b", "b"), ("a-page-b-object", "a", "b"))
        ]

    return cases


def _listing_cases(namespace, arg, objects):
    """A viewset's index and results fragment per object (event, module), each with its downloads."""

    def cases(w):
        return [
            (v, url(f"{namespace}:{view}", **{arg: w[key].pk}) + export)
            for view in ("index", "index_results")
            for v, key in objects.items()
            for export in EXPORTS
        ]

    return cases


MISSING = 999_999


def _revision_cases(name):
    def cases(w):
        return [
            (k[-1], url(name, page_id=w[k].pk, revision_id=w[k].latest_revision_id)) for k in ("module_a", "module_b")
        ]

    return cases


def _compare(w):
    result = []
    for key in ("module_a", "module_b"):
        page = w[key]
        result.append((key[-1], f"/admin/pages/{page.pk}/revisions/compare/earliest...{page.latest_revision_id}/"))
    return result


def _page_url(key, suffix=""):
    return lambda w: w[key].url + suffix


def _resource_detail(key):
    def path(w):
        version = w[key]
        index = w["resource_index"]
        # The resource's own slug: another one is answered with a redirect to it (after the permission check).
        slug = version.resource.slug
        return index.url + index.reverse_subpage("detail", kwargs={"pk": version.resource_id, "slug": slug})

    return path


def _doc(key):
    return lambda w: f"/documents/{w[key].pk}/{w[key].filename}"


def _workflow(w):
    from wagtail.models import Workflow

    return Workflow.objects.first()


def _task(w):
    from wagtail.models import Task

    return Task.objects.first()


# (glob on the URL name or route, case builder, expectation, note)
RULES = [
    # --- public site ---
    (
        "wagtail_serve",
        paths(
            {
                "home": lambda w: "/",
                "academy": _page_url("academy_page_a"),
                "module": _page_url("module_a"),
                "lesson": _page_url("lesson_a"),
                "event": _page_url("event_a"),
                "library": _page_url("resource_index"),
                "public-resource": _resource_detail("version_public"),
            }
        ),
        public,
        "published pages and page routes are public",
    ),
    (
        "wagtail_serve@draft",
        paths(
            {
                "draft": lambda w: "/academies/jsja/draft-a/",
                "missing": lambda w: "/no-such-page/",
            }
        ),
        nobody,
        "drafts are never served",
    ),
    (
        "wagtail_serve@pending-resource",
        paths(
            {
                "own": _resource_detail("version_own_pending"),
                "other": _resource_detail("version_other_pending"),
            }
        ),
        lambda role, v, w: (
            OK if (v == "own" and role in ("cso", "superuser")) or role in ("moderator", "superuser") else DENY
        ),
        "a pending resource: its organisation and the target academy's moderators only",
    ),
    (
        "wagtail_serve@register",
        paths({"a": lambda w: "POST " + w["event_a"].url + "register/"}),
        lambda role, v, w: LOGIN if role == "anonymous" else OK if role == "judge" else DENY,
        "POST register: the event's audience (district judges) only",
    ),
    (
        "^((?:[\\w\\-]+/)+agenda\\.(?:ics|pdf))$",
        paths(
            {
                "ics": _page_url("event_a", "agenda.ics"),
                "draft": lambda w: "/academies/jsja/draft-a/agenda.ics",
            }
        ),
        lambda role, v, w: DENY if v == "draft" else OK,
        "a published event's agenda files are public (the PDF is the same view; not rendered 11 times here)",
    ),
    ("search", one("search"), public, ""),
    ("robots.txt", lambda w: [("", "/robots.txt")], public, ""),
    (
        "wagtaildocs_serve",
        paths({"a": _doc("document_a"), "b": _doc("document_b")}),
        public,
        "documents in academy collections are public material",
    ),
    (
        "wagtaildocs_serve@restricted",
        paths({"a": _doc("document_restricted_a")}),
        lambda role, v, w: (
            LOGIN if role == "anonymous" else OK if role in ("judge", "editor", "registrar", "superuser") else DENY
        ),
        "participants-only material: approved participants and the academy's editors/registrars",
    ),
    (
        "wagtailapi:*:listing",
        lambda w: [("", f"/api/v2/{ep}/") for ep in ("pages", "images", "documents")][:1],
        public,
        "",
    ),
    (
        "wagtailapi:pages:detail",
        fixed(
            "wagtailapi:pages:detail",
            {
                "live": lambda w: {"pk": w["module_a"].pk},
                "draft": lambda w: {"pk": w["draft_page_a"].pk},
            },
        ),
        lambda role, v, w: OK if v == "live" else DENY,
        "the public API never shows drafts",
    ),
    ("wagtailapi:images:detail", by_obj("wagtailapi:images:detail", "pk", {"a": "image_a"}), public, ""),
    ("wagtailapi:documents:detail", by_obj("wagtailapi:documents:detail", "pk", {"a": "document_a"}), public, ""),
    ("wagtailapi:pages:find", lambda w: [("", "/api/v2/pages/find/?html_path=/")], public, ""),
    # --- allauth ---
    ("account_login", one("account_login"), public, ""),
    ("account_signup", one("account_signup"), public, ""),
    ("account_logout", one("account_logout"), public, "GET only: the confirmation page"),
    ("account_inactive", one("account_inactive"), public, ""),
    ("account_reset_password", one("account_reset_password"), public, ""),
    ("account_reset_password_done", one("account_reset_password_done"), public, ""),
    ("account_reset_password_from_key_done", one("account_reset_password_from_key_done"), public, ""),
    (
        "account_reset_password_from_key",
        fixed("account_reset_password_from_key", {"bad": {"uidb36": "1", "key": "x-y"}}),
        public,
        "a bad key shows the 'invalid link' page",
    ),
    (
        "account_confirm_email",
        fixed("account_confirm_email", {"bad": {"key": "nope"}}),
        public,
        "a bad key shows the 'invalid link' page",
    ),
    ("account_email_verification_sent", one("account_email_verification_sent"), public, ""),
    ("account_confirm_login_code", one("account_confirm_login_code"), signed_in, "redirects when no code is pending"),
    ("account_reauthenticate", one("account_reauthenticate"), signed_in, ""),
    ("account_email", one("account_email"), signed_in, ""),
    ("account_change_password", one("account_change_password"), signed_in, ""),
    ("account_set_password", one("account_set_password"), signed_in, ""),
    ("mfa_authenticate", one("mfa_authenticate"), signed_in, "only inside a login; otherwise redirects"),
    (
        "mfa_deactivate_totp",
        one("mfa_deactivate_totp"),
        lambda role, v, w: LOGIN if role == "anonymous" else OK if role in STAFF else DENY,
        "only who has TOTP (the staff here)",
    ),
    (
        "mfa_*recovery_codes",
        lambda w: [("", url("mfa_view_recovery_codes")), ("", url("mfa_download_recovery_codes"))],
        lambda role, v, w: LOGIN if role == "anonymous" else ANY_SIGNED_IN,
        "404 when one has no codes",
    ),
    ("mfa_*", lambda w: [], signed_in, ""),
    # --- accounts ---
    ("accounts:*", lambda w: [], signed_in, ""),
    # --- courses (learner) ---
    (
        "courses:enrol",
        by_obj("courses:enrol", "module_id", {"a": "module_a"}),
        verified_roles("judge", "prosecutor"),
        "module A is open to verified district judges and prosecutors",
    ),
    (
        "courses:start_quiz",
        by_obj("courses:start_quiz", "module_id", {"own": "module_a", "other": "module_b"}),
        owner("judge"),
        "only an enrolled learner starts the quiz",
    ),
    (
        "courses:complete_lesson",
        by_obj("courses:complete_lesson", "lesson_id", {"own": "lesson_a", "other": "lesson_b"}),
        owner("judge"),
        "progress only in one's own enrolment",
    ),
    (
        "courses:attempt",
        by_obj("courses:attempt", "attempt_id", {"own": "attempt_a", "other": "attempt_b"}),
        owner("judge"),
        "another learner's attempt (guessed id) is 404",
    ),
    (
        "courses:save_attempt",
        by_obj("courses:save_attempt", "attempt_id", {"own": "attempt_a", "other": "attempt_b"}),
        owner("judge"),
        "answers saved only into one's own attempt; another's (guessed id) is 404",
    ),
    # --- notes (private: the writer alone, staff and superusers included in the refusal) ---
    (
        "notes:lesson",
        by_obj("notes:lesson", "lesson_id", {"a": "lesson_a"}),
        signed_in,
        "anyone signed in keeps their own note on a lesson",
    ),
    (
        "notes:module*",
        lambda w: [
            ("a", url("notes:module", module_id=w["module_a"].pk)),
            ("a", url("notes:module_pdf", module_id=w["module_a"].pk)),
        ],
        signed_in,
        "each signed-in user sees only their own notes on a module",
    ),
    (
        "notes:note",
        by_obj("notes:note", "note_id", {"own": "note_a", "other": "note_b"}),
        owner("judge"),
        "another person's note is 404, for staff and superusers too",
    ),
    (
        "notes:delete",
        by_obj("notes:delete", "note_id", {"own": "note_a", "other": "note_b"}),
        owner("judge"),
        "another person's note cannot be deleted (404)",
    ),
    # --- certificates (learner and public) ---
    ("certificates:mine", one("certificates:mine"), signed_in, ""),
    ("certificates:transcript", one("certificates:transcript"), signed_in, ""),
    (
        "certificates:download",
        by_obj("certificates:download", "pk", {"own": "certificate_a", "other": "certificate_b"}),
        owner("judge"),
        "another learner's certificate file by guessed id is 404",
    ),
    (
        "certificates:choose_language",
        paths(
            {
                "own": lambda w: (
                    "POST " + url("certificates:choose_language", pk=w["certificate_a"].pk) + "|language=hi"
                ),
                "other": lambda w: (
                    "POST " + url("certificates:choose_language", pk=w["certificate_b"].pk) + "|language=hi"
                ),
            }
        ),
        owner("judge"),
        "another learner's certificate cannot be re-issued in another language (404)",
    ),
    ("certificates:verify", one("certificates:verify"), public, ""),
    # --- languages ---
    ("languages:switch", lambda w: [("", url("languages:switch", code="hi"))], public, "choosing a language"),
    (
        "certificates:verify_code",
        fixed(
            "certificates:verify_code",
            {
                "real": lambda w: {"code": w["certificate_b"].verification_code},
                "guess": {"code": "A" * 22},
            },
        ),
        lambda role, v, w: OK if v == "real" else DENY,
        "public by code; a guessed code is 404",
    ),
    (
        "certificates:verify_pdf",
        fixed(
            "certificates:verify_pdf",
            {
                "real": lambda w: {"code": w["certificate_b"].verification_code},
                "guess": {"code": "A" * 22},
            },
        ),
        lambda role, v, w: OK if v == "real" else DENY,
        "the PDF for whoever holds the code",
    ),
    (
        "certificates:download_credential",
        by_obj("certificates:download_credential", "pk", {"own": "certificate_a", "other": "certificate_b"}),
        owner("judge"),
        "another learner's Open Badges credential by guessed id is 404",
    ),
    ("jwks", one("jwks"), public, "the credential signing keys' public halves"),
    (
        "certificates:credential_key",
        fixed(
            "certificates:credential_key",
            {"real": lambda w: {"thumbprint": published_keys()[0].thumbprint}, "guess": {"thumbprint": "A" * 43}},
        ),
        lambda role, v, w: OK if v == "real" else DENY,
        "a published public key; an unknown thumbprint is 404",
    ),
    (
        "certificates:credential_issuer",
        fixed(
            "certificates:credential_issuer",
            {"real": lambda w: {"code": w["certificate_b"].academy_code}, "guess": {"code": "NOPE"}},
        ),
        lambda role, v, w: OK if v == "real" else DENY,
        "an issuing academy's public profile; an unknown code is 404",
    ),
    ("certificates:credential_status", fixed("certificates:credential_status", {"": {"number": 0}}), public, ""),
    # --- resources ---
    ("resources:upload", one("resources:upload"), verified_roles("cso"), "members of a verified organisation"),
    (
        "resources:my_submissions",
        one("resources:my_submissions"),
        verified_roles("cso", "cso_unverified_org"),
        "members of an organisation (verified or not) see its submissions",
    ),
    (
        "resources:submission",
        fixed(
            "resources:submission",
            {
                "own": lambda w: {"pk": w["version_own_pending"].resource_id},
                "other": lambda w: {"pk": w["version_other_pending"].resource_id},
            },
        ),
        owner("cso"),
        "another organisation's resource is 404",
    ),
    (
        "resources:edit",
        fixed(
            "resources:edit",
            {
                "own": lambda w: {"pk": w["version_own_pending"].resource_id},
                "other": lambda w: {"pk": w["version_other_pending"].resource_id},
            },
        ),
        owner("cso"),
        "",
    ),
    ("resources:moderation_queue", one("resources:moderation_queue"), verified_roles("moderator", "superuser"), ""),
    (
        "resources:review",
        fixed(
            "resources:review",
            {
                "a": lambda w: {"pk": w["version_other_pending"].pk},
                "b": lambda w: {"pk": w["version_b_pending"].pk},
            },
        ),
        admin_scoped("moderator"),
        "moderators of the academies a resource was sent to",
    ),
    (
        "resources:download",
        paths(
            {
                "public": lambda w: url(
                    "resources:download", pk=w["file_public"].pk, name=w["file_public"].original_name
                ),
                "own": lambda w: url(
                    "resources:download", pk=w["file_own_pending"].pk, name=w["file_own_pending"].original_name
                ),
                "other-a": lambda w: url(
                    "resources:download", pk=w["file_other_pending"].pk, name=w["file_other_pending"].original_name
                ),
                "other-b": lambda w: url(
                    "resources:download", pk=w["file_b_pending"].pk, name=w["file_b_pending"].original_name
                ),
            }
        ),
        lambda role, v, w: (
            OK
            if v == "public"
            or role == "superuser"
            or (v == "own" and role in ("cso", "moderator"))
            or (v == "other-a" and role == "moderator")
            else DENY
        ),
        "pending files: the organisation and the target academy's moderators",
    ),
    # --- colloquia (participant) ---
    (
        "colloquia:invitation",
        fixed(
            "colloquia:invitation",
            {
                "real": lambda w: {"token": w["invitation_token"]},
                "forged": {"token": "forged-token"},
            },
        ),
        lambda role, v, w: OK if v == "real" else REFUSED,
        "the signed link is the credential",
    ),
    (
        "colloquia:check_in",
        fixed(
            "colloquia:check_in",
            {
                "own": lambda w: {"uid": w["session_a"].uid, "code": w["check_in_code_a"]},
                "badcode": lambda w: {"uid": w["session_a"].uid, "code": "000000"},
            },
        ),
        owner("judge"),
        "approved participants with the current code",
    ),
    (
        "colloquia:personal_feed",
        fixed(
            "colloquia:personal_feed",
            {
                "real": lambda w: {"token": w["feed_token_a"]},
                "guess": {"token": "guessed-token"},
            },
        ),
        lambda role, v, w: OK if v == "real" else DENY,
        "the feed token is the credential",
    ),
    ("colloquia:reset_feed", one("colloquia:reset_feed"), signed_in, ""),
    # --- the apps' old URL prefixes: permanent redirects, the new address decides ---
    (
        "learning/<path:rest>",
        lambda w: [("", f"/learning/attempts/{w['attempt_a'].pk}/")],
        public,
        "301 to the same path under /courses/, which checks access",
    ),
    (
        "registrations/<path:rest>",
        lambda w: [("", f"/registrations/calendar/{w['feed_token_a']}.ics")],
        public,
        "301 to the same path under /colloquia-registrations/, which checks access",
    ),
    # --- Wagtail core internals ---
    (
        "_util/login/",
        lambda w: [("", "/_util/login/")],
        lambda role, v, w: LOGIN,
        "Wagtail's password-only form is replaced by a redirect to allauth (MFA, rate limits)",
    ),
    # --- Wagtail admin: entry points ---
    ("admin/login/", lambda w: [("", "/admin/login/")], lambda role, v, w: LOGIN, "redirects to allauth's sign-in"),
    ("wagtailadmin_home", one("wagtailadmin_home"), admin("editor", "moderator", "registrar"), ""),
    ("wagtailadmin_account", one("wagtailadmin_account"), admin("editor", "moderator", "registrar"), ""),
    ("wagtailadmin_logout", one("wagtailadmin_logout"), staff_method, "POST logs out; checked with GET only"),
    ("wagtailadmin_dismissibles", one("wagtailadmin_dismissibles"), admin("editor", "moderator", "registrar"), ""),
    ("wagtailadmin_sprite", one("wagtailadmin_sprite"), public, "the admin's icon sprite (static SVG)"),
    ("wagtailadmin_javascript_catalog", one("wagtailadmin_javascript_catalog"), public, "translations (static)"),
    ("wagtailadmin_block_preview", one("wagtailadmin_block_preview"), staff_any, "404 without a block id"),
    (
        "wagtailadmin_password_reset*",
        lambda w: [
            ("", "/admin/password_reset/"),
            ("", "/admin/password_reset/done/"),
            ("", "/admin/password_reset/complete/"),
            ("", "/admin/password_reset/confirm/MQ/set-password/"),
        ],
        nobody,
        "WAGTAIL_PASSWORD_MANAGEMENT_ENABLED is off: allauth resets passwords",
    ),
    ("admin/^.*/$", lambda w: [("", "/admin/no-such-screen/")], nobody, "the admin's own 404"),
    # --- Wagtail admin: pages (the module page holds the quiz answer key) ---
    ("wagtailadmin_explore_root", one("wagtailadmin_explore_root"), admin("editor"), ""),
    (
        "wagtailadmin_explore*",
        lambda w: [
            (k[-1], url(view, parent_page_id=w[k].pk))
            for view in ("wagtailadmin_explore", "wagtailadmin_explore_results")
            for k in ("academy_page_a", "academy_page_b")
        ],
        lambda role, v, w: OK if role == "editor" else admin_scoped("editor")(role, v, w),
        "an editor asking for another academy's section is redirected to their own (the B page is not shown)",
    ),
    (
        "wagtailadmin_pages:add",
        lambda w: [
            (
                "a",
                url(
                    "wagtailadmin_pages:add",
                    content_type_app_name="courses",
                    content_type_model_name="coursepage",
                    parent_page_id=w["course_index_a"].pk,
                ),
            ),
            (
                "b",
                url(
                    "wagtailadmin_pages:add",
                    content_type_app_name="home",
                    content_type_model_name="standardpage",
                    parent_page_id=w["academy_page_b"].pk,
                ),
            ),
        ],
        admin_scoped("editor"),
        "",
    ),
    (
        "wagtailadmin_pages:preview_on_add",
        lambda w: [
            (
                "a",
                url(
                    "wagtailadmin_pages:preview_on_add",
                    content_type_app_name="home",
                    content_type_model_name="standardpage",
                    parent_page_id=w["academy_page_a"].pk,
                ),
            ),
            (
                "b",
                url(
                    "wagtailadmin_pages:preview_on_add",
                    content_type_app_name="home",
                    content_type_model_name="standardpage",
                    parent_page_id=w["academy_page_b"].pk,
                ),
            ),
        ],
        admin_scoped("editor"),
        "",
    ),
    (
        "wagtailadmin_pages:add_subpage",
        by_page("wagtailadmin_pages:add_subpage", "parent_page_id", ("academy_page_a", "academy_page_b")),
        admin_scoped("editor"),
        "",
    ),
    (
        "wagtailadmin_pages:type_use*",
        lambda w: [
            ("", url(view, content_type_app_name="courses", content_type_model_name="coursepage"))
            for view in ("wagtailadmin_pages:type_use", "wagtailadmin_pages:type_use_results")
        ],
        admin("editor"),
        "lists pages of a type the user may explore",
    ),
    (
        "wagtailadmin_pages:choose_parent",
        fixed("wagtailadmin_pages:choose_parent", {"": {"app_label": "courses", "model_name": "coursepage"}}),
        admin("editor", "moderator", "registrar"),
        "lists only the parents the user may add to (none without page permissions)",
    ),
    (
        "wagtailadmin_pages:revisions_view",
        _revision_cases("wagtailadmin_pages:revisions_view"),
        admin_scoped("editor"),
        "a revision shows the question bank",
    ),
    (
        "wagtailadmin_pages:revisions_revert",
        _revision_cases("wagtailadmin_pages:revisions_revert"),
        admin_scoped("editor"),
        "",
    ),
    (
        "wagtailadmin_pages:revisions_unschedule",
        _revision_cases("wagtailadmin_pages:revisions_unschedule"),
        admin_scoped("editor"),
        "a confirmation page; nothing is scheduled",
    ),
    ("wagtailadmin_pages:revisions_compare", _compare, admin_scoped("editor"), "a diff shows answers"),
    (
        "wagtailadmin_pages:convert_alias",
        by_page("wagtailadmin_pages:convert_alias"),
        lambda role, v, w: LOGIN if role == "anonymous" else REFUSED,
        "not an alias: 404 for everyone",
    ),
    (
        "wagtailadmin_pages:workflow_history_detail",
        lambda w: [
            (
                "a",
                url("wagtailadmin_pages:workflow_history_detail", page_id=w["module_a"].pk, workflow_state_id=MISSING),
            )
        ],
        lambda role, v, w: LOGIN if role == "anonymous" else REFUSED,
        "no such workflow state",
    ),
    (
        "wagtailadmin_pages:workflow_history",
        by_page("wagtailadmin_pages:workflow_history"),
        admin_scoped("editor"),
        "",
    ),
    (
        "wagtailadmin_pages:workflow_*",
        lambda w: [
            (
                "a",
                url(
                    "wagtailadmin_pages:workflow_action",
                    page_id=w["module_a"].pk,
                    action_name="approve",
                    task_state_id=MISSING,
                ),
            ),
            (
                "a",
                url(
                    "wagtailadmin_pages:collect_workflow_action_data",
                    page_id=w["module_a"].pk,
                    action_name="approve",
                    task_state_id=MISSING,
                ),
            ),
            ("a", url("wagtailadmin_pages:workflow_preview", page_id=w["module_a"].pk, task_id=MISSING)),
        ],
        lambda role, v, w: LOGIN if role == "anonymous" else REFUSED,
        "no such task state: refused for everyone",
    ),
    (
        "wagtailadmin_pages:confirm_workflow_cancellation",
        by_page("wagtailadmin_pages:confirm_workflow_cancellation"),
        admin("editor", "moderator", "registrar"),
        "answers {'step': 'no_confirmation_needed'} to any admin user (Wagtail); reveals nothing",
    ),
    (
        "wagtailadmin_pages:move_confirm",
        lambda w: [
            (
                "a",
                "POST "
                + url(
                    "wagtailadmin_pages:move_confirm",
                    page_to_move_id=w["draft_page_a"].pk,
                    destination_id=w["academy_page_a"].pk,
                ),
            ),
            (
                "b",
                "POST "
                + url(
                    "wagtailadmin_pages:move_confirm",
                    page_to_move_id=w["draft_page_b"].pk,
                    destination_id=w["academy_page_b"].pk,
                ),
            ),
            (
                "a-page-b-object",
                "POST "
                + url(
                    "wagtailadmin_pages:move_confirm",
                    page_to_move_id=w["draft_page_a"].pk,
                    destination_id=w["academy_page_b"].pk,
                ),
            ),
        ],
        lambda role, v, w: OK if role == "superuser" else admin_scoped("editor")(role, v, w),
        "POST: an editor moving a page into another academy's section is refused (superusers may)",
    ),
    (
        "wagtailadmin_pages:move",
        by_page("wagtailadmin_pages:move", "page_to_move_id", ("draft_page_a", "draft_page_b")),
        admin_scoped("editor"),
        "",
    ),
    (
        "wagtailadmin_pages:set_page_position",
        by_page("wagtailadmin_pages:set_page_position", "page_to_move_id", ("draft_page_a", "draft_page_b")),
        admin_scoped("editor"),
        "",
    ),
    (
        "wagtailadmin_pages:delete",
        by_page("wagtailadmin_pages:delete", "page_id", ("draft_page_a", "draft_page_b")),
        admin_scoped("editor"),
        "",
    ),
    ("wagtailadmin_pages:unpublish", by_page("wagtailadmin_pages:unpublish"), admin_scoped("editor"), ""),
    ("wagtailadmin_pages:set_privacy", by_page("wagtailadmin_pages:set_privacy"), admin_scoped("editor"), ""),
    ("wagtailadmin_pages:search*", one("wagtailadmin_pages:search"), admin("editor"), ""),
    (
        "wagtailadmin_pages:revisions_index",
        by_page("wagtailadmin_pages:revisions_index"),
        lambda role, v, w: LOGIN if role == "anonymous" else OK if role in STAFF else REFUSED,
        "redirects to the page history, which checks",
    ),
    ("wagtailadmin_pages:*", lambda w: [], admin_scoped("editor"), "the other page views"),
    (
        "wagtailadmin_choose_page_child",
        by_page("wagtailadmin_choose_page_child", "parent_page_id", ("academy_page_a", "academy_page_b")),
        admin("editor", "moderator", "registrar"),
        "choosers list page titles to any admin user",
    ),
    ("wagtailadmin_choose_*", lambda w: [], admin("editor", "moderator", "registrar"), ""),
    (
        "wagtailadmin_tag_model_autocomplete",
        fixed("wagtailadmin_tag_model_autocomplete", {"": {"app_name": "taggit", "model_name": "tag"}}),
        admin("editor", "moderator", "registrar"),
        "",
    ),
    (
        "wagtailadmin_tag_autocomplete",
        one("wagtailadmin_tag_autocomplete"),
        admin("editor", "moderator", "registrar"),
        "",
    ),
    (
        "wagtail_bulk_action",
        lambda w: [
            (
                "b",
                url("wagtail_bulk_action", app_label="wagtailcore", model_name="page", action="delete")
                + f"?id={w['module_b'].pk}",
            ),
        ],
        admin("editor", "moderator", "registrar"),
        "the confirmation lists items the user may not act on; the action itself checks each object",
    ),
    (
        "wagtailadmin_editing_sessions:ping",
        lambda w: [
            (
                k[-1],
                url(
                    "wagtailadmin_editing_sessions:ping",
                    app_label="wagtailcore",
                    model_name="page",
                    object_id=str(w[k].pk),
                    session_id=MISSING,
                ),
            )
            for k in ("module_a", "module_b")
        ],
        admin_scoped("editor"),
        "editing-session pings only for pages one may edit",
    ),
    (
        "wagtailadmin_editing_sessions:release",
        fixed("wagtailadmin_editing_sessions:release", {"": {"session_id": MISSING}}),
        admin("editor", "moderator", "registrar"),
        "releasing a session that does not exist is a no-op",
    ),
    # --- Wagtail admin API (drafts of every page for admin users) ---
    (
        "wagtailadmin_api:pages:detail",
        by_obj("wagtailadmin_api:pages:detail", "pk", AB_PAGES),
        admin_scoped("editor"),
        "the admin API shows page metadata to admin users",
    ),
    (
        "wagtailadmin_api:pages:action",
        lambda w: [
            (k[-1], url("wagtailadmin_api:pages:action", pk=w[k].pk, action_name="unpublish"))
            for k in ("module_a", "module_b")
        ],
        admin_scoped("editor"),
        "",
    ),
    (
        "wagtailadmin_api:*:detail",
        lambda w: [
            ("a", url("wagtailadmin_api:documents:detail", pk=w["document_a"].pk)),
            ("a", url("wagtailadmin_api:images:detail", pk=w["image_a"].pk)),
        ],
        admin("editor", "moderator", "registrar"),
        "",
    ),
    ("wagtailadmin_api:*:find", lambda w: [], staff_any, "404 without a query"),
    ("wagtailadmin_api:*", lambda w: [], admin("editor", "moderator", "registrar"), "listings"),
    # --- collections, workflows, reports ---
    ("wagtailadmin_collections:index", one("wagtailadmin_collections:index"), superuser_only, ""),
    ("wagtailadmin_collections:add", one("wagtailadmin_collections:add"), superuser_only, ""),
    (
        "wagtailadmin_collections:set_privacy",
        by_obj("wagtailadmin_collections:set_privacy", "collection_id", {"a": "collection_a", "b": "collection_b"}),
        superuser_only,
        "",
    ),
    (
        "wagtailadmin_collections:*",
        lambda w: [
            (v, url(f"wagtailadmin_collections:{view}", pk=w[f"collection_{v}"].pk))
            for view in ("edit", "delete")
            for v in ("a", "b")
        ],
        superuser_only,
        "",
    ),
    (
        "wagtailadmin_workflows:remove",
        lambda w: [
            ("a", url("wagtailadmin_workflows:remove", page_pk=w["module_a"].pk)),
            ("a", url("wagtailadmin_workflows:remove", page_pk=w["module_a"].pk, workflow_pk=_workflow(w).pk)),
        ],
        superuser_only,
        "",
    ),
    (
        "wagtailadmin_workflows:add_task",
        fixed("wagtailadmin_workflows:add_task", {"": {"app_label": "wagtailcore", "model_name": "groupapprovaltask"}}),
        superuser_only,
        "",
    ),
    (
        "wagtailadmin_workflows:task_chosen",
        lambda w: [("", url("wagtailadmin_workflows:task_chosen", task_id=_task(w).pk))],
        admin("editor", "moderator", "registrar"),
        "Wagtail opens the task chooser to any admin user (task names only)",
    ),
    (
        "wagtailadmin_workflows:*_task",
        lambda w: [
            ("", url(f"wagtailadmin_workflows:{v}_task", pk=_task(w).pk)) for v in ("edit", "disable", "enable")
        ],
        superuser_only,
        "",
    ),
    (
        "wagtailadmin_workflows:task_chooser*",
        lambda w: [],
        admin("editor", "moderator", "registrar"),
        "Wagtail opens the task chooser to any admin user (task names only)",
    ),
    (
        "wagtailadmin_workflows:*",
        lambda w: [
            ("", url(f"wagtailadmin_workflows:{v}", pk=_workflow(w).pk))
            for v in ("enable", "disable", "edit", "usage", "usage_results")
        ],
        superuser_only,
        "plus the id-less views below",
    ),
    (
        "wagtailadmin_reports:site_history*",
        one("wagtailadmin_reports:site_history"),
        superuser_only,
        "platform administrators only (accounts.middleware.PlatformAdminOnlyMiddleware); see test_audit_log",
    ),
    ("wagtailadmin_reports:*", lambda w: [], admin("editor"), "page reports: for users with page permissions"),
    # --- project admin screens ---
    ("accounts_role_queue", one("accounts_role_queue"), admin("registrar"), "registrars verify roles"),
    (
        "accounts_role_decide",
        lambda w: [
            ("a", "POST " + url("accounts_role_decide", user_id=w.users["unverified"].pk) + "|decision=verify"),
            ("b", "POST " + url("accounts_role_decide", user_id=w["pending_b"].pk) + "|decision=verify"),
        ],
        admin_scoped("registrar"),
        "a registrar verifies roles in the States their academy serves",
    ),
    ("colloquia_events", one("colloquia_events"), admin("registrar"), ""),
    (
        "colloquia_registrations:*",
        _listing_cases("colloquia_registrations", "page_id", {"a": "event_a", "b": "event_b"}),
        admin_scoped("registrar"),
        "an event's registration list (search, filters) and its CSV and XLSX",
    ),
    (
        "colloquia_attendance_records:*",
        _listing_cases("colloquia_attendance_records", "page_id", {"a": "event_a", "b": "event_b"}),
        admin_scoped("registrar"),
        "an event's attendance records and their CSV and XLSX",
    ),
    (
        "colloquia_waiting_list",
        by_obj("colloquia_waiting_list", "page_id", {"a": "event_a", "b": "event_b"}),
        admin_scoped("registrar"),
        "",
    ),
    (
        "colloquia_register_on_behalf",
        by_obj("colloquia_register_on_behalf", "page_id", {"a": "event_a", "b": "event_b"}),
        admin_scoped("registrar"),
        "",
    ),
    (
        "colloquia_promote",
        _registration_cases("colloquia_promote", "waiting"),
        admin_scoped("registrar"),
        "someone waiting, reached only through their own event",
    ),
    (
        "colloquia_move_on_waitlist",
        _registration_cases("colloquia_move_on_waitlist", "waiting", "POST ", "|position=1"),
        admin_scoped("registrar"),
        "",
    ),
    (
        "colloquia_resend_invitation",
        _registration_cases("colloquia_resend_invitation", "invited"),
        admin_scoped("registrar"),
        "an open invitation, reached only through its own event",
    ),
    (
        "wagtail_bulk_action@registrations",
        lambda w: [
            (v, url("wagtail_bulk_action", app_label="colloquia", model_name="registration", action=action) + ids(w))
            for action in ("approve", "reject", "waitlist")
            for v, ids in (
                ("a", lambda w: f"?id={w['registration_a'].pk}"),
                ("b", lambda w: f"?id={w['registration_b'].pk}"),
            )
        ],
        admin_scoped("registrar"),
        "bulk decisions on registrations: another academy's ids are 404",
    ),
    (
        "colloquia_event",
        by_obj("colloquia_event", "page_id", {"a": "event_a", "b": "event_b"}),
        admin_scoped("registrar"),
        "",
    ),
    (
        "colloquia_nominations",
        by_obj("colloquia_nominations", "page_id", {"a": "event_a", "b": "event_b"}),
        admin_scoped("registrar"),
        "",
    ),
    (
        "colloquia_decide",
        lambda w: [
            (
                v,
                "POST "
                + url("colloquia_decide", page_id=w[f"event_{e}"].pk, registration_id=w[f"registration_{r}"].pk)
                + "|decision=reject&note=matrix",
            )
            for v, e, r in (("a", "a", "a"), ("b", "b", "b"), ("a-page-b-object", "a", "b"))
        ],
        admin_scoped("registrar"),
        "a registration is reached only through its own event",
    ),
    (
        "colloquia_override",
        lambda w: [
            ("a", url("colloquia_override", page_id=w["event_a"].pk, registration_id=w["registration_a"].pk)),
            ("b", url("colloquia_override", page_id=w["event_b"].pk, registration_id=w["registration_b"].pk)),
            (
                "a-page-b-object",
                url("colloquia_override", page_id=w["event_a"].pk, registration_id=w["registration_b"].pk),
            ),
        ],
        admin_scoped("registrar"),
        "",
    ),
    (
        "colloquia_*",
        lambda w: [
            (v, url(f"colloquia_{view}", page_id=w[f"event_{e}"].pk, session_id=w[f"session_{s}"].pk))
            for view in ("attendance", "room_screen", "room_screen_state", "sign_in_sheet")
            for v, e, s in (("a", "a", "a"), ("b", "b", "b"), ("a-page-b-object", "a", "b"))
        ],
        admin_scoped("registrar"),
        "attendance, room screen (and the JSON its script polls), sign-in sheet",
    ),
    # --- checkin: e-tickets, badges, the desk and the attendance grid ---
    ("checkin_events", one("checkin_events"), admin("registrar"), "the events' desks, badges and grids"),
    ("checkin_badge_sheet", _badge_sheet_cases, admin_scoped("registrar"), "a ready sheet of an event's name badges"),
    (
        "checkin_*",
        lambda w: [
            (v, url(view, page_id=w[f"event_{v}"].pk))
            for view in ("checkin_badges", "checkin_badge_status", "checkin_attendance", "checkin_attendance_csv")
            for v in ("a", "b")
        ],
        admin_scoped("registrar"),
        "an event's name badges (and the status its script polls), attendance grid and its CSV",
    ),
    ("checkin:desk_events", one("checkin:desk_events"), admin("registrar"), "the desk, outside the admin: registrars"),
    (
        "checkin:desk",
        by_obj("checkin:desk", "page_id", {"a": "event_a", "b": "event_b"}),
        admin_scoped("registrar"),
        "an event's check-in desk: its academy's registrars",
    ),
    (
        "checkin:e_ticket",
        by_obj("checkin:e_ticket", "registration_id", {"own": "registration_a", "other": "registration_b"}),
        owner("judge"),
        "an e-ticket: its holder only",
    ),
    # --- registration_questions: an event's own questions and their answers ---
    (
        "registration_questions_events",
        one("registration_questions_events"),
        admin("registrar"),
        "the events whose answers one may read",
    ),
    (
        "registration_questions_event",
        by_obj("registration_questions_event", "page_id", {"a": "event_a", "b": "event_b"}),
        admin_scoped("registrar"),
        "an event's answers: its academy's registrars",
    ),
    (
        "registration_questions*file",
        lambda w: [
            ("", url("registration_questions_file", pk=999999, name="letter.pdf")),
            ("", url("registration_questions:file", pk=999999, name="letter.pdf")),
        ],
        nobody,
        "an answer's file that does not exist (tests/registration_questions/test_permissions.py covers real files)",
    ),
    # --- support: MHA support records (tests/support/test_permissions.py covers real records, the
    # finance officers and the MHA reviewers, who are not roles of this matrix) ---
    (
        "support_records:*",
        lambda w: [("", url("support_records:index")), ("", url("support_records:index_results"))],
        admin("registrar"),
        "the support records' listing: each keeper sees their academies' records",
    ),
    ("support_open", one("support_open"), admin("registrar"), "the events of one's academies without a record"),
    (
        "support_remove_*",
        lambda w: [
            ("", url("support_remove_expenditure", pk=999999, entry_id=1)),
            ("", url("support_remove_photograph", pk=999999, photo_id=1)),
        ],
        nobody,
        "removals from a record that does not exist (tests/support covers real ones)",
    ),
    (
        "support_*",
        lambda w: [
            ("", url("support_record", pk=999999)),
            ("", url("support_proposal", pk=999999)),
            ("", url("support_sanction", pk=999999)),
            ("", url("support_add_expenditure", pk=999999)),
            ("", url("support_add_photograph", pk=999999)),
            ("", url("support_refund", pk=999999)),
            ("", url("support_sign", pk=999999)),
            ("", url("support_correct", pk=999999)),
            ("", url("support_document", pk=999999, kind="proposal")),
            ("", url("support_signed_document", pk=999999, number=1, kind="outcome-report")),
            ("", url("support_voucher", pk=999999, entry_id=1, name="bill.pdf")),
            ("", url("support_photograph", pk=999999, photo_id=1, name="photo.jpg")),
        ],
        nobody,
        "a record that does not exist",
    ),
    # --- online_attendance: a meeting's attendance report imported for a session ---
    ("online_attendance_events", one("online_attendance_events"), admin("registrar"), "the events one may import for"),
    (
        "online_attendance_event",
        by_obj("online_attendance_event", "page_id", {"a": "event_a", "b": "event_b"}),
        admin_scoped("registrar"),
        "an event's imports and the upload form: its academy's registrars",
    ),
    (
        "online_attendance_import",
        _attendance_import_cases("online_attendance_import"),
        admin_scoped("registrar"),
        "an import's preview",
    ),
    (
        "online_attendance_mapping",
        _attendance_import_cases("online_attendance_mapping"),
        registrar_reaches_view,
        "an import's column mapping (POST; an empty one is answered 400 with the form's errors)",
    ),
    (
        "online_attendance_unmatch",
        lambda w: [
            (v, url(name, import_id=w[f"attendance_import_{v}"].pk))
            for name in ("online_attendance_unmatch",)
            for v in ("a", "b")
        ],
        admin_scoped("registrar"),
        "undoing a match by hand (POST): its academy's registrars",
    ),
    (
        "online_attendance_discard",
        _attendance_import_cases("online_attendance_discard"),
        admin_scoped("registrar"),
        "discarding an import (POST): its academy's registrars",
    ),
    (
        "online_attendance_*",
        lambda w: [
            (v, url(name, import_id=w[f"attendance_import_{v}"].pk))
            for name in ("online_attendance_match", "online_attendance_confirm")
            for v in ("a", "b")
        ],
        registrar_reaches_view,
        "matching by hand and confirming (POST; tests/online_attendance covers both with real data)",
    ),
    # --- interstate: an academy's contacts and the nodal officers of the States it serves ---
    (
        "interstate_contacts:index*",
        lambda w: [("", url("interstate_contacts:index")), ("", url("interstate_contacts:index_results"))],
        admin("editor"),
        "the contacts listing: each editor sees their academies' contacts",
    ),
    ("interstate_contacts:add", one("interstate_contacts:add"), admin("editor"), "adding a contact: editors"),
    (
        "interstate_contacts:*",
        lambda w: [
            case
            for name in (
                "interstate_contacts:edit",
                "interstate_contacts:delete",
                "interstate_contacts:history",
                "interstate_contacts:history_results",
                "interstate_contacts:usage",
            )
            for case in _contact_cases(name)(w)
        ],
        admin_scoped("editor"),
        "a contact: its academy's editors",
    ),
    # --- offline_copies: a published lesson or module to read offline ---
    (
        "offline_copies:lesson_pdf",
        by_obj("offline_copies:lesson_pdf", "pk", {"": "lesson_a"}),
        public,
        "a public lesson's copy is public, as the lesson is (tests/offline_copies covers restricted pages)",
    ),
    (
        "offline_copies:module_pdf_with_notes",
        by_obj("offline_copies:module_pdf_with_notes", "pk", {"": "module_a"}),
        signed_in,
        "the module with one's own notes: anyone signed in, for themselves",
    ),
    (
        "offline_copies:module_*",
        lambda w: [
            ("", url("offline_copies:module_pdf", pk=w["module_a"].pk)),
            ("", url("offline_copies:module_epub", pk=w["module_a"].pk)),
        ],
        public,
        "a public module's copies are public, as the module is",
    ),
    # --- messaging: messages to an event's participants, their delivery logs, the event's reminders ---
    ("messaging_events", one("messaging_events"), admin("registrar"), "the events whose participants one may write to"),
    (
        "messaging_event",
        by_obj("messaging_event", "page_id", {"a": "event_a", "b": "event_b"}),
        admin_scoped("registrar"),
        "",
    ),
    (
        "messaging_compose",
        by_obj("messaging_compose", "page_id", {"a": "event_a", "b": "event_b"}),
        admin_scoped("registrar"),
        "",
    ),
    (
        "messaging_reminders",
        by_obj("messaging_reminders", "page_id", {"a": "event_a", "b": "event_b"}),
        admin_scoped("registrar"),
        "",
    ),
    ("messaging_*", _message_cases, admin_scoped("registrar"), "a message's delivery log, its CSV, sending again"),
    ("courses_reports", one("courses_reports"), admin("editor", "registrar"), ""),
    (
        "courses_learners:*",
        _listing_cases("courses_learners", "module_id", AB_PAGES),
        admin_scoped("editor", "registrar"),
        "a module's learners and their CSV and XLSX",
    ),
    ("courses_bulk_enrol", by_obj("courses_bulk_enrol", "module_id", AB_PAGES), admin_scoped("registrar"), ""),
    (
        "courses_transcript",
        lambda w: [
            ("a", url("courses_transcript", user_id=w.users["judge"].pk)),
            ("b", url("courses_transcript", user_id=w["learner_b"].pk)),
        ],
        admin_scoped("editor", "registrar"),
        "a learner's transcript shows only one's own academy's modules",
    ),
    (
        "courses_module_*",
        lambda w: [
            (k[-1], url(f"courses_module_{view}", module_id=w[k].pk))
            for view in ("report", "csv")
            for k in ("module_a", "module_b")
        ],
        admin_scoped("editor", "registrar"),
        "",
    ),
    (
        "certificates_register:*",
        lambda w: [
            (v, url(f"certificates_register:{view}") + e)
            for view in ("index", "index_results")
            for v, e in (("", e) for e in EXPORTS)
        ],
        admin("registrar"),
        "the register lists each registrar's own academies' certificates (filtered, not refused)",
    ),
    ("certificates_admin_csv", one("certificates_admin_csv"), admin("registrar"), ""),
    ("certificates_admin_events", one("certificates_admin_events"), admin("registrar"), ""),
    (
        "certificates_admin_batch",
        by_obj("certificates_admin_batch", "pk", {"a": "batch_a", "b": "batch_b"}),
        admin_scoped("registrar"),
        "",
    ),
    (
        "certificates_admin_batch_progress",
        by_obj("certificates_admin_batch_progress", "pk", {"a": "batch_a", "b": "batch_b"}),
        admin_scoped("registrar"),
        "the JSON the batch page's script polls: the same checks as the page",
    ),
    (
        "certificates_admin_issue",
        by_obj("certificates_admin_issue", "page_id", {"a": "event_a", "b": "event_b"}),
        admin_scoped("registrar"),
        "",
    ),
    (
        "certificates_admin_zip",
        by_obj("certificates_admin_zip", "page_id", {"a": "event_a", "b": "event_b"}),
        admin_scoped("registrar"),
        "",
    ),
    (
        "certificates_admin_*",
        lambda w: [
            (v, method + url(f"certificates_admin_{view}", pk=w[f"certificate_{v}"].pk) + data)
            for view, method, data in (
                ("detail", "", ""),
                ("revoke", "POST ", "|reason=matrix"),
                ("reissue", "POST ", "|full_name=Corrected+Name&reason=matrix"),
            )
            for v in ("a", "b")
        ],
        admin_scoped("registrar"),
        "",
    ),
    # --- feedback: an event's feedback form, knowledge tests and feedback report ---
    ("feedback_events", one("feedback_events"), admin("registrar", "editor"), "the events whose report one may read"),
    (
        "feedback_report",
        by_obj("feedback_report", "page_id", {"a": "event_a", "b": "event_b"}),
        admin_scoped("registrar", "editor"),
        "an event's feedback report: its academy's registrars and editors",
    ),
    (
        "feedback:*",
        lambda w: [
            ("a", url("feedback:form", page_id=w["event_a"].pk)),
            ("a", url("feedback:test", page_id=w["event_a"].pk, stage="pre")),
            ("a", url("feedback:test", page_id=w["event_a"].pk, stage="post")),
        ],
        # The world's events have not ended (no form yet) and set no test: refused to everyone.
        lambda role, variant, w: LOGIN if role == "anonymous" else REFUSED,
        "",
    ),
    # --- Wagtail contrib: forms, redirects, settings, embeds ---
    ("wagtailforms:index*", one("wagtailforms:index"), admin("editor"), "form pages the user may edit"),
    (
        "wagtailforms:*",
        lambda w: [
            ("a", url(f"wagtailforms:{v}", page_id=w["module_a"].pk))
            for v in ("list_submissions", "list_submissions_results", "delete_submissions")
        ],
        lambda role, v, w: LOGIN if role == "anonymous" else REFUSED,
        "not a form page: 404",
    ),
    (
        "wagtailimages:url_generator*",
        lambda w: [
            (v, url(f"wagtailimages:{view}", image_id=w[f"image_{v}"].pk))
            for view in ("url_generator", "url_generator_output")
            for v in ("a", "b")
        ],
        lambda role, v, w: LOGIN if role == "anonymous" else REFUSED,
        "dynamic image URLs are not enabled: 404",
    ),
    ("wagtailredirects:*", lambda w: [], superuser_only, ""),
    (
        "wagtailsettings:edit",
        lambda w: [
            ("", url("wagtailsettings:edit", app_name="home", model_name="sitesettings")),
        ],
        superuser_only,
        "",
    ),
    ("wagtailembeds:*", lambda w: [], admin("editor", "moderator", "registrar"), ""),
    # --- documents and images (collections: A's for academy A's editors) ---
    ("wagtaildocs:index*", one("wagtaildocs:index"), admin("editor"), ""),
    ("wagtaildocs:add*", one("wagtaildocs:add"), admin("editor"), ""),
    (
        "wagtaildocs:*_upload_*",
        lambda w: [
            ("", url("wagtaildocs:delete_upload_multiple", uploaded_file_id=MISSING)),
            ("", url("wagtaildocs:create_multiple_from_uploaded_document", uploaded_file_id=MISSING)),
        ],
        lambda role, v, w: LOGIN if role == "anonymous" else REFUSED,
        "no such upload",
    ),
    (
        "wagtaildocs:*",
        lambda w: [
            (v, url(f"wagtaildocs:{view}", **{arg: w[f"document_{v}"].pk}))
            for view, arg in (
                ("edit", "document_id"),
                ("delete", "document_id"),
                ("edit_multiple", "doc_id"),
                ("delete_multiple", "doc_id"),
                ("document_usage", "document_id"),
            )
            for v in ("a", "b")
        ],
        admin_scoped("editor"),
        "",
    ),
    ("wagtailimages:index*", one("wagtailimages:index"), admin("editor"), ""),
    ("wagtailimages:add*", one("wagtailimages:add"), admin("editor"), ""),
    (
        "wagtailimages:*_upload*",
        lambda w: [
            ("", url("wagtailimages:delete_upload_multiple", uploaded_file_id=MISSING)),
            ("", url("wagtailimages:create_multiple_from_uploaded_image", uploaded_file_id=MISSING)),
        ],
        lambda role, v, w: LOGIN if role == "anonymous" else REFUSED,
        "no such upload",
    ),
    (
        "wagtailimages:preview",
        lambda w: [
            (v, url("wagtailimages:preview", image_id=w[f"image_{v}"].pk, filter_spec="original")) for v in ("a", "b")
        ],
        admin_scoped("editor"),
        "",
    ),
    (
        "wagtailimages:*",
        lambda w: [
            (v, url(f"wagtailimages:{view}", image_id=w[f"image_{v}"].pk))
            for view in (
                "edit",
                "delete",
                "image_usage",
                "edit_multiple",
                "delete_multiple",
            )
            for v in ("a", "b")
        ],
        admin_scoped("editor"),
        "",
    ),
    (
        "wagtaildocs_chooser:chosen",
        by_obj("wagtaildocs_chooser:chosen", "pk", {"a": "document_a", "b": "document_b"}),
        admin_scoped("editor"),
        "choosing needs choose permission on the collection",
    ),
    ("*chooser*:create", lambda w: [], staff_any, "the chooser's upload tab: refused without add permission"),
    (
        "wagtaildocs_chooser:*",
        lambda w: [],
        admin("editor", "moderator", "registrar"),
        "choosers open for any admin user and list only what the user may choose",
    ),
    (
        "wagtailimages_chooser:chosen",
        by_obj("wagtailimages_chooser:chosen", "pk", {"a": "image_a", "b": "image_b"}),
        admin_scoped("editor"),
        "",
    ),
    (
        "wagtailimages_chooser:select_format",
        by_obj("wagtailimages_chooser:select_format", "image_id", {"a": "image_a", "b": "image_b"}),
        admin_scoped("editor"),
        "",
    ),
    (
        "wagtailimages_chooser:*",
        lambda w: [],
        admin("editor", "moderator", "registrar"),
        "choosers open for any admin user and list only what the user may choose",
    ),
    # --- snippets ---
    (
        "wagtailsnippets:index",
        one("wagtailsnippets:index"),
        admin("registrar"),
        "lists snippet models without their own menu item (certificate templates)",
    ),
    ("wagtailsnippets_academies_academy:*", lambda w: [], superuser_only, "platform administrators only"),
    (
        "wagtailsnippets_resources_organisation:delete",
        lambda w: [],
        superuser_only,
        "deleting an organisation is for platform administrators",
    ),
    (
        "wagtailsnippets_resources_organisation:*",
        lambda w: [],
        admin_scoped("moderator"),
        "variant a: an organisation in a State academy A serves; b: one in Madhya Pradesh",
    ),
    (
        "wagtailsnippetchoosers_*",
        lambda w: [],
        admin("editor", "moderator", "registrar"),
        "Wagtail's snippet choosers answer any admin user (names only)",
    ),
    (
        "wagtailsnippets_certificates_certificatetemplate:delete",
        lambda w: [],
        superuser_only,
        "deleting a template is for platform administrators",
    ),
    ("wagtailsnippets_certificates_certificatetemplate:*", lambda w: [], admin_scoped("registrar"), ""),
    (
        "wagtailsnippets_certificates_certificatetemplate:edit@post",
        lambda w: [
            (
                "b",
                "POST "
                + url("wagtailsnippets_certificates_certificatetemplate:edit", pk=w["template_b"].pk)
                + f"|heading=Taken+over&academy={w.academy_a.pk}",
            )
        ],
        admin_scoped("registrar"),
        "saving B's template (and moving it to A) is refused to A's registrar (finding 5)",
    ),
    # --- sites, users, groups: superusers (and platform administrators) ---
    ("wagtailsites:*", lambda w: [], superuser_only, ""),
    ("wagtailusers_users:*", lambda w: [], superuser_only, ""),
    ("wagtailusers_groups:*", lambda w: [], superuser_only, ""),
]

# Patterns deliberately not requested, with the reason.
IGNORED = {
    "wagtailcore_login": "shadowed: /_util/login/ redirects to allauth (checked as '_util/login/')",
    "wagtailadmin_login": "shadowed: /admin/login/ redirects to allauth (checked as 'admin/login/')",
    "admin/test404/": "Wagtail's own 404 test view (renders the admin 404 page)",
    "wagtailadmin_error_test": "Wagtail's 'failwhale' view raises on purpose to test error reporting",
    "documents/authenticate_with_password/<int:restriction_id>/": "password-protected collections are not used",
    "wagtaildocs_authenticate_with_password": "password-protected collections are not used",
    "wagtailcore_authenticate_with_password": "password-protected pages are not used",
    "wagtailapi:*:find": "find-by-id redirects to detail, which is checked",
    "wagtailsettings:preview_on_edit": "no previewable settings model",
    "wagtaildocs:create_multiple_from_uploaded_document": "checked together with the other upload views",
    "wagtailimages:create_multiple_from_uploaded_image": "checked together with the other upload views",
    "wagtailadmin_pages:collect_workflow_action_data": "checked together with the other workflow views",
    "wagtaillocales:*": "Wagtail's locale screens, one viewset under Wagtail's locale permissions, which no "
    "project group holds (tests/languages/test_translation_admin.py)",
    "simple_translation:*": "Wagtail's 'Translate' needs simple_translation.submit_translation, which no project "
    "group holds (tests/languages/test_translation_admin.py)",
}


def ignored(key):
    return next((why for glob, why in IGNORED.items() if fnmatchcase(key, glob)), None)


def rule_for(key):
    """The first rule whose glob matches a pattern key (rules named "x@y" add cases only)."""
    for rule in RULES:
        if "@" not in rule[0] and (key == rule[0] or fnmatchcase(key, rule[0])):
            return rule
    return None


def _site(w):
    from wagtail.models import Site

    return Site.objects.get(is_default_site=True)


# Objects for URL arguments the explicit cases leave out: (namespace, argument) -> {variant: object}.
ARG_OBJECTS = {
    ("wagtailsnippets_academies_academy", "pk"): {"a": lambda w: w.academy_a, "b": lambda w: w.academy_b},
    ("wagtailsnippetchoosers_academies_academy", "pk"): {"a": lambda w: w.academy_a, "b": lambda w: w.academy_b},
    ("wagtailsnippets_resources_organisation", "pk"): {"a": "organisation", "b": "organisation_mp"},
    ("wagtailsnippetchoosers_resources_organisation", "pk"): {"a": "organisation", "b": "organisation_mp"},
    ("wagtailsnippets_certificates_certificatetemplate", "pk"): {"a": "template_a", "b": "template_b"},
    ("wagtailsnippetchoosers_certificates_certificatetemplate", "pk"): {"a": "template_a", "b": "template_b"},
    ("wagtailadmin_pages", "page_id"): {"a": "module_a", "b": "module_b"},
    ("wagtailsites", "pk"): {"": _site},
    ("wagtailusers_users", "pk"): {"": "learner_b"},
    ("wagtailusers_groups", "pk"): {"": lambda w: w.academy_b.editors_group},
    ("wagtailredirects", "redirect_id"): {"": "redirect"},
}
