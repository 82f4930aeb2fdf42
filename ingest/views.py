"""Upload pages: the form, a batch's live status, and retrying a failed article."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import PermissionDenied, RequestDataTooBig, TooManyFilesSent
from django.http import HttpRequest, HttpResponse
from django.http.multipartparser import MAX_TOTAL_HEADER_SIZE, MultiPartParserError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from claims.models import Article
from ingest.forms import ArticleDetailsForm, UploadForm
from ingest.models import UploadBatch
from ingest.parsers import human_size
from ingest.selectors import batch_items
from ingest.services import UploadOutcome, article_details_edit, article_retry, upload_ingest


def _get_batch_for_user(request: HttpRequest, pk: int) -> UploadBatch:
    """A batch its uploader (or staff) may see; anyone else gets a 404, not a hint that it exists."""
    batches = UploadBatch.objects.all()
    if not request.user.is_staff:
        batches = batches.filter(created_by=request.user)
    return get_object_or_404(batches, pk=pk)


def _upload_page(request: HttpRequest, form: UploadForm, status: int = 200, **extra) -> HttpResponse:
    context = {
        "form": form,
        "max_files": settings.UPLOAD_MAX_FILES,
        "max_mb": settings.UPLOAD_MAX_FILE_BYTES / (1024 * 1024),
        **extra,
    }
    return render(request, "ingest/upload.html", context, status=status)


def refused_upload_message(exception: Exception | None) -> str:
    """What an upload refused before its form could be read (Django's own request limits) is told."""
    if isinstance(exception, TooManyFilesSent):
        return (
            f"More than {settings.DATA_UPLOAD_MAX_NUMBER_FILES:,} files came in one upload; at most "
            f"{settings.UPLOAD_MAX_FILES:,} can be sent at once. Nothing was stored: send them in "
            "smaller batches."
        )
    if isinstance(exception, RequestDataTooBig):
        return (
            f"The form's text came to more than {human_size(settings.DATA_UPLOAD_MAX_MEMORY_SIZE)}; a pasted "
            f"text may be at most {human_size(settings.UPLOAD_MAX_FILE_BYTES)}. Nothing was stored: upload "
            "a long text as a file."
        )
    if isinstance(exception, MultiPartParserError) and "header size" in str(exception):
        return (
            f"A file's name is too long: the part of the upload that carries it may be at most "
            f"{MAX_TOTAL_HEADER_SIZE:,} bytes. Nothing was stored: rename the file and send it again."
        )
    return "This upload could not be read (it may have been cut off). Nothing was stored: send it again."


def upload_refused(request: HttpRequest, exception: Exception | None) -> HttpResponse | None:
    """The upload page, empty, with why the last upload was refused; None for whoever may not upload."""
    if not request.user.has_perm("claims.upload_article"):
        return None
    return _upload_page(request, UploadForm(), 400, problems=[refused_upload_message(exception)])


def _upload_interrupted(request: HttpRequest, form: UploadForm, outcome: UploadOutcome) -> HttpResponse:
    # The database is unreachable: this page reads nothing from it (the names are in memory).
    stored = f"Batch #{outcome.batch.pk} holds what was stored before that." if outcome.batch else ""
    problem = (
        f"The database could not be reached, so {len(outcome.unsent)} item(s) were not stored. {stored} "
        "Send the items listed below again in a moment."
    )
    response = _upload_page(
        request, form, 503, problems=[problem], unsent=outcome.unsent, batch=outcome.batch
    )
    response["Retry-After"] = "30"
    return response


@permission_required("claims.upload_article", raise_exception=True)
def upload(request: HttpRequest) -> HttpResponse:
    status = 200
    if request.method == "POST":
        form = UploadForm(request.POST, request.FILES)
        if form.is_valid():
            data = form.cleaned_data
            outcome = upload_ingest(
                user=request.user,
                files=data["files"],
                text=data["text"],
                title=data["title"],
                outlet=data["outlet"],
                url=data["url"],
                published=data["published"],
            )
            if not outcome.unsent:
                return redirect(outcome.batch)
            return _upload_interrupted(request, form, outcome)
        status = 400
    else:
        form = UploadForm()
    return _upload_page(request, form, status)


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


def _may_edit_details(user) -> bool:
    return user.has_perm("claims.upload_article") or user.has_perm("claims.review_claim")


def article_details(request: HttpRequest, pk: int) -> HttpResponse:
    """Correct an article's title, outlet, address or publication date (Contributors and Reviewers).

    The article page's one-field "give the date" form posts here too, with only the date.
    """
    if not _may_edit_details(request.user):
        raise PermissionDenied
    article = get_object_or_404(Article.objects.select_related("outlet"), pk=pk)
    if request.method == "POST":
        form = ArticleDetailsForm(request.POST)
        if form.is_valid():
            change = article_details_edit(
                article_id=article.pk, user=request.user, values=form.changed_values()
            )
            if change is None:
                messages.info(request, "Nothing was changed.")
            else:
                messages.success(request, f"Saved. {change.note}".strip())
            return redirect(article)
        status = 400
    else:
        initial = {
            "title": article.title,
            "outlet": article.outlet.name if article.outlet else "",
            "url": article.url,
            "published": article.published,
        }
        form, status = ArticleDetailsForm(initial=initial), 200
    context = {"article": article, "form": form, "changes": article.changes.select_related("user")}
    return render(request, "ingest/article_details.html", context, status=status)
