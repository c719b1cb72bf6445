"""The pure core: content, plans and the session engine. Never imports Qt; time is always an argument."""
