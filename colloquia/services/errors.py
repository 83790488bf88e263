"""The refusal every service raises when the rules do not allow an action."""


class Refused(Exception):
    """An action the rules do not allow; `str(error)` is the reason in plain words."""
