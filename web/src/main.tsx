/** Entry point: mounts the app (or its framed variant, `?embed=1`). */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { EditorApp } from './editor/EditorApp.tsx';
import { isEditorPath } from './editor/routes.ts';
import './styles/base.css';
import './styles/layout.css';
import './styles/panels.css';
import './styles/map.css';
import './styles/timeline.css';
import './styles/table.css';
import './styles/charts.css';
import './styles/embed.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    {isEditorPath(window.location.pathname) ? <EditorApp /> : <App />}
  </StrictMode>,
);
