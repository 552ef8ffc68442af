"""What can be sourced: request parsing, units and packages, the parts catalogue and matching.

The package root stays import-light on purpose: `sourcing-bot parse` must start in a few
tens of milliseconds, so nothing here pulls in SQLAlchemy or the fuzzy index.
"""
