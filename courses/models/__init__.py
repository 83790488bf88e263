from ..questions import Question, ReviewAnswers, normalise_answer
from ..records import Attempt, Enrolment, LessonProgress
from .pages import LESSON_LIST_FIELDS, CourseIndexPage, CoursePage, CoursePageTopic, LessonPage

__all__ = [
    "LESSON_LIST_FIELDS",
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
