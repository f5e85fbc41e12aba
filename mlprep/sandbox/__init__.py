"""The only code that runs user code.

`grader` (trusted, in the CLI's process) starts pytest with `plugin` on a drill's hidden suite; the
plugin starts `worker`, which imports the submission; `wire` is the plain-data format between them.
`plugin`, `worker` and `wire` import nothing from mlprep but each other and `mlprep.drillkit`.
"""
