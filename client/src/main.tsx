// Entry point: mounts the explorer.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from '../components/App.tsx';
import { initHistory } from '../state/history.ts';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html must contain <div id="root">.');
// Numbers the first history entry, so undo knows where the explorer's own entries begin.
initHistory();
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
