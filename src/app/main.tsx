import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import './styles.css';
import { registerOffline } from './offline';
import { startFirstFamily } from './startFamily';

if (import.meta.env.PROD) registerOffline();

startFirstFamily();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
