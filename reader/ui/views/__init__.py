"""Widgets of the window: each shows one model or one article and asks by signals."""
