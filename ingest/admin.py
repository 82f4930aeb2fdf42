from __future__ import annotations

from django.contrib import admin

from ingest.models import UploadBatch, UploadItem


class UploadItemInline(admin.TabularInline):
    model = UploadItem
    fields = ["position", "name", "state", "message", "article"]
    readonly_fields = fields
    extra = 0
    can_delete = False


@admin.register(UploadBatch)
class UploadBatchAdmin(admin.ModelAdmin):
    """Read-only: a batch is a record of what was uploaded and what became of each file."""

    list_display = ["pk", "created_at", "created_by", "origin", "outlet_name"]
    list_filter = ["origin"]
    list_select_related = ["created_by"]
    readonly_fields = ["created_by", "created_at", "origin", "outlet_name", "url", "published"]
    inlines = [UploadItemInline]

    def has_add_permission(self, request) -> bool:
        return False
