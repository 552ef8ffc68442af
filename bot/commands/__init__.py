"""One module per CLI subcommand.

Each module offers `configure(parser)` to declare its arguments and `run(args) -> int`.
Module-level imports stay light (standard library only); heavy imports live inside `run`,
so `sourcing-bot parse` starts without loading the database stack.
"""
