"""core.pagination: one page of a listing, the links around it, and its cost."""

import pytest
from django.http import QueryDict

from core.pagination import paginate


def test_links_keep_every_parameter_but_the_page_and_leave_blank_ones_out():
    params = QueryDict("q=child+marriage&state=JH&kind=&topic=a&topic=b&page=3")
    pagination = paginate(list(range(100)), params, 10, path="/library/")
    assert pagination.number == 3 and pagination.num_pages == 10 and pagination.count == 100
    assert pagination.items == list(range(20, 30))
    assert (pagination.start_index, pagination.end_index) == (21, 30)
    assert pagination.previous_url == "/library/?q=child+marriage&state=JH&topic=a&topic=b&page=2"
    assert pagination.next_url == "/library/?q=child+marriage&state=JH&topic=a&topic=b&page=4"


def test_the_first_page_has_the_listings_own_address():
    pagination = paginate(list(range(30)), QueryDict("page=2"), 10, path="/colloquia/")
    assert pagination.previous_url == "/colloquia/"
    assert paginate(list(range(30)), QueryDict("page=2&state=JH"), 10, path="/c/").previous_url == "/c/?state=JH"


def test_the_page_list_marks_the_current_page_and_elides_the_middle():
    pagination = paginate(list(range(200)), QueryDict("page=10"), 10, path="/x/")
    numbers = [link.number for link in pagination.links]
    assert numbers == [1, None, 8, 9, 10, 11, 12, None, 20]
    assert [link.number for link in pagination.links if link.current] == [10]
    assert pagination.links[0].url == "/x/" and pagination.links[-1].url == "/x/?page=20"


@pytest.mark.parametrize(
    ("page", "shown"),
    [("", 1), ("abc", 1), ("1.5", 1), ("²", 1), ("9" * 5000, 1), ("0", 3), ("-3", 3), ("4", 3), ("99999999999", 3)],
)
def test_a_page_number_that_is_not_one_shows_the_first_or_last_page(page, shown):
    """Not a whole number: the first page; a whole number outside the pages: the last (Paginator.get_page)."""
    pagination = paginate(list(range(25)), QueryDict(f"page={page}"), 10)
    assert pagination.number == shown


def test_one_page_has_no_neighbours():
    pagination = paginate([1, 2], QueryDict(), 10, path="/x/")
    assert not pagination.has_other_pages and pagination.previous_url == "" and pagination.next_url == ""
    empty = paginate([], QueryDict(), 10, path="/x/")
    assert empty.count == 0 and empty.items == [] and not empty.has_other_pages


@pytest.mark.django_db
def test_a_queryset_costs_a_count_and_one_page_of_rows(django_assert_num_queries):
    from regions.models import State

    with django_assert_num_queries(2):
        pagination = paginate(State.objects.order_by("name"), QueryDict("page=2"), 5)
        assert len(pagination.items) == 5 and pagination.num_pages > 2
    assert pagination.count == State.objects.count()
