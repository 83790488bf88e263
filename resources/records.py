"""Organisations, their members, and the resources they share.

A `Resource` is the lasting identity of one piece of material; each submission
or edit is a `ResourceVersion`, moderated on its own. `Resource.live_version`
points at the approved version the public sees; a newer version waits for
moderation beside it, so the approved one stays public until the new one is
approved. Every decision is a `ModerationDecision` row (and an audit-log entry).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.search import index

from regions.models import State

from .choices import Audience, Decision, Language, Licence, ResourceType, Status, TargetMode
from .storage import private_storage, random_storage_name


class Organisation(index.Indexed, ClusterableModel):
    """A civil society organisation. Only members of a verified one may upload."""

    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=200, unique=True, editable=False)
    registration_number = models.CharField(
        max_length=80, blank=True, help_text=_("Society, trust or Section 8 company registration number.")
    )
    state = models.ForeignKey(State, on_delete=models.PROTECT, related_name="+", verbose_name=_("State/UT"))
    website = models.URLField(blank=True)
    contact_email = models.EmailField(blank=True)
    contact_phone = models.CharField(max_length=40, blank=True)
    about = models.TextField(blank=True, help_text=_("Plain text, shown on the organisation's page."))
    verified = models.BooleanField(
        default=False, help_text=_("Tick once academy staff have checked the registration. Members may then upload.")
    )
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )
    verified_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("registration_number"),
        FieldPanel("state"),
        MultiFieldPanel(
            [FieldPanel("website"), FieldPanel("contact_email"), FieldPanel("contact_phone")], heading=_("Contact")
        ),
        FieldPanel("about"),
        FieldPanel("verified"),
        InlinePanel("members", heading=_("Members"), label=_("Member")),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            base = slugify(self.name)[:180] or "organisation"
            slug, n = base, 1
            while Organisation.objects.filter(slug=slug).exclude(pk=self.pk).exists():
                n += 1
                slug = f"{base}-{n}"
            self.slug = slug
        super().save(*args, **kwargs)


class OrganisationMember(models.Model):
    """A CSO member account belongs to exactly one organisation."""

    organisation = ParentalKey(Organisation, on_delete=models.CASCADE, related_name="members")
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="cso_membership")
    added_at = models.DateTimeField(auto_now_add=True)

    panels = [FieldPanel("user")]

    def __str__(self):
        return f"{self.user} ({self.organisation})"


class Topic(models.Model):
    """A form of exploitation or a legal topic (fixed list, seeded by migration)."""

    code = models.SlugField(max_length=40, unique=True)
    name = models.CharField(max_length=80)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "name"]

    def __str__(self):
        return self.name


class ResourceQuerySet(models.QuerySet):
    def public(self):
        return self.filter(live_version__isnull=False, organisation__verified=True)

    def with_live(self):
        # The cards read the topics and States of a whole page at once (resources.display.library_cards).
        return self.select_related("live_version", "organisation")


class Resource(models.Model):
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="resources")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    live_version = models.OneToOneField(
        "ResourceVersion", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    latest_version = models.OneToOneField(
        "ResourceVersion", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    published_at = models.DateTimeField(null=True, blank=True)

    objects = ResourceQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-pk"]
        # The library lists resources in this order a page at a time: the database reads one page's
        # rows from the index instead of sorting every public resource for each page.
        indexes = [models.Index(fields=["-published_at", "-id"], name="resource_library_order")]

    def __str__(self):
        version = self.live_version or self.latest_version
        return version.title if version else f"Resource {self.pk}"

    @property
    def slug(self):
        version = self.live_version or self.latest_version
        return slugify(version.title)[:60] or "resource" if version else "resource"

    def get_url(self, index_page):
        """The resource's address under the library page `index_page` ("" without one)."""
        if index_page is None:
            return ""
        return index_page.url + index_page.reverse_subpage("detail", kwargs={"pk": self.pk, "slug": self.slug})


class ResourceVersion(models.Model):
    """One submission or edit of a resource, with everything the CSO typed."""

    resource = models.ForeignKey(Resource, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.PENDING)

    title = models.CharField(max_length=200)
    summary = models.TextField(max_length=600, help_text=_("Two or three plain sentences."))
    description = models.TextField(
        blank=True, help_text=_("Stored as cleaned HTML (core.html.clean_html); cleaned again when shown.")
    )
    topics = models.ManyToManyField(Topic, related_name="versions")
    resource_type = models.CharField(max_length=20, choices=ResourceType.choices)
    language = models.CharField(max_length=10, choices=Language.choices, default=Language.ENGLISH)
    states = models.ManyToManyField(State, blank=True, related_name="+", verbose_name=_("States/UTs it concerns"))
    audience = models.CharField(max_length=20, choices=Audience.choices, default=Audience.ALL)
    licence = models.CharField(max_length=30, choices=Licence.choices)
    author_source = models.CharField(_("author or source"), max_length=200)
    content_note = models.BooleanField(
        default=False, help_text=_("Describes abuse or exploitation in detail that some readers may find distressing.")
    )
    target_mode = models.CharField(max_length=10, choices=TargetMode.choices, default=TargetMode.STATES)
    target_academies = models.ManyToManyField(
        "academies.Academy", related_name="+", help_text=_("The academies whose moderators review this version.")
    )

    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    submitted_at = models.DateTimeField(auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    moderator_note = models.TextField(blank=True)

    class Meta:
        ordering = ["resource", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["resource", "number"], name="resources_version_number_unique"),
            models.CheckConstraint(
                condition=Q(status__in=["pending", "superseded"]) | Q(decided_at__isnull=False),
                name="resources_decided_has_time",
            ),
        ]

    def __str__(self):
        return f"{self.title} (v{self.number}, {self.get_status_display()})"

    @property
    def is_open(self):
        return self.status == Status.PENDING


class ResourceFile(models.Model):
    """A checked file of one version, stored under a random private name."""

    version = models.ForeignKey(ResourceVersion, on_delete=models.CASCADE, related_name="files")
    file = models.FileField(storage=private_storage, upload_to=random_storage_name, max_length=200)
    original_name = models.CharField(max_length=120, help_text=_("The sanitised name the user gave the file."))
    content_type = models.CharField(max_length=120, help_text=_("Detected from the content, never from the browser."))
    kind = models.CharField(max_length=10)
    size = models.PositiveBigIntegerField()
    sha256 = models.CharField(max_length=64)

    class Meta:
        ordering = ["pk"]

    def __str__(self):
        return self.original_name

    def get_absolute_url(self):
        return reverse("resources:download", kwargs={"pk": self.pk, "name": self.original_name})

    @property
    def inline(self):
        return self.kind in {"pdf", "png", "jpeg"}


class ModerationDecision(models.Model):
    """The history: one row for every decision on every version."""

    version = models.ForeignKey(ResourceVersion, on_delete=models.CASCADE, related_name="decisions")
    decision = models.CharField(max_length=10, choices=Decision.choices)
    note = models.TextField(blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    decided_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-decided_at", "-pk"]
        constraints = [
            # A version is decided once; a second decision is refused by services.decide
            # and, if it races past that check, by the database.
            models.UniqueConstraint(fields=["version"], name="resources_one_decision_per_version"),
        ]

    def __str__(self):
        return f"{self.get_decision_display()} by {self.decided_by} on {self.decided_at:%d %b %Y}"
