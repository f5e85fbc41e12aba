"""The commands, one module per group; each adds its commands to the app with `register(app)`.

A command module imports only typer at the top; what a command needs is imported when it runs, so
`mlprep --help` stays fast.
"""
