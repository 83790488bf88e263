from .learning import Attempt, Enrolment, LessonProgress
from .pages import CourseIndexPage, CoursePage, CoursePageTopic, LessonPage, Question, ReviewAnswers, normalise_answer

__all__ = [
    "Attempt",
    "CourseIndexPage",
    "CoursePage",
    "CoursePageTopic",
    "Enrolment",
    "LessonPage",
    "LessonProgress",
    "Question",
    "ReviewAnswers",
    "normalise_answer",
]
