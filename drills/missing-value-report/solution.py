"""Missing-value report: isnull().sum() per column, as counts and percentages."""

import pandas as pd


def missing_report(df):
    """Missing values per column of df: count and percent of rows, most missing first."""
    # isnull() flags NaN, None and NaT in every dtype; summing booleans counts the True cells.
    missing = df.isnull().sum()
    report = pd.DataFrame({"missing": missing, "percent": 100 * missing / len(df)})
    # Sort by name first, then by count with a stable sort: tied columns stay in name order.
    return report.sort_index().sort_values("missing", ascending=False, kind="stable")
