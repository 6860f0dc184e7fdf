"""Pipeline that builds the Berliner Erklärung as an accessible multilingual site.

The stages, one module each: ``extract`` (POT templates), ``update`` (PO files),
``build`` (every language, landing page, sitemap), ``stats`` (progress), plus
``checks`` (PO quality) and ``audit`` (accessibility). ``sphinxext`` is the
Sphinx extension and theme that make each page right for its language.
"""

__version__ = "0.1.0"
