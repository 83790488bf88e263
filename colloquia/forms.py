"""Forms: the admin page form that checks an agenda, and the registrar's forms."""

import csv
import io

from django import forms
from django.apps import apps
from django.core.validators import validate_email
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.editing import PublishSafePageForm

ARCHIVE_SLUG = "archive"  # ColloquiumIndexPage's `archive/` route


def _day(value, fmt="d M Y"):
    """A date in the active language's month names ("05 Mar 2026")."""
    return date_format(value, fmt)


def _when(data):
    return f"{_day(data['date'])}, {data['start_time']:%H:%M}–{data['end_time']:%H:%M}"


class ColloquiumPageForm(PublishSafePageForm):
    """Refuses an agenda that cannot happen: overlaps, sessions that end before they start, or outside the event."""

    def clean(self):
        cleaned = super().clean()
        self._clean_slug(cleaned.get("slug"))
        start, end = cleaned.get("start_date"), cleaned.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", _("The event cannot end before it starts."))
            start = end = None
        decisions_by = cleaned.get("decisions_by")
        if decisions_by and end and decisions_by > end:
            self.add_error("decisions_by", _("Decisions must be made by the last day of the event."))
        if cleaned.get("amount_sanctioned") and not cleaned.get("mha_supported"):
            self.add_error("mha_supported", _("An amount is sanctioned: tick “supported under the MHA scheme” too."))
        rule = cleaned.get("certificate_rule")
        if rule == "min_sessions" and not cleaned.get("certificate_min_sessions"):
            self.add_error("certificate_min_sessions", _("Say how many sessions a participant must attend."))
        if rule == "min_hours" and not cleaned.get("certificate_min_hours"):
            self.add_error("certificate_min_hours", _("Say how many hours a participant must attend."))
        self._clean_audience()
        self._clean_days(start, end)
        self._clean_sessions(start, end)
        return cleaned

    def _clean_slug(self, slug):
        # The calendar page's own route: an event with this slug would never be shown.
        current = self.instance.slug if self.instance.pk else None
        if slug == ARCHIVE_SLUG and slug != current:
            self.add_error(
                "slug",
                _("“%(slug)s” is the address of the calendar's past events. Choose another slug.")
                % {"slug": ARCHIVE_SLUG},
            )

    def _live_forms(self, name):
        formset = self.formsets.get(name)
        if formset is None:
            return [], []
        formset.is_valid()
        kept, deleted = [], []
        for form in formset.forms:
            if not hasattr(form, "cleaned_data") or not form.has_changed() and not form.instance.pk:
                continue
            (deleted if formset._should_delete_form(form) else kept).append(form)
        return kept, deleted

    def _clean_audience(self):
        kept, _ = self._live_forms("audience")
        seen = set()
        for form in kept:
            category = form.cleaned_data.get("category")
            if category in seen:
                label = dict(form.fields["category"].choices).get(category, category)
                form.add_error("category", _("This category is listed twice."))
                self.add_error(
                    None, _("“%(category)s” is listed twice under audience and places.") % {"category": label}
                )
            seen.add(category)

    def _clean_days(self, start, end):
        kept, _ = self._live_forms("agenda_days")
        seen = set()
        for form in kept:
            day = form.cleaned_data.get("date")
            if not day:
                continue
            if start and end and not start <= day <= end:
                form.add_error(
                    "date",
                    _("%(day)s is outside the event (%(start)s to %(end)s).")
                    % {"day": _day(day), "start": _day(start, "d M"), "end": _day(end)},
                )
                self.add_error(None, _("Agenda day %(day)s is outside the event's dates.") % {"day": _day(day)})
            if day in seen:
                form.add_error("date", _("This day is listed twice."))
                self.add_error(None, _("Agenda day %(day)s is listed twice.") % {"day": _day(day)})
            seen.add(day)

    def _clean_sessions(self, start, end):
        kept, deleted = self._live_forms("sessions")
        Attendance = apps.get_model("colloquia", "Attendance")
        deleted_pks = [form.instance.pk for form in deleted if form.instance.pk]
        if deleted_pks:
            for session in {a.session for a in Attendance.objects.filter(session_id__in=deleted_pks)}:
                self.add_error(
                    None,
                    _(
                        "“%(session)s” has attendance recorded, so it cannot be removed. "
                        "Change its details instead, or ask the registrar."
                    )
                    % {"session": session.title},
                )
        timed = []
        for form in kept:
            data = form.cleaned_data
            if data.get("meeting_link") and data.get("mode") == "in_person":
                message = _(
                    "“%(session)s” is in person only: choose “Online” or "
                    "“In person and online” for a meeting link, or remove the link."
                ) % {"session": data.get("title") or _("Untitled session")}
                form.add_error("meeting_link", message)
                self.add_error(None, message)
            if not all(data.get(key) for key in ("date", "start_time", "end_time")):
                continue
            title = data.get("title") or _("Untitled session")
            if data["end_time"] <= data["start_time"]:
                message = _("“%(session)s” ends (%(end)s) before it starts (%(start)s).") % {
                    "session": title,
                    "end": f"{data['end_time']:%H:%M}",
                    "start": f"{data['start_time']:%H:%M}",
                }
                form.add_error("end_time", message)
                self.add_error(None, message)
                continue
            if start and end and not start <= data["date"] <= end:
                message = _("“%(session)s” is on %(day)s, outside the event (%(start)s to %(end)s).") % {
                    "session": title,
                    "day": _day(data["date"]),
                    "start": _day(start, "d M"),
                    "end": _day(end),
                }
                form.add_error("date", message)
                self.add_error(None, message)
                continue
            timed.append((data["date"], data["start_time"], data["end_time"], title, form, data))
        timed.sort(key=lambda item: item[:3])
        for previous, current in zip(timed, timed[1:], strict=False):
            if previous[0] == current[0] and current[1] < previous[2]:
                message = _("“%(session)s” (%(when)s) overlaps “%(other)s” (%(other_when)s).") % {
                    "session": current[3],
                    "when": _when(current[5]),
                    "other": previous[3],
                    "other_when": _when(previous[5]),
                }
                current[4].add_error("start_time", message)
                self.add_error(None, message)


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(choices=[("approve", gettext_lazy("Approve")), ("reject", gettext_lazy("Reject"))])
    note = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 2}), max_length=1000)


