"""The bottom layer: settings and the data directory's layout, the post-id rule, the text
forms used for matching, typed errors, stage versions and worker processes.

Every other package may import it; it imports no package of ours.
"""
