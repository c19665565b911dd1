# Makes the `newscheck_linter` fixture available to every test in this folder.
pytest_plugins = ["newscheck.testing.pytest_plugin"]
