/** The dashboard's grade chart: ECharts (tree-shaken, SVG renderer), loaded lazily by the dashboard only. */
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, TitleComponent, AriaComponent, SVGRenderer]);

export interface GradeSeries {
  departments: string[];
  grades: string[];
  /** counts[g][d]: projects of grade g in department d. */
  counts: number[][];
  title: string;
  yName: string;
  description: string;
}

const COLOURS: Record<string, string> = { 优: '#1b7f3b', 良: '#1f5fbf', 中: '#b36b00', 差: '#b3261e' };

export function drawGradeChart(el: HTMLElement, s: GradeSeries): () => void {
  const chart = echarts.init(el, undefined, { renderer: 'svg', locale: 'ZH' });
  chart.setOption({
    // The automatic description is wrong for stacked bars (web.md G14): say it ourselves.
    aria: { enabled: true, label: { enabled: true, description: s.description } },
    title: { text: s.title, left: 'center', textStyle: { fontSize: 16 } },
    legend: { top: 36 },
    tooltip: { trigger: 'axis' },
    grid: { top: 80, left: 48, right: 16, bottom: 48, containLabel: true },
    xAxis: { type: 'category', data: s.departments, axisLabel: { interval: 0, fontSize: 13, width: 120, overflow: 'break' } },
    yAxis: { type: 'value', name: s.yName, minInterval: 1 },
    series: s.grades.map((g, i) => ({ name: g, type: 'bar', stack: 'grades', barMaxWidth: 64, data: s.counts[i], itemStyle: { color: COLOURS[g] ?? '#555' } })),
    animation: false,
  });
  const resize = () => chart.resize();
  window.addEventListener('resize', resize);
  return () => {
    window.removeEventListener('resize', resize);
    chart.dispose();
  };
}
