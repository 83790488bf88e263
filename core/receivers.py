"""What makes cached public pages stale: each of these bumps the page-cache generation (core.cache)."""

from django.apps import apps
from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail import hooks
from wagtail.models import Page, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from .cache import bump_generation, bump_tags

# core.routing keeps the restricted pages (and the States they are restricted to) under the generation.
CORE_WATCHED_MODELS = ["wagtailcore.PageViewRestriction", "wagtailcore.Locale", "regions.State"]


def _bump(sender, **kwargs):
    bump_generation(f"{sender._meta.label if hasattr(sender, '_meta') else sender}")


def _bump_on_commit(sender, **kwargs):
    # After the transaction: a page rendered between the save and the commit would
    # otherwise be cached under the new generation with the old content.
    from django.db import transaction

    _bump(sender)
    transaction.on_commit(lambda: _bump(sender))


def _page_saved(sender, instance, created=False, update_fields=None, **kwargs):
    # A new page (add_child) or a full save of a live page changes what visitors see; a draft
    # (save_revision saves with update_fields) does not, and publishing sends page_published.
    if created or (update_fields is None and instance.live):
        _bump_on_commit(sender)


def page_cache_model_labels():
    """Labels of the models apps name with the "colloquium_page_cache_models" hook, and core's own."""
    labels = list(CORE_WATCHED_MODELS)
    for fn in hooks.get_hooks("colloquium_page_cache_models"):
        labels.extend(fn())
    return labels


def page_cache_tag_rules():
    """{label: fn(instance) -> tags} from the "colloquium_page_cache_tags" hook: models whose saves
    make stale only the pages that declared those tags (core.cache.depends_on). Several apps may
    name the same model: its saves then bump the tags of every one of them."""
    found = {}
    for fn in hooks.get_hooks("colloquium_page_cache_tags"):
        for label, tags_of in fn().items():
            found.setdefault(label, []).append(tags_of)
    return {label: _all_tags(functions) for label, functions in found.items()}


def _all_tags(functions):
    if len(functions) == 1:
        return functions[0]
    return lambda instance: [tag for tags_of in functions for tag in tags_of(instance)]


def _tag_bumper(tags_of):
    def bump(sender, instance, **kwargs):
        from django.db import transaction

        tags = list(tags_of(instance))
        if tags:
            bump_tags(*tags)
            transaction.on_commit(lambda: bump_tags(*tags))  # as _bump_on_commit: after the commit too

    return bump


def _models_to_watch():
    """Page types, sites, Wagtail settings, images, documents and the page_cache_model_labels()."""
    from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting

    watched = []
    for model in apps.get_models():
        if issubclass(model, Page | BaseSiteSetting | BaseGenericSetting) or model is Site:
            watched.append(model)
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model

    watched += [get_image_model(), get_document_model()]
    for label in page_cache_model_labels():
        try:
            watched.append(apps.get_model(label))
        except LookupError:
            continue  # an app not installed in this configuration
    return watched


def connect():
    """Connect the page-cache receivers. Called from CoreConfig.ready: every model is loaded, and
    reading the hooks imports every app's wagtail_hooks module first, so all are registered."""
    page_published.connect(_bump_on_commit, dispatch_uid="core.pagecache.published")
    page_unpublished.connect(_bump_on_commit, dispatch_uid="core.pagecache.unpublished")
    post_page_move.connect(_bump_on_commit, dispatch_uid="core.pagecache.moved")
    for model in _models_to_watch():
        uid = f"core.pagecache.{model._meta.label_lower}"
        post_delete.connect(_bump_on_commit, sender=model, dispatch_uid=f"{uid}.delete")
        if issubclass(model, Page):
            post_save.connect(_page_saved, sender=model, dispatch_uid=f"{uid}.page_save")
        else:
            post_save.connect(_bump_on_commit, sender=model, dispatch_uid=f"{uid}.save")
            for field in model._meta.many_to_many:
                through = field.remote_field.through
                m2m_changed.connect(_bump_on_commit, sender=through, dispatch_uid=f"{uid}.m2m.{field.name}")
    for label, tags_of in page_cache_tag_rules().items():
        try:
            model = apps.get_model(label)
        except LookupError:
            continue
        bump = _tag_bumper(tags_of)
        uid = f"core.pagecache.tags.{model._meta.label_lower}"
        post_save.connect(bump, sender=model, weak=False, dispatch_uid=f"{uid}.save")
        post_delete.connect(bump, sender=model, weak=False, dispatch_uid=f"{uid}.delete")
