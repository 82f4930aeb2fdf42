"""Review pages and the inline HTMX endpoints that confirm, reject, edit, add and reopen claims.

Every endpoint needs claims.review_claim (a Viewer or Contributor gets 403, whatever the page
showed them) and every write is a POST carrying the CSRF token from <body hx-headers>. A write
answers an HTMX request with the claim's row, redrawn; a plain form post is redirected back.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from claims import selectors as claim_selectors
from claims.models import Alarm, Article, Claim
from review import quality, selectors, services
from review.forms import (
    ClaimAddForm,
    ClaimEditForm,
    ClaimRejectForm,
    ClaimReopenForm,
    QueueFilter,
    QueueOrderForm,
    form_errors_from,
)

REVIEW_PERMISSION = "claims.review_claim"
QUEUE_PAGE_SIZE = 50
# A form that fails validation answers 422; static/js/review.js lets HTMX swap it in.
INVALID = 422


def _load_claim(pk: int) -> Claim:
    try:
        return selectors.claim_for_row(pk=pk)
    except Claim.DoesNotExist:
        raise Http404("No such claim; re-extraction may have replaced it.") from None


def _row(request: HttpRequest, pk: int, *, status: int = 200, **extra) -> HttpResponse:
    context = {"claim": _load_claim(pk), **extra}
    return render(request, "review/_claim_row.html", context, status=status)


def _back(request: HttpRequest) -> HttpResponseRedirect:
    """Where a plain (non-HTMX) form post returns to: the page it came from, if it is ours."""
    target = request.POST.get("next") or request.META.get("HTTP_REFERER", "")
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return HttpResponseRedirect(target)
    return redirect("review:queue")


def _done(request: HttpRequest, claim: Claim, **extra) -> HttpResponse:
    if not request.htmx:
        return _back(request)
    response = _row(request, claim.pk, **extra)
    # The queue's count (and anything else listening) reads itself again.
    response["HX-Trigger"] = "claimReviewed"
    return response


@permission_required(REVIEW_PERMISSION, raise_exception=True)
@require_GET
def queue(request: HttpRequest) -> HttpResponse:
    filterset = QueueFilter(request.GET or None, queryset=Claim.objects.all())
    order_form = QueueOrderForm(request.GET or None)
    if filterset.is_bound and not (filterset.is_valid() and order_form.is_valid()):
        # A bad filter is the client's mistake: say so, and list nothing rather than everything.
        order, claims, status = "oldest", Claim.objects.none(), 400
    else:
        order = (order_form.cleaned_data.get("order") if order_form.is_bound else "") or "oldest"
        claims, status = selectors.review_queue(queryset=filterset.qs, order=order), 200
    page = Paginator(claims, QUEUE_PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "filter_form": filterset.form,
        "order_form": order_form,
        "page": page,
        "order_label": selectors.QUEUE_ORDERS[order],
        "query": query.urlencode(),
    }
    template = "review/queue.html#rows" if request.htmx and not request.htmx.boosted else "review/queue.html"
    return render(request, template, context, status=status)


@permission_required(REVIEW_PERMISSION, raise_exception=True)
@require_GET
def claim_row(request: HttpRequest, pk: int) -> HttpResponse:
    return _row(request, pk)


@permission_required(REVIEW_PERMISSION, raise_exception=True)
@require_POST
def claim_confirm(request: HttpRequest, pk: int) -> HttpResponse:
    claim = _load_claim(pk)
    try:
        claim = services.claim_confirm(claim=claim, user=request.user)
    except Claim.DoesNotExist:
        raise Http404("The claim was replaced while you reviewed it.") from None
    return _done(request, claim)


@permission_required(REVIEW_PERMISSION, raise_exception=True)
@require_POST
def claim_reject(request: HttpRequest, pk: int) -> HttpResponse:
    claim = _load_claim(pk)
    form = ClaimRejectForm(request.POST)
    if form.is_valid():
        try:
            claim = services.claim_reject(claim=claim, user=request.user, reason=form.cleaned_data["reason"])
        except ValidationError as exc:
            form_errors_from(form, exc)
        except Claim.DoesNotExist:
            raise Http404("The claim was replaced while you reviewed it.") from None
        else:
            return _done(request, claim)
    if request.htmx:
        return _row(request, pk, status=INVALID, reject_form=form)
    return render(request, "review/claim_reject.html", {"claim": claim, "form": form}, status=INVALID)


@permission_required(REVIEW_PERMISSION, raise_exception=True)
@require_POST
def claim_reopen(request: HttpRequest, pk: int) -> HttpResponse:
    claim = _load_claim(pk)
    form = ClaimReopenForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    try:
        claim = services.claim_reopen(claim=claim, user=request.user, reason=reason)
    except Claim.DoesNotExist:
        raise Http404("The claim was replaced while you reviewed it.") from None
    return _done(request, claim)


@permission_required(REVIEW_PERMISSION, raise_exception=True)
@require_http_methods(["GET", "POST"])
def claim_edit(request: HttpRequest, pk: int) -> HttpResponse:
    claim = _load_claim(pk)
    if request.method == "POST":
        form = ClaimEditForm(request.POST, instance=claim)
        if form.is_valid():
            try:
                claim = services.claim_update(
                    claim=claim,
                    user=request.user,
                    data=form.review_data(),
                    reason=form.cleaned_data["reason"],
                    seen_updated_at=form.cleaned_data["seen"],
                )
            except ValidationError as exc:
                form_errors_from(form, exc)
            except Claim.DoesNotExist:
                raise Http404("The claim was replaced while you reviewed it.") from None
            else:
                return _done(request, claim, edited=True)
        status = INVALID
    else:
        form, status = ClaimEditForm(instance=claim), 200
    template = "review/claim_edit.html#form" if request.htmx else "review/claim_edit.html"
    return render(request, template, {"claim": claim, "form": form}, status=status)


@permission_required(REVIEW_PERMISSION, raise_exception=True)
@require_http_methods(["GET", "POST"])
def claim_add(request: HttpRequest, pk: int) -> HttpResponse:
    """A claim the engine missed; GET ?start=&end= (a text selection) fills in the evidence."""
    article = get_object_or_404(Article.objects.select_related("outlet"), pk=pk)
    if request.method == "POST":
        form = ClaimAddForm(request.POST, article=article)
        if form.is_valid():
            try:
                claim = services.claim_add(
                    article=article,
                    user=request.user,
                    data=form.review_data(),
                    start=form.cleaned_data["start"],
                    end=form.cleaned_data["end"],
                )
            except ValidationError as exc:
                form_errors_from(form, exc)
            else:
                messages.success(request, f"Claim #{claim.pk} added: {claim}.")
                return redirect(article.get_absolute_url() + f"#review-claim-{claim.pk}")
        span, status = _span(article, request.POST), INVALID
    else:
        span, status = _span(article, request.GET), 200
        initial = {"start": span[0], "end": span[1]} if span else _raw_offsets(request.GET)
        form = ClaimAddForm(article=article, initial=initial)
    context = {"article": article, "form": form, "text": _text_parts(article, span)}
    return render(request, "review/claim_add.html", context, status=status)


def _span(article: Article, params) -> tuple[int, int] | None:
    """The start/end parameters as a trimmed span of the text, or None when they are not one."""
    if "start" not in params and "end" not in params:
        return None
    try:
        return services.evidence_span(article.text, params.get("start"), params.get("end"))
    except ValidationError:
        return None


def _raw_offsets(params) -> dict[str, str]:
    # Offsets that are not a span of the text are shown as given, and the form says what is wrong.
    return {key: params[key] for key in ("start", "end") if key in params}


def _text_parts(article: Article, span: tuple[int, int] | None) -> dict[str, str]:
    """The article text split around a sentence, so the template can mark it."""
    text = article.text
    if span is None:
        return {"before": text, "selected": "", "after": ""}
    start, end = span
    return {"before": text[:start], "selected": text[start:end], "after": text[end:]}


@permission_required(REVIEW_PERMISSION, raise_exception=True)
@require_GET
def article_review(request: HttpRequest, pk: int) -> HttpResponse:
    """An article's text and every claim in it, with history; ?start=&end= marks a sentence."""
    article = get_object_or_404(Article.objects.select_related("outlet"), pk=pk)
    claims = claim_selectors.claims_for_rows(article.claims.all()).order_by("start", "id")
    context = {
        "article": article,
        "claims": claims,
        "text": _text_parts(article, _span(article, request.GET)),
        # Changes to claims since deleted (their rows are gone, their history is not).
        "orphan_history": claim_selectors.article_history(article=article).filter(claim__isnull=True),
    }
    return render(request, "review/article.html", context)