class OverrideForm(forms.Form):
    eligible = forms.ChoiceField(
        label=gettext_lazy("Certificate eligibility"),
        choices=[
            ("", gettext_lazy("As computed from attendance")),
            ("yes", gettext_lazy("Eligible")),
            ("no", gettext_lazy("Not eligible")),
        ],
        required=False,
    )
    reason = forms.CharField(
        label=gettext_lazy("Reason (required for an override)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("eligible") and not (cleaned.get("reason") or "").strip():
            self.add_error("reason", _("Write why you are overriding the computed eligibility; it is recorded."))
        return cleaned


NOMINATION_COLUMNS = ["name", "email", "designation", "category", "nominating_office"]
MAX_NOMINATION_ROWS = 500


class NominationUploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("CSV file"),
        help_text=gettext_lazy(
            "Columns: name, email, designation, category, nominating_office. Categories: "
            "hc_judge, district_judge, judicial_officer, prosecutor, police, cso."
        ),
    )

    def __init__(self, *args, page=None, **kwargs):
        self.page = page
        super().__init__(*args, **kwargs)

    def clean_file(self):
        """Parse and check every row; on any error nothing is imported and every bad row is reported."""
        upload = self.cleaned_data["file"]
        if upload.size > 1024 * 1024:
            raise forms.ValidationError(_("The file is larger than 1 MB."))
        try:
            text = upload.read().decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise forms.ValidationError(
                _("The file is not UTF-8 text. Save it as “CSV UTF-8” and try again.")
            ) from error
        reader = csv.DictReader(io.StringIO(text))
        header = [(name or "").strip().lower() for name in (reader.fieldnames or [])]
        missing = [column for column in NOMINATION_COLUMNS if column not in header]
        if missing:
            raise forms.ValidationError(
                _("The first row must name the columns; missing: %(columns)s.") % {"columns": ", ".join(missing)}
            )
        reader.fieldnames = header
        Category = apps.get_model("colloquia", "Registration")._meta.get_field("category")
        categories = dict(Category.choices)
        allowed = set(self.page.audience_roles()) if self.page else set(categories)
        existing = set()
        if self.page:
            existing = {e.lower() for e in self.page.registrations.values_list("email", flat=True)}
        rows, errors, seen = [], [], set()
        for number, raw in enumerate(reader, start=2):
            row = {key: (raw.get(key) or "").strip() for key in NOMINATION_COLUMNS}
            if not any(row.values()):
                continue
            problems = []
            if not row["name"]:
                problems.append(_("name is empty"))
            email = row["email"].lower()
            try:
                validate_email(email)
            except forms.ValidationError:
                problems.append(_("“%(email)s” is not an email address") % {"email": row["email"]})
            else:
                if email in seen:
                    problems.append(_("%(email)s appears twice in the file") % {"email": email})
                elif email in existing:
                    problems.append(_("%(email)s is already registered or invited") % {"email": email})
            seen.add(email)
            if row["category"] not in categories:
                problems.append(
                    _("category “%(category)s” is not one of %(categories)s")
                    % {"category": row["category"], "categories": ", ".join(categories)}
                )
            elif row["category"] not in allowed:
                problems.append(
                    _("category “%(category)s” is not in this event's audience")
                    % {"category": categories[row["category"]]}
                )
            if not row["nominating_office"]:
                problems.append(_("nominating court or office is empty"))
            if problems:
                errors.append(_("Row %(number)s: %(problems)s.") % {"number": number, "problems": "; ".join(problems)})
            row["email"] = email
            rows.append(row)
        if len(rows) > MAX_NOMINATION_ROWS:
            raise forms.ValidationError(_("At most %(count)s nominees per file.") % {"count": MAX_NOMINATION_ROWS})
        if not rows and not errors:
            raise forms.ValidationError(_("The file has no nominees."))
        if errors:
            raise forms.ValidationError(
                [_("Nothing was imported. Correct these rows and upload the file again."), *errors]
            )
        return rows
