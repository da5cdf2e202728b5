"""Notifications: a CloudEvent (NL GOV profile) per event, signed, in order, retried with back-off, with a
delivery log the administrator reads. Delivered to a real HTTP receiver on loopback."""

import hashlib
import hmac
import json
import re
from datetime import timedelta

import pytest
from django.utils import timezone

from burgeridee.accounts.constants import Role
from burgeridee.api.delivery import SIGNATURE_HEADER, notifications_deliver
from burgeridee.api.models import DeliveryStatus, EventType, NotificationDelivery, Subscription
from burgeridee.api.services import subscription_create
from burgeridee.initiatives.services import initiative_assign_contact, initiative_phase_change, initiative_withdraw
from burgeridee.records.services import event_record

from .receiver import Receiver


def verify(request, secret: str) -> dict:
    """What a receiver does: check the signature over "<t>.<body>", then read the event."""
    parts = dict(part.split("=", 1) for part in request["headers"][SIGNATURE_HEADER].split(","))
    expected = hmac.new(secret.encode(), f"{parts['t']}.".encode() + request["body"], hashlib.sha256).hexdigest()
    assert hmac.compare_digest(parts["v1"], expected), "bad signature"
    assert request["headers"]["Content-Type"].startswith("application/cloudevents+json")
    return json.loads(request["body"])


@pytest.fixture
def subscribe(municipality):
    def make(url, *event_types, target=None):
        created = subscription_create(
            municipality=target or municipality,
            name="Dashboard",
            endpoint_url=url,
            event_types=list(event_types),
            actor=None,
        )
        return created.subscription, created.secret

    return make


def test_life_of_an_initiative_in_order_signed_and_retried(subscribe, municipality, submit_idea, contact, coordinator):
    with Receiver(statuses=[500]) as receiver:
        _subscription, secret = subscribe(receiver.url)
        initiative, _token = submit_idea(municipality)
        initiative_assign_contact(initiative=initiative, contact=contact, actor=coordinator)
        initiative_phase_change(initiative=initiative, to_phase="verkennen", actor=contact)
        event_record(initiative=initiative, kind="verslag_bevestigd", data={"version": 1})
        initiative_phase_change(initiative=initiative, to_phase="gestopt", stop_reason="anders", actor=contact)

        start = timezone.now()
        assert notifications_deliver(now=start) == 0  # the first one failed; the rest wait behind it (order)
        first = NotificationDelivery.objects.get(sequence=1)
        assert first.status == DeliveryStatus.PENDING and first.attempts == 1
        assert first.next_attempt_at == start + timedelta(seconds=30)
        assert notifications_deliver(now=start + timedelta(seconds=10)) == 0  # not yet due: back-off
        assert notifications_deliver(now=start + timedelta(seconds=31)) == 6

    events = [verify(request, secret) for request in receiver.requests]
    assert [event["type"] for event in events] == [
        EventType.RECEIVED,
        EventType.RECEIVED,  # the retry
        EventType.ASSIGNED,
        EventType.PHASE_CHANGED,
        EventType.REPORT_CONFIRMED,
        EventType.PHASE_CHANGED,
        EventType.ENDED,
    ]
    assert [int(event["sequence"]) for event in events] == [1, 1, 2, 3, 4, 5, 6]
    assert events[0]["id"] == events[1]["id"]  # the same message again, so the receiver can deduplicate
    event = events[-1]
    assert event["specversion"] == "1.0"
    assert event["source"] == "urn:nld:burgeridee:gemeente:voorbeeld"
    assert event["subject"] == initiative.reference
    assert event["datacontenttype"] == "application/json"
    assert event["dataref"].endswith(f"/api/v1/gemeenten/voorbeeld/initiatieven/{initiative.reference}")
    assert event["time"].endswith("Z")
    assert events[-2]["data"] == {"reference": initiative.reference, "phase": "gestopt", "previousPhase": "verkennen"}
    body = b"".join(request["body"] for request in receiver.requests).decode()
    assert "Fatima" not in body and "fatima@example.org" not in body  # no personal data in a message
    log = list(first.log.values_list("status_code", flat=True))
    assert log == [500, 200]


