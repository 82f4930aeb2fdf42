/* Review pages: keyboard shortcuts over claim rows, adding a claim from a text selection, and
   letting HTMX swap in a form the server refused (400/422 carry the form with its errors).

   Rows are [data-claim-row][data-claim-id] (templates/review/_claim_row.html); an article's text is
   [data-article-text] with data-add-url and data-raw-text-id naming a json_script copy of the raw text. */
(function () {
  "use strict";

  // ---- HTMX: show refused forms, report other failures -------------------------------------------

  document.addEventListener("htmx:beforeSwap", function (event) {
    var status = event.detail.xhr.status;
    if (status === 400 || status === 422) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });

  document.addEventListener("htmx:responseError", function (event) {
    var status = event.detail.xhr.status;
    if (status === 403) say("You are not allowed to review claims.");
    else if (status === 404) say("This claim no longer exists (a re-extraction may have replaced it): reload the page.");
    else say("The server could not do that (HTTP " + status + "). Try again.");
  });

  function say(message) {
    var box = document.getElementById("review-status");
    if (box) box.textContent = message;
    else window.alert(message);
  }

  // ---- Rows and keyboard shortcuts -----------------------------------------------------------------

  // The current row is remembered by claim id: every action replaces the row's element.
  var currentId = null;
  // After this claim's row comes back reviewed, move on to the next one.
  var advanceFrom = null;

  // Only the rows on show: in the claim table a figure's review rows sit in a <details> until opened.
  function rows() {
    return Array.prototype.slice.call(document.querySelectorAll("[data-claim-row]")).filter(function (r) {
      return r.getClientRects().length > 0;
    });
  }

  function rowOf(id) {
    return id ? document.querySelector('[data-claim-row][data-claim-id="' + id + '"]') : null;
  }

  function select(row, focus) {
    rows().forEach(function (r) { r.classList.remove("is-current"); });
    if (!row) { currentId = null; return; }
    currentId = row.dataset.claimId;
    row.classList.add("is-current");
    if (focus !== false) row.focus({ preventScroll: true });
    reveal(row);
  }

  // Scroll the page up or down to the row, never sideways: in the claim table a review row spans a
  // table wider than its scrolling box, and scrollIntoView would pull that box to one end.
  function reveal(row) {
    var box = row.getBoundingClientRect();
    if (box.top < 0) window.scrollBy(0, box.top - 8);
    else if (box.bottom > window.innerHeight) window.scrollBy(0, Math.min(box.top, box.bottom - window.innerHeight) + 8);
  }

  function move(step) {
    var all = rows();
    if (!all.length) return;
    var i = all.indexOf(rowOf(currentId));
    if (i < 0) select(all[step > 0 ? 0 : all.length - 1]);
    else select(all[Math.min(Math.max(i + step, 0), all.length - 1)]);
  }

  function press(row, action) {
    var control = row && row.querySelector('[data-action="' + action + '"]');
    if (!control) return false;
    control.click();
    return true;
  }

  function openReject(row) {
    var details = row.querySelector(".review-reject");
    if (!details) return;
    details.open = true;
    var input = details.querySelector('input[name="reason"]');
    if (input) input.focus();
  }

  function escape(target) {
    var details = target.closest && target.closest(".review-reject");
    var row = target.closest && target.closest("[data-claim-row]");
    if (details) {
      details.open = false;
      if (row) select(row);
    } else if (row && row.hasAttribute("data-editing")) {
      press(row, "cancel");
    }
  }

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
    if (event.key === "Escape") { escape(event.target); return; }
    if (event.target.closest && event.target.closest("input, textarea, select, [contenteditable]")) return;
    var row = rowOf(currentId);
    switch (event.key) {
      case "j": move(1); break;
      case "k": move(-1); break;
      case "c":
        if (row && row.querySelector('[data-action="confirm"]')) { advanceFrom = currentId; press(row, "confirm"); }
        break;
      case "r": if (row) openReject(row); break;
      case "e": if (row) press(row, "edit"); break;
      case "o": {
        var link = row && row.querySelector(".review-evidence a");
        if (link) window.location.href = link.href;
        break;
      }
      case "a": addFromSelection(); break;
      default: return;
    }
    event.preventDefault();
  });

  // A click on a row makes it the current one; a reject or confirm submitted from it moves on after.
  document.addEventListener("click", function (event) {
    var row = event.target.closest && event.target.closest("[data-claim-row]");
    if (row && row.dataset.claimId !== currentId) select(row, false);
  });
  document.addEventListener("submit", function (event) {
    var row = event.target.closest("[data-claim-row]");
    if (row && event.target.closest(".review-reject")) advanceFrom = row.dataset.claimId;
  }, true);

  // Only a redrawn row matters here (a filtered list settles too, and must keep its focus).
  document.addEventListener("htmx:afterSettle", function (event) {
    var row = event.target.closest && event.target.closest("[data-claim-row]");
    if (!row || row.dataset.claimId !== currentId) return;
    if (row.hasAttribute("data-editing")) {
      select(row, false);
      var first = row.querySelector(".has-error input, .has-error select") || row.querySelector("input:not([type=hidden]), select");
      if (first) first.focus();
    } else if (advanceFrom === currentId && row.dataset.reviewStatus !== "unreviewed") {
      advanceFrom = null;
      select(row, false);
      move(1);
    } else {
      select(row);
    }
  });

  // ---- The claim table: a figure's row follows its review rows ---------------------------------------

  // A figure's row shows the review state of the claim standing for it (its badge has
  // data-status-of); when that claim's review row comes back from an action, the badge takes the
  // new state. A saved edit (data-edited) may have changed the figure itself, which only a reload
  // can regroup, so the row says that rather than show a figure that is no longer right.
  document.addEventListener("htmx:afterSettle", function (event) {
    var row = event.target.closest && event.target.closest("[data-claim-row]");
    if (!row || row.hasAttribute("data-editing")) return;
    var badge = document.querySelector('[data-status-of="' + row.dataset.claimId + '"]');
    var fresh = row.querySelector(".review-state .badge");
    if (!badge || !fresh) return;
    badge.className = fresh.className;
    badge.textContent = fresh.textContent;
    if (row.hasAttribute("data-edited") && !badge.parentNode.querySelector("[data-edited-note]")) {
      var note = document.createElement("span");
      note.className = "muted";
      note.setAttribute("data-edited-note", "");
      note.textContent = " edited: reload to see the figure as corrected";
      badge.parentNode.appendChild(note);
    }
  });

  function selectFromHash() {
    var match = /^#review-claim-(\d+)$/.exec(window.location.hash);
    if (match) select(rowOf(match[1]));
  }

  // ---- Text selection -> offsets into the raw article text ------------------------------------------

  // Offsets are counted as Python counts them: in code points (a JS string counts UTF-16 units, so
  // an emoji is 2 there and 1 in Python).
  function codePoints(text) {
    var n = 0;
    for (var _ of text) n += 1; // eslint-disable-line no-unused-vars
    return n;
  }

  function rawTextOf(root) {
    var holder = root.dataset.rawTextId && document.getElementById(root.dataset.rawTextId);
    if (!holder) return null;
    try { return JSON.parse(holder.textContent); } catch (e) { return null; }
  }

  // The HTML parser turns CR LF and lone CR into LF, so the DOM text can be shorter than the raw
  // text: map a code-point offset in the DOM text to one in the raw text.
  function toRawOffset(chars, offset) {
    var i = 0, seen = 0;
    while (i < chars.length && seen < offset) {
      i += chars[i] === "\r" && chars[i + 1] === "\n" ? 2 : 1;
      seen += 1;
    }
    return i;
  }

  // Offsets of the current selection within `root`, in the raw text, whitespace trimmed; or null.
  function selectionOffsets(root) {
    var selection = window.getSelection();
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
    var range = selection.getRangeAt(0);
    var startInside = root.contains(range.startContainer), endInside = root.contains(range.endContainer);
    if (!startInside && !endInside) return null;
    // A range from the start of the text to each end of the selection; toString() joins exactly the
    // text nodes in between, whatever elements (marks, links) the text is split into.
    var before = document.createRange();
    before.selectNodeContents(root);
    if (startInside) before.setEnd(range.startContainer, range.startOffset);
    else before.collapse(true);
    var upto = document.createRange();
    upto.selectNodeContents(root);
    if (endInside) upto.setEnd(range.endContainer, range.endOffset);
    var start = codePoints(before.toString()), end = codePoints(upto.toString());

    var raw = rawTextOf(root);
    var chars = Array.from(raw === null ? root.textContent : raw);
    if (raw !== null) {
      var whole = document.createRange();
      whole.selectNodeContents(root);
      if (whole.toString() === raw.replace(/\r\n?/g, "\n")) {
        start = toRawOffset(chars, start);
        end = toRawOffset(chars, end);
      } else {
        // The page shows the text changed somehow: fall back to finding the selected words in it.
        var found = raw.indexOf(range.toString());
        if (found < 0) return null;
        start = codePoints(raw.slice(0, found));
        end = start + codePoints(range.toString());
      }
    }
    while (start < end && /\s/.test(chars[start])) start += 1;
    while (end > start && /\s/.test(chars[end - 1])) end -= 1;
    if (end <= start) return null;
    return { start: start, end: end, text: chars.slice(start, end).join("") };
  }

  function selectedRoot() {
    var selection = window.getSelection();
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
    var node = selection.getRangeAt(0).commonAncestorContainer;
    var element = node.nodeType === 1 ? node : node.parentElement;
    return element && (element.closest("[data-article-text]") ||
      (element.querySelector && element.querySelector("[data-article-text]")));
  }

  function addUrl(root, offsets) {
    return root.dataset.addUrl + "?start=" + offsets.start + "&end=" + offsets.end;
  }

  // On the add-claim page the selection fills the form; elsewhere it offers a link to that page.
  function fillAddForm(offsets) {
    var form = document.querySelector("form[data-claim-add-form]");
    if (!form) return false;
    form.elements.start.value = offsets.start;
    form.elements.end.value = offsets.end;
    var preview = form.querySelector("[data-evidence-preview]");
    if (preview) preview.textContent = offsets.text;
    return true;
  }

  function addFromSelection() {
    var root = selectedRoot();
    var offsets = root && selectionOffsets(root);
    if (!offsets) { say("Select the claim's sentence in the article text first."); return; }
    if (!fillAddForm(offsets)) window.location.href = addUrl(root, offsets);
  }

  var floating = null;

  function offerAdd() {
    if (floating) { floating.remove(); floating = null; }
    var root = selectedRoot();
    var offsets = root && selectionOffsets(root);
    if (!offsets || fillAddForm(offsets)) return;
    var box = window.getSelection().getRangeAt(0).getBoundingClientRect();
    floating = document.createElement("a");
    floating.className = "review-selection-add";
    floating.href = addUrl(root, offsets);
    floating.textContent = "Add a claim from this sentence (a)";
    floating.style.left = window.scrollX + box.left + "px";
    floating.style.top = window.scrollY + box.bottom + 4 + "px";
    document.body.appendChild(floating);
  }

  document.addEventListener("mouseup", function (event) {
    if (floating && event.target === floating) return;
    window.setTimeout(offerAdd, 0);
  });
  document.addEventListener("keyup", function (event) {
    if (event.shiftKey || event.key === "Shift") window.setTimeout(offerAdd, 0);
  });

  window.addEventListener("hashchange", selectFromHash);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", selectFromHash);
  else selectFromHash();
})();
