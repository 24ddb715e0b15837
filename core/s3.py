"""Uploads on S3-compatible object storage (Aliyun OSS, Tencent COS, MinIO, Amazon S3), through django-storages.

Imported only when MEDIA_STORAGE=s3, so a machine on the local disk never loads boto3."""

from storages.backends.s3 import S3Storage

from core.storage import RenditionsReplace


class S3MediaStorage(RenditionsReplace, S3Storage):
    """Public photos: plain URLs (no signature, so pages and caches keep one address per file), readable by anyone
    through the object ACL or the bucket's policy, never overwriting an original."""

    querystring_auth = False
    file_overwrite = False


class S3PrivateStorage(S3Storage):
    """Files only staff may fetch: private objects, reachable through URLs signed for a few minutes."""

    default_acl = "private"
    querystring_auth = True
    querystring_expire = 300
    file_overwrite = False
