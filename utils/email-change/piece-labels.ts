/** The pieces of an email change's plan in words (the panel's lines, the reasons and reports that name them). */
import { t } from '../i18n';
import type { PlanPieceName } from './plan';

export function pieceLabel(piece: PlanPieceName): string {
  switch (piece) {
    case 'team':
      return t('ecPieceTeam');
    case 'groupIds':
      return t('ecPieceGroups');
    case 'projectRoles':
      return t('ecPieceProjects');
    case 'defaultProjectId':
      return t('ecPieceDefault');
    case 'teamSpaceIds':
      return t('ecPieceSpaces');
  }
}

export const pieceList = (pieces: readonly PlanPieceName[]): string => pieces.map(pieceLabel).join(', ');
