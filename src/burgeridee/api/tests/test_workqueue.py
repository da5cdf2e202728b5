"""The worker loop both queues share (workqueue.py): a claim whose worker died lapses and is taken again; a
live claim is left alone; a failed row no longer holds up the ones after it in its group."""

from datetime import timedelta

import pytest
from django.utils import timezone

from burgeridee.api import delivery, zgw
from burgeridee.api.models import DeliveryStatus, NotificationDelivery, ZgwRegistration
from burgeridee.api.services import subscription_create
from burgeridee.initiatives.services import initiative_withdraw

from .receiver import Receiver

pytestmark = pytest.mark.django_db


def test_both_queues_are_the_one_mechanism():
    assert delivery.QUEUE.__class__ is zgw.QUEUE.__class__
    assert delivery.QUEUE.model is NotificationDelivery and zgw.QUEUE.model is ZgwRegistration


@pytest.mark.parametrize("lapsed", [True, False])
def test_a_dead_workers_claim_lapses_a_live_one_holds(municipality, submit_idea, lapsed):
    with Receiver() as receiver:
        subscription_create(
            municipality=municipality, name="Dashboard", endpoint_url=receiver.url, event_types=[], actor=None
        )
        submit_idea(municipality)
        now = timezone.now()
        assert delivery.deliveries_claim(worker="notify-dead", now=now) != []  # then the worker died
        later = now + (delivery._lease() + timedelta(seconds=1) if lapsed else timedelta(seconds=1))
        assert delivery.notifications_deliver(now=later) == (1 if lapsed else 0)
    row = NotificationDelivery.objects.get()
    assert row.status == (DeliveryStatus.DELIVERED if lapsed else DeliveryStatus.SENDING)
    assert len(receiver.requests) == (1 if lapsed else 0)


def test_a_failed_row_no_longer_holds_up_the_next_one(municipality, submit_idea, settings):
    settings.NOTIFICATION_MAX_ATTEMPTS = 1
    with Receiver(statuses=[500]) as receiver:
        subscription_create(
            municipality=municipality, name="Dashboard", endpoint_url=receiver.url, event_types=[], actor=None
        )
        initiative, _token = submit_idea(municipality)
        initiative_withdraw(initiative=initiative)
        assert delivery.notifications_deliver() == 2
    statuses = list(NotificationDelivery.objects.order_by("sequence").values_list("status", flat=True))
    assert statuses == [DeliveryStatus.FAILED, DeliveryStatus.DELIVERED, DeliveryStatus.DELIVERED]
    assert len(receiver.requests) == 3
