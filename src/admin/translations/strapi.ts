/**
 * Messages Strapi 5.54 shows on the screens a community manager uses but does not translate: the content
 * manager's French (`@strapi/content-manager` fr.json lacks 75 of its 344 messages), a few admin messages
 * used there, and the users-permissions "User" type's name and field labels. `__tests__/strapi-messages.test.ts` fails
 * when a Strapi upgrade adds a content-manager message that has no French.
 */

/**
 * Ids Strapi's content manager looks up that none of its translation files has, in any language (react-intl
 * stays silent about them in English only because English is its default locale).
 */
const UNTRANSLATED_EVERYWHERE = {
  en: {
    'search.placeholder': 'Search',
    clearLabel: 'Clear',
    'content-manager.plugin.name': 'Content Manager',
    'content-manager.containers.list.table-headers.status': 'Status',
    'components.Blocks.blocks.bulletList': 'Bulleted list',
    'components.Blocks.blocks.numberList': 'Numbered list',
  },
  fr: {
    'search.placeholder': 'Rechercher',
    clearLabel: 'Effacer',
    'content-manager.plugin.name': 'Gestionnaire de contenu',
    'content-manager.containers.list.table-headers.status': 'Statut',
    'components.Blocks.blocks.bulletList': 'Liste à puces',
    'components.Blocks.blocks.numberList': 'Liste numérotée',
  },
};

const CM = 'content-manager';

/** The users-permissions plugin's "User" type, listed in the Content Manager: its name and field labels. */
export const USER_UID = 'plugin::users-permissions.user';
const userField = (field: string) => `${CM}.content-types.${USER_UID}.${field}`;
const USER_TYPE = {
  en: {
    username: 'Username',
    email: 'E-mail',
    provider: 'Sign-in provider',
    password: 'Password',
    resetPasswordToken: 'Password reset token',
    confirmationToken: 'Confirmation token',
    confirmed: 'Confirmed',
    blocked: 'Blocked',
    role: 'Role',
  },
  fr: {
    username: 'Nom d’utilisateur',
    email: 'E-mail',
    provider: 'Fournisseur de connexion',
    password: 'Mot de passe',
    resetPasswordToken: 'Jeton de réinitialisation du mot de passe',
    confirmationToken: 'Jeton de confirmation',
    confirmed: 'Confirmé',
    blocked: 'Bloqué',
    role: 'Rôle',
  },
};
const userMessages = (labels: Record<string, string>) =>
  Object.fromEntries(Object.entries(labels).map(([field, label]) => [userField(field), label]));

