/**
 * The report's document details, editable: governing agency, agency, place, the symbol in the
 * document's number, the signer's title and name, the recipients. They start from the workbook's
 * settings, else from what the plan's title rows say; what is left blank stays a dotted
 * placeholder in the report. Building or downloading the report saves them in the workbook.
 */
import * as React from 'react';
import { Caption1, Field, Input, Subtitle2, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import type { UiStrings } from '../strings';
import type { DocumentField, DocumentForm } from './preview';
import type { ReportDocStrings } from './strings';

export interface DocumentFieldsProps {
  t: UiStrings;
  d: ReportDocStrings;
  form: DocumentForm;
  onChange: (field: DocumentField, value: string) => void;
}

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
});

export function DocumentFields(props: DocumentFieldsProps): React.JSX.Element {
  const { t, d, form, onChange } = props;
  const styles = useStyles();
  const line = (field: DocumentField, label: string, placeholder?: string, hint?: string) => (
    <Field label={label} hint={hint}>
      <Input value={form[field]} placeholder={placeholder} onChange={(_, data) => onChange(field, data.value)} />
    </Field>
  );
  const number = `…/BC-${form.docSymbol.trim() || '…'}`;
  return (
    <section aria-labelledby="document-title" className={styles.stack}>
      <Subtitle2 as="h2" id="document-title" className={styles.heading}>
        {d.documentTitle}
      </Subtitle2>
      <Caption1>{d.documentHint}</Caption1>
      {line('governingAgency', d.governingAgency, d.governingAgencyPlaceholder)}
      {line('agency', t.agencyLabel, t.agencyPlaceholder)}
      {line('place', d.place, d.placePlaceholder)}
      {line('docSymbol', d.docSymbol, 'SCT', d.docSymbolHint(number))}
      <Field label={d.signerTitle}>
        <Textarea value={form.signerTitle} placeholder={d.signerTitlePlaceholder} resize="vertical" onChange={(_, data) => onChange('signerTitle', data.value)} />
      </Field>
      {line('signerName', d.signerName)}
      <Field label={d.recipients} hint={d.recipientsHint}>
        <Textarea value={form.recipients} resize="vertical" onChange={(_, data) => onChange('recipients', data.value)} />
      </Field>
    </section>
  );
}
