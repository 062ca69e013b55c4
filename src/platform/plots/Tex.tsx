// KaTeX formulas rendered to a string (no DOM work of KaTeX's own); only KaTeX's CSS is imported.
import katex from 'katex';
import 'katex/dist/katex.min.css';

export function Tex({ children, block = false }: { children: string; block?: boolean }) {
  const html = katex.renderToString(children, { displayMode: block, throwOnError: false, output: 'htmlAndMathml' });
  return block ? (
    <div className="tex-block" dangerouslySetInnerHTML={{ __html: html }} />
  ) : (
    <span dangerouslySetInnerHTML={{ __html: html }} />
  );
}
