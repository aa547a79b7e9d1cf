"""A static HTML report for editors: an index of files and one page per article."""

from __future__ import annotations

from lint.html.model import Article, TrackingInfo, articles, document_key
from lint.html.site import write_report

__all__ = ["Article", "TrackingInfo", "articles", "document_key", "write_report"]
