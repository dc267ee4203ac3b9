/** Colours, sizes and timings shared by every view, in one place. */
export const theme = {
  font: 'system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif',
  mono: 'ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace',
  colour: {
    ink: '#1f2430',
    muted: '#5d6577',
    line: '#d9dde5',
    panel: '#f6f7fa',
    accent: '#2f6fde',
    accentInk: '#ffffff',
    danger: '#b3261e',
    dangerBg: '#fdecea',
    warn: '#8a5a00',
    warnBg: '#fff4d6',
    top: '#e8590c',
  },
} as const;
