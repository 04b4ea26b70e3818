// Draws every chart the server put in the page (a <script type="application/json" data-chart-for="id"> each),
// and keeps the gate countdown ticking. Served from the desk itself; plotly.js comes from the Plotly.Blazor package.
(function () {
  function drawCharts() {
    document.querySelectorAll('script[data-chart-for]').forEach(function (script) {
      var target = document.getElementById(script.getAttribute('data-chart-for'));
      if (!target || target.getAttribute('data-drawn') === 'true') return;
      var figure = JSON.parse(script.textContent);
      Plotly.newPlot(target, figure.data, figure.layout, { displaylogo: false, responsive: true }).then(function () {
        target.setAttribute('data-drawn', 'true');
      });
    });
  }

  function tickGate() {
    var gate = document.querySelector('[data-gate-utc]');
    if (!gate) return;
    var closes = Date.parse(gate.getAttribute('data-gate-utc'));
    var left = Math.round((closes - Date.now()) / 1000);
    var text = left <= 0 ? 'closed' : Math.floor(left / 3600) + ' h ' + String(Math.floor(left % 3600 / 60)).padStart(2, '0') + ' min ' + String(left % 60).padStart(2, '0') + ' s left';
    gate.querySelector('[data-gate-left]').textContent = text;
  }

  function start() {
    drawCharts();
    tickGate();
    setInterval(tickGate, 1000);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
