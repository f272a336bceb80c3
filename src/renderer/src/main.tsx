// Renderer entry (src/renderer): mounts the React application.
// zod-setup comes first: its settings must be in place before any module builds a zod schema.
import './zod-setup';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import 'prosemirror-view/style/prosemirror.css';
import './styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
