// /dash: draw the trainee x technique heatmap with ECharts whenever htmx swaps it in.
(function () {
  function draw(el) {
    var data = JSON.parse(el.dataset.heat);
    var old = echarts.getInstanceByDom(el);
    if (old) { old.dispose(); }
    var chart = echarts.init(el, null, { renderer: "svg" });
    chart.setOption({
      animation: false,
      textStyle: { fontFamily: "system-ui, 'Classroom CJK', sans-serif", fontSize: 16 },
      grid: { top: 10, left: 10, right: 10, bottom: 10, containLabel: true },
      tooltip: {
        formatter: function (p) {
          return data.trainees[p.value[1]] + " · " + data.techniques[p.value[0]] +
            ": " + p.value[3] + " / " + p.value[4];
        }
      },
      xAxis: { type: "category", data: data.techniques, axisLabel: { color: "#f0f4f6", fontSize: 16, interval: 0, rotate: data.techniques.length > 8 ? 30 : 0 } },
      yAxis: { type: "category", data: data.trainees, inverse: true, axisLabel: { color: "#f0f4f6", fontSize: 18 } },
      visualMap: {
        min: 0, max: 1, dimension: 2, show: false,
        inRange: { color: ["#b71c1c", "#f9a825", "#2e7d32"] }
      },
      series: [{
        type: "heatmap",
        data: data.cells,
        label: {
          show: true, color: "#fff", fontSize: 16,
          formatter: function (p) { return p.value[3] + "/" + p.value[4]; }
        },
        itemStyle: { borderColor: "#0c181f", borderWidth: 2 }
      }]
    });
  }
  function drawAll(root) {
    (root || document).querySelectorAll(".heat[data-heat]").forEach(draw);
  }
  document.addEventListener("htmx:afterSettle", function (event) { drawAll(event.target); });
  window.addEventListener("resize", function () {
    document.querySelectorAll(".heat").forEach(function (el) {
      var chart = echarts.getInstanceByDom(el);
      if (chart) { chart.resize(); }
    });
  });
})();
