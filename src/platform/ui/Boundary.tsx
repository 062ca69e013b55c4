// A part of the page whose code fails to load (a chunk, offline before it was cached) or whose view throws shows
// what happened in its place (`fallback`); the rest of the page keeps working.
import { Component, type ReactNode } from 'react';

interface State {
  error: Error | null;
}

export class Boundary extends Component<{ fallback: (error: Error) => ReactNode; children: ReactNode }, State> {
  state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  render() {
    return this.state.error ? this.props.fallback(this.state.error) : this.props.children;
  }
}

/** The first line of an error's message, for a one-line report. */
export const firstLine = (error: Error) => error.message.split('\n')[0] || 'unknown error';
