"""URL map. Each app mounts its own URLs (with its own prefixes) before Wagtail's
catch-all page serving, which must stay last."""

from django.conf import settings
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from config import views

# Plain error pages; a database that is away answers 503 (config/views.py).
handler500 = "config.views.server_error"

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("i18n/setlang/", views.set_language, name="set_language"),
    path("inloggen/", views.ProfessionalLoginView.as_view(), name="login"),
    path("uitloggen/", views.ProfessionalLogoutView.as_view(), name="logout"),
    path("mijn-werk/", views.professional_home, name="professional_home"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("", include("socialekaart.urls")),
    path("", include("search.urls")),
    path("", include("casusregie.urls")),
    path("", include("agenda.urls")),
    path("", include("vroegsignalering.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns.append(path("", include(wagtail_urls)))
