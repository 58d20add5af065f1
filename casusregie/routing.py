"""Websocket URL patterns of this app (collected by ``config/routing.py``)."""

from django.urls import path

from casusregie import consumers

websocket_urlpatterns = [
    path("ws/casusregie/", consumers.InboxConsumer.as_asgi()),
    path("ws/casusregie/cases/<uuid:case_uuid>/", consumers.CaseConsumer.as_asgi()),
]
