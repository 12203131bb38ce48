/**
 * Chart styling as SVG attributes (not CSS classes), so a downloaded SVG or PNG looks exactly as on screen.
 */
export const chartFont = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif';
export const ink = '#1d2430';
export const muted = '#5b6473';
export const grid = '#e3e6ea';
export const bar = '#0072B2';

/** Line height of a chart's caption (10 px text). */
export const captionLineHeight = 13;

/**
 * A caption broken into lines that fit `width` pixels of 10 px text (about 5.6 px a character, measured on the
 * wide side): the caption names the selection and its source, so a downloaded chart must carry all of it.
 */
export function captionLines(text: string, width: number): string[] {
  const perLine = Math.max(20, Math.floor((width - 16) / 5.6));
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > perLine) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** "Nice" round tick values for a count from 0 to at least `max`, about `count` of them, whole numbers only. */
export function niceTicks(max: number, count = 4): number[] {
  if (max <= 0) return [0];
  const raw = max / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = Math.max(1, [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw && Number.isInteger(s)) ?? 10 * mag);
  const ticks: number[] = [];
  for (let v = 0; v <= max + step * 0.999; v += step) ticks.push(Math.round(v * 1e6) / 1e6);
  return ticks;
}
