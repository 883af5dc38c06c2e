"""Rendering reports for people and machines. The only package that imports jinja2."""
