// Widths of plot label text, measured in the page (a canvas's measureText at the plots' legend font), so that
// legend rows and boxes are as wide as their labels: estimates from the character count let long labels run into
// the next entry. Null where nothing can measure (Node, jsdom): the layout then estimates.
import type { MeasureText } from './lineGeometry';

const FONT = "11.5px Inter, 'Segoe UI', 'DejaVu Sans', system-ui, sans-serif";
let ctx: CanvasRenderingContext2D | null | undefined;

export const measureLabel: MeasureText = (text) => {
  if (ctx === undefined) {
    const browser =
      typeof document !== 'undefined' && typeof navigator !== 'undefined' && !/jsdom/i.test(navigator.userAgent);
    ctx = browser ? document.createElement('canvas').getContext('2d') : null;
    if (ctx) ctx.font = FONT;
  }
  return ctx ? ctx.measureText(text).width : null;
};
