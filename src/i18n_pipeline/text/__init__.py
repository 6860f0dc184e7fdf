"""Untrusted text made safe to compare and to print: bidi controls, look-alikes, addresses."""
