"""The Scrapy project: discover and fetch articles politely; archive every response to WARC.

Spiders fetch and archive; they do not extract. Their output is a capture record per fetch.
"""
