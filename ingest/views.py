"""Upload pages: the form, a batch's live status, and retrying a failed article."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.decorators import permission_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from claims.models import Article
from ingest.forms import UploadForm
from ingest.models import UploadBatch
from ingest.selectors import batch_items
from ingest.services import article_retry, upload_ingest


def _get_batch_for_user(request: HttpRequest, pk: int) -> UploadBatch:
    """A batch its uploader (or staff) may see; anyone else gets a 404, not a hint that it exists."""
    batches = UploadBatch.objects.all()
    if not request.user.is_staff:
        batches = batches.filter(created_by=request.user)
    return get_object_or_404(batches, pk=pk)


@permission_required("claims.upload_article", raise_exception=True)
def upload(request: HttpRequest) -> HttpResponse:
    status = 200
    if request.method == "POST":
        form = UploadForm(request.POST, request.FILES)
        if form.is_valid():
            data = form.cleaned_data
            batch = upload_ingest(
                user=request.user,
                files=data["files"],
                text=data["text"],
                title=data["title"],
                outlet=data["outlet"],
                url=data["url"],
                published=data["published"],
            )
            return redirect(batch)
        status = 400
    else:
        form = UploadForm()
    context = {
        "form": form,
        "max_files": settings.UPLOAD_MAX_FILES,
        "max_mb": settings.UPLOAD_MAX_FILE_BYTES / (1024 * 1024),
    }
    return render(request, "ingest/upload.html", context, status=status)


@permission_required("claims.upload_article", raise_exception=True)
def batch_detail(request: HttpRequest, pk: int) -> HttpResponse:
    batch = _get_batch_for_user(request, pk)
    items = list(batch_items(batch=batch))
    context = {"batch": batch, "items": items, "finished": all(item.finished for item in items)}
    template = "ingest/batch.html#rows" if request.htmx else "ingest/batch.html"
    return render(request, template, context)


@require_POST
@permission_required("claims.upload_article", raise_exception=True)
def article_retry_view(request: HttpRequest, pk: int) -> HttpResponse:
    article = get_object_or_404(Article, pk=pk)
    article_retry(article=article)
    next_url = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        next_url = article.get_absolute_url()
    return redirect(next_url)
