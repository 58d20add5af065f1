"""URLs of the sociale kaart outside the page tree, mounted at the site root by
``config/urls.py`` (before Wagtail's page serving)."""

from django.urls import include, path

app_name = "socialekaart"
urlpatterns: list = [
    # HSDS 3.0 data exchange: socialekaart/hsds/, docs/hsds.md.
    path("api/hsds/", include("socialekaart.hsds.urls")),
]
