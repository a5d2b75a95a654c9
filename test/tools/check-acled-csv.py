"""Reads a Sitrep acled-csv export the way an ACLED user's script would and checks it.

Usage: check-acled-csv.py EXPORT.csv PUBLISHED_COLUMNS.csv
Prints one JSON object: the reader used, the columns and the dtypes. Exits 1 with a message when
a check fails. With pandas it checks pandas' dtypes; without pandas (not installable offline) it
falls back to the csv module and checks that the numeric columns parse as numbers.
"""
import csv
import json
import sys

export_path, columns_path = sys.argv[1], sys.argv[2]
with open(columns_path, encoding="utf-8") as f:
    published = f.read().strip().split(",")

# Columns ACLED files hold as integers and floats; always filled in a Sitrep export of dated,
# located events (the test exports only those).
INTEGERS = ["year", "time_precision", "iso", "geo_precision", "fatalities", "timestamp"]
FLOATS = ["latitude", "longitude"]
TEXT = ["event_id_cnty", "disorder_type", "event_type", "sub_event_type", "actor1", "region", "country", "location", "source"]


def fail(message):
    print(message, file=sys.stderr)
    sys.exit(1)


try:
    import pandas as pd
except ImportError:
    pd = None

if pd is not None:
    frame = pd.read_csv(export_path)
    columns = list(frame.columns)
    dtypes = {c: str(frame[c].dtype) for c in columns[: len(published)]}
    for c in INTEGERS:
        if not str(frame[c].dtype).startswith("int"):
            fail(f"{c}: dtype {frame[c].dtype}, expected an integer dtype")
    for c in FLOATS:
        if str(frame[c].dtype) != "float64":
            fail(f"{c}: dtype {frame[c].dtype}, expected float64")
    for c in TEXT:
        if frame[c].isna().any():
            fail(f"{c}: empty cells")
    reader = f"pandas {pd.__version__}"
    rows = len(frame)
else:
    with open(export_path, encoding="utf-8", newline="") as f:
        records = list(csv.DictReader(f))
        columns = list(records[0].keys()) if records else []
    for r in records:
        for c in INTEGERS:
            int(r[c])
        for c in FLOATS:
            float(r[c])
        for c in TEXT:
            if r[c] == "":
                fail(f"{c}: empty cell")
    dtypes = {}
    reader = "csv module (pandas is not installed)"
    rows = len(records)

if columns[: len(published)] != published:
    fail(f"columns {columns[: len(published)]} differ from ACLED's {published}")
print(json.dumps({"reader": reader, "rows": rows, "columns": columns[: len(published)], "dtypes": dtypes}))
