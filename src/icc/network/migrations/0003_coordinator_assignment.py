"""A coordinator's contact card hangs on the role assignment that makes them coordinator."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_initial"),
        ("network", "0002_membership_step_demo_date"),
    ]

    operations = [
        migrations.AddField(
            model_name="coordinator",
            name="assignment",
            field=models.OneToOneField(
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="contact",
                to="accounts.roleassignment",
                verbose_name="role assignment",
            ),
        ),
    ]
