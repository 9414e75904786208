/** The console double's page: a React 19 single-page app, like the real console. */
import { createRoot } from 'react-dom/client';
import { App } from './components/App';
import './global.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(<App />);
