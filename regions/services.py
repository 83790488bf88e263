"""Public functions of the regions app."""

from core.cache import memoize

from .models import HighCourt, State


def load_reference_data(state_model=State, high_court_model=HighCourt):
    """Create or update the 36 States/UTs and 25 High Courts. Idempotent.

    The model classes are parameters so the data migration can pass its
    historical models.
    """
    from .data import HIGH_COURTS, STATES

    states = {}
    for code, name, is_ut in STATES:
        states[code], _ = state_model.objects.update_or_create(
            code=code, defaults={"name": name, "is_union_territory": is_ut}
        )
    for code, name, seat, benches, state_codes in HIGH_COURTS:
        court, _ = high_court_model.objects.update_or_create(
            code=code, defaults={"name": name, "principal_seat": seat, "benches": benches}
        )
        court.states.set([states[c] for c in state_codes])


def states_by_name():
    """Every State and UT in name order, for filters; kept under the content generation (core.cache)."""
    return memoize("regions.states", lambda: list(State.objects.order_by("name")))
