from django.core.files.base import ContentFile

from demo.placeholders import industrial_placeholder


def placeholder_photo(model, owner, *, position, texts, seed, kind):
    """The photo at `position` of `owner`, painted once: an existing file is kept and only its texts are updated,
    so re-runs make no new files. Returns True when a picture was painted."""
    photo = model.objects.filter(position=position, **owner).first()
    if photo and photo.image and photo.image.storage.exists(photo.image.name):
        model.objects.filter(pk=photo.pk).update(**texts)
        return False
    photo = photo or model(position=position, **owner)
    for key, value in texts.items():
        setattr(photo, key, value)
    photo.image.save(f"{seed}.jpg", ContentFile(industrial_placeholder(seed, kind)), save=False)
    photo.save()  # core.signals makes the renditions
    return True
