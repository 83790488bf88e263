"""Forms: the admin page form that checks an agenda, and the registrar's forms."""

import csv
import io

from django import forms
from django.apps import apps
from django.core.validators import validate_email

from core.editing import PublishSafePageForm

ARCHIVE_SLUG = "archive"  # ColloquiumIndexPage's `archive/` route


def _when(data):
    return f"{data['date']:%d %b %Y}, {data['start_time']:%H:%M}–{data['end_time']:%H:%M}"


class ColloquiumPageForm(PublishSafePageForm):
    """Refuses an agenda that cannot happen: overlaps, sessions that end before they start, or outside the event."""

    def clean(self):
        cleaned = super().clean()
        self._clean_slug(cleaned.get("slug"))
        start, end = cleaned.get("start_date"), cleaned.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", "The event cannot end before it starts.")
            start = end = None
        decisions_by = cleaned.get("decisions_by")
        if decisions_by and end and decisions_by > end:
            self.add_error("decisions_by", "Decisions must be made by the last day of the event.")
        if cleaned.get("amount_sanctioned") and not cleaned.get("mha_supported"):
            self.add_error("mha_supported", "An amount is sanctioned: tick “supported under the MHA scheme” too.")
        rule = cleaned.get("certificate_rule")
        if rule == "min_sessions" and not cleaned.get("certificate_min_sessions"):
            self.add_error("certificate_min_sessions", "Say how many sessions a participant must attend.")
        if rule == "min_hours" and not cleaned.get("certificate_min_hours"):
            self.add_error("certificate_min_hours", "Say how many hours a participant must attend.")
        self._clean_audience()
        self._clean_days(start, end)
        self._clean_sessions(start, end)
        return cleaned

    def _clean_slug(self, slug):
        # The calendar page's own route: an event with this slug would never be shown.
        current = self.instance.slug if self.instance.pk else None
        if slug == ARCHIVE_SLUG and slug != current:
            self.add_error(
                "slug", f"“{ARCHIVE_SLUG}” is the address of the calendar's past events. Choose another slug."
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
                form.add_error("category", "This category is listed twice.")
                self.add_error(None, f"“{label}” is listed twice under audience and places.")
            seen.add(category)

    def _clean_days(self, start, end):
        kept, _ = self._live_forms("agenda_days")
        seen = set()
        for form in kept:
            day = form.cleaned_data.get("date")
            if not day:
                continue
            if start and end and not start <= day <= end:
                form.add_error("date", f"{day:%d %b %Y} is outside the event ({start:%d %b} to {end:%d %b %Y}).")
                self.add_error(None, f"Agenda day {day:%d %b %Y} is outside the event's dates.")
            if day in seen:
                form.add_error("date", "This day is listed twice.")
                self.add_error(None, f"Agenda day {day:%d %b %Y} is listed twice.")
            seen.add(day)

    def _clean_sessions(self, start, end):
        kept, deleted = self._live_forms("sessions")
        Attendance = apps.get_model("colloquia", "Attendance")
        deleted_pks = [form.instance.pk for form in deleted if form.instance.pk]
        if deleted_pks:
            for session in {a.session for a in Attendance.objects.filter(session_id__in=deleted_pks)}:
                self.add_error(
                    None,
                    f"“{session.title}” has attendance recorded, so it cannot be removed. "
                    "Change its details instead, or ask the registrar.",
                )
        timed = []
        for form in kept:
            data = form.cleaned_data
            if data.get("meeting_link") and data.get("mode") == "in_person":
                message = (
                    f"“{data.get('title') or 'Untitled session'}” is in person only: choose “Online” or "
                    "“In person and online” for a meeting link, or remove the link."
                )
                form.add_error("meeting_link", message)
                self.add_error(None, message)
            if not all(data.get(key) for key in ("date", "start_time", "end_time")):
                continue
            title = data.get("title") or "Untitled session"
            if data["end_time"] <= data["start_time"]:
                message = f"“{title}” ends ({data['end_time']:%H:%M}) before it starts ({data['start_time']:%H:%M})."
                form.add_error("end_time", message)
                self.add_error(None, message)
                continue
            if start and end and not start <= data["date"] <= end:
                message = (
                    f"“{title}” is on {data['date']:%d %b %Y}, outside the event ({start:%d %b} to {end:%d %b %Y})."
                )
                form.add_error("date", message)
                self.add_error(None, message)
                continue
            timed.append((data["date"], data["start_time"], data["end_time"], title, form, data))
        timed.sort(key=lambda item: item[:3])
        for previous, current in zip(timed, timed[1:], strict=False):
            if previous[0] == current[0] and current[1] < previous[2]:
                message = f"“{current[3]}” ({_when(current[5])}) overlaps “{previous[3]}” ({_when(previous[5])})."
                current[4].add_error("start_time", message)
                self.add_error(None, message)


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(choices=[("approve", "Approve"), ("reject", "Reject")])
    note = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 2}), max_length=1000)


