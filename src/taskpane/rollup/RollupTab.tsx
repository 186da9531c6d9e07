/**
 * The roll-up tab's content, loaded when the tab is first opened: the roll-up's reader and
 * sheets are a bundle of their own, so the pane opens no slower for those who never use it.
 * Once loaded it stays mounted (the files chosen survive a trip to another tab).
 */
import * as React from 'react';
import { Spinner } from '@fluentui/react-components';
import type { RollupPanelProps } from './RollupPanel';

const RollupPanel = React.lazy(() => import('./RollupPanel').then((m) => ({ default: m.RollupPanel })));

export function RollupTab(props: RollupPanelProps & { active: boolean }): React.JSX.Element | null {
  const { active, ...panel } = props;
  const [opened, setOpened] = React.useState(active);
  React.useEffect(() => {
    if (active) setOpened(true);
  }, [active]);
  if (!opened) return null;
  return (
    <React.Suspense fallback={<Spinner size="tiny" />}>
      <RollupPanel {...panel} />
    </React.Suspense>
  );
}
