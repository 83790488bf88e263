"""Shared pieces of the admin's ModelViewSets."""

from django.urls import path


class ListingOnlyViewSetMixin:
    """A ModelViewSet that is a listing and nothing else (registers, learner lists, support records).

    Its rows are made and changed by the app's own services, so the viewset offers no add, edit,
    delete, history, usage, copy or inspect views, and its listing links to none of them.
    `index_path` is where the index lives under the viewset's prefix ("" or "<int:page_id>/rows/").
    """

    index_path = ""
    add_to_reference_index = False  # learner and money records: nothing refers to them from content
    copy_view_enabled = False
    inspect_view_enabled = False

    def get_common_view_kwargs(self, **kwargs):
        missing = ("add", "edit", "delete", "history", "usage", "copy", "inspect")
        return {**super().get_common_view_kwargs(**kwargs), **{f"{name}_url_name": None for name in missing}}

    def get_urlpatterns(self):
        return [
            path(self.index_path, self.index_view, name="index"),
            path(f"{self.index_path}results/", self.index_results_view, name="index_results"),
        ]
