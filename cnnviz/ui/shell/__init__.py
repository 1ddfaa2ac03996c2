"""The window's frame: settings, presentation mode, help and the dialogs every area uses."""
