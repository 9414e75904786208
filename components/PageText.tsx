/**
 * A name, email or other value from the page or a file, shown so that it cannot lie: isolated
 * from the text around it (<bdi>), and every hidden character (bidi controls, zero-width and other
 * invisible ones, see utils/text/visible-text.ts) shown as a marker such as ⟨U+202E⟩. Everything
 * is rendered as text. The marker's look is inline so that it is distinct in every stylesheet the
 * component lands in (the page's shadow roots, the extension's pages); colours follow the text.
 */
import { t } from '@/utils/i18n';
import { codePointLabel, visibleParts } from '@/utils/text/visible-text';

export interface PageTextProps {
  text: string;
  class?: string;
}

const MARKER_STYLE = {
  border: '1px dashed currentColor',
  borderRadius: '3px',
  padding: '0 2px',
  margin: '0 1px',
  fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
  fontSize: '0.85em',
  fontStyle: 'normal',
  fontWeight: 'bold',
};

export function PageText({ text, class: className }: PageTextProps) {
  const parts = visibleParts(text);
  return (
    <bdi class={className}>
      {parts.map((part, index) =>
        part.kind === 'text' ? (
          part.text
        ) : (
          <span key={index} class="al-hidden-char" style={MARKER_STYLE} title={t('hiddenCharacterTitle', { code: codePointLabel(part.codePoint) })}>
            {part.marker}
          </span>
        ),
      )}
    </bdi>
  );
}

/** A stand-in for a page value inside a translated sentence: `t('cardTitle', { name: slot(0) })`. */
export const slot = (index: number): string => String.fromCharCode(0xe000 + index);

/**
 * A translated sentence with page values in it, each value where its `slot` stands, shown by
 * PageText (isolated, hidden characters marked): the words stay the translator's, the values stay
 * text. `t('auditRemovedBy', { who: slot(0) })` with `[name]`.
 */
export function withPageText(sentence: string, values: readonly string[]) {
  return sentence.split(/([\uE000-\uE0FF])/).map((part, index) => {
    const value = part.length === 1 ? values[part.charCodeAt(0) - 0xe000] : undefined;
    return value === undefined ? part : <PageText key={index} text={value} />;
  });
}
