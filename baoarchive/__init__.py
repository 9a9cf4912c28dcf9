"""baoarchive: an archive of Báo Lào Cai (baolaocai.vn) for researchers."""

__version__ = "0.1.0"
