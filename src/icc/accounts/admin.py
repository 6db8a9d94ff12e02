from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from icc.accounts.models import RoleAssignment, User


class RoleAssignmentInline(admin.TabularInline[RoleAssignment, User]):
    model = RoleAssignment
    fk_name = "user"
    extra = 0
    autocomplete_fields = ("place", "network")


@admin.register(User)
class PlatformUserAdmin(UserAdmin[User]):
    inlines = (RoleAssignmentInline,)
