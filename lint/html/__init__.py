"""A static HTML report for editors: an index that triages thousands of articles, and one viewer
that renders each article from compact JSON data."""

from __future__ import annotations

from lint.html.model import Article, TrackingInfo, articles, document_key
from lint.html.site import article_link, has_manifest, up_to_date, write_report

__all__ = [
    "Article",
    "TrackingInfo",
    "article_link",
    "articles",
    "document_key",
    "has_manifest",
    "up_to_date",
    "write_report",
]
