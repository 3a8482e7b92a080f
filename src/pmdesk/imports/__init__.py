"""Files pmdesk reads back from the client, such as an edited tracker."""
