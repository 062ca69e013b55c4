// A tab whose code fails to load (offline before its chunk was cached) or whose view throws shows what happened in
// its panel; the header, the other tabs and the rest of the page keep working. Keyed by family, so a switch retries.
import type { ReactNode } from 'react';
import { Boundary, firstLine } from '../platform/ui/Boundary';

export function TabBoundary({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Boundary
      fallback={(error) => (
        <p className="error-banner" role="alert" data-testid="tab-error">
          The {label} tab stopped: {firstLine(error)}. The other tabs still work; reload the page to try this one again.
        </p>
      )}
    >
      {children}
    </Boundary>
  );
}
