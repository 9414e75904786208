import { render } from 'preact';
import { localizeDocument, t } from '@/utils/i18n';
import { AuditLog } from './AuditLog';
import './audit-log.css';

localizeDocument(t('auditDocTitle'));
const root = document.getElementById('app');
if (root) render(<AuditLog />, root);
