// Draws every chart the server put in the page (a <script type="application/json" data-chart-for="id"> each) with
// uPlot, and keeps the gate countdown ticking. Served from the desk itself; uPlot comes from npm at build time.
(function () {
  function legendDash(u, i) {
    var dash = u.series[i].dash;
    return !dash || dash.length === 0 ? 'solid' : dash[0] <= 2 ? 'dotted' : 'dashed';
  }

  function draw(target, figure) {
    var labels = figure.x;
    var series = [{ label: figure.xTitle, value: function (u, i) { return i == null ? '' : labels[i]; } }];
    figure.series.forEach(function (s) {
      series.push({ label: s.label, stroke: s.stroke, width: s.width, dash: s.dash, spanGaps: false, points: s.points });
    });
    var data = [labels.map(function (_, i) { return i; })].concat(figure.series.map(function (s) { return s.values; }));
    var options = {
      title: figure.title,
      width: Math.max(320, target.clientWidth),
      height: 360,
      scales: { x: { time: false } },
      series: series,
      bands: figure.bands.map(function (b) { return { series: b, fill: 'rgba(15,108,189,0.16)' }; }),
      axes: [
        { label: figure.xTitle, values: function (u, splits) { return splits.map(function (v) { return Number.isInteger(v) && labels[v] != null ? labels[v] : ''; }); } },
        { label: figure.yTitle, size: 60 },
      ],
      legend: { live: false, markers: { dash: legendDash, width: 3 } },
    };
    var chart = new uPlot(options, data, target);
    target._chart = chart;
    window.addEventListener('resize', function () { chart.setSize({ width: Math.max(320, target.clientWidth), height: 360 }); });
  }

  function drawCharts() {
    document.querySelectorAll('script[data-chart-for]').forEach(function (script) {
      var target = document.getElementById(script.getAttribute('data-chart-for'));
      if (!target || target.getAttribute('data-drawn') === 'true') return;
      draw(target, JSON.parse(script.textContent));
      target.setAttribute('data-drawn', 'true');
      performance.mark('ercot-chart-drawn');
    });
  }

  function tickGate() {
    var gate = document.querySelector('[data-gate-utc]');
    if (!gate) return;
    var left = Math.round((Date.parse(gate.getAttribute('data-gate-utc')) - Date.now()) / 1000);
    var text = left <= 0 ? 'closed' : Math.floor(left / 3600) + ' h ' + String(Math.floor(left % 3600 / 60)).padStart(2, '0') + ' min ' + String(left % 60).padStart(2, '0') + ' s left';
    gate.querySelector('[data-gate-left]').textContent = text;
  }

  // The charts' placeholders come before this script in the page, so they are drawn at once, before the scripts
  // after it (Blazor's, Fluent UI's web components) have loaded.
  drawCharts();
  tickGate();
  setInterval(tickGate, 1000);
})();
