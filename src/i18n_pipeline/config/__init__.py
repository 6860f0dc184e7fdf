"""What a project says about itself: its conf.py values, and what follows from a language code."""
