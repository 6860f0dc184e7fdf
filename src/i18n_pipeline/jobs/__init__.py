"""The runs people start: the site, its shards and their assembly, the preview, the doctor."""
