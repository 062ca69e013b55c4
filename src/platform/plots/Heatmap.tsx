// A heatmap: a canvas under a plot's SVG overlay, filled by one ImageData write of pixels computed elsewhere
// (pure, tested), and the colour bar of a continuous colour scale.
import { useLayoutEffect, useRef } from 'react';
import { scaleLinear } from 'd3-scale';
import { COLOURS } from './palette';
import { tickFormat } from './scales';

/** RGBA pixels, row-major from the top-left corner, `width × height × 4` bytes. */
export interface HeatmapProps {
  pixels: Uint8ClampedArray | null;
  width: number;
  height: number;
  /** Position of the plot area inside the positioned box (the SVG's margin). */
  left: number;
  top: number;
  testId?: string;
  /** The canvas's accessible name (what it colours, over which plane). */
  ariaLabel?: string;
}

export function Heatmap({ pixels, width, height, left, top, testId, ariaLabel }: HeatmapProps) {
  const ref = useRef<HTMLCanvasElement>(null);
  useLayoutEffect(() => {
    const c = ref.current;
    if (!c || !pixels || pixels.length !== width * height * 4) return;
    // Resizing reallocates the canvas: only when the size changed. A CPU-backed context (willReadFrequently) takes
    // putImageData as a copy; a GPU-backed one uploads the whole image on every redraw, which held the main thread
    // for tens of ms per streamed row in headless Chromium.
    if (c.width !== width) c.width = width;
    if (c.height !== height) c.height = height;
    c.getContext('2d', { willReadFrequently: true })?.putImageData(
      new ImageData(pixels as Uint8ClampedArray<ArrayBuffer>, width, height),
      0,
      0,
    );
  }, [pixels, width, height]);
  return (
    <canvas
      ref={ref}
      style={{ left, top, width, height }}
      data-testid={testId}
      role={ariaLabel ? 'img' : undefined}
      aria-label={ariaLabel}
    />
  );
}

/** A continuous colour scale: value → CSS colour over a (log or linear) domain. */
export interface ColourScale {
  colour(v: number): string;
  domain: [number, number];
  log: boolean;
}

/** A vertical colour bar at x (plot coordinates), with ticks and a rotated label on its right. */
export function ColourBar({
  scale,
  label,
  x,
  height,
  testId,
}: {
  scale: ColourScale;
  label: string;
  x: number;
  height: number;
  testId?: string;
}) {
  const n = 48;
  const [lo, hi] = scale.domain;
  const at = (t: number) => (scale.log ? lo * Math.pow(hi / lo, t) : lo + (hi - lo) * t);
  const ticks = scale.log ? [0, 0.25, 0.5, 0.75, 1].map(at) : scaleLinear().domain([lo, hi]).ticks(5);
  const yOf = (v: number) => height * (1 - (scale.log ? Math.log(v / lo) / Math.log(hi / lo) : (v - lo) / (hi - lo)));
  return (
    <g transform={`translate(${x},0)`} data-testid={testId}>
      {Array.from({ length: n }, (_, i) => (
        <rect
          key={i}
          y={(height * (n - 1 - i)) / n}
          width={12}
          height={height / n + 0.5}
          fill={scale.colour(at((i + 0.5) / n))}
        />
      ))}
      <rect width={12} height={height} fill="none" stroke={COLOURS.lightGrey} />
      {ticks.map((t) => (
        <g key={t} transform={`translate(12,${yOf(t)})`}>
          <line x2={4} stroke={COLOURS.grey} />
          <text x={6} dy="0.32em">
            {scale.log ? t.toExponential(0) : tickFormat(t)}
          </text>
        </g>
      ))}
      <text transform={`translate(52,${height / 2}) rotate(90)`} textAnchor="middle">
        {label}
      </text>
    </g>
  );
}
