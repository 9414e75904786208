import { render } from 'preact';
import { localizeDocument, t } from '@/utils/i18n';
import { Options } from './Options';
import './options.css';

localizeDocument(t('optionsDocTitle'));
const root = document.getElementById('app');
if (root) render(<Options />, root);
