"""Who may publish: the one permission to publish content of any kind, and who counts as bureau staff."""

PUBLISH_PERMISSION = "core.publish_content"  # carried by core.models.Publishing


def is_bureau(user):
    """Bureau staff see every site; everyone else on the staff sees only the sites assigned to them."""
    return user.is_superuser or user.has_perm(PUBLISH_PERMISSION)


def can_publish(user):
    return user.is_active and is_bureau(user)
