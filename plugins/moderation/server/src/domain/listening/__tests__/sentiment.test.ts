import { sentimentOf } from '../sentiment';
import { excluded, mentionsTerms } from '../match';
import { languageOf } from '../../language';

describe('listening sentiment', () => {
  it('reads praise and complaints in French, negations included', () => {
    expect(sentimentOf('Service client au top, merci !', 'fr')).toBe('positive');
    expect(sentimentOf('Je suis très déçue, colis cassé', 'fr')).toBe('negative');
    expect(sentimentOf("Le colis n'est jamais arrivé", 'fr')).toBe('negative');
    expect(sentimentOf("C'est pas mal du tout", 'fr')).toBe('positive');
    expect(sentimentOf('Vous livrez en Belgique ?', 'fr')).toBe('neutral');
  });

  it('reads praise and complaints in English, negations included', () => {
    expect(sentimentOf('Love the new app, great job', 'en')).toBe('positive');
    expect(sentimentOf("The app doesn't work and support is useless", 'en')).toBe('negative');
    expect(sentimentOf('Not happy at all with the repair', 'en')).toBe('negative');
    expect(sentimentOf('The shop opens at 9am', 'en')).toBe('neutral');
  });
});

describe('listening match', () => {
  const search = { terms: ['Porte-voix', '#lumio'], exclusions: ['recrutement'], languages: ['fr'] };
  it('finds a term as a word or hashtag, whatever its case, accents and hyphen', () => {
    expect(mentionsTerms(search, 'Vu porte voix hier')).toBe(true);
    expect(mentionsTerms(search, 'Vive #PorteVoix')).toBe(true);
    expect(mentionsTerms(search, 'Lumio ouvre à Lyon')).toBe(true);
    expect(mentionsTerms(search, 'Les lumiomètres')).toBe(false);
    expect(excluded(search, 'Porte-voix : Recrutement ouvert')).toBe(true);
  });
  it('takes the language a source gives, and guesses it otherwise', () => {
    expect(languageOf('fr-FR', 'whatever')).toBe('fr');
    expect(languageOf('de', 'whatever')).toBe('de');
    expect(languageOf(null, "Je n'ai pas reçu ma commande")).toBe('fr');
    expect(languageOf('und', 'I did not get my order')).toBe('en');
  });
});
