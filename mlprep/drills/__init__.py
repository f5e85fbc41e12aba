"""Drills: the catalogue of drill folders, their review schedule, and the one drill-sitting service
(open the task, grade, rate, schedule, hints) used by `mlprep drill`, `quiz --with-drills` and mocks.

Grading itself is delegated to `mlprep.sandbox`.
"""
