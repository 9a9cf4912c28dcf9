"""Grouping articles: by locality (the gazetteer and the matcher that finds its units in a
text) and by topic (the site's taxonomy). The reference data files live in ``data/``, built by
``tools/build_*.py`` from sourced material, and are read by ``reference``."""
