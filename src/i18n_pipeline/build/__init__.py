"""The build: Sphinx run per language into a release, with the pages above the languages."""
