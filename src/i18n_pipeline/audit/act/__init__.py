"""The audit as a W3C ACT implementation: run the ACT rules' test cases, read EARL reports
(the audit's own and the other tools'), and judge each tool's consistency per ACT rule as
W3C does (``i18n-pipeline act``, ``tox -e act``).

``cases`` (the suite's test cases), ``earl_read`` (EARL as JSON-LD, any tool's shape),
``consistency`` (W3C's consistent / partially consistent / inconsistent), ``suite`` (serve
the cases, audit them in one browser, write the EARL report), ``report`` (the tables).
``earl-context.json`` is the ACT rules' EARL context (W3C Document License), so that
reports that name it are read without the network.
"""
