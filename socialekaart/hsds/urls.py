"""``/api/hsds/``: the HSDS 3.0 API (included by ``socialekaart/urls.py``)."""

from django.urls import path

from socialekaart.hsds import views

urlpatterns = [
    path("", views.root, name="hsds_root"),
    path("services", views.service_list, name="hsds_services"),
    path("services/<str:id>", views.service_detail, name="hsds_service"),
    path("organizations", views.organization_list, name="hsds_organizations"),
    path("organizations/<str:id>", views.organization_detail, name="hsds_organization"),
    path("taxonomies", views.taxonomy_list, name="hsds_taxonomies"),
    path("taxonomies/<str:id>", views.taxonomy_detail, name="hsds_taxonomy"),
    path("taxonomy_terms", views.taxonomy_term_list, name="hsds_taxonomy_terms"),
    path(
        "taxonomy_terms/<str:id>", views.taxonomy_term_detail, name="hsds_taxonomy_term"
    ),
    path(
        "service_at_locations",
        views.service_at_location_list,
        name="hsds_service_at_locations",
    ),
    path(
        "service_at_locations/<str:id>",
        views.service_at_location_detail,
        name="hsds_service_at_location",
    ),
]
