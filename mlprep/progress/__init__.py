"""What the user has done: statistics, export and the HTML report (read-only over the store)."""
