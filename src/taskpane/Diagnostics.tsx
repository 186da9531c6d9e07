/**
 * "Thông tin hỗ trợ" / "Support information": a closed section at the foot of the pane that,
 * once opened, gathers what an office IT person needs for a support request (Office platform and
 * version, API sets, the sheet's size and merged areas, the add-in's version, the last Excel
 * error with its code and debug info) and copies it as text. Nothing is sent anywhere.
 */
import * as React from 'react';
import { Button, Caption1, Spinner, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import type { Lang } from '../engine/model';
import { supportLines, supportText, type SupportInfo } from '../hosts/excel/support-text';

export const DIAGNOSTICS_STRINGS = {
  vi: {
    title: 'Thông tin hỗ trợ',
    show: 'Xem thông tin hỗ trợ',
    hide: 'Ẩn thông tin hỗ trợ',
    hint: 'Khi cần hỗ trợ, hãy sao chép và gửi nội dung này cho bộ phận công nghệ thông tin. Không có gì được gửi tự động.',
    collecting: 'Đang thu thập…',
    refresh: 'Thu thập lại',
    copy: 'Sao chép',
    copied: 'Đã sao chép vào bộ nhớ tạm.',
    copyFailed: 'Không sao chép được: hãy chọn nội dung rồi nhấn Ctrl+C.',
    failed: 'Không thu thập được thông tin hỗ trợ',
  },
  en: {
    title: 'Support information',
    show: 'Show support information',
    hide: 'Hide support information',
    hint: 'When you need help, copy this and send it to your IT staff. Nothing is sent automatically.',
    collecting: 'Collecting…',
    refresh: 'Collect again',
    copy: 'Copy',
    copied: 'Copied to the clipboard.',
    copyFailed: 'Could not copy: select the text and press Ctrl+C.',
    failed: 'The support information could not be collected',
  },
} as const;

export interface DiagnosticsProps {
  lang: Lang;
  collect: () => Promise<SupportInfo>;
}

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, borderTop: `1px solid ${tokens.colorNeutralStroke2}`, paddingTop: tokens.spacingVerticalS },
  list: { margin: 0, display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXXS, fontSize: tokens.fontSizeBase200 },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
});

/** The clipboard API where allowed; otherwise the selection of a temporary text area (Office
 * webviews may refuse navigator.clipboard). */
async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // fall through to the selection
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.appendChild(area);
  area.select();
  try {
    return typeof document.execCommand === 'function' && document.execCommand('copy');
  } catch {
    return false;
  } finally {
    area.remove();
  }
}

export function Diagnostics({ lang, collect }: DiagnosticsProps): React.JSX.Element {
  const t = DIAGNOSTICS_STRINGS[lang];
  const styles = useStyles();
  const [open, setOpen] = React.useState(false);
  const [info, setInfo] = React.useState<SupportInfo | null>(null);
  const [loading, setLoading] = React.useState(false);
  const [failure, setFailure] = React.useState<string | null>(null);
  const [copyState, setCopyState] = React.useState<'copied' | 'failed' | null>(null);

  const gather = React.useCallback(async () => {
    setLoading(true);
    setFailure(null);
    setCopyState(null);
    try {
      setInfo(await collect());
    } catch (e) {
      setFailure(e instanceof Error ? e.message : String(e));
    } finally {
      setLoading(false);
    }
  }, [collect]);

  const toggle = () => {
    const next = !open;
    setOpen(next);
    if (next && !info && !loading) void gather();
  };

  const copy = async () => {
    if (!info) return;
    setCopyState((await copyText(supportText(info, lang))) ? 'copied' : 'failed');
  };

  return (
    <section className={styles.root} aria-labelledby="diagnostics-title" data-testid="diagnostics">
      <Subtitle2 as="h2" id="diagnostics-title">
        {t.title}
      </Subtitle2>
      <div className={styles.actions}>
        <Button size="small" appearance="subtle" aria-expanded={open} aria-controls="diagnostics-body" onClick={toggle}>
          {open ? t.hide : t.show}
        </Button>
      </div>
      {open && (
        <div id="diagnostics-body" className={styles.root}>
          <Caption1>{t.hint}</Caption1>
          {loading && <Spinner size="tiny" labelPosition="after" label={t.collecting} />}
          {failure && (
            <Caption1 role="alert">
              {t.failed}: {failure}
            </Caption1>
          )}
          {info && !loading && (
            <dl className={styles.list} data-testid="diagnostics-list">
              {supportLines(info, lang).map((line) => (
                <React.Fragment key={line.label}>
                  <dt className={styles.term}>{line.label}</dt>
                  <dd className={styles.value}>{line.value}</dd>
                </React.Fragment>
              ))}
            </dl>
          )}
          <div className={styles.actions}>
            <Button size="small" appearance="primary" disabledFocusable={!info || loading} onClick={() => void copy()}>
              {t.copy}
            </Button>
            <Button size="small" disabledFocusable={loading} onClick={() => void gather()}>
              {t.refresh}
            </Button>
            <span role="status" aria-live="polite">
              {copyState === 'copied' ? t.copied : copyState === 'failed' ? t.copyFailed : ''}
            </span>
          </div>
        </div>
      )}
    </section>
  );
}
