"""Demo data for ``make demo`` and the test suite; never installed in production.

``seed_demo`` builds the demo through the apps' own services and importers, so it obeys
the same rules as real use.
"""
