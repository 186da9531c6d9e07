/**
 * Text for screen readers only: kept in the accessibility tree, not drawn. Marked with
 * `data-sr-only` as well, so that tests (jsdom has no layout) can tell it from shown text.
 */
import { makeStyles } from '@fluentui/react-components';

export const useVisuallyHidden = makeStyles({
  hidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    margin: '-1px',
    padding: 0,
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
    border: 0,
  },
});

export const SR_ONLY = { 'data-sr-only': '' } as const;
