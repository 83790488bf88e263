import pytest

from tests.courses.conftest import make_index, make_module


@pytest.fixture
def module(academy):
    return make_module(make_index(academy.page, slug="jsja-modules", title="JSJA modules"))
