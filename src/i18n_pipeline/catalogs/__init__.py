"""The translations: PO files read, snapshotted, updated, reviewed and counted."""
