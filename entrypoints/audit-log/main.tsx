import { render } from 'preact';
import { AuditLog } from './AuditLog';
import './audit-log.css';

const root = document.getElementById('app');
if (root) render(<AuditLog />, root);
