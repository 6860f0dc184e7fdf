"""The processes the languages build in: started before the PO check, so that one of them
imports the PDF printer meanwhile, and gone when the run stops, however it stops."""

from __future__ import annotations

import multiprocessing
import subprocess
import sys

import pytest

from i18n_pipeline.build.languages import build_workers

#: In a fresh interpreter: this test's process may have imported WeasyPrint already, and a
#: forked worker would inherit it.
ASK_A_WORKER = """
import sys
from i18n_pipeline.build.languages import build_workers

def printer_imported():
    return "weasyprint" in sys.modules

with build_workers(2, prepare_pdfs={prepare}) as workers:
    print(workers.pool.submit(printer_imported).result())
"""


@pytest.mark.parametrize(("prepare", "imported"), [(True, "True"), (False, "False")])
def test_a_worker_has_the_pdf_printer_before_its_first_build_when_the_site_prints_pdfs(
    prepare: bool, imported: str
) -> None:
    script = ASK_A_WORKER.format(prepare=prepare)
    asked = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)

    assert asked.returncode == 0, asked.stderr
    assert asked.stdout.strip() == imported


def test_no_worker_outlives_a_run_that_stops_before_the_build() -> None:
    before = set(multiprocessing.active_children())

    with pytest.raises(RuntimeError), build_workers(2, prepare_pdfs=True) as workers:
        workers.pool.submit(sum, [1, 2]).result()  # the workers are there
        raise RuntimeError("a PO file failed its check")

    assert set(multiprocessing.active_children()) == before
