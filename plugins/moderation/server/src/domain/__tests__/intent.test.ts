import { foldForIntent, guessIntent, INTENT_PRIORITY } from '../intent';

describe('guessIntent', () => {
  it.each([
    ['Quand est-ce que les inscriptions ouvrent ?', 'question'],
    ['Comment faire pour participer au concours', 'question'],
    ['Est-ce que le magasin de Lyon est ouvert dimanche', 'question'],
    ['Je voudrais savoir si la livraison est gratuite', 'question'],
    ['When does the sale start?', 'question'],
    ['How do I sign up for the newsletter', 'question'],
    ['Is there a student discount', 'question'],
    ['Toujours pas reçu ma commande, c’est inadmissible', 'complaint'],
    ['Très déçue par le service client.', 'complaint'],
    ['Votre appli ne marche pas depuis hier', 'complaint'],
    ['Pourquoi ma commande n’est toujours pas arrivée ?', 'complaint'],
    ['Still not received my order, this is ridiculous', 'complaint'],
    ['The app is broken again', 'complaint'],
    ['I want a refund', 'complaint'],
    ['Merci pour ce super article !', 'praise'],
    ['Bravo à toute l’équipe', 'praise'],
    ['Génial, j’adore', 'praise'],
    ['Thanks, this is great', 'praise'],
    ['Well done, loved the event', 'praise'],
    ['Merci ! Et quand est la prochaine date ?', 'question'],
    ['Je partage avec mes amis', 'other'],
    ['Un commentaire sur la photo', 'other'],
    ['', 'other'],
  ])('%s → %s', (text, intent) => {
    expect(guessIntent(text)).toBe(intent);
  });

  it('does not take a word inside another for a cue ("nullement", "topic", "thankful" are not)', () => {
    expect(guessIntent('Ce n’est nullement un problème')).toBe('other');
    expect(guessIntent('Interesting topic')).toBe('other');
  });

  it('puts questions and complaints before praise and the rest', () => {
    expect(INTENT_PRIORITY.question).toBeLessThan(INTENT_PRIORITY.praise);
    expect(INTENT_PRIORITY.complaint).toBeLessThan(INTENT_PRIORITY.other);
  });

  it('folds accents, case and typographic apostrophes', () => {
    expect(foldForIntent('  Déçu’  ÉNORMÉMENT ')).toBe("decu' enormement");
  });
});
