"""The windows: everything that shows the session and forwards what a person does to it (Qt widgets)."""
