// Theme and text size on the page (src/renderer/hooks): the root element's data-theme picks the colour set
// in styles.css, and --text-scale sizes the document text. The host writes both into index.html when it
// serves it, so the first paint already has them; this keeps them in step with later changes.
import { useEffect } from 'react';
import type { Preferences } from '@shared/model';
import { useServices } from './use-services';
import { useStore } from './use-store';

export function applyAppearance(root: HTMLElement, prefs: Pick<Preferences, 'theme' | 'textScale'>): void {
  root.dataset.theme = prefs.theme;
  root.style.setProperty('--text-scale', String(prefs.textScale));
}

export function useAppearance(): void {
  const services = useServices();
  const prefs = useStore(services.preferences.current);
  useEffect(() => applyAppearance(document.documentElement, prefs), [prefs]);
}
