/**
 * @jest-environment jsdom
 *
 * The language switch and the starting language.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { TODAY, setup, opened } from './taskpane-helpers';

describe('task pane: language', () => {
  it('switches language: the pane speaks English, reads the issues again in English and remembers the choice', async () => {
    const { host, user, onLangChange } = setup();
    await opened();
    await user.selectOptions(screen.getByLabelText('Ngôn ngữ'), 'en');
    expect(onLangChange).toHaveBeenCalledWith('en');
    expect(screen.getByRole('heading', { name: 'CCHC plan' })).toBeTruthy();
    expect(screen.getByRole('tab', { name: 'Quarterly report' })).toBeTruthy();
    await waitFor(() => expect(host.callsOf('inspect')).toEqual([[{ asOf: TODAY, lang: 'vi' }], [{ asOf: TODAY, lang: 'en' }]]));
    expect(await screen.findAllByRole('button', { name: /No lead unit/ })).toHaveLength(2);
    expect(screen.getByTestId('results-summary').textContent).toBe('6 tasks: 5 errors, 1 warning, 1 note.');
    expect(within(screen.getByTestId('group-overdue')).getByText('Error')).toBeTruthy();
    expect(within(screen.getByTestId('group-lead-missing')).getByText('Lead unit missing')).toBeTruthy();

    await user.selectOptions(screen.getByLabelText('Language'), 'vi');
    expect(screen.getByRole('heading', { name: 'Kế hoạch CCHC' })).toBeTruthy();
  });

  it('starts in English when asked to', async () => {
    const { host } = setup({ lang: 'en' });
    await opened();
    expect(host.callsOf('inspect')).toEqual([[{ asOf: TODAY, lang: 'en' }]]);
    expect(screen.getByRole('button', { name: 'Check and highlight' })).toBeTruthy();
  });
});
