// The classic tabs' threshold marks: a dotted vertical rule with its value at each threshold (test id mark-<id>),
// and the hard phase between α_IT and α_AMP shaded (test id band-hard).
import { rule, type RuleSeries, type SpanSeries } from './lineGeometry';
import { COLOURS } from './palette';

export function thresholdRule(id: string, at: number, text: string): RuleSeries {
  return rule(id, 'x', at, COLOURS.grey, { dash: 'dotted', text, testId: `mark-${id}` });
}

const NAMES = {
  alphaSpec: ['alpha-spec', 'α_spec'],
  alphaIT: ['alpha-it', 'α_IT'],
  alphaAMP: ['alpha-amp', 'α_AMP'],
} as const;
type Thresholds = Partial<Record<keyof typeof NAMES, number | null>>;

/** Rules at the known thresholds; the hard phase, labelled `hard`, where both α_IT and α_AMP are known. */
export function thresholdMarks(t: Thresholds, hard: string): { spans: SpanSeries[]; rules: RuleSeries[] } {
  const rules: RuleSeries[] = [];
  for (const key of Object.keys(NAMES) as (keyof typeof NAMES)[]) {
    const at = t[key];
    if (at !== null && at !== undefined)
      rules.push(thresholdRule(NAMES[key][0], at, `${NAMES[key][1]} ≈ ${at.toFixed(3)}`));
  }
  const { alphaIT, alphaAMP } = t;
  const spans: SpanSeries[] =
    alphaIT !== null && alphaIT !== undefined && alphaAMP !== null && alphaAMP !== undefined
      ? [{ mark: 'span', id: 'hard', x0: alphaIT, x1: alphaAMP, colour: COLOURS.hard, text: hard, testId: 'band-hard' }]
      : [];
  return { spans, rules };
}
