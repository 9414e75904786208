import { render } from 'preact';
import { localizeDocument, t } from '@/utils/i18n';
import { Popup } from './Popup';
import './popup.css';

localizeDocument(t('extensionName'));
const root = document.getElementById('app');
if (root) render(<Popup />, root);