export const strapiFr: Record<string, string> = {
  ...UNTRANSLATED_EVERYWHERE.fr,
  User: 'Utilisateur',
  ...userMessages(USER_TYPE.fr),
  'app.utils.published': 'Publié',
  'app.utils.update-filter': 'Modifier le filtre',
  'global.localeToggle.label': 'Choisir la langue de l’interface',
  'HomePage.widget.no-permissions': 'Vous n’avez pas la permission de voir ce widget',
  'HomePage.addWidget.title': 'Ajouter un widget',
  'HomePage.addWidget.noWidgetsAvailable': 'Aucun widget à ajouter',
  'HomePage.addWidget.button': 'Ajouter un widget',
  'HomePage.widget.delete': 'Supprimer',
  'HomePage.widget.drag': 'Glisser pour déplacer',
  'app.error.chunk.message':
    'L’administration n’a pas pu charger un écran. Cela arrive souvent quand le serveur démarre ou que la connexion a été interrompue. Rechargez la page pour réessayer.',
  'app.error.chunk.reload': 'Recharger la page',

  [`${CM}.actions.delete.label`]:
    'Supprimer l’entrée{isLocalized, select, true { (toutes les langues)} other {}}',
  [`${CM}.actions.open-in-new-tab.label`]: 'Ouvrir dans un nouvel onglet',
  [`${CM}.actions.copy-documentId.label`]: 'Copier l’identifiant du document',
  [`${CM}.actions.copy-documentId.success`]: 'Identifiant du document copié',
  [`${CM}.components.DynamicZone.extra-components`]:
    'Il y a {number, plural, =0 {# composant en trop} one {# composant en trop} other {# composants en trop}}',
  [`${CM}.components.DynamicZone.unknown-component`]: 'Composant inconnu',
  [`${CM}.components.DynamicZone.move-up`]: 'Monter',
  [`${CM}.components.DynamicZone.move-down`]: 'Descendre',
  [`${CM}.components.RelationInputModal.modal-title`]: 'Modifier une relation',
  [`${CM}.components.RelationInputModal.button-fullpage`]: 'Aller à l’entrée',
  [`${CM}.components.RelationInputModal.confirmation-message`]:
    'Des modifications n’ont pas été enregistrées. Voulez-vous vraiment fermer cette relation ? Les modifications non enregistrées seront perdues.',
  [`${CM}.containers.edit.information.last-published.value`]:
    '{time}{isAnonymous, select, true {} other { par {author}}}',
  [`${CM}.containers.edit.information.last-draft.value`]:
    '{time}{isAnonymous, select, true {} other { par {author}}}',
  [`${CM}.containers.edit.information.document.value`]:
    '{time}{isAnonymous, select, true {} other { par {author}}}',
  [`${CM}.containers.edit.information.documentId.label`]: 'Identifiant du document',
  [`${CM}.containers.List.statusFilter.draft`]: 'Brouillon (jamais publié)',
  [`${CM}.containers.List.statusFilter.published`]: 'Publié (tous)',
  [`${CM}.containers.List.statusFilter.publishedModified`]: 'Publié (modifié depuis)',
  [`${CM}.containers.List.statusFilter.publishedUnmodified`]: 'Publié (non modifié)',
  [`${CM}.containers.list.filters.status`]: 'Statut',
  [`${CM}.containers.list.selectedEntriesModal.title`]: 'Publier les entrées',
  [`${CM}.containers.list.selectedEntriesModal.selectedCount.publish`]:
    '<b>{publishedCount}</b> {publishedCount, plural, =0 {entrée déjà publiée} one {entrée déjà publiée} other {entrées déjà publiées}}. <b>{draftCount}</b> {draftCount, plural, =0 {entrée prête} one {entrée prête} other {entrées prêtes}} à publier. <b>{withErrorsCount}</b> {withErrorsCount, plural, =0 {entrée demande} one {entrée demande} other {entrées demandent}} une action.',
  [`${CM}.containers.list.selectedEntriesModal.selectedCount.unpublish`]:
    '<b>{draftCount}</b> {draftCount, plural, =0 {entrée déjà dépubliée} one {entrée déjà dépubliée} other {entrées déjà dépubliées}}. <b>{publishedCount}</b> {publishedCount, plural, =0 {entrée prête} one {entrée prête} other {entrées prêtes}} à dépublier.',
  [`${CM}.containers.list.autoCloneModal.error.unique`]:
    'Des valeurs identiques dans un champ unique sont interdites.',
  [`${CM}.containers.list.autoCloneModal.error.relation`]:
    'Dupliquer la relation pourrait la retirer de l’entrée d’origine.',
  [`${CM}.containers.edit-settings.modal-form.mainField.hint`]:
    'Le champ affiché dans la vue d’édition et dans la liste',
  [`${CM}.containers.edit-settings.modal-form.size`]: 'Taille',
  [`${CM}.containers.SettingPage.add.relational-field`]: 'Insérer un autre champ lié',
  [`${CM}.containers.SettingPage.editSettings.relationOpenMode`]: 'Ouverture des relations',
  [`${CM}.containers.SettingPage.editSettings.relationOpenMode.description`]:
    'Comment s’ouvre une entrée liée quand on clique dessus',
  [`${CM}.containers.SettingPage.editSettings.relationOpenMode.modal`]: 'Fenêtre (par défaut)',
  [`${CM}.containers.SettingPage.editSettings.relationOpenMode.newTab`]: 'Nouvel onglet',
  [`${CM}.containers.SettingPage.editSettings.relationOpenMode.page`]: 'Aller à la page',
  [`${CM}.containers.SettingPage.relations`]: 'Champs liés',
  [`${CM}.form.Input.hint.character.unit`]: '{maxValue, plural, one { caractère} other { caractères}}',
  [`${CM}.form.Input.hint.minMaxDivider`]: ' / ',
  [`${CM}.form.Input.hint.text`]:
    '{min, select, undefined {} other {min. {min}}}{divider}{max, select, undefined {} other {max. {max}}}{unit}{br}{description}',
  [`${CM}.permissions.not-allowed.locale`]:
    'Vous n’avez pas la permission d’accéder à ce contenu dans la langue demandée',
  [`${CM}.popUpWarning.warning.has-draft-relations.title`]: 'Confirmation',
  [`${CM}.popUpWarning.warning.has-draft-relations.message`]:
    'Cette entrée est liée à {count, plural, one {# entrée en brouillon} other {# entrées en brouillon}}. {count, plural, one {Cette relation ne fera pas partie de la version publiée.} other {Ces relations ne feront pas partie de la version publiée.}}',
  [`${CM}.popUpWarning.warning.has-draft-m2m-relations.message`]:
    '{count, plural, one {# entrée liée est encore en brouillon. Elle apparaîtra sur le site une fois publiée.} other {# entrées liées sont encore en brouillon. Elles apparaîtront sur le site une fois publiées.}}',
  [`${CM}.popUpWarning.warning.has-draft-m2m-relations.additional`]:
    '{count, plural, one {# lien plusieurs-à-plusieurs pointe} other {# liens plusieurs-à-plusieurs pointent}} vers des brouillons qui deviendront visibles une fois publiés.',
  [`${CM}.popUpwarning.warning.bulk-has-draft-relations.message`]:
    '<b>{count} {count, plural, one { relation } other { relations } } sur {entities} { entities, plural, one { entrée } other { entrées } } {count, plural, one { n’est } other { ne sont } }</b> pas encore {count, plural, one {publiée} other {publiées}}, ce qui peut donner un résultat inattendu.',
  [`${CM}.popUpWarning.warning.unpublish`]:
    'Si vous ne publiez pas ce contenu, il redeviendra automatiquement un brouillon.',
  [`${CM}.popUpWarning.warning.unpublish-question`]: 'Voulez-vous vraiment ne pas le publier ?',
  [`${CM}.preview.panel.title`]: 'Aperçu',
  [`${CM}.preview.panel.button`]: 'Ouvrir l’aperçu',
  [`${CM}.preview.panel.button-configuration`]: 'Configurer l’aperçu',
  [`${CM}.preview.panel.button-disabled-tooltip`]: 'Enregistrez pour ouvrir l’aperçu',
  [`${CM}.preview.page-title`]: 'Aperçu : {contentType}',
  [`${CM}.preview.header.close`]: 'Fermer l’aperçu',
  [`${CM}.preview.copy.label`]: 'Copier le lien de l’aperçu',
  [`${CM}.preview.copy.success`]: 'Lien de l’aperçu copié',
  [`${CM}.preview.tabs.label`]: 'Statut de l’aperçu',
  [`${CM}.preview.device.select`]: 'Choisir le type d’appareil',
  [`${CM}.preview.device.desktop`]: 'Ordinateur',
  [`${CM}.preview.device.mobile`]: 'Mobile',
  [`${CM}.preview.info.single-click-hint`]: 'Double-cliquez pour modifier',
  [`${CM}.preview.error.invalid-field-path`]: 'Ce champ est introuvable dans le document',
  [`${CM}.preview.error.relations-not-handled`]:
    'La modification directe des relations n’est pas encore possible.',
  [`${CM}.preview.error.incomplete-strapi-source`]:
    'Il manque à ce champ des informations nécessaires à l’aperçu',
  [`${CM}.preview.error.different-document`]: 'Ce champ vient d’un autre document',
  [`${CM}.preview.error.script-failed`]:
    'Le script d’aperçu en direct n’a pas pu être chargé. La modification visuelle peut être indisponible.',
  [`${CM}.relation.create`]: 'Créer une relation',
  [`${CM}.success.records.publish`]: 'Publié.',
  [`${CM}.listView.validation.errors.title`]: 'Action requise',
  [`${CM}.listView.validation.errors.message`]:
    'Vérifiez que tous les champs sont valides avant de publier (champs obligatoires, nombre de caractères min./max., etc.)',
  [`${CM}.history.sidebar.version-card.aria-label`]: 'Carte de version',
  [`${CM}.history.sidebar.versionDescription`]:
    '{distanceToNow}{isAnonymous, select, true {} other { par {author}}}{isCurrent, select, true { <b>(actuelle)</b>} other {}}',
  [`${CM}.history.version.subtitle`]:
    '{hasLocale, select, true {{subtitle}, en {locale}} other {{subtitle}}}',
  [`${CM}.history.content.missing-assets.title`]:
    '{number, plural, =1 {Média manquant} other {{number} médias manquants}}',
  [`${CM}.history.content.missing-assets.message`]:
    '{number, plural, =1 {Il a été supprimé} other {Ils ont été supprimés}} de la médiathèque et ne peuvent être restaurés.',
  [`${CM}.history.content.missing-relations.title`]:
    '{number, plural, =1 {Relation manquante} other {{number} relations manquantes}}',
  [`${CM}.history.content.missing-relations.message`]:
    '{number, plural, =1 {Elle a été supprimée} other {Elles ont été supprimées}} et ne peuvent être restaurées.',
  [`${CM}.validation.error.unreadable-required-field`]:
    'Vos permissions ne donnent pas accès à certains champs obligatoires. Demandez l’accès à un administrateur pour continuer.',
};

export const strapiEn: Record<string, string> = {
  ...UNTRANSLATED_EVERYWHERE.en,
  ...userMessages(USER_TYPE.en),
};