class OverrideForm(forms.Form):
    eligible = forms.ChoiceField(
        label="Certificate eligibility",
        choices=[("", "As computed from attendance"), ("yes", "Eligible"), ("no", "Not eligible")],
        required=False,
    )
    reason = forms.CharField(
        label="Reason (required for an override)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("eligible") and not (cleaned.get("reason") or "").strip():
            self.add_error("reason", "Write why you are overriding the computed eligibility; it is recorded.")
        return cleaned


NOMINATION_COLUMNS = ["name", "email", "designation", "category", "nominating_office"]
MAX_NOMINATION_ROWS = 500


class NominationUploadForm(forms.Form):
    file = forms.FileField(
        label="CSV file",
        help_text="Columns: name, email, designation, category, nominating_office. Categories: "
        "hc_judge, district_judge, judicial_officer, prosecutor, police, cso.",
    )

    def __init__(self, *args, page=None, **kwargs):
        self.page = page
        super().__init__(*args, **kwargs)

    def clean_file(self):
        """Parse and check every row; on any error nothing is imported and every bad row is reported."""
        upload = self.cleaned_data["file"]
        if upload.size > 1024 * 1024:
            raise forms.ValidationError("The file is larger than 1 MB.")
        try:
            text = upload.read().decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise forms.ValidationError("The file is not UTF-8 text. Save it as “CSV UTF-8” and try again.") from error
        reader = csv.DictReader(io.StringIO(text))
        header = [(name or "").strip().lower() for name in (reader.fieldnames or [])]
        missing = [column for column in NOMINATION_COLUMNS if column not in header]
        if missing:
            raise forms.ValidationError(f"The first row must name the columns; missing: {', '.join(missing)}.")
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
                problems.append("name is empty")
            email = row["email"].lower()
            try:
                validate_email(email)
            except forms.ValidationError:
                problems.append(f"“{row['email']}” is not an email address")
            else:
                if email in seen:
                    problems.append(f"{email} appears twice in the file")
                elif email in existing:
                    problems.append(f"{email} is already registered or invited")
            seen.add(email)
            if row["category"] not in categories:
                problems.append(f"category “{row['category']}” is not one of {', '.join(categories)}")
            elif row["category"] not in allowed:
                problems.append(f"category “{categories[row['category']]}” is not in this event's audience")
            if not row["nominating_office"]:
                problems.append("nominating court or office is empty")
            if problems:
                errors.append(f"Row {number}: {'; '.join(problems)}.")
            row["email"] = email
            rows.append(row)
        if len(rows) > MAX_NOMINATION_ROWS:
            raise forms.ValidationError(f"At most {MAX_NOMINATION_ROWS} nominees per file.")
        if not rows and not errors:
            raise forms.ValidationError("The file has no nominees.")
        if errors:
            raise forms.ValidationError(
                ["Nothing was imported. Correct these rows and upload the file again.", *errors]
            )
        return rows
