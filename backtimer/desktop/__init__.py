"""Desktop life: tray, reminders, keeping the screen awake, one instance, the About dialog."""
