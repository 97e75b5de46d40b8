// Browser entry point: mounts the explorer, and shows start-up errors on the page rather than only in the console.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { t } from './i18n/index.ts';
import './styles.css';

// Benign browser/editor noise that must not be shown as a failure.
const BENIGN = /ResizeObserver loop|^Canceled$|Canceled: Canceled/;

function showFatal(message: string): void {
  if (BENIGN.test(message)) return;
  const el = document.getElementById('fatal');
  if (!el) return;
  el.hidden = false;
  el.textContent = t('fatal.message', { message });
}

window.addEventListener('error', (e) => showFatal(e.message));
window.addEventListener('unhandledrejection', (e) =>
  showFatal(e.reason instanceof Error ? e.reason.message : String(e.reason)),
);

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
