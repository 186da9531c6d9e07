/**
 * Light or dark, as Excel shows itself. Office.context.officeTheme.isDarkTheme says it where the
 * client knows it; older clients give only the theme's colours, and a dark pane background
 * (bodyBackgroundColor, "#RRGGBB") means a dark theme. Without either, light.
 * https://learn.microsoft.com/javascript/api/office/office.officetheme
 */
export interface OfficeThemeLike {
  isDarkTheme?: boolean;
  bodyBackgroundColor?: string;
}

/** Relative luminance (WCAG 2) of "#RRGGBB" or "RRGGBB"; null when it is not such a colour. */
export function luminance(color: string): number | null {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color.trim());
  if (!m) return null;
  const [r, g, b] = m.slice(1).map((h) => {
    const c = parseInt(h, 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function isDarkOfficeTheme(theme: OfficeThemeLike | null | undefined): boolean {
  if (!theme) return false;
  if (typeof theme.isDarkTheme === 'boolean') return theme.isDarkTheme;
  const l = typeof theme.bodyBackgroundColor === 'string' ? luminance(theme.bodyBackgroundColor) : null;
  // Below the luminance where white text and black text contrast equally with it.
  return l !== null && l < 0.18;
}
