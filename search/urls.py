"""URLs of the search app, mounted at the site root by ``config/urls.py``."""

from django.urls import path

from search import api, views

app_name = "search"
urlpatterns = [
    path("zoeken/", views.search_page, name="page"),
    path("api/search/", api.search_api, name="api"),
]
