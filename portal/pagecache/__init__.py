"""Whole-page cache for anonymous visitors, emptied whenever published content changes."""
