"""All websocket routes, collected from the apps' ``routing.py`` modules."""

from agenda.routing import websocket_urlpatterns as agenda_routes
from casusregie.routing import websocket_urlpatterns as casusregie_routes
from vroegsignalering.routing import websocket_urlpatterns as vroegsignalering_routes

websocket_urlpatterns = [*casusregie_routes, *agenda_routes, *vroegsignalering_routes]
