"""Who registers ideas for residents and makes their letters."""

from burgeridee.accounts.constants import Role

INTAKE_ROLES = (Role.CONTACT, Role.COORDINATOR)
