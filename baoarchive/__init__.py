"""baoarchive: an archive of Báo Lào Cai (baolaocai.vn) for researchers.

This package is the top layer: the ``baoarchive`` command (``cli``) and the application glue
that drives the pipeline (``reprocess``). The other layers are packages of their own; the
README's "Where things live" lists them and what each may import.
"""

__version__ = "0.1.0"
