"""A Wagtail permission policy that adds academy scoping to model permissions.

Wagtail's snippet views ask the policy both for lists and for single objects; a
`get_queryset` override alone scopes only the list. This policy answers both from
one `scope(user, queryset)` function.
"""

from functools import wraps

from django.contrib.admin.utils import unquote
from django.http import Http404
from wagtail.permission_policies.base import ModelPermissionPolicy

from accounts.audit import log_refusal

from .services import acts_for_all


class AcademyScopedPermissionPolicy(ModelPermissionPolicy):
    def __init__(self, model, scope):
        super().__init__(model)
        self.scope = scope

    def _scoped(self, user, queryset):
        return queryset if acts_for_all(user) else self.scope(user, queryset)

    def user_has_permission_for_instance(self, user, action, instance):
        if not self.user_has_permission(user, action):
            return False
        if action == "add" or acts_for_all(user):
            return True
        return self._scoped(user, self.model._default_manager.filter(pk=instance.pk)).exists()

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return self.model._default_manager.none()
        return self._scoped(user, self.model._default_manager.all())


class AcademyScopedViewSetMixin:
    """For a (snippet) viewset: every view of a single object answers 404 out of scope.

    Wagtail's object views load the object by primary key without asking the permission
    policy about that instance, so the check wraps each URL that carries a `pk`.
    """

    def get_urlpatterns(self):
        patterns = super().get_urlpatterns()
        for pattern in patterns:
            if "pk" in pattern.pattern.converters:
                pattern.callback = self._within_scope(pattern.callback)
        return patterns

    def _within_scope(self, view):
        @wraps(view)
        def scoped_view(request, *args, **kwargs):
            instance = self.model._default_manager.filter(pk=unquote(str(kwargs["pk"]))).first()
            if instance is not None and not self.permission_policy.user_has_any_permission_for_instance(
                request.user, ["change", "view", "delete"], instance
            ):
                log_refusal(request, f"{self.model._meta.label} {instance.pk}", "outside the user's academies")
                raise Http404
            return view(request, *args, **kwargs)

        return scoped_view
