// Keeps one broken part of the screen from blanking the app (src/renderer/components): a render error in the
// text, a list or a panel shows what failed and a way to try again, while the rest keeps working.
import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  /** What this part of the screen is, for the message ("the document", "the span list"). */
  area: string;
  children: ReactNode;
  /** Changing it clears a shown error (e.g. the analyst opened another document). */
  resetKey?: unknown;
}

interface State {
  error: Error | null;
  resetKey: unknown;
}

export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, resetKey: undefined };

  static getDerivedStateFromError(error: Error): Partial<State> {
    return { error };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey !== state.resetKey ? { error: null, resetKey: props.resetKey } : null;
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`Tagwright could not show ${this.props.area}:`, error, info.componentStack);
  }

  override render(): ReactNode {
    if (this.state.error === null) return this.props.children;
    return (
      <div className="area-error" role="alert">
        <p>
          Tagwright could not show {this.props.area}: {this.state.error.message}. Your saved work is not
          affected.
        </p>
        <button type="button" onClick={() => this.setState({ error: null })}>
          Try again
        </button>
      </div>
    );
  }
}
