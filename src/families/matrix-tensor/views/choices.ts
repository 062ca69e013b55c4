// The options of a select over a parameter's fixed choices (params.ts), with the current value added when a link
// set one off the list (it stays selected and named).
import { numberRow } from '../../../platform/state/hashCodec';
import { MATRIX_TENSOR_TABLE, type MatrixTensorUiParams } from '../params';

type ChoiceField = 'simN' | 'simT' | 'invDelta2Max' | 'deltaPMax';

export function choiceOptions(
  field: ChoiceField & keyof MatrixTensorUiParams,
  value: number,
  label: (v: string) => string = (v) => v,
): (readonly [string, string])[] {
  const list = (numberRow(MATRIX_TENSOR_TABLE, field).choices ?? []).map(String);
  return (list.includes(String(value)) ? list : [...list, String(value)]).map((v) => [v, label(v)] as const);
}
