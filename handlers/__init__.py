"""The Telegram face of the bot: python-telegram-bot handlers and message rendering."""
