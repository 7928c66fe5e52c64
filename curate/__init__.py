"""curate: turn a folder of scraped documents into a clean, deduplicated Parquet dataset."""

__version__ = "0.1.0"
