"""HSDS 3.0 (Open Referral) data exchange of the sociale kaart.

* ``mapping``: our pages and snippets as HSDS objects (the one place that decides what
  leaves the kaart: live, public, not ended; never professional-only fields).
* ``vocabulary``: the taxonomies we publish, among them our own NL taxonomy of
  conditions HSDS has no field for (income limit as % of the social minimum, ...).
* ``selectors``: the querysets behind the API and the export (fixed query counts).
* ``views`` / ``urls``: the read-only API under ``/api/hsds/``.
* ``exporting`` / ``importing``: ``manage.py export_hsds`` and ``import_hsds``.
* ``kaart_csv``: the CSV bulk edit (``export_kaart_csv`` / ``import_kaart_csv``).
* ``schema``: the official JSON schemas, read from ``settings.PACT_HSDS_SCHEMA_DIR``.

See docs/hsds.md for the full mapping and docs/decisions/0050-0054.
"""
