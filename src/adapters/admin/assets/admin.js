// Draws the admin page's charts with Chart.js (served from /admin/assets/chart.js) from the JSON data
// block the server rendered. No inline script: the page's CSP allows this file and Chart.js only.
(() => {
  const data = JSON.parse(document.getElementById('coach-data')?.textContent || '{}');
  const palette = ['#2456d3', '#e8833a', '#d64545', '#2e9e6a', '#8a5cd1', '#c2a01e', '#1aa3b8', '#7a7a7a'];
  const semantic = { outcomes: ['#2e9e6a', '#e8a33a', '#d64545'], feedback: ['#2e9e6a', '#d64545'] };

  /** Chart.js options for one chart. */
  function config(id, spec) {
    const colors = semantic[id] || palette;
    const base = { animation: false, responsive: true, maintainAspectRatio: false };
    const datasets = spec.series.map((s, i) => ({
      label: s.label,
      data: s.data,
      backgroundColor: id === 'feedback' ? colors : colors[i % colors.length],
      borderColor: id === 'feedback' ? '#fff' : colors[i % colors.length],
      spanGaps: true,
    }));
    const stacked = { x: { stacked: true }, y: { stacked: true, beginAtZero: true } };
    switch (id) {
      case 'questions':
      case 'outcomes':
        return {
          type: 'bar',
          data: { labels: spec.labels, datasets },
          options: { ...base, scales: stacked },
        };
      case 'feedback':
        return { type: 'doughnut', data: { labels: spec.labels, datasets }, options: base };
      case 'reviews':
        return {
          type: 'line',
          data: { labels: spec.labels, datasets },
          options: { ...base, scales: { y: { min: 0, max: 5 } } },
        };
      case 'top':
        return {
          type: 'bar',
          data: { labels: spec.labels, datasets },
          options: { ...base, indexAxis: 'y', plugins: { legend: { display: false } } },
        };
      case 'latency':
        return {
          type: 'line',
          data: { labels: spec.labels, datasets },
          options: { ...base, scales: { y: { beginAtZero: true } } },
        };
      default:
        return {
          type: 'bar',
          data: { labels: spec.labels, datasets },
          options: { ...base, scales: { y: { beginAtZero: true } } },
        };
    }
  }

  let drawn = 0;
  for (const [id, spec] of Object.entries(data)) {
    const canvas = document.getElementById(`chart-${id}`);
    if (!canvas || typeof Chart === 'undefined') continue;
    new Chart(canvas, config(id, spec));
    canvas.setAttribute('data-rendered', 'true');
    drawn += 1;
  }
  document.body.setAttribute('data-charts', String(drawn));
})();