def test_only_chosen_types_and_only_own_municipality(subscribe, municipality, other_municipality, submit_idea):
    with Receiver() as receiver:
        subscribe(receiver.url, EventType.ENDED)
        subscribe(receiver.url, target=other_municipality)
        initiative, _token = submit_idea(municipality)
        initiative_withdraw(initiative=initiative)
        notifications_deliver()
    types = [json.loads(request["body"])["type"] for request in receiver.requests]
    assert types == [EventType.ENDED]


def test_gives_up_after_max_attempts_and_the_administrator_sends_again(
    subscribe, municipality, submit_idea, settings, staff_client_factory
):
    settings.NOTIFICATION_MAX_ATTEMPTS = 2
    with Receiver(statuses=[503, 503]) as receiver:
        subscription, _secret = subscribe(receiver.url)
        submit_idea(municipality)
        now = timezone.now()
        notifications_deliver(now=now)
        notifications_deliver(now=now + timedelta(hours=1))
        delivery = NotificationDelivery.objects.get()
        assert delivery.status == DeliveryStatus.FAILED and delivery.last_error == "HTTP 503"

        admin = staff_client_factory(municipality, Role.ADMINISTRATOR)
        url = f"/werkplek/voorbeeld/beheer/api/meldingen/{subscription.pk}/"
        page = admin.get(url).content.decode()
        assert "Mislukt" in page and "HTTP 503" in page and "Melding 1 opnieuw versturen" in page
        assert page.count("HTTP 503") == 2  # each attempt's answer said once
        assert "Idee ontvangen" in page and "nl.burgeridee.initiatief-ontvangen" not in page  # plain words
        assert "Soorten meldingen: Alle" in page
        admin.post(url, {"action": "opnieuw", "delivery": delivery.pk})
        assert notifications_deliver() == 1
    assert len(receiver.requests) == 3
    assert NotificationDelivery.objects.get().status == DeliveryStatus.DELIVERED


def test_unreachable_endpoint_is_logged_and_retried(subscribe, municipality, submit_idea):
    subscription, _secret = subscribe("http://127.0.0.1:9/niemand")  # discard port: nothing listens
    submit_idea(municipality)
    assert notifications_deliver() == 0
    delivery = NotificationDelivery.objects.get()
    assert delivery.status == DeliveryStatus.PENDING and "ConnectionError" in delivery.last_error
    assert delivery.log.get().status_code is None


def test_administrator_creates_subscription_secret_shown_once(municipality, staff_client_factory):
    admin = staff_client_factory(municipality, Role.ADMINISTRATOR)
    url = "/werkplek/voorbeeld/beheer/api/meldingen/"
    page = admin.post(url, {"name": "Zaaksysteem", "endpoint_url": "https://zaken.example/hook"})
    assert page.status_code == 200 and 'data-testid="subscription-secret"' in page.content.decode()
    assert 'data-testid="subscription-secret"' not in admin.get(url).content.decode()
    once = re.search(r'name="eenmalig" value="([^"]+)"', admin.get(url).content.decode()).group(1)
    data = {"name": "Dashboard", "endpoint_url": "https://dash.example/hook", "eenmalig": once}
    assert admin.post(url, data).status_code == 200
    assert admin.post(url, data).status_code == 302  # the browser's reload: no second subscription
    assert Subscription.objects.filter(name="Dashboard").count() == 1
    bad = admin.post(url, {"name": "Zaaksysteem", "endpoint_url": "ftp://x"})
    assert bad.status_code == 400 and 'value="Zaaksysteem"' in bad.content.decode()


def test_https_required_in_production(municipality, settings):
    from django.core.exceptions import ValidationError

    settings.NOTIFICATION_ALLOW_HTTP = False
    with pytest.raises(ValidationError):
        subscription_create(
            municipality=municipality, name="X", endpoint_url="http://x.example/", event_types=[], actor=None
        )


def test_worker_is_asked_after_commit(subscribe, municipality, submit_idea, django_capture_on_commit_callbacks):
    from django_tasks_db.models import DBTaskResult

    subscribe("https://x.example/hook")
    with django_capture_on_commit_callbacks(execute=True):
        submit_idea(municipality)
    assert DBTaskResult.objects.filter(task_path__endswith="notifications_deliver_task").exists()
