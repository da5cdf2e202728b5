"""The case-system registration refers to zgw-consumers services instead of its own address and credential
fields: each configured address becomes a `Service` (ZGW JWT auth with the stored client id and secret),
then the old fields go."""

import django.db.models.deletion
from django.db import migrations, models

APIS = (
    # old address field, new foreign key, zgw-consumers api_type, label
    ("zaken_url", "zaken_service", "zrc", "Zaken API"),
    ("documenten_url", "documenten_service", "drc", "Documenten API"),
    ("catalogi_url", "catalogi_service", "ztc", "Catalogi API"),
)


def _root(url: str) -> str:
    return url if url.endswith("/") else url + "/"


def move_to_services(apps, schema_editor):
    ZgwSettings = apps.get_model("api", "ZgwSettings")
    Municipality = apps.get_model("municipalities", "Municipality")
    Service = apps.get_model("zgw_consumers", "Service")
    for config in ZgwSettings.objects.all():
        municipality = Municipality.objects.get(pk=config.municipality_id)
        for old, new, api_type, label in APIS:
            url = getattr(config, old)
            if not url:
                continue
            # api_root is unique in zgw-consumers: an address two municipalities shared becomes one service.
            service = Service.objects.filter(api_root=_root(url)).first()
            if service is None:
                slug, number = f"{municipality.slug}-{api_type}"[:240], 1
                while Service.objects.filter(slug=slug).exists():
                    number += 1
                    slug = f"{municipality.slug}-{api_type}-{number}"[:240]
                service = Service.objects.create(
                    label=f"{municipality.name}: {label}"[:100],
                    slug=slug,
                    api_type=api_type,
                    api_root=_root(url),
                    auth_type="zgw",
                    client_id=config.client_id,
                    secret=config.secret,
                    user_id="burgeridee",
                    user_representation="Burgeridee",
                )
            setattr(config, new + "_id", service.pk)
        config.save()


def move_back(apps, schema_editor):
    ZgwSettings = apps.get_model("api", "ZgwSettings")
    Service = apps.get_model("zgw_consumers", "Service")
    for config in ZgwSettings.objects.all():
        for old, new, _api_type, _label in APIS:
            service = Service.objects.filter(pk=getattr(config, new + "_id")).first()
            if service is not None:
                setattr(config, old, service.api_root)
                if not config.client_id:
                    config.client_id, config.secret = service.client_id, service.secret
        config.save()


class Migration(migrations.Migration):
    dependencies = [
        ("api", "0003_zgw_registration"),
        ("zgw_consumers", "0027_service_oauth2_scope_service_oauth2_token_url_and_more"),
    ]

    operations = [
        migrations.AddField(
            model_name="zgwsettings",
            name="catalogi_service",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="zgw_consumers.service",
                verbose_name="Catalogi API",
            ),
        ),
        migrations.AddField(
            model_name="zgwsettings",
            name="documenten_service",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="zgw_consumers.service",
                verbose_name="Documenten API",
            ),
        ),
        migrations.AddField(
            model_name="zgwsettings",
            name="zaken_service",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="zgw_consumers.service",
                verbose_name="Zaken API",
            ),
        ),
        migrations.RunPython(move_to_services, move_back),
        migrations.RemoveField(model_name="zgwsettings", name="catalogi_url"),
        migrations.RemoveField(model_name="zgwsettings", name="client_id"),
        migrations.RemoveField(model_name="zgwsettings", name="documenten_url"),
        migrations.RemoveField(model_name="zgwsettings", name="secret"),
        migrations.RemoveField(model_name="zgwsettings", name="zaken_url"),
    ]
