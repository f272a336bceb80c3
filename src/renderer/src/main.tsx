// Renderer entry (src/renderer): builds the app's services around the backend (Electron bridge or browser-mode
// host) and mounts the React application with them.
// zod-setup comes first: its settings must be in place before any module builds a zod schema.
import './zod-setup';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { backend } from './api/client';
import { ServicesContext } from './hooks/use-services';
import { createAppServices } from './services/app-services';
import 'prosemirror-view/style/prosemirror.css';
import './styles.css';

// The host wrote the user's text size into index.html (data-text-scale): apply it before the first render.
const root = document.documentElement;
root.style.setProperty('--text-scale', root.dataset.textScale ?? '1');

const services = createAppServices(backend);
// Asked for before React's first render, so the requests overlap building the page rather than follow it.
void services.workspace.load();
void services.preferences.load();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ServicesContext.Provider value={services}>
      <App />
    </ServicesContext.Provider>
  </StrictMode>,
);
