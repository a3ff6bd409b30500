"""Capturing a web page into a case, and importing a WARC or WACZ made elsewhere (issue 17)."""
