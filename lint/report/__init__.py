"""A static HTML report for editors: an index of files and one page per article."""

from __future__ import annotations

from lint.report.model import Article, TrackingInfo, articles, document_key
from lint.report.site import write_report

__all__ = ["Article", "TrackingInfo", "articles", "document_key", "write_report"]
