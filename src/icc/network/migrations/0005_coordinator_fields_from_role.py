"""The card no longer repeats who and where: name, place, network and account come from the role
assignment."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_initial"),
        ("network", "0004_coordinators_from_role_assignments"),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name="coordinator",
            name="coordinator_has_place_or_network",
        ),
        migrations.AlterModelOptions(
            name="coordinator",
            options={
                "ordering": ["assignment__user__first_name", "assignment__user__last_name"],
                "verbose_name": "coordinator",
                "verbose_name_plural": "coordinators",
            },
        ),
        migrations.RemoveField(model_name="coordinator", name="name"),
        migrations.RemoveField(model_name="coordinator", name="network"),
        migrations.RemoveField(model_name="coordinator", name="place"),
        migrations.RemoveField(model_name="coordinator", name="user"),
        migrations.AlterField(
            model_name="coordinator",
            name="assignment",
            field=models.OneToOneField(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="contact",
                to="accounts.roleassignment",
                verbose_name="role assignment",
            ),
        ),
    ]
