// Draws the dashboard's timeline from the JSON the server put in #timeline-data (json_script), and
// again each time htmx swaps in new results. A click on a point or bar opens its claims.
(function () {
  "use strict";
  if (window.claimtrackTimeline) {
    return; // loaded twice (e.g. a history restore): one set of handlers is enough
  }
  window.claimtrackTimeline = true;

  let chart = null;

  function dataset(spec, stacked) {
    const line = spec.kind === "line";
    return {
      type: spec.kind,
      label: spec.label,
      data: spec.data,
      link: spec.link,
      yAxisID: spec.axis,
      backgroundColor: line ? spec.colour : spec.colour + "cc",
      borderColor: spec.colour,
      borderWidth: line ? 2 : 0,
      borderDash: spec.dashed ? [6, 4] : [],
      pointRadius: line ? (spec.data.length > 120 ? 0 : 2.5) : 0,
      pointHoverRadius: 5,
      pointStyle: spec.dashed ? "rectRot" : "circle",
      spanGaps: true,
      stack: stacked && !line ? "claims" : undefined,
    };
  }

  function iso(date) {
    return date.toISOString().slice(0, 10);
  }

  // The same days as Timeline.bucket_link on the server: the bucket, within the filtered range.
  function bucketLink(spec, base, label) {
    const start = new Date(label + "T00:00:00Z");
    const end = new Date(start);
    if (spec.bucket === "week") {
      end.setUTCDate(end.getUTCDate() + 6);
    } else if (spec.bucket === "month") {
      end.setUTCMonth(end.getUTCMonth() + 1, 0);
    }
    let from = iso(start);
    let to = iso(end);
    if (spec.dateFrom && spec.dateFrom > from) {
      from = spec.dateFrom;
    }
    if (spec.dateTo && spec.dateTo < to) {
      to = spec.dateTo;
    }
    const url = new URL(base, window.location.origin);
    url.searchParams.set("date_from", from);
    url.searchParams.set("date_to", to);
    return url.pathname + url.search;
  }

  // The table's colour keys: set here, since the Content-Security-Policy allows no inline style.
  function paintSwatches() {
    document.querySelectorAll(".swatch[data-colour]").forEach(function (swatch) {
      swatch.style.backgroundColor = swatch.dataset.colour;
    });
  }

  function draw() {
    paintSwatches();
    const holder = document.getElementById("timeline-data");
    const canvas = document.getElementById("timeline-chart");
    if (chart && (!canvas || chart.canvas !== canvas)) {
      chart.destroy();
      chart = null;
    }
    if (!holder || !canvas || typeof window.Chart === "undefined") {
      return;
    }
    const spec = JSON.parse(holder.textContent);
    const hasY2 = spec.datasets.some(function (d) { return d.axis === "y2"; });
    const anyLine = spec.datasets.some(function (d) { return d.kind === "line"; });
    const scales = {
      x: { stacked: spec.stacked, ticks: { autoSkip: true, maxTicksLimit: 14 } },
      y: { stacked: spec.stacked, beginAtZero: true, title: { display: true, text: spec.yTitle } },
    };
    if (hasY2) {
      scales.y2 = {
        position: "right",
        beginAtZero: false,
        grid: { drawOnChartArea: false },
        title: { display: true, text: spec.y2Title },
      };
    }
    if (chart) {
      chart.destroy();
    }
    chart = new window.Chart(canvas, {
      type: "bar",
      data: { labels: spec.labels, datasets: spec.datasets.map(function (d) { return dataset(d, spec.stacked); }) },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        interaction: anyLine ? { mode: "nearest", intersect: false } : { mode: "nearest", intersect: true },
        scales: scales,
        plugins: {
          legend: { position: "bottom", labels: { usePointStyle: true } },
          tooltip: { callbacks: { footer: function () { return "Click to see these claims"; } } },
        },
        onHover: function (event, elements) {
          event.native.target.style.cursor = elements.length ? "pointer" : "default";
        },
        onClick: function (event, elements) {
          if (!elements.length) {
            return;
          }
          const hit = elements[0];
          const base = chart.data.datasets[hit.datasetIndex].link;
          if (base) {
            window.location.assign(bucketLink(spec, base, spec.labels[hit.index]));
          }
        },
      },
    });
  }

  if (window.htmx) {
    window.htmx.onLoad(draw); // every swap of new results
  }

  // Filters left empty stay out of the request and so out of the URL it pushes: the address
  // bar then reads like the filters in use (?subject_side=UA&group=pair), ready to share.
  document.addEventListener("htmx:configRequest", function (event) {
    if (event.detail.verb !== "get") {
      return;
    }
    const params = event.detail.parameters;
    Object.keys(params).forEach(function (name) {
      if (params[name] === "") {
        delete params[name];
      }
    });
  });
  // The first drawing; a second one from htmx's own first load event just redraws the same.
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", draw);
  } else {
    draw();
  }
})();
