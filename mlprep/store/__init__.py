"""The local SQLite store: connection, migrations, every SQL statement, backup and restore."""
