"""Accessibility audit of a built site: pa11y (axe + HTML_CodeSniffer) in one Chromium,
plus the checks no anchor tool makes (language of page and parts, hreflang,
third-party requests), one verdict and reports an auditor can file.

One module per job: ``node_env`` (nodeenv + npm ci), ``browser`` (finding
Chromium), ``server`` (127.0.0.1), ``pages`` (what to audit), ``browser_tools``
(one run of ``node/audit.cjs``: pa11y and the probe in one browser), ``pa11y``
(its options, classify), ``probe`` (requests, WCAG 2.2, needs-review), the
language checks (``identify``: which language a text is in; ``passages``: what on
a page has a language; ``language_checks``; ``directions``; ``tags``: valid lang
values; ``explain``: ``--explain PAGE``), ``report`` and ``command`` (results are
reused through ``i18n_pipeline.cache.results``). The audit knows no language of
this project: ``i18n_pipeline.jobs.site_languages`` hands the site's over.
"""
