/** The viewer page's stylesheet. */
export const STYLES = `
html, body { margin: 0; height: 100%; font: 13px system-ui, sans-serif; color: #222; }
body { display: flex; flex-direction: column; }
header { display: flex; gap: 16px; align-items: baseline; padding: 8px 14px; border-bottom: 1px solid #ddd; background: #fafafa; }
header .hint { color: #888; margin-left: auto; }
#error:not(:empty) { padding: 8px 14px; background: #fdd; color: #900; }
#canvas { flex: 1; width: 100%; cursor: grab; user-select: none; background: #fff; }
#canvas:active { cursor: grabbing; }
text { text-anchor: middle; dominant-baseline: auto; pointer-events: none; }
.scope { cursor: pointer; }
.scope.closed rect { fill: #dbe9f8; stroke: #4a7fb5; stroke-width: 1.5; }
.scope.closed:hover rect { fill: #c6dcf3; }
.scope.open > rect { fill: rgba(74, 127, 181, 0.05); stroke: #8fb1d4; stroke-dasharray: 4 3; }
.scope.open:hover > rect { stroke: #4a7fb5; }
.scope .title { font: bold 13px system-ui, sans-serif; fill: #234; }
.scope.open .title { text-anchor: start; }
.sub { font: 10px system-ui, sans-serif; fill: #667; }
.op rect { fill: #fff; stroke: #999; }
.op.variable rect { fill: #fde9c9; stroke: #c98a2b; }
.op.const rect { fill: #eee; stroke: #bbb; }
.op.input rect { fill: #dff3dc; stroke: #5a9a4f; }
.op .name { font: 12px system-ui, sans-serif; fill: #222; }
.edge { fill: none; stroke: #889; stroke-width: 1.2; }
.edge.control { stroke: #bbb; stroke-dasharray: 3 3; }
.shape { font: 10px system-ui, sans-serif; fill: #556; }
#arrow path { fill: #889; }
`;
