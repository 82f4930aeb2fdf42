// Draws a reference series' curve from #reference-data (json_script) with the claims checked against it
// as points: those that differ in one colour, those that agree in another.
(function () {
  "use strict";
  function draw() {
    const holder = document.getElementById("reference-data");
    const canvas = document.getElementById("reference-chart");
    if (!holder || !canvas || !window.Chart) {
      return;
    }
    const data = JSON.parse(holder.textContent);
    const numbers = new Intl.NumberFormat("en-GB");
    const claims = (status) => data.claims.filter((c) => c.status === status);
    new window.Chart(canvas, {
      type: "line",
      data: {
        datasets: [
          { label: data.label, data: data.points, borderColor: "#1f4e79", pointRadius: 0, borderWidth: 2 },
          { label: "Claims that agree", data: claims("agrees"), showLine: false, pointRadius: 5,
            backgroundColor: "#2e7d32", borderColor: "#2e7d32" },
          { label: "Claims that differ", data: claims("differs"), showLine: false, pointRadius: 5,
            pointStyle: "triangle", backgroundColor: "#c62828", borderColor: "#c62828" },
        ],
      },
      options: {
        parsing: { xAxisKey: "x", yAxisKey: "y" },
        maintainAspectRatio: false,
        scales: {
          x: { type: "category", labels: data.points.map((p) => p.x), ticks: { maxTicksLimit: 8 } },
          y: { ticks: { callback: (value) => numbers.format(value) } },
        },
        plugins: {
          tooltip: { callbacks: { label: (item) => `${item.dataset.label}: ${numbers.format(item.parsed.y)}` } },
        },
      },
    });
  }
  document.addEventListener("DOMContentLoaded", draw);
})();
