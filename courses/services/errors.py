"""The exceptions the courses rules raise: each message is written for the person who tried the action."""


class CoursesError(Exception):
    """A rule stopped the action; the message is written for the person who tried it."""


class QuizError(CoursesError):
    pass


class EnrolmentRefused(CoursesError):
    def __init__(self, reasons):
        self.reasons = list(reasons)
        super().__init__(" ".join(self.reasons))
