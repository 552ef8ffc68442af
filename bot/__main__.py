"""`python -m bot` is the `sourcing-bot` command."""

from bot.cli import main

raise SystemExit(main())
