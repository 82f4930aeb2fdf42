// Draws the dashboard's timeline from the JSON the server put in #timeline-data (json_script), and
// again each time htmx swaps in new results. A click on a point or bar opens its claims.
(function () {
  "use strict";
  if (window.claimtrackTimeline) {
    return; // loaded twice (e.g. a history restore): one set of handlers is enough
  }
  window.claimtrackTimeline = true;

  let chart = null;

  // Every figure on the page with thousands separators, as the tables print them.
  const numbers = new Intl.NumberFormat("en-GB");
  function format(value) {
    return value === null || value === undefined ? "" : numbers.format(value);
  }

  function dataset(spec, stacked) {
    const line = spec.kind === "line";
    const alarm = spec.kind === "scatter";
    return {
      // Alarms are points without a line: a "line" dataset that draws none (scatter needs a linear x).
      type: alarm ? "line" : spec.kind,
      showLine: !alarm,
      label: spec.label,
      data: spec.data,
      link: spec.link,
      pointLinks: spec.pointLinks,
      pointNotes: spec.pointNotes,
      yAxisID: spec.axis,
      backgroundColor: line || alarm ? spec.colour : spec.colour + "cc",
      borderColor: spec.colour,
      borderWidth: line ? 2 : 0,
      borderDash: spec.dashed ? [6, 4] : [],
      pointRadius: alarm ? 7 : line ? (spec.data.length > 120 ? 0 : 2.5) : 0,
      pointHoverRadius: alarm ? 9 : 5,
      pointStyle: alarm ? "triangle" : spec.dashed ? "rectRot" : "circle",
      // A running total bridges buckets without a report; a week without a claimed figure is a gap.
      spanGaps: spec.spanGaps,
      stack: stacked && !line && !alarm ? "claims" : undefined,
    };
  }

  // Tooltip details (the point's claims, its largest figures, who claims them, their first words),
  // fetched for the point under the pointer and kept for the page's life.
  const details = new Map();

  function describe(data) {
    const lines = [format(data.claims) + " claim" + (data.claims === 1 ? "" : "s") +
      (data.figures !== null && data.figures !== undefined ? ", " + format(data.figures) + " distinct figures" : "")];
    data.top.forEach(function (f) {
      if (f.value === null) {
        return;
      }
      const range = f.valueMax !== null ? "–" + format(f.valueMax) : "";
      lines.push((f.qualifier ? f.qualifier + " " : "") + format(f.value) + range + " · " + f.claimant + " · " +
        f.sources + " source" + (f.sources === 1 ? "" : "s"));
      lines.push("  “" + f.evidence + "”");
    });
    return lines;
  }

  function detailLines(url) {
    if (!details.has(url)) {
      details.set(url, null);
      fetch(url, { headers: { "Accept": "application/json" }, credentials: "same-origin" })
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (data) {
          details.set(url, data ? describe(data) : []);
          if (chart && chart.tooltip.getActiveElements().length) {
            chart.tooltip.setActiveElements(chart.tooltip.getActiveElements(), { x: 0, y: 0 });
            chart.update("none");
          }
        })
        .catch(function () { details.set(url, []); });
    }
    return details.get(url) || ["Reading its claims…"];
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

  function pointLink(spec, dataset, index) {
    if (dataset.pointLinks && dataset.pointLinks[index]) {
      return dataset.pointLinks[index];
    }
    return dataset.link ? bucketLink(spec, dataset.link, spec.labels[index]) : null;
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
      y: {
        stacked: spec.stacked,
        beginAtZero: true,
        title: { display: true, text: spec.yTitle },
        // Counts are whole numbers: no 0.5 claims on the axis.
        ticks: { precision: 0, callback: format },
      },
    };
    if (hasY2) {
      scales.y2 = {
        position: "right",
        beginAtZero: false,
        grid: { drawOnChartArea: false },
        title: { display: true, text: spec.y2Title },
        ticks: { precision: 0, callback: format },
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
          tooltip: {
            callbacks: {
              label: function (item) {
                return item.dataset.label + ": " + format(item.raw);
              },
              afterBody: function (items) {
                if (!items.length || !spec.pointUrl) {
                  return [];
                }
                const item = items[0];
                const lines = [];
                const note = item.dataset.pointNotes && item.dataset.pointNotes[item.dataIndex];
                if (note) {
                  lines.push(note);
                }
                const link = pointLink(spec, item.dataset, item.dataIndex);
                if (link) {
                  const url = new URL(link, window.location.origin);
                  return lines.concat(detailLines(spec.pointUrl + url.search));
                }
                return lines;
              },
              footer: function () { return "Click to see these claims"; },
            },
          },
        },
        onHover: function (event, elements) {
          event.native.target.style.cursor = elements.length ? "pointer" : "default";
        },
        onClick: function (event, elements) {
          if (!elements.length) {
            return;
          }
          const hit = elements[0];
          const link = pointLink(spec, chart.data.datasets[hit.datasetIndex], hit.index);
          if (link) {
            window.location.assign(link);
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
