"""Websocket URL patterns of this app (collected by ``config/routing.py``)."""

from django.urls import path

from vroegsignalering.consumers import QueueConsumer

websocket_urlpatterns = [
    path("ws/vroegsignalering/queue/", QueueConsumer.as_asgi()),
]
