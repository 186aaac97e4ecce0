"""The application: start-up, the main window and its menus, the journal shell (sidebar and
page host), the controller every page talks to, the page registry and the saved preferences."""
