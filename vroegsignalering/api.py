"""The creditors' JSON endpoint: ``POST /api/vroegsignalering/signalen/`` with
``Authorization: Bearer <key>`` and ``{"signalen": [{...}, ...]}`` (the CSV's columns,
without ``schuldeiser``: the key says which creditor delivers). All or nothing, like a
file: 201 with the counts, or 400 naming every bad signal by its number. An unknown,
revoked or missing key answers the same 401. No cookies, no session: CSRF does not
apply."""

from __future__ import annotations

import json

from django.core.exceptions import RequestDataTooBig
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from vroegsignalering import services
from vroegsignalering.constants import ImportSource


def _error(status: int, message: str, **extra) -> JsonResponse:
    return JsonResponse({"fout": message, **extra}, status=status)


def _too_many(limited) -> JsonResponse:
    response = _error(429, str(limited), limiet=limited.limit)
    response["Retry-After"] = str(limited.retry_after)
    return response


@csrf_exempt
@never_cache
@require_POST
def signals_deliver(request):
    header = request.headers.get("Authorization", "")
    scheme, _sep, key = header.partition(" ")
    row = (
        services.creditor_key_check(key.strip()) if scheme.lower() == "bearer" else None
    )
    if row is None:
        response = _error(401, "Geen geldige API-sleutel.")
        response["WWW-Authenticate"] = 'Bearer realm="vroegsignalering"'
        return response
    try:
        services.creditor_key_count_request(key=row)
    except services.RateLimited as limited:
        return _too_many(limited)
    try:
        body = json.loads(request.body or b"null")
    except RequestDataTooBig:
        return _error(413, "De levering is te groot.")
    except (ValueError, UnicodeDecodeError):
        return _error(400, "De inhoud is geen JSON.")
    records = body.get("signalen") if isinstance(body, dict) else None
    try:
        services.creditor_key_count_signals(
            key=row, signals=len(records) if isinstance(records, list) else 0
        )
    except services.DeliveryTooLarge as error:
        return _error(413, str(error))
    except services.RateLimited as limited:
        return _too_many(limited)
    try:
        rows = services.signals_parse_records(records, creditor=row.creditor)
        batch = services.signals_import(
            rows=rows,
            municipality=row.municipality,
            actor=None,
            source=ImportSource.API,
            file_name=f"api:{row.prefix}",
        )
    except services.ImportRejected as rejected:
        return _error(
            400,
            "Niets ingelezen: verbeter deze signalen en lever opnieuw.",
            fouten=[
                {"signaal": error.line, "melding": error.message}
                for error in rejected.rows
            ],
        )
    return JsonResponse(
        {
            "signalen": batch.rows,
            "nieuw": batch.signals_new,
            "samengevoegd": batch.signals_merged,
            "nieuwe_huishoudens": batch.households_new,
        },
        status=201,
    )
