// Symbols in SVG text (legends, axis labels, rule and span texts), where KaTeX's HTML (Tex.tsx) cannot go.
import type { ReactNode } from 'react';

/** x_sub in a plain label (α_IT, ε_opt, σ_ε, m_S, He_ℓ, 1/Δ2_AMP; braces for longer ones: x_{a b}). */
const SUBSCRIPT = /([A-Za-z0-9Α-Ωα-ωℓ])_(\{[^}]*\}|[A-Za-z0-9ℓεσ]+)/g;

/**
 * A label for SVG text (legends, axis labels, rule and span texts, where KaTeX's HTML cannot go): each x_sub of a
 * plain string typeset as x with a lowered, smaller subscript (a tspan, kept by the SVG export). Other nodes as
 * they are.
 */
export function svgLabel(label: ReactNode): ReactNode {
  if (typeof label !== 'string' || !label.includes('_')) return label;
  const out: ReactNode[] = [];
  let last = 0;
  for (const m of label.matchAll(SUBSCRIPT)) {
    out.push(label.slice(last, m.index + 1));
    out.push(
      <tspan key={m.index} baselineShift="sub" fontSize="0.75em">
        {m[2].replace(/^\{|\}$/g, '')}
      </tspan>,
    );
    last = m.index + m[0].length;
  }
  out.push(label.slice(last));
  return out;
}