@permission_required(REVIEW_PERMISSION, raise_exception=True)
@require_GET
def quality_page(request: HttpRequest) -> HttpResponse:
    partial = request.GET.get("scope") == "partial"
    try:
        report = quality.quality_report(include_partial=partial)
    except quality.EngineUnavailable as exc:
        return render(request, "review/quality.html", {"error": str(exc), "partial": partial}, status=503)
    return render(request, "review/quality.html", {"report": report, "partial": partial})


def _back_to_alarms(request: HttpRequest) -> HttpResponseRedirect:
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = ""
    return redirect(target or "claims:alarms")


@permission_required(REVIEW_PERMISSION, raise_exception=True)
@require_POST
def alarm_explain(request: HttpRequest, pk: int) -> HttpResponse:
    alarm = get_object_or_404(Alarm, pk=pk)
    try:
        services.alarm_explain(
            alarm=alarm, user=request.user, explanation=request.POST.get("explanation", "")
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, "The alarm is marked explained.")
    return _back_to_alarms(request)


@permission_required(REVIEW_PERMISSION, raise_exception=True)
@require_POST
def alarm_reopen(request: HttpRequest, pk: int) -> HttpResponse:
    services.alarm_reopen(alarm=get_object_or_404(Alarm, pk=pk))
    messages.success(request, "The alarm is open again.")
    return _back_to_alarms(request)
