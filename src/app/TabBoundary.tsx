// A tab whose code fails to load (offline before its chunk was cached) or whose view throws shows what happened in
// its panel; the header, the other tabs and the rest of the page keep working. Keyed by family, so a switch retries.
import { Component, type ReactNode } from 'react';

interface State {
  error: Error | null;
}

export class TabBoundary extends Component<{ label: string; children: ReactNode }, State> {
  state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <p className="error-banner" role="alert" data-testid="tab-error">
        The {this.props.label} tab stopped: {error.message.split('\n')[0] || 'unknown error'}. The other tabs still
        work; reload the page to try this one again.
      </p>
    );
  }
}
