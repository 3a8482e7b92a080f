"""Files pmdesk writes for the client or the team: Word, Excel, calendar, email."""
