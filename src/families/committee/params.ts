// Parameters of the committee-machine tab: URL keys = flags of the CLI command `committee`.
import { COMMITTEE_PRIORS, type CommitteePrior } from '../../physics/classic/committeePrior';
import { createHashCodec, type HashCodec, type HashSpec } from '../../platform/state/hashCodec';

export interface CommitteeUiParams {
  prior: CommitteePrior;
  alphaMax: number;
  /** Hidden units, 2 or 3. */
  K: number;
}

export const COMMITTEE_TABLE: readonly HashSpec<CommitteeUiParams>[] = [
  {
    kind: 'enum',
    key: 'prior',
    field: 'prior',
    def: 'gaussian',
    values: COMMITTEE_PRIORS,
    label: 'prior',
    help: 'teacher weight prior',
  },
  {
    kind: 'number',
    key: 'alpha-max',
    field: 'alphaMax',
    def: 5,
    min: 1,
    max: 30,
    label: 'α range',
    help: 'largest α searched by --thresholds',
  },
  {
    kind: 'number',
    key: 'K',
    field: 'K',
    def: 2,
    min: 2,
    max: 3,
    integer: true,
    label: 'hidden units K',
    help: 'hidden units (K = 2 or 3)',
  },
];

export const committeeCodec: HashCodec<CommitteeUiParams> = createHashCodec<CommitteeUiParams>(
  'committee',
  1,
  COMMITTEE_TABLE,
);
