"""Spiders of the project (Scrapy's SPIDER_MODULES)."""
