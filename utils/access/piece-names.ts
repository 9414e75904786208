/** The parts of the org (model.ts, `PIECES`) in words, for what says which part could not be read. */
import type { Piece } from './model';
import { t } from '../i18n';

export function pieceName(piece: Piece): string {
  switch (piece) {
    case 'settings':
      return t('pieceSettings');
    case 'projectRoles':
      return t('pieceProjectRoles');
    case 'groups':
      return t('pieceGroups');
    case 'teams':
      return t('pieceTeams');
    case 'teamSpaces':
      return t('pieceTeamSpaces');
    case 'permissions':
      return t('piecePermissions');
  }
}
