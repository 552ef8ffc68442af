"""The engine and the application: settings, database, RFQs, vendor agents, ranking, CLI."""
