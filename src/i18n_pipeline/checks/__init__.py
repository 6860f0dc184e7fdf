"""PO quality checks: what a translator's edit broke, before it reaches the site.

A check is a plain function over one entry, registered with ``@entry_check``
(its id is the function name in kebab case: ``check_numbers`` → ``numbers``);
file-level checks use ``@catalog_check``. Errors stop the build, warnings are
printed.

Waiving a check for one entry: a translator comment directly above it,
``# check: ignore <id>[, <id>…] -- <reason>``. The reason is required, so the
reviewer sees why (``# check: ignore same-as-source -- "Service" is German and English``).
"""

from i18n_pipeline.checks.runner import check_catalogs, check_po_file
from i18n_pipeline.findings import Finding, Severity

__all__ = ["Finding", "Severity", "check_catalogs", "check_po_file"]
