"""Websocket URL patterns of this app (collected by ``config/routing.py``)."""

from django.urls import path

from agenda.consumers import PlanDashboardConsumer

websocket_urlpatterns = [
    path("ws/agenda/plan/<uuid:plan_uuid>/", PlanDashboardConsumer.as_asgi()),
]
