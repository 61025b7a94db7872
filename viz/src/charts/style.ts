/**
 * Chart typography and strokes, as one stylesheet that the page uses and that every exported
 * SVG embeds, so an exported chart looks like it did on screen.
 */
export const CHART_CSS = `
.chart-svg { font-family: "Inter", "Noto Sans SC Subset", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", system-ui, -apple-system, "Segoe UI", sans-serif; font-size: 12px; fill: #222; background: #fff; }
.chart-svg .title { font-size: 15px; font-weight: 600; fill: #111; }
.chart-svg .axis text { font-size: 11px; fill: #444; }
.chart-svg .axis { font-family: inherit; } /* d3's axes set font-family="sans-serif", which has no Chinese dates */
.chart-svg .axis path, .chart-svg .axis line { stroke: #888; }
.chart-svg .grid line { stroke: #e6e6e6; }
.chart-svg .grid path { stroke: none; }
.chart-svg .axis-label { font-size: 11px; fill: #444; }
.chart-svg .phase-label { font-size: 10.5px; fill: #5a5040; paint-order: stroke; stroke: #fff; stroke-width: 3px; stroke-linejoin: round; }
.chart-svg .legend text { font-size: 11.5px; fill: #222; }
.chart-svg .mark-label { font-size: 11px; font-weight: 600; paint-order: stroke; stroke: #fff; stroke-width: 3px; stroke-linejoin: round; }
.chart-svg .line { fill: none; stroke-width: 2.25px; stroke-linejoin: round; stroke-linecap: round; }
.chart-svg .line.dashed { stroke-dasharray: 6 4; stroke-width: 2px; }
.chart-svg .band { opacity: 0.22; }
.chart-svg .cursor { stroke: #333; stroke-width: 1px; stroke-dasharray: 2 2; }
.chart-svg path[data-flow] { transition: stroke-width 180ms ease-out, opacity 180ms ease-out; }
.chart-svg .node-label { font-size: 12px; font-weight: 600; fill: #111; }
.chart-svg .cell-label { font-size: 11px; }
.chart-svg .cell-spread { font-size: 9.5px; }
.chart-svg .scale-note { font-size: 10.5px; fill: #555; }
`;
